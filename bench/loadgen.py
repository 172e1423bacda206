"""HTTP load generation for the benchmarks: ``wrk`` when available, else a pure-Python client.

Both generators keep ``connections`` HTTP/1.1 keep-alive connections busy for ``duration``
seconds, each connection sending its next request as soon as the previous response is in
(closed loop, no pipelining), rotating through a list of request paths. Both report the
same :class:`LoadResult`: completed requests, rate, latency percentiles, the number of
responses whose status was not 200 and the number of transport errors.

``wrk`` is preferred because it is written in C and leaves more of the two cores to the
server under test. The Python client is a fallback; it costs more CPU per request, which
depresses the faster (hello) run more than the slower (search) one, so its ratios are
optimistic. Every report says which generator produced it.

Usage (handy to check a server by hand; hello against itself should give ≈ 100 %)::

    python -m bench.loadgen http://127.0.0.1:8099 [--path /] [-c 64] [-d 10] [--tool auto]
"""

from __future__ import annotations

import argparse
import array
import asyncio
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

__all__ = [
    "WRK_DONE_LUA",
    "LoadResult",
    "Tool",
    "combine",
    "find_wrk",
    "percentile",
    "run_load",
    "run_python",
    "run_wrk",
    "run_wrk_script",
]

Tool = Literal["wrk", "python"]

#: Seconds a single request may take before wrk counts it as a timeout.
REQUEST_TIMEOUT_S = 5


@dataclass
class LoadResult:
    """What one load run measured. Latencies are in milliseconds."""

    tool: str
    connections: int
    duration_s: float
    requests: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    #: Responses received with a status other than 200.
    non200: int
    #: Connect, read, write errors and timeouts (requests that got no response at all).
    errors: int
    #: Requests sent but not answered within the run (still in flight when it ended; at
    #: most one per connection, unless the server never answers at all).
    unanswered: int = 0

    @property
    def non200_share(self) -> float:
        """Share of answered requests that were not 200 (0.0 … 1.0)."""
        return self.non200 / self.requests if self.requests else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["non200_share"] = self.non200_share
        return d


def combine(results: Sequence[LoadResult]) -> LoadResult:
    """Several runs of the same load as one: medians of rates and latencies, sums of counts.

    Medians, not means, so that one run disturbed by something else on the machine does not
    move the figure.
    """
    if not results:
        raise ValueError("nothing to combine")
    if len(results) == 1:
        return results[0]
    med = statistics.median
    return LoadResult(
        tool=results[0].tool,
        connections=results[0].connections,
        duration_s=sum(r.duration_s for r in results),
        requests=sum(r.requests for r in results),
        rps=med(r.rps for r in results),
        p50_ms=med(r.p50_ms for r in results),
        p90_ms=med(r.p90_ms for r in results),
        p99_ms=med(r.p99_ms for r in results),
        mean_ms=med(r.mean_ms for r in results),
        max_ms=max(r.max_ms for r in results),
        non200=sum(r.non200 for r in results),
        errors=sum(r.errors for r in results),
        unanswered=sum(r.unanswered for r in results),
    )


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of already sorted values (0.0 for none)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(pct / 100.0 * len(sorted_values)))
    return float(sorted_values[min(rank, len(sorted_values)) - 1])


# --------------------------------------------------------------------------------- wrk


def find_wrk(*, install: bool = True, log: Any = print) -> str | None:
    """Path of ``wrk``; installs the Debian package first if missing and we are root.

    Returns ``None`` when wrk is not there and cannot be installed (not root, no apt-get,
    or the install failed), so the caller falls back to the Python client.
    """
    found = shutil.which("wrk")
    if found or not install:
        return found
    apt = shutil.which("apt-get")
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or apt is None:
        return None
    log("wrk not found; installing the Debian package (apt-get install -y wrk) ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = [apt, "install", "-y", "-q", "wrk"]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=False)
    if res.returncode != 0:
        # A fresh machine has no package lists yet.
        subprocess.run(
            [apt, "update", "-q"], env=env, capture_output=True, timeout=300, check=False
        )
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=False)
    if res.returncode != 0:
        log(f"could not install wrk: {res.stderr.strip()[-300:]}")
    return shutil.which("wrk")


#: The ``done()`` of every generated wrk script: one machine-readable ``ZWGK_WRK`` line
#: (parsed by :func:`run_wrk_script`). Scripts count the responses they reject in a
#: per-thread ``bad`` and the requests sent and answered in ``sent`` / ``answered``; the
#: text is %%-formatted with the script, hence the doubled ``%%``.
WRK_DONE_LUA = """function done(summary, latency, requests)
  local bad, unanswered = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("bad")
    unanswered = unanswered + t:get("sent") - t:get("answered")
  end
  local e = summary.errors
  io.write(string.format(
    "ZWGK_WRK requests=%%d duration_us=%%d p50_us=%%d p90_us=%%d p99_us=%%d mean_us=%%.1f " ..
    "max_us=%%d non200=%%d unanswered=%%d err_connect=%%d err_read=%%d err_write=%%d " ..
    "err_timeout=%%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.mean, latency.max, bad, unanswered,
    e.connect, e.read, e.write, e.timeout))
end
"""

_LUA_TEMPLATE = (
    """-- Generated by bench/loadgen.py: rotate through the paths, count non-200
-- responses and print one machine-readable line from done().
local paths = {
%(paths)s
}
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  -- Threads start at different queries so they do not hit the same one in lockstep.
  idx = offset * 7
  bad = 0
  sent = 0
  answered = 0
end

function request()
  idx = idx + 1
  sent = sent + 1
  return wrk.format("GET", paths[(idx %% #paths) + 1])
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then
    bad = bad + 1
  end
end

"""
    + WRK_DONE_LUA
)

_WRK_LINE = re.compile(r"^ZWGK_WRK (.*)$", re.MULTILINE)


def _lua_script(paths: Sequence[str]) -> str:
    for p in paths:
        # Paths are URL-encoded ASCII; refuse anything that could break the Lua string.
        if not p.isascii() or any(c in p for c in '"\\\n\r'):
            raise ValueError(f"path must be URL-encoded ASCII without quotes: {p!r}")
    return _LUA_TEMPLATE % {"paths": ",\n".join(f'  "{p}"' for p in paths)}


def run_wrk(
    wrk: str,
    base_url: str,
    paths: Sequence[str],
    *,
    connections: int,
    duration: float,
    threads: int = 1,
) -> LoadResult:
    """Run ``wrk`` against ``base_url`` rotating through ``paths``; parse its ``done()`` line."""
    return run_wrk_script(
        wrk, base_url, _lua_script(paths), connections=connections, duration=duration,
        threads=threads,
    )  # fmt: skip


def run_wrk_script(
    wrk: str,
    base_url: str,
    script_text: str,
    *,
    connections: int,
    duration: float,
    threads: int = 1,
    timeout_s: float = REQUEST_TIMEOUT_S,
) -> LoadResult:
    """Run ``wrk`` with a generated Lua script ending in :data:`WRK_DONE_LUA`."""
    with tempfile.TemporaryDirectory(prefix="zwgk-wrk-") as tmp:
        script = Path(tmp) / "load.lua"
        script.write_text(script_text, encoding="utf-8")
        cmd = [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            f"--timeout={timeout_s:g}s",
            "-s",
            str(script),
            base_url.rstrip("/") + "/",
        ]
        res = subprocess.run(
            cmd, capture_output=True, text=True, timeout=duration + 60, check=False
        )
    m = _WRK_LINE.search(res.stdout)
    if res.returncode != 0 or m is None:
        raise RuntimeError(
            f"wrk failed ({res.returncode}): {res.stdout[-500:]} {res.stderr[-500:]}"
        )
    f = {k: float(v) for k, v in (kv.split("=", 1) for kv in m.group(1).split())}
    secs = f["duration_us"] / 1e6
    requests = int(f["requests"])
    return LoadResult(
        tool="wrk",
        connections=connections,
        duration_s=secs,
        requests=requests,
        rps=requests / secs if secs else 0.0,
        p50_ms=f["p50_us"] / 1000,
        p90_ms=f["p90_us"] / 1000,
        p99_ms=f["p99_us"] / 1000,
        mean_ms=f["mean_us"] / 1000,
        max_ms=f["max_us"] / 1000,
        non200=int(f["non200"]),
        errors=int(f["err_connect"] + f["err_read"] + f["err_write"] + f["err_timeout"]),
        unanswered=max(0, int(f["unanswered"])),
    )


# ------------------------------------------------------------------------ python client


class _Shared:
    """State shared by the connections of one Python load run."""

    def __init__(self, requests: list[bytes], deadline: float) -> None:
        self.requests = requests
        self.deadline = deadline
        self.latencies = array.array("d")
        self.non200 = 0
        self.errors = 0
        self.late = 0
        self.open = 0
        self.conns: set[_Conn] = set()
        self.all_closed: asyncio.Future[None] | None = None


class _Conn(asyncio.Protocol):
    """One keep-alive connection: send, read one full response, record, repeat."""

    def __init__(self, shared: _Shared, offset: int, reconnect: Any) -> None:
        self.shared = shared
        self.i = offset
        self.reconnect = reconnect
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.t0 = 0.0
        self.in_flight = False
        self.closing = False

    # -- asyncio callbacks

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports implement the interface without subclassing asyncio.Transport.
        self.transport = cast(asyncio.Transport, transport)
        self.shared.open += 1
        self.shared.conns.add(self)
        self._send()

    def data_received(self, data: bytes) -> None:
        self.buf += data
        parsed = self._parse()
        if parsed is None:
            return
        status, keep_alive = parsed
        self._complete(status)
        if keep_alive:
            self._send()
        else:
            self._close()

    def eof_received(self) -> bool | None:
        # A response without Content-Length ends with the connection.
        if self.in_flight and self.buf:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                self._complete(self._status())
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        shared = self.shared
        shared.open -= 1
        shared.conns.discard(self)
        if self.in_flight:
            shared.errors += 1
            self.in_flight = False
        if not self.closing and time.perf_counter() < shared.deadline:
            self.reconnect(self.i)
        elif shared.open == 0 and shared.all_closed is not None and not shared.all_closed.done():
            shared.all_closed.set_result(None)

    # -- request/response cycle

    def _send(self) -> None:
        if time.perf_counter() >= self.shared.deadline:
            self._close()
            return
        reqs = self.shared.requests
        req = reqs[self.i % len(reqs)]
        self.i += 1
        self.buf.clear()
        self.in_flight = True
        self.t0 = time.perf_counter()
        assert self.transport is not None
        self.transport.write(req)

    def _complete(self, status: int) -> None:
        now = time.perf_counter()
        self.in_flight = False
        if now > self.shared.deadline:
            self.shared.late += 1  # finished after the window: not counted, like wrk
            return
        self.shared.latencies.append(now - self.t0)
        if status != 200:
            self.shared.non200 += 1

    def _close(self) -> None:
        self.closing = True
        if self.transport is not None:
            self.transport.close()

    def _status(self) -> int:
        line_end = self.buf.find(b"\r\n")
        try:
            return int(self.buf[:line_end].split(b" ", 2)[1])
        except (IndexError, ValueError):
            return 0

    def _parse(self) -> tuple[int, bool] | None:
        """``(status, keep_alive)`` once the whole response is buffered, else ``None``."""
        buf = self.buf
        head_end = buf.find(b"\r\n\r\n")
        if head_end < 0:
            return None
        head = bytes(buf[:head_end]).lower()
        body_start = head_end + 4
        keep_alive = b"\nconnection: close" not in head
        m = re.search(rb"\ncontent-length:\s*(\d+)", head)
        if m is not None:
            if len(buf) - body_start < int(m.group(1)):
                return None
            return self._status(), keep_alive
        if b"\ntransfer-encoding: chunked" in head:
            pos = body_start
            while True:
                eol = buf.find(b"\r\n", pos)
                if eol < 0:
                    return None
                size = int(bytes(buf[pos:eol]).split(b";", 1)[0], 16)
                pos = eol + 2 + size + 2
                if size == 0:
                    # Skip (rare) trailers: the message ends at an empty line.
                    if buf.find(b"\r\n", eol + 2) < 0:
                        return None
                    return self._status(), keep_alive
                if len(buf) < pos:
                    return None
        # 204/304 or a bodiless response; anything else is read until the server closes.
        status = self._status()
        if status in (204, 304) or 100 <= status < 200:
            return status, keep_alive
        return None


async def _python_load(
    host: str, port: int, paths: Sequence[str], connections: int, duration: float
) -> LoadResult:
    loop = asyncio.get_running_loop()
    requests = [
        (
            f"GET {p} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: zwgk-bench\r\n"
            "Accept: */*\r\n\r\n"
        ).encode("ascii")
        for p in paths
    ]
    started = time.perf_counter()
    shared = _Shared(requests, started + duration)
    shared.all_closed = loop.create_future()
    pending: set[asyncio.Task[Any]] = set()

    def connect(offset: int) -> None:
        async def go() -> None:
            try:
                await loop.create_connection(lambda: _Conn(shared, offset, connect), host, port)
            except OSError:
                shared.errors += 1
                if time.perf_counter() < shared.deadline:
                    await asyncio.sleep(0.05)
                    connect(offset)

        task = loop.create_task(go())
        pending.add(task)
        task.add_done_callback(pending.discard)

    for c in range(connections):
        connect(c * 7)
    # Connections close themselves after the deadline once their in-flight request is in;
    # a request stuck past the timeout is abandoned (and counted as an error).
    try:
        await asyncio.wait_for(asyncio.shield(shared.all_closed), duration + REQUEST_TIMEOUT_S + 1)
    except TimeoutError:
        # Still waiting for an answer long after the window: unanswered, not an error
        # (wrk does not count requests in flight when it stops either).
        shared.late += shared.open
        for conn in list(shared.conns):
            conn.in_flight = False  # abandoned, already counted as unanswered
            conn._close()
        await asyncio.sleep(0)  # let the transports close
    for task in list(pending):
        task.cancel()
    lat = sorted(shared.latencies)
    n = len(lat)
    secs = duration
    return LoadResult(
        tool="python",
        connections=connections,
        duration_s=secs,
        requests=n,
        rps=n / secs if secs else 0.0,
        p50_ms=percentile(lat, 50) * 1000,
        p90_ms=percentile(lat, 90) * 1000,
        p99_ms=percentile(lat, 99) * 1000,
        mean_ms=(sum(lat) / n * 1000) if n else 0.0,
        max_ms=(lat[-1] * 1000) if n else 0.0,
        non200=shared.non200,
        errors=shared.errors,
        unanswered=shared.late,
    )


def run_python(
    base_url: str, paths: Sequence[str], *, connections: int, duration: float
) -> LoadResult:
    """The pure-Python closed-loop client (asyncio protocols; uvloop when installed)."""
    parts = urlsplit(base_url)
    host = parts.hostname or "127.0.0.1"
    port = parts.port or 80
    coro = _python_load(host, port, paths, connections, duration)
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


# ------------------------------------------------------------------------------ front


def run_load(
    tool: Tool,
    base_url: str,
    paths: Sequence[str],
    *,
    connections: int,
    duration: float,
    wrk: str | None = None,
    wrk_threads: int = 1,
) -> LoadResult:
    """Run one load with the chosen generator."""
    if tool == "wrk":
        if wrk is None:
            raise ValueError("tool 'wrk' needs the wrk executable")
        return run_wrk(
            wrk, base_url, paths, connections=connections, duration=duration, threads=wrk_threads
        )
    return run_python(base_url, paths, connections=connections, duration=duration)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="closed-loop HTTP load (wrk or pure Python)")
    parser.add_argument("url", help="base URL, e.g. http://127.0.0.1:8099")
    parser.add_argument("--path", action="append", help="request path (repeatable); default /")
    parser.add_argument("-c", "--connections", type=int, default=64)
    parser.add_argument("-d", "--duration", type=float, default=10.0)
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--wrk-threads", type=int, default=1)
    args = parser.parse_args(argv)
    host = urlsplit(args.url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        parser.error("load may only target the loopback interface")
    wrk = find_wrk(install=args.tool != "python") if args.tool != "python" else None
    if args.tool == "wrk" and wrk is None:
        parser.error("wrk is not available")
    tool: Tool = "wrk" if wrk else "python"
    res = run_load(
        tool,
        args.url,
        args.path or ["/"],
        connections=args.connections,
        duration=args.duration,
        wrk=wrk,
        wrk_threads=args.wrk_threads,
    )
    print(res.to_dict())
    return 0


if __name__ == "__main__":
    sys.exit(main())
