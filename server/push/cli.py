"""``zwgk`` commands of the push domain; :func:`register` adds them to the parser.

* ``zwgk push-status``: intents by status and failure reason (what is stuck, what failed);
* ``zwgk push-retry [--kind K] [--id N ...]``: queue dead letters again;
* ``zwgk push-sweep``: recover intents of a dead worker now (the worker does it every 10 s).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from server.config import Settings


def _status(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.push.models import PushIntent

    async def work() -> None:
        rows = await PushIntent.all().values_list("status", "reason")
        counts: dict[tuple[str, str], int] = {}
        for status, reason in rows:
            key = (str(status), str(reason or ""))
            counts[key] = counts.get(key, 0) + 1
        for (status, reason), n in sorted(counts.items()):
            print(f"{status:<10} {reason:<18} {n:>9}")
        if not counts:
            print("no push intents")

    run_db(settings, work)
    return 0


def _retry(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.push.models import FailReason, PushIntent, PushStatus

    async def work() -> int:
        query = PushIntent.filter(
            status=PushStatus.FAILED,
            reason__in=[FailReason.RETRIES_EXHAUSTED, FailReason.EXPIRED],
        )
        if args.kind:
            query = query.filter(kind=args.kind)
        if args.id:
            query = query.filter(id__in=args.id)
        return int(
            await query.update(
                status=PushStatus.QUEUED, reason=None, attempts=0, next_attempt_at=datetime.now(UTC)
            )
        )

    print(f"queued {run_db(settings, work)} push(es) again")
    return 0


def _sweep(settings: Settings, args: argparse.Namespace) -> int:
    import redis.asyncio as aioredis

    from server.app import redis_url
    from server.cli import run_db
    from server.push.delivery import sweep

    async def work() -> dict[str, int]:
        client = aioredis.from_url(redis_url(settings))  # type: ignore[no-untyped-call]
        try:
            return await sweep(client, settings.push)
        finally:
            await client.aclose()

    print(run_db(settings, work))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this domain's sub-commands (each sets ``func(settings, args) -> int``)."""
    sub.add_parser("push-status", help="push intents by status and reason").set_defaults(
        func=_status
    )
    retry = sub.add_parser("push-retry", help="queue dead-lettered pushes again")
    retry.add_argument("--kind", default=None, help="only this push kind")
    retry.add_argument("--id", type=int, action="append", help="only these intent ids")
    retry.set_defaults(func=_retry)
    sub.add_parser(
        "push-sweep", help="recover pushes a dead worker left behind (normally automatic)"
    ).set_defaults(func=_sweep)
