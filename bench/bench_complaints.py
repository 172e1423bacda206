"""Complaints benchmark: submit and list-mine throughput against hello-world in the same
run, and the statistics endpoint over a large number of cases.

What one run does, in a temporary directory (2–4 minutes at the defaults):

1. starts an embedded Redis and the WeChat emulator, runs ``zwgk migrate`` and
   ``zwgk complaints-seed``, starts ``zwgk serve`` (SQLite, ``--workers``) with the
   per-resident rate limit lifted, and signs ``--residents`` residents in through the real
   WeChat flow (emulator);
2. ``--rounds`` times, alternately, with ``wrk`` at ``--connections`` connections for
   ``--duration`` seconds each: ``GET /`` on ``bench/hello.py`` (the baseline),
   ``POST /api/v1/complaints`` (each request a new case: idempotency key, content-safety
   check at the emulator, deadline, event, counters — all of it) and
   ``GET /api/v1/complaints`` (my cases, each resident's token in turn);
3. writes ``--cases`` cases (1,000,000) and a third as many ratings straight into the
   database, times ``zwgk complaints-rebuild-stats``, then measures
   ``GET /api/v1/complaint-stats`` (whole platform and one department) under load, and for
   contrast one plain ``GROUP BY`` over the case table;
4. prints the table and writes ``bench/out/complaints.json``.

Targets: statistics ≤ 200 ms (p99) over 1,000,000 cases; submit and list-mine reported as
a share of the hello-world rate.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_search import (
    HOST,
    REPO,
    Child,
    free_port,
    hello_cmd,
    machine_info,
    run_cli,
    start_child,
    wait_ready,
    zwgk_executable,
)
from bench.loadgen import LoadResult, combine, find_wrk

OUT = REPO / "bench" / "out" / "complaints.json"

_LUA = r"""
local tokens = { %(tokens)s }
local method = "%(method)s"
local path = "%(path)s"
local body = [==[%(body)s]==]
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  idx = offset * 1000003
  non2xx = 0
  sent = 0
  answered = 0
end

function request()
  idx = idx + 1
  sent = sent + 1
  local headers = {}
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[(idx %% #tokens) + 1]
  end
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = "bench-%(run)s-" .. idx
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad, unanswered = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    unanswered = unanswered + t:get("sent") - t:get("answered")
  end
  local e = summary.errors
  io.write(string.format(
    "ZWGK_WRK requests=%%d duration_us=%%d p50_us=%%d p90_us=%%d p99_us=%%d mean_us=%%.1f " ..
    "max_us=%%d non200=%%d unanswered=%%d err_connect=%%d err_read=%%d err_write=%%d " ..
    "err_timeout=%%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.mean, latency.max, bad, unanswered,
    e.connect, e.read, e.write, e.timeout))
end
"""
_WRK_LINE = re.compile(r"^ZWGK_WRK (.*)$", re.MULTILINE)

CONTENTS = [
    "如城街道海阳路人行道砖块松动破损，雨天积水，老人经过容易摔倒，希望尽快修复。",
    "万寿路花园小区北门外一排路灯已经一周不亮，晚上出行不安全。",
    "建议增开从长江镇到市人民医院的早班公交，赶不上早上的门诊挂号。",
    "龙游河东陈镇段河水发黑发臭，夏天味道很大，疑似有排污口。",
    "小区物业长期不清理楼道杂物，消防通道被占用，存在安全隐患。",
]


def log(msg: str) -> None:
    print(f"[bench complaints {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def wrk_load(
    wrk: str,
    url: str,
    *,
    method: str,
    path: str,
    tokens: Sequence[str],
    body: str,
    connections: int,
    duration: float,
    run: str,
) -> LoadResult:
    script_text = _LUA % {
        "tokens": ", ".join(f'"{t}"' for t in tokens),
        "method": method,
        "path": path,
        "body": body,
        "run": run,
    }
    with tempfile.TemporaryDirectory(prefix="zwgk-wrk-") as tmp:
        script = Path(tmp) / "load.lua"
        script.write_text(script_text, encoding="utf-8")
        cmd = [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            "--timeout=5s",
            "-s",
            str(script),
            url.rstrip("/") + "/",
        ]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    m = _WRK_LINE.search(res.stdout)
    if res.returncode != 0 or m is None:
        raise RuntimeError(f"wrk failed: {res.stdout[-500:]} {res.stderr[-500:]}")
    f = {k: float(v) for k, v in (kv.split("=", 1) for kv in m.group(1).split())}
    secs = f["duration_us"] / 1e6
    return LoadResult(
        tool="wrk",
        connections=connections,
        duration_s=secs,
        requests=int(f["requests"]),
        rps=f["requests"] / secs if secs else 0.0,
        p50_ms=f["p50_us"] / 1000,
        p90_ms=f["p90_us"] / 1000,
        p99_ms=f["p99_us"] / 1000,
        mean_ms=f["mean_us"] / 1000,
        max_ms=f["max_us"] / 1000,
        non200=int(f["non200"]),
        errors=int(f["err_connect"] + f["err_read"] + f["err_write"] + f["err_timeout"]),
        unanswered=max(0, int(f["unanswered"])),
    )


def post_json(url: str, body: dict[str, Any]) -> dict[str, Any]:
    req = urllib.request.Request(  # noqa: S310 (loopback only)
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 (loopback only)
        result: dict[str, Any] = json.loads(resp.read())
        return result


def sign_in(api: str, emulator: str, n: int) -> list[str]:
    tokens = []
    for i in range(n):
        code = post_json(f"{emulator}/_emulator/login-codes", {"openid": f"o-bench-{i:04d}"})
        tokens.append(
            str(post_json(f"{api}/api/v1/auth/wx-login", {"code": code["code"]})["token"])
        )
    return tokens


def fill_cases(db: Path, cases: int) -> dict[str, float]:
    """Write ``cases`` cases (80 % closed, half answered on the spot) and ratings for 40 %
    of the closed ones straight into SQLite, generated by SQL (bench data only).

    The pseudo-random columns are arithmetic on the row number, not ``random()``: SQLite may
    evaluate a CTE column once per use, and a case must not be closed without a close time.
    """
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    # Plain indexes are rebuilt once at the end: far faster than a million updates each.
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('complaints', 'complaint_ratings')"
    ).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    con.execute(
        "CREATE TEMP TABLE cats AS SELECT row_number() OVER () - 1 AS rn, id, "
        "COALESCE(department_id, 2) AS dept FROM complaint_categories"
    )
    ncat = con.execute("SELECT count(*) FROM cats").fetchone()[0]
    base = con.execute("SELECT COALESCE(MAX(id), 0) FROM complaints").fetchone()[0]
    minutes = 700 * 24 * 60
    con.execute(
        f"""
        INSERT INTO complaints (id, tracking_no, kind, category_id, user_id, source, content,
            images, address, is_public, contact_name, contact_phone, status, mode,
            department_id, co_departments, reply_due, deadline_info, provisional,
            reopen_count, answer, warned, escalated, submitted_at, dispatched_at, replied_at,
            closed_at, updated_at)
        WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {cases}),
        gen AS (
            SELECT i, {base} + i AS id,
                   datetime('2025-01-01', '+' || (i * {minutes} / {cases}) || ' minutes') AS sub,
                   ((i * 7919) % 10007) % 10 AS st, ((i * 104729) % 10009) % 2 AS imm,
                   ((i * 31) % 10037) % 216 AS hrs
            FROM seq
        )
        SELECT gen.id, 'TB' || printf('%08d', gen.id), 'complaint', cats.id, NULL, 'bench',
               '如城街道海阳路人行道砖块松动破损，雨天积水，希望尽快修复。', '[]', '', 0, '', '',
               CASE WHEN st < 8 THEN 'closed' WHEN st = 8 THEN 'in_progress' ELSE 'accepted' END,
               CASE WHEN imm = 1 THEN 'immediate' ELSE 'transfer' END,
               cats.dept, ',', date(sub, '+7 days'), '{{}}', 0, 0, '', 0, 0,
               sub || '+00:00',
               datetime(sub, '+1 hours') || '+00:00',
               CASE WHEN st < 8 THEN datetime(sub, '+' || (hrs + 2) || ' hours') || '+00:00' END,
               CASE WHEN st < 8 THEN datetime(sub, '+' || (hrs + 26) || ' hours') || '+00:00' END,
               sub || '+00:00'
        FROM gen JOIN cats ON cats.rn = gen.i % {ncat}
        """
    )
    con.execute(
        """
        INSERT INTO complaint_ratings (subject_type, subject_id, complaint_id, department_id,
            user_id, level, tags, comment, counted_month, appeal_status, appeal_reason,
            review_note, excluded, created_at, updated_at)
        SELECT 'complaint', CAST(id AS TEXT), id, department_id, 1000000 + id,
               CASE WHEN r < 55 THEN 5 WHEN r < 80 THEN 4 WHEN r < 92 THEN 3
                    WHEN r < 97 THEN 2 ELSE 1 END,
               '[]', '', strftime('%Y-%m', closed_at, '+8 hours'), 'none', '', '', 0,
               closed_at, closed_at
        FROM (SELECT id, department_id, closed_at, ((id * 48271) % 65521) % 100 AS r,
                     ((id * 69621) % 65519) % 10 AS pick
              FROM complaints WHERE source = 'bench' AND status = 'closed')
        WHERE pick < 4
        """
    )
    for _, sql in indexes:
        con.execute(sql)
    con.commit()
    ratings = con.execute("SELECT count(*) FROM complaint_ratings").fetchone()[0]
    con.close()
    return {"seconds": time.perf_counter() - started, "ratings": ratings}


def naive_group_by(db: Path) -> float:
    con = sqlite3.connect(db)
    started = time.perf_counter()
    con.execute(
        "SELECT department_id, substr(submitted_at, 1, 7), count(*), "
        "sum(status = 'closed'), sum(mode = 'immediate') FROM complaints GROUP BY 1, 2"
    ).fetchall()
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def fmt(r: LoadResult) -> str:
    return (
        f"{r.rps:8.0f} req/s  p50 {r.p50_ms:6.1f} ms  p99 {r.p99_ms:7.1f} ms  "
        f"non-2xx {r.non200}  errors {r.errors}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--duration", type=float, default=8.0)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--residents", type=int, default=64)
    p.add_argument("--out", type=Path, default=OUT)
    opts = p.parse_args(list(argv) if argv is not None else None)

    wrk = find_wrk(install=True, log=log)
    zwgk = zwgk_executable()
    if wrk is None or zwgk is None:
        log("needs wrk and the zwgk console script")
        return 2
    from server.core.embedded_redis import start_embedded_redis

    report: dict[str, Any] = {
        "options": vars(opts) | {"out": str(opts.out)},
        "machine": machine_info(),
    }
    children: list[Child] = []
    redis = None
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-complaints-") as tmp:
        work = Path(tmp)
        logs = work / "logs"
        logs.mkdir()
        try:
            redis = start_embedded_redis(work / "redis", persist=False)
            emu_port, api_port, hello_port = free_port(), free_port(), free_port()
            emulator = f"http://{HOST}:{emu_port}"
            emu = start_child(
                "emulator",
                [
                    sys.executable,
                    "-m",
                    "server.wechat.emulator",
                    "--host",
                    HOST,
                    "--port",
                    str(emu_port),
                ],
                dict(os.environ),
                work,
                logs,
            )
            children.append(emu)
            wait_ready(emu, f"{emulator}/_emulator/health", 60)
            db = work / "bench.db"
            env = {
                **os.environ,
                "ZWGK_DATABASE__URL": f"sqlite:///{db}",
                "ZWGK_REDIS__URL": redis.url,
                "ZWGK_HTTP__HOST": HOST,
                "ZWGK_HTTP__PORT": str(api_port),
                "ZWGK_HTTP__WORKERS": str(opts.workers),
                "ZWGK_HTTP__PUBLIC_URL": f"http://{HOST}:{api_port}",
                "ZWGK_LOGGING__LEVEL": "WARNING",
                "ZWGK_WECHAT__MODE": "emulator",
                "ZWGK_WECHAT__BASE_URL": emulator,
                "ZWGK_PATHS__VAR_DIR": str(work / "var"),
                "ZWGK_PATHS__FILES_DIR": str(work / "var" / "files"),
                "ZWGK_COMPLAINTS__SUBMIT_PER_HOUR": "100000000",
                "PYTHONPATH": str(REPO),
            }
            env.pop("ZWGK_CONFIG", None)
            run_cli([zwgk, "migrate"], env, work, timeout=300)
            run_cli([zwgk, "complaints-seed"], env, work, timeout=300)
            api = f"http://{HOST}:{api_port}"
            server = start_child("zwgk-serve", [zwgk, "serve"], env, work, logs)
            children.append(server)
            wait_ready(server, f"{api}/readyz", 120)
            hello = start_child(
                "hello", hello_cmd(hello_port, opts.workers), dict(os.environ), work, logs
            )
            children.append(hello)
            wait_ready(hello, f"http://{HOST}:{hello_port}/", 60)
            tokens = sign_in(api, emulator, opts.residents)
            log(f"{len(tokens)} residents signed in; load: wrk, {opts.connections} connections")
            body = json.dumps(
                {
                    "kind": "complaint",
                    "category": "city.road",
                    "content": CONTENTS[0],
                    "lat": 32.3713,
                    "lng": 120.5662,
                    "address": "如皋市如城街道海阳路",
                    "is_public": True,
                    "contact_phone": "13812345678",
                },
                ensure_ascii=True,
            )
            runs: dict[str, list[LoadResult]] = {"hello": [], "submit": [], "list_mine": []}
            common = {"connections": opts.connections, "duration": opts.duration}
            for rnd in range(opts.rounds):
                runs["hello"].append(
                    wrk_load(
                        wrk,
                        f"http://{HOST}:{hello_port}",
                        method="GET",
                        path="/",
                        tokens=[],
                        body="",
                        run=f"h{rnd}",
                        **common,
                    )
                )
                log(f"round {rnd + 1} hello     {fmt(runs['hello'][-1])}")
                runs["submit"].append(
                    wrk_load(
                        wrk,
                        api,
                        method="POST",
                        path="/api/v1/complaints",
                        tokens=tokens,
                        body=body,
                        run=f"s{rnd}",
                        **common,
                    )
                )
                log(f"round {rnd + 1} submit    {fmt(runs['submit'][-1])}")
                runs["list_mine"].append(
                    wrk_load(
                        wrk,
                        api,
                        method="GET",
                        path="/api/v1/complaints?limit=20",
                        tokens=tokens,
                        body="",
                        run=f"l{rnd}",
                        **common,
                    )
                )
                log(f"round {rnd + 1} list-mine {fmt(runs['list_mine'][-1])}")
            merged = {k: combine(v) for k, v in runs.items()}
            report["throughput"] = {k: v.to_dict() for k, v in merged.items()}
            report["rounds"] = {k: [r.to_dict() for r in v] for k, v in runs.items()}
            submitted = sqlite3.connect(db).execute("SELECT count(*) FROM complaints").fetchone()[0]
            report["cases_created_by_submit_load"] = submitted

            log(f"writing {opts.cases} cases (and ratings) into the database")
            filled = fill_cases(db, opts.cases)
            report["fill"] = filled
            log(f"filled in {filled['seconds']:.1f} s; zwgk complaints-rebuild-stats (timed)")
            secs, out = run_cli([zwgk, "complaints-rebuild-stats"], env, work, timeout=600)
            report["rebuild_seconds"] = secs
            said = [line for line in out.splitlines() if line.startswith("rebuilt")]
            log(f"rebuild took {secs:.1f} s: {said[-1] if said else out[-200:]}")
            report["naive_group_by_seconds"] = naive_group_by(db)
            stats_runs: dict[str, LoadResult] = {}
            for name, path in (
                ("stats_platform", "/api/v1/complaint-stats"),
                (
                    "stats_department",
                    "/api/v1/complaint-stats?department=2&from=2025-01&to=2025-12",
                ),
            ):
                # The target is the answer time of one request: one connection, no queue.
                one = {"connections": 1, "duration": max(2.0, opts.duration / 2)}
                stats_runs[name] = wrk_load(
                    wrk, api, method="GET", path=path, tokens=[], body="", run=name, **one
                )
                stats_runs[name + "_64conn"] = wrk_load(
                    wrk, api, method="GET", path=path, tokens=[], body="", run=name, **common
                )
            report["stats"] = {k: v.to_dict() for k, v in stats_runs.items()}
            total = sqlite3.connect(db).execute("SELECT count(*) FROM complaints").fetchone()[0]
            report["cases_in_database"] = total
        finally:
            for child in reversed(children):
                child.stop()
            if redis is not None:
                redis.stop()

    h = merged["hello"].rps
    print()
    print(
        f"complaints benchmark — wrk, {opts.connections} connections, "
        f"{opts.workers} workers, {opts.rounds}×{opts.duration:g} s"
    )
    print(f"  hello-world        {fmt(merged['hello'])}")
    for key, label in (("submit", "POST /complaints"), ("list_mine", "GET /complaints")):
        r = merged[key]
        print(f"  {label:18} {fmt(r)}   = {r.rps / h:.1%} of hello")
    print(f"  cases created by the submit load: {report['cases_created_by_submit_load']}")
    print(
        f"  statistics over {report['cases_in_database']:,} cases "
        f"(rebuild {report['rebuild_seconds']:.1f} s;"
    )
    print(
        f"    one plain GROUP BY over the table: {report['naive_group_by_seconds'] * 1000:.0f} ms)"
    )
    for key, r in stats_runs.items():
        if key.endswith("_64conn"):
            print(f"  {key:18} {fmt(r)}   (throughput; latency here is queueing)")
            continue
        verdict = "PASS" if r.p99_ms <= 200 and r.non200 == 0 else "FAIL"
        print(f"  {key:18} {fmt(r)}   1 connection, p99 ≤ 200 ms: {verdict}")
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"  written to {opts.out}")
    bad = any(r.non200 or r.errors for r in [*merged.values(), *stats_runs.values()])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
