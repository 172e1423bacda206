"""Complaint deadline and warning jobs (issue 10).

The composition root (:mod:`workers.settings`) reads the three names below.
"""

from __future__ import annotations

import logging
from typing import Any

from arq import cron
from arq.typing import WorkerCoroutine

from server.config import ComplaintSettings, load_settings
from server.core.outbox import EventHandler, OutboxEvent

log = logging.getLogger("zwgk.worker.complaints")


def _settings(ctx: dict[str, Any] | None = None) -> ComplaintSettings:
    settings = (ctx or {}).get("settings") or load_settings()
    complaints: ComplaintSettings = settings.complaints
    return complaints


async def on_problem_found(event: OutboxEvent) -> None:
    """``visit.problem_found`` from the grid stream → a case (one per visit)."""
    from server.complaints.jobs import case_from_visit

    case = await case_from_visit(dict(event.payload), _settings())
    if case is not None:
        log.info("visit %s → case %s", event.payload.get("visit_id"), case.tracking_no)


async def check_complaint_deadlines(ctx: dict[str, Any]) -> dict[str, int]:
    """Warn departments at 80% of the time and escalate overdue cases (cron)."""
    from server.complaints.jobs import check_deadlines

    result = await check_deadlines(_settings(ctx))
    if any(result.values()):
        log.info("complaint deadlines: %s", result)
    return result


#: arq functions enqueued by this domain.
FUNCTIONS: list[WorkerCoroutine] = [check_complaint_deadlines]
#: arq cron jobs of this domain.
CRON_JOBS: list[Any] = [
    cron(check_complaint_deadlines, minute={0, 15, 30, 45}, run_at_startup=False)
]
#: Outbox topic → handlers of this domain.
EVENT_HANDLERS: dict[str, list[EventHandler]] = {"visit.problem_found": [on_problem_found]}
