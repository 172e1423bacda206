"""惠企政策 matching jobs (issue 8).

The composition root (:mod:`workers.settings`) reads the three names below.

* ``enterprise.changed`` → the enterprises against every active policy;
* ``policy.published``, ``policy.eligibility_changed``, ``policy.withdrawn``,
  ``policy.expired`` → the policy against every enterprise (or its matches revoked);
* daily: anniversaries (years established) and application-deadline reminders.

Handlers are idempotent: matches are diffed and push intents carry dedup keys.
"""

from __future__ import annotations

from typing import Any

from arq import cron
from arq.typing import WorkerCoroutine

from server.config import EnterpriseSettings
from server.core.outbox import EventHandler, OutboxEvent
from server.enterprises import matching


async def on_enterprise_changed(event: OutboxEvent) -> None:
    ids = event.payload.get("enterprise_ids") or [int(event.subject_id)]
    await matching.recompute_enterprises([int(i) for i in ids])


async def on_policy_changed(event: OutboxEvent) -> None:
    policy_id = int(event.payload.get("policy_id") or event.subject_id)
    await matching.recompute_policy(policy_id)


def _settings(ctx: dict[str, Any]) -> EnterpriseSettings:
    settings = ctx.get("settings")
    return settings.enterprises if settings is not None else EnterpriseSettings()


async def match_policy(ctx: dict[str, Any], policy_id: int) -> int:
    """arq job: re-evaluate one policy against every enterprise; returns stored matches."""
    chunk = _settings(ctx).match_chunk_size
    return (await matching.recompute_policy(policy_id, chunk_size=chunk)).stored


async def daily_matching(ctx: dict[str, Any]) -> dict[str, int]:
    """arq cron: anniversaries re-evaluated, then deadline reminders queued."""
    stats = await matching.anniversaries()
    reminders = await matching.deadline_reminders(days=_settings(ctx).reminder_days)
    return {"anniversary_evaluated": stats.evaluated, "reminders": reminders}


#: arq functions enqueued by this domain.
FUNCTIONS: list[WorkerCoroutine] = [match_policy]
#: arq cron jobs of this domain (17:05 UTC = 01:05 China time).
CRON_JOBS: list[Any] = [cron(daily_matching, hour={17}, minute={5}, timeout=3600)]
#: Outbox topic → handlers of this domain.
EVENT_HANDLERS: dict[str, list[EventHandler]] = {
    "enterprise.changed": [on_enterprise_changed],
    "policy.published": [on_policy_changed],
    "policy.eligibility_changed": [on_policy_changed],
    "policy.withdrawn": [on_policy_changed],
    "policy.expired": [on_policy_changed],
}
