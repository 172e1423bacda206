"""Outbox latency benchmark: commit → handler, with the nudge vs the cron sweep only.

One run, in a temporary directory: a migrated SQLite database, an embedded Redis and
an in-process arq worker built from the real ``WorkerSettings`` job functions and the
``relay_outbox`` cron sweep (every ``--sweep`` seconds). Each mode commits ``--events``
events one at a time and measures how long each takes to reach its handler:

* ``sweep``: the baseline, events wait for the next cron tick (commits are spread
  uniformly over the sweep period, so the expected wait is about half of it);
* ``nudge``: after each commit, ``server.core.outbox_nudge.nudge`` enqueues a relay job.

Printed: median, p95 and max latency per mode, and the ratio sweep/nudge of the medians
(how many times faster the nudged path is). Target: nudged median < 1 s.

Usage::

    python -m bench.bench_outbox [--events 8] [--sweep 5]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench_outbox", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=8, help="events per mode")
    parser.add_argument("--sweep", type=int, default=5, help="cron sweep interval (s)")
    return parser.parse_args(argv)


async def measure(opts: argparse.Namespace, directory: Path) -> dict[str, list[float]]:
    from arq import cron
    from arq.connections import ArqRedis
    from arq.worker import Worker

    from server.config import Settings
    from server.core.db import close_db, init_db, migrate
    from server.core.embedded_redis import start_embedded_redis
    from server.core.outbox import OutboxEvent, record_event
    from server.core.outbox_nudge import nudge
    from workers.settings import WorkerSettings, relay_outbox

    redis_server = start_embedded_redis(directory / "redis", persist=False)
    settings = Settings(
        env="test",
        database={"url": f"sqlite://{directory / 'bench.db'}"},
        redis={"url": redis_server.url},
        outbox={"sweep_seconds": opts.sweep},
        logging={"level": "WARNING", "format": "console"},
    )
    await migrate(settings.database)
    await init_db(settings.database)
    handled: dict[str, float] = {}

    async def handler(event: OutboxEvent) -> None:
        handled[event.subject_id] = time.monotonic()

    pool = ArqRedis.from_url(redis_server.url)
    worker = Worker(
        functions=WorkerSettings.functions,
        cron_jobs=[cron(relay_outbox, second=set(range(0, 60, opts.sweep)), keep_result=0)],
        redis_pool=pool,
        handle_signals=False,
        poll_delay=WorkerSettings.poll_delay,
        ctx={"settings": settings, "event_handlers": {"bench.ping": [handler]}},
    )
    task = asyncio.create_task(worker.async_run())
    results: dict[str, list[float]] = {"sweep": [], "nudge": []}
    try:
        n = 0
        for mode in ("sweep", "nudge"):
            for _ in range(opts.events):
                n += 1
                # Spread commits over the sweep period (the baseline's expected wait is
                # half of it); nudged commits need no spreading.
                await asyncio.sleep(random.uniform(0, opts.sweep if mode == "sweep" else 0.3))
                await record_event("bench.ping", "bench", n)
                committed = time.monotonic()
                if mode == "nudge":
                    await nudge(pool)
                deadline = committed + opts.sweep * 3 + 5
                while str(n) not in handled:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"event {n} ({mode}) was never handled")
                    await asyncio.sleep(0.005)
                results[mode].append(handled[str(n)] - committed)
                print(f"  {mode:5} event {n:2}: {results[mode][-1] * 1000:7.1f} ms", flush=True)
    finally:
        worker.handle_sig(signal.SIGUSR1)
        await asyncio.gather(task, *worker.tasks.values(), return_exceptions=True)
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for other in others:  # jobs arq started while shutting down
            other.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        await pool.aclose()
        await close_db()
        redis_server.stop()
    return results


def summary(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def main(argv: Sequence[str] | None = None) -> int:
    opts = parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-outbox-") as tmp:
        results = asyncio.run(measure(opts, Path(tmp)))
    print(
        f"\noutbox commit → handler latency ({opts.events} events per mode, "
        f"sweep every {opts.sweep} s, SQLite, one in-process worker)"
    )
    print(f"{'mode':<8}{'median':>10}{'p95':>10}{'max':>10}")
    for mode, values in results.items():
        med, p95, top = summary(values)
        print(f"{mode:<8}{med * 1000:>8.0f}ms{p95 * 1000:>8.0f}ms{top * 1000:>8.0f}ms")
    nudge_median = summary(results["nudge"])[0]
    ratio = summary(results["sweep"])[0] / max(nudge_median, 1e-6)
    verdict = "PASS" if nudge_median < 1.0 else "MISS"
    print(
        f"ratio sweep/nudge (median): {ratio:.1f}x faster with the nudge; "
        f"nudged median < 1 s: {verdict}  [{time.monotonic() - started:.0f} s total]"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
