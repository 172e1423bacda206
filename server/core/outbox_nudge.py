"""The fast path of the outbox: after a commit, ask a worker to relay at once.

``nudge(redis)`` sets a short-lived Redis flag with ``SET NX`` and, when it set it,
enqueues the arq job ``relay_outbox_now`` under a unique id. The job deletes the flag
*before* it looks for events, so a commit either enqueues a job or finds the flag of a
job that has not started its pass yet — and that pass sees the commit. Many commits in
a burst thus cost one job, and none waits for the cron sweep (which remains the safety
net when Redis or every worker is down). Call it only after the transaction commits.
"""

from __future__ import annotations

import logging
import uuid

import redis.asyncio as aioredis
from arq.connections import ArqRedis
from redis.exceptions import RedisError

log = logging.getLogger("zwgk.outbox")

#: Set while a nudge job is queued and has not started its pass.
NUDGE_FLAG = "zwgk:outbox:nudge"
#: The arq function a nudge enqueues (see ``workers.settings``).
NUDGE_JOB = "relay_outbox_now"
#: A flag left by a job that never ran (no worker) blocks nudges this long at most.
FLAG_SECONDS = 5


async def nudge(redis: aioredis.Redis | None) -> bool:
    """Ask a worker to relay pending events now; ``True`` when a job was enqueued.

    Best effort: Redis errors are logged and swallowed (the sweep delivers later).
    """
    if redis is None:
        return False
    try:
        if not await redis.set(NUDGE_FLAG, b"1", nx=True, ex=FLAG_SECONDS):
            return False  # a queued job that has not started yet will see this commit
        try:
            arq = ArqRedis(redis.connection_pool)
            await arq.enqueue_job(NUDGE_JOB, _job_id=f"outbox-nudge:{uuid.uuid4().hex}")
        except BaseException:
            await redis.delete(NUDGE_FLAG)
            raise
        return True
    except (RedisError, OSError) as exc:
        log.warning("outbox nudge failed (the sweep will relay): %s", exc)
        return False


async def clear_flag(redis: aioredis.Redis) -> None:
    """Called by the job before its pass (see the module doc)."""
    await redis.delete(NUDGE_FLAG)
