"""Push benchmark: sends per second through the real pipeline, beside the emulator alone.

One run, in a temporary directory: an embedded Redis, a migrated SQLite database (or
``--database-url``), the WeChat emulator with ``--latency-ms`` injected on sends, and
``--workers`` real arq worker processes (``zwgk worker``). Figures:

1. **emulator alone**: sends/s a bare async client gets from the emulator (same
   concurrency, same latency): the ceiling of this machine;
2. **pipeline**: ``--pushes`` intents queued in the database → arq dispatch jobs → gateway
   → emulator, timed from the moment they are queued (the workers already running, warmed
   up by ``--warmup`` pushes) until every intent is final; sends/s and its ratio
   to (1); every intent must end ``sent`` and no push may reach the emulator twice;
3. **broadcast**: an emergency warning to ``--audience`` subscribers of one county, end to
   end (fan-out + delivery) in seconds, with the time the issue's 250,000 would take at the
   same rate.

The defaults (20,000 pushes, a 20,000-subscriber broadcast) take about a minute; the
issue's scale, ``--pushes 100000 --audience 250000 --timeout 600``, about seven.

Usage::

    python -m bench push [--pushes 20000] [--audience 20000] [--workers 2] [--latency-ms 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
import httpx

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "push.json"
POLICY_TEMPLATE = "emuPolicyPush-0000000000000000000000000001"
SEND = "/cgi-bin/message/subscribe/send"
DATA = {"title": "如皋市稳岗返还政策", "issuer": "如皋市人社局", "date": "2026-05-01"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_emulator(port: int, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "server.wechat.emulator", "--port", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=REPO,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/_emulator/health", timeout=1).is_success:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("emulator did not start")


def _spawn_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    code = "import sys; from server.cli import main; sys.exit(main(['worker']))"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


async def _control(method: str, url: str, body: Any = None) -> Any:
    async with httpx.AsyncClient(timeout=120) as c:
        r = await c.request(method, url, json=body)
        r.raise_for_status()
        return r.json()


def _cpu_seconds(procs: list[subprocess.Popen[bytes]]) -> float:
    """User + system CPU seconds the processes used so far (Linux ``/proc``; 0 elsewhere)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for proc in procs:
        try:
            fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


async def _emulator_alone(base: str, n: int, concurrency: int) -> float:
    """Sends/s of a bare client: token once, then ``n`` sends ``concurrency`` at a time.

    The client is aiohttp, the library the gateway uses, so the ratio compares the
    pipeline's own work (database, Redis, rendering) and not two HTTP clients.
    """
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        openids = [f"o-bench-alone-{i:07d}" for i in range(n)]
        for i in range(0, n, 5000):
            await c.post(
                "/_emulator/users",
                json={"openids": openids[i : i + 5000], "grants": {POLICY_TEMPLATE: 1}},
            )
        r = await c.post(
            "/cgi-bin/stable_token",
            json={
                "grant_type": "client_credential",
                "appid": "wx0000emulator000000",
                "secret": "emulator-secret",
            },
        )
        token = r.json()["access_token"]
    data = {
        "thing1": {"value": DATA["title"]},
        "thing2": {"value": DATA["issuer"]},
        "date3": {"value": DATA["date"]},
        "thing4": {"value": "点击查看详情"},
    }
    queue = list(reversed(openids))
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def sender() -> None:
            while queue:
                body = {"touser": queue.pop(), "template_id": POLICY_TEMPLATE, "data": data}
                async with session.post(
                    f"{base}{SEND}",
                    params={"access_token": token},
                    data=json.dumps(body, ensure_ascii=False).encode(),
                    headers={"Content-Type": "application/json; charset=utf-8"},
                ) as answer:
                    await answer.read()

        start = time.perf_counter()
        await asyncio.gather(*(sender() for _ in range(concurrency)))
        return n / (time.perf_counter() - start)


async def _prepare(db_url: str, emulator: str, pushes: int, audience: int) -> list[int]:
    """Users, credits and intents for the pipeline run; subscribers for the broadcast."""
    from server.accounts.models import User
    from server.config import DatabaseSettings
    from server.core.db import init_db, migrate
    from server.push.models import SubscriptionCredit, TopicSubscription

    await migrate(DatabaseSettings(url=db_url))
    await init_db(DatabaseSettings(url=db_url))
    if True:
        total = pushes + audience
        openids = [f"o-bench-{i:07d}" for i in range(total)]
        for i in range(0, total, 2000):
            chunk = openids[i : i + 2000]
            await User.bulk_create([User(openid=o, roles=["resident"]) for o in chunk])
            await SubscriptionCredit.bulk_create(
                [
                    SubscriptionCredit(openid=o, template_id=POLICY_TEMPLATE, credits=1)
                    for o in chunk
                ]
            )
            await _control(
                "post",
                f"{emulator}/_emulator/users",
                {"openids": chunk, "grants": {POLICY_TEMPLATE: 1}},
            )
        ids = list(
            await User.filter(openid__startswith="o-bench-")
            .order_by("id")
            .values_list("id", flat=True)
        )
        push_users, sub_users = ids[:pushes], ids[pushes:]
        for i in range(0, len(sub_users), 2000):
            await TopicSubscription.bulk_create(
                [
                    TopicSubscription(user_id=uid, regions=["341021"])
                    for uid in sub_users[i : i + 2000]
                ]
            )
    return push_users


async def _queue(user_ids: list[int], policy_id: int) -> None:
    """One topic_update intent per user about ``policy_id``."""
    from server.push.models import PushIntent

    for i in range(0, len(user_ids), 2000):
        await PushIntent.bulk_create(
            [
                PushIntent(
                    kind="topic_update",
                    recipient_type="user",
                    recipient_id=str(uid),
                    subject_type="policy",
                    subject_id=str(policy_id),
                    data={**DATA, "policy_id": policy_id},
                    dedup_key=f"user:{uid}:topic_update:policy:{policy_id}",
                )
                for uid in user_ids[i : i + 2000]
            ]
        )


async def _count(db_url: str, broadcast: bool) -> tuple[int, int, int]:
    """(final, sent, total) of the pipeline intents (or the broadcast's)."""
    from tortoise import Tortoise

    from server.config import DatabaseSettings
    from server.core.db import init_db

    if not Tortoise._inited:
        await init_db(DatabaseSettings(url=db_url))
    conn = Tortoise.get_connection("default")
    where = '"broadcast_id" IS NOT NULL' if broadcast else '"broadcast_id" IS NULL'
    rows = await conn.execute_query_dict(
        f'SELECT "status", COUNT(*) AS n FROM "push_intents" WHERE {where} GROUP BY "status"'
    )
    counts = {r["status"]: int(r["n"]) for r in rows}
    total = sum(counts.values())
    final = counts.get("sent", 0) + counts.get("failed", 0)
    return final, counts.get("sent", 0), total


async def _create_broadcast(db_url: str) -> None:
    from server.push.broadcasts import create_broadcast

    await create_broadcast(
        kind="emergency_warning",
        regions=["341021"],
        title="暴雨红色预警",
        content="新安江水位上涨，沿江居民请立即转移到安全地带",
        level="红色",
        created_by=None,
    )


async def _wait(db_url: str, *, broadcast: bool, expect: int, limit: float) -> float:
    start = time.perf_counter()
    while True:
        final, _, total = await _count(db_url, broadcast)
        if total >= expect and final == total:
            return time.perf_counter() - start
        if time.perf_counter() - start > limit:
            raise RuntimeError(f"timed out: {final}/{total} final (expected {expect})")
        await asyncio.sleep(0.25)


def _worker_env(db_url: str, redis_url: str, emulator: str, var: Path, args: Any) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZWGK_")}
    env.update(
        {
            "ZWGK_ENV": "test",
            "ZWGK_DATABASE__URL": db_url,
            "ZWGK_REDIS__URL": redis_url,
            "ZWGK_WECHAT__MODE": "emulator",
            "ZWGK_WECHAT__BASE_URL": emulator,
            "ZWGK_PATHS__VAR_DIR": str(var),
            "ZWGK_PATHS__FILES_DIR": str(var / "files"),
            "ZWGK_LOGGING__LEVEL": "WARNING",
            "ZWGK_PUSH__QUIET_HOURS": "",
            "ZWGK_PUSH__SENDS_PER_SECOND": "100000",
            "ZWGK_PUSH__CONCURRENCY": str(args.concurrency),
            "ZWGK_PUSH__BATCH_SIZE": str(args.concurrency * 4),
        }
    )
    return env


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from server.core.embedded_redis import start_embedded_redis

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="zwgk-bench-push-"))
    tmp.mkdir(parents=True, exist_ok=True)
    db_url = args.database_url or f"sqlite://{tmp / 'bench.db'}"
    redis = start_embedded_redis(tmp / "redis", persist=False)
    port = _free_port()
    emulator = f"http://127.0.0.1:{port}"
    emu = await asyncio.to_thread(_start_emulator, port, tmp / "emulator.log")
    workers: list[subprocess.Popen[bytes]] = []
    try:
        await _control(
            "post", f"{emulator}/_emulator/faults", {"latency_ms": args.latency_ms, "paths": [SEND]}
        )
        alone = await _emulator_alone(emulator, args.baseline, args.concurrency * args.workers)
        print(f"emulator alone: {alone:,.0f} sends/s ({args.baseline} sends)", flush=True)
        push_users = await _prepare(db_url, emulator, args.pushes + args.warmup, args.audience)
        env = _worker_env(db_url, redis.url, emulator, tmp / "var", args)
        workers.extend(_spawn_worker(env, tmp / f"worker{i}.log") for i in range(args.workers))
        # Warm-up: the workers are up (imports, connections, the access token) once a
        # first batch went through; the figure is the sustained rate after that.
        await _queue(push_users[: args.warmup], policy_id=0)
        await _wait(db_url, broadcast=False, expect=args.warmup, limit=args.timeout)
        await asyncio.sleep(1.0)
        start = time.perf_counter()
        cpu_before = _cpu_seconds(workers), _cpu_seconds([emu])
        await _queue(push_users[args.warmup :], policy_id=1)
        await _wait(db_url, broadcast=False, expect=args.pushes + args.warmup, limit=args.timeout)
        elapsed = time.perf_counter() - start
        worker_cpu = _cpu_seconds(workers) - cpu_before[0]
        emulator_cpu = _cpu_seconds([emu]) - cpu_before[1]
        _, sent, total = await _count(db_url, False)
        sent, total = sent - args.warmup, total - args.warmup
        rate = sent / elapsed
        print(f"pipeline: {sent}/{total} sent in {elapsed:.1f} s = {rate:,.0f} sends/s", flush=True)
        await _create_broadcast(db_url)
        b_elapsed = await _wait(db_url, broadcast=True, expect=args.audience, limit=args.timeout)
        _, b_sent, b_total = await _count(db_url, True)
        print(f"broadcast: {b_sent}/{b_total} sent in {b_elapsed:.1f} s", flush=True)
        deliveries = await _control("get", f"{emulator}/_emulator/deliveries")
    finally:
        for w in workers:
            _stop(w)
        _stop(emu)
        redis.stop()
        from server.core.db import close_db

        await close_db()
    b_rate = b_sent / b_elapsed if b_elapsed else 0.0
    result = {
        "scale_note": "the issue's scale"
        if args.pushes >= 100_000 and args.audience >= 250_000
        else "smaller than the issue's 100,000 pushes / 250,000 recipients",
        "cpu_count": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "latency_ms": args.latency_ms,
        "workers": args.workers,
        "concurrency_per_worker": args.concurrency,
        "emulator_alone_sends_per_s": round(alone, 1),
        "pipeline_pushes": args.pushes,
        "pipeline_sent": sent,
        "pipeline_seconds": round(elapsed, 2),
        "pipeline_sends_per_s": round(rate, 1),
        "pipeline_ratio_to_emulator": round(rate / alone, 3) if alone else None,
        # CPU per send does not depend on what else the machine runs: with it, the
        # sends/s two free cores could carry is 2 / (worker + emulator CPU per send).
        "worker_cpu_ms_per_send": round(worker_cpu * 1000 / sent, 3) if sent else None,
        "emulator_cpu_ms_per_send": round(emulator_cpu * 1000 / sent, 3) if sent else None,
        "broadcast_audience": args.audience,
        "broadcast_sent": b_sent,
        "broadcast_seconds": round(b_elapsed, 2),
        "broadcast_sends_per_s": round(b_rate, 1),
        "broadcast_250k_projected_seconds": round(250_000 / b_rate, 0) if b_rate else None,
        "duplicates_at_emulator": len(deliveries["duplicates"]),
    }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench push", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--pushes", type=int, default=20000)
    parser.add_argument("--audience", type=int, default=20000)
    parser.add_argument(
        "--baseline", type=int, default=3000, help="sends for the emulator-alone figure"
    )
    parser.add_argument(
        "--warmup", type=int, default=200, help="pushes sent before the clock starts"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=50, help="sends in flight per worker")
    parser.add_argument("--latency-ms", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=240)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--keep", default=None, help="work directory to keep")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args))
    print()
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    print(
        f"\npipeline / emulator alone: {result['pipeline_ratio_to_emulator']}"
        f"  (target: 2,000 sends/s; measured {result['pipeline_sends_per_s']:,})"
    )
    print(
        f"broadcast 250,000 projected: {result['broadcast_250k_projected_seconds']} s"
        "  (target ≤ 180 s)"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    ok = result["duplicates_at_emulator"] == 0 and result["pipeline_sent"] == args.pushes
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
