"""``zwgk worker`` with a probe handler, for the scale-out test (tests/test_scale_out.py).

Runs the real worker command (``server.cli.main(["worker"])``) after registering one
extra handler for ``policy.published`` and ``policy.updated`` that records, in Redis,
how often each event was handled, by which process, and which WeChat access token the
process's gateway used (the token comes from the shared, Redis-held cache).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from server.core.outbox import OutboxEvent

_ctx: dict[str, Any] = {}


async def probe(event: OutboxEvent) -> None:
    redis = _ctx["redis"]
    token = await _ctx["wechat"].access_token()
    await redis.sadd("scale:tokens", token)
    await redis.hincrby("scale:handled", str(event.id), 1)
    await redis.hincrby("scale:pids", str(os.getpid()), 1)


def main() -> int:
    from server.cli import main as zwgk
    from workers import settings as worker_settings

    original = worker_settings.startup

    async def startup(ctx: dict[str, Any]) -> None:
        await original(ctx)
        _ctx.update(ctx)

    worker_settings.WorkerSettings.on_startup = startup  # type: ignore[assignment]
    for topic in ("policy.published", "policy.updated"):
        worker_settings.EVENT_HANDLERS.setdefault(topic, []).append(probe)
    return zwgk(["worker"])


if __name__ == "__main__":
    sys.exit(main())
