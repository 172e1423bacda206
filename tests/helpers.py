"""Test helpers: drive the Sanic app in-process over ASGI, and sign users in."""

from __future__ import annotations

import asyncio
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
