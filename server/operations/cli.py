"""``zwgk outbox dead|retry|prune``: dead letters and re-drives from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from server.config import Settings


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``zwgk outbox …`` (each sets ``func(settings, args) -> int``)."""
    outbox = sub.add_parser("outbox", help="outbox dead letters: list, retry, prune")
    commands = outbox.add_subparsers(dest="outbox_command", required=True)
    dead = commands.add_parser("dead", help="list dead-lettered events")
    dead.add_argument("--limit", type=int, default=50)
    dead.set_defaults(func=cmd_dead)
    retry = commands.add_parser("retry", help="re-drive one event or every dead one")
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("event_id", nargs="?", type=int, help="the event id")
    which.add_argument("--all-dead", action="store_true", help="every dead event")
    retry.set_defaults(func=cmd_retry)
    prune = commands.add_parser("prune", help="delete processed events past retention")
    prune.add_argument("--days", type=float, help="default: outbox.retention_days")
    prune.set_defaults(func=cmd_prune)


def cmd_dead(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.core.outbox import EventStatus, OutboxEvent

    async def work() -> list[OutboxEvent]:
        return (
            await OutboxEvent.filter(status=EventStatus.DEAD.value).order_by("id").limit(args.limit)
        )

    rows: list[OutboxEvent] = run_db(settings, work)
    if not rows:
        print("no dead events")
        return 0
    for e in rows:
        print(
            f"{e.id}\t{e.topic}\t{e.subject_type}:{e.subject_id}\t"
            f"attempts={e.attempts}\t{e.last_error or ''}"
        )
    return 0


def cmd_retry(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.core.outbox import retry_all_dead, retry_event

    if args.all_dead:
        count: int = run_db(settings, retry_all_dead)
        print(f"{count} dead events queued again")
        _nudge(settings)
        return 0

    async def one() -> bool:
        return await retry_event(args.event_id)

    if not run_db(settings, one):
        print(f"event {args.event_id} not found or already delivered", file=sys.stderr)
        return 1
    print(f"event {args.event_id} queued again")
    _nudge(settings)
    return 0


def cmd_prune(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.core.outbox import prune_processed

    days = args.days if args.days is not None else settings.outbox.retention_days

    async def work() -> int:
        return await prune_processed(days)

    count: int = run_db(settings, work)
    print(f"{count} processed events older than {days:g} days deleted")
    return 0


def _nudge(settings: Settings) -> None:
    """Best effort: wake a worker (the sweep relays anyway)."""
    import asyncio

    import redis.asyncio as aioredis

    from server.app import redis_url
    from server.core.outbox_nudge import nudge

    if settings.redis.url == "embedded" and not (settings.paths.var_dir / "redis.sock").exists():
        return

    async def go() -> None:
        client = aioredis.from_url(redis_url(settings), socket_timeout=2)  # type: ignore[no-untyped-call]
        try:
            await nudge(client)
        finally:
            await client.aclose()

    asyncio.run(go())
