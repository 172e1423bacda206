"""Grid jobs: visit plans, tasks from unreachable pushes (issue 11).

The composition root (:mod:`workers.settings`) reads the three names below.
"""

from __future__ import annotations

import logging
from typing import Any

from arq import cron
from arq.typing import WorkerCoroutine

from server.config import load_settings
from server.core.outbox import EventHandler, OutboxEvent
from server.grid import tasks

log = logging.getLogger("zwgk.worker.grid")


async def on_push_unreachable(event: OutboxEvent) -> None:
    """A push that reached nobody becomes a visit task for the responsible grid worker."""
    days = load_settings().grid.unreachable_task_days
    created = await tasks.tasks_from_unreachable(dict(event.payload), days)
    if created:
        log.info("push intent %s: %d visit task(s)", event.payload.get("intent_id"), created)


async def plan_visit_tasks(ctx: dict[str, Any]) -> int:
    """Daily: visits due or overdue by the visit plans become tasks."""
    settings = ctx.get("settings") or load_settings()
    created = await tasks.generate_plan_tasks(lead_days=settings.grid.plan_lead_days)
    if created:
        log.info("visit plans: %d new task(s)", created)
    return created


#: arq functions enqueued by this domain.
FUNCTIONS: list[WorkerCoroutine] = [plan_visit_tasks]
#: arq cron jobs of this domain (06:10 China time = 22:10 UTC).
CRON_JOBS: list[Any] = [cron(plan_visit_tasks, hour={22}, minute={10}, run_at_startup=False)]
#: Outbox topic → handlers of this domain.
EVENT_HANDLERS: dict[str, list[EventHandler]] = {"push.unreachable": [on_push_unreachable]}
