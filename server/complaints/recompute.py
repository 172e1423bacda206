"""Recompute provisional deadlines once a year's holiday schedule is known."""

from __future__ import annotations

from datetime import date

from server.complaints.deadlines import invalidate_cache, load_calendar
from server.complaints.models import Complaint
from server.complaints.service import OPEN_STATUSES
from server.config import ComplaintSettings


async def recompute_provisional(settings: ComplaintSettings) -> int:
    """Recount every open provisional deadline from its start; returns the cases changed."""
    invalidate_cache()
    cal = await load_calendar()
    changed = 0
    cases = await Complaint.filter(provisional=True, status__in=[s.value for s in OPEN_STATUSES])
    for case in cases:
        info = dict(case.deadline_info)
        provisional = False
        for stage in ("accept", "reply"):
            entry = info.get(stage)
            if not isinstance(entry, dict) or "set_by" in entry or "start" not in entry:
                continue
            fresh = cal.add_working_days(date.fromisoformat(entry["start"]), entry["working_days"])
            due = fresh.due
            for stop in info.get("suspensions", []):
                if stop.get("stage") == stage and stop.get("working_days_stopped"):
                    due = cal.add_working_days(due, stop["working_days_stopped"]).due
            info[stage] = {**fresh.explain(), "due": due.isoformat()}
            provisional = provisional or fresh.provisional
            if stage == "accept":
                case.accept_due = due
            else:
                case.reply_due = due
        case.deadline_info = info
        case.provisional = provisional
        await case.save()
        changed += 1
    return changed
