"""``zwgk indexer`` (this host's one index writer) and ``zwgk reindex`` (rebuild + swap)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import time
from typing import Any

from server.config import Settings

log = logging.getLogger("zwgk.search.indexer")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the search commands (each sets ``func(settings, args) -> int``)."""
    p = sub.add_parser(
        "indexer", help="keep this host's search index current (the one writer; zwgk up runs it)"
    )
    p.add_argument("--interval", type=float, default=0.2, help="seconds between cursor checks")
    p.set_defaults(func=cmd_indexer)
    p = sub.add_parser(
        "reindex", help="rebuild the search index from the database and swap it in atomically"
    )
    p.set_defaults(func=cmd_reindex)


def cmd_indexer(settings: Settings, args: argparse.Namespace) -> int:
    from server.app import search_root
    from server.cli import run_db
    from server.search.indexer import Indexer

    indexer = Indexer(search_root(settings))

    async def work() -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, task.cancel)
        await indexer.ensure()
        log.info("search indexer following policy changes from %d", indexer.cursor)
        try:
            await indexer.run_forever(args.interval)
        except asyncio.CancelledError:
            pass
        finally:
            indexer.close()

    run_db(settings, work)
    return 0


def cmd_reindex(settings: Settings, args: argparse.Namespace) -> int:
    from server.app import search_root
    from server.cli import run_db
    from server.search.indexer import Indexer

    started = time.monotonic()
    indexer = Indexer(search_root(settings))

    async def work() -> int:
        try:
            return await indexer.rebuild()
        finally:
            indexer.close()

    count = run_db(settings, work)
    print(f"search index rebuilt: {count} policies in {time.monotonic() - started:.1f}s")
    return 0
