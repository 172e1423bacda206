"""Test helpers: drive the Sanic app in-process over ASGI, and sign users in."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx


class Lifespan:
    """Runs the ASGI lifespan of an app so its listeners open and close resources."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Lifespan:
        scope = {"type": "lifespan", "asgi": {"version": "3.0"}}
        self._task = asyncio.create_task(self.app(scope, self._to_app.get, self._from_app.put))
        await self._to_app.put({"type": "lifespan.startup"})
        message = await asyncio.wait_for(self._from_app.get(), 30)
        if message["type"] != "lifespan.startup.complete":
            raise RuntimeError(f"app failed to start: {message}")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._to_app.put({"type": "lifespan.shutdown"})
        await asyncio.wait_for(self._from_app.get(), 30)
        if self._task is not None:
            await asyncio.wait_for(self._task, 30)


def client_for(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://zwgk.test", timeout=30
    )


async def wx_login(client: httpx.AsyncClient, emulator: httpx.Client, openid: str) -> str:
    """Sign a WeChat user in through the real flow; returns the bearer token."""
    code = emulator.post("/_emulator/login-codes", json={"openid": openid}).json()["code"]
    response = await client.post("/api/v1/auth/wx-login", json={"code": code})
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def run_zwgk(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``zwgk ARGS`` as a real process on the SQLite file ``tmp/cli.db`` (no ``ZWGK_``
    variable of the caller leaks in); output captured as text."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZWGK_")}
    env.update(
        {
            "ZWGK_DATABASE__URL": f"sqlite://{tmp / 'cli.db'}",
            "ZWGK_LOGGING__LEVEL": "WARNING",
            "ZWGK_LOGGING__FORMAT": "console",
            "ZWGK_PATHS__VAR_DIR": str(tmp / "var"),
            "COLUMNS": "200",  # argparse and tables do not wrap
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


#: The password of back-office accounts made by :func:`sign_in_staff`.
STAFF_PASSWORD = "password-123456"


async def sign_in_staff(
    client: httpx.AsyncClient,
    username: str,
    roles: list[Any] | None = None,
    department: str | None = None,
    *,
    create_department: bool = True,
    department_name: str | None = None,
) -> tuple[int, str]:
    """Create a back-office account and sign it in through the API; (user id, token).

    ``roles`` defaults to staff; ``department`` is created when it does not exist.
    """
    from server.accounts.service import create_back_office_user
    from server.core.permissions import Role

    user = await create_back_office_user(
        username=username,
        password=STAFF_PASSWORD,
        roles=roles or [Role.STAFF],
        display_name=username,
        department_code=department,
        department_name=department_name,
        create_department=create_department,
    )
    r = await client.post(
        "/api/v1/admin/auth/login", json={"username": username, "password": STAFF_PASSWORD}
    )
    assert r.status_code == 200, r.text
    return user.id, str(r.json()["token"])


@contextlib.contextmanager
def running_emulator(log: Path, *extra_args: str) -> Iterator[str]:
    """The WeChat emulator as a real subprocess on a free port; yields its base URL."""
    from tests.conftest import free_port

    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server.wechat.emulator",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                *extra_args,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ},
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/_emulator/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"emulator did not start: {log.read_text()[-3000:]}")
        time.sleep(0.05)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclasses.dataclass
class Stack:
    """A running ``zwgk up`` process tree (see :func:`running_stack`)."""

    api: str
    emulator: str
    proc: subprocess.Popen[bytes]
    log: Path
    workdir: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def running_stack(
    workdir: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> Iterator[Stack]:
    """``zwgk up ARGS`` in ``workdir`` on free ports, ready (``/readyz`` 200 and the
    emulator up) when the block starts; stopped as a terminal's Ctrl-C would (SIGINT to the
    whole process group) when it ends. The combined output is in ``stack.log``."""
    from tests.conftest import free_port

    api_port, emulator_port = free_port(), free_port()
    full_env = {
        **os.environ,
        "ZWGK_HTTP__PORT": str(api_port),
        "ZWGK_HTTP__PUBLIC_URL": f"http://127.0.0.1:{api_port}",
        "ZWGK_WECHAT__EMULATOR_PORT": str(emulator_port),
        **(env or {}),
    }
    full_env.pop("ZWGK_CONFIG", None)
    # The code under test, whatever the venv's editable install points at.
    full_env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    log = workdir / "up.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "up", *args],
            cwd=workdir,
            start_new_session=True,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    stack = Stack(
        f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{emulator_port}", proc, log, workdir
    )
    try:
        deadline = time.monotonic() + timeout
        last = ""
        while True:
            try:
                ready = httpx.get(f"{stack.api}/readyz", timeout=1)
                health = httpx.get(f"{stack.emulator}/_emulator/health", timeout=1)
                if ready.status_code == 200 and health.status_code == 200:
                    break
                last = f"{ready.status_code} {ready.text} {health.status_code}"
            except httpx.HTTPError as exc:
                last = repr(exc)
            if proc.poll() is not None:
                raise RuntimeError(f"zwgk up exited early: {stack.output()[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"zwgk up not ready: {last}\n{stack.output()[-2000:]}")
            time.sleep(0.3)
        yield stack
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
