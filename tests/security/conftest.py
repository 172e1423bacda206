"""Fixtures of the security tests: the real HTTP server over TCP."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from sanic.application.constants import ServerStage
from sanic.application.state import ApplicationServerInfo

from server.config import Settings


@contextlib.asynccontextmanager
async def tcp_server(settings: Settings, name: str) -> AsyncIterator[tuple[Any, str]]:
    """The real Sanic HTTP server (no ASGI shim) on a free port of 127.0.0.1."""
    from server.app import create_app
    from server.policies.service import load_taxonomy
    from tests.conftest import PG_URL, _truncate_postgres, free_port

    if PG_URL:
        await _truncate_postgres(settings.database.url)
    app = create_app(settings, name=name, run_migrations=False)
    port = free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    assert server is not None
    # create_server leaves the app "stopped", where app.add_task refuses named tasks
    # (our after_server_start listener starts one): say it serves, as app.run would.
    info = ApplicationServerInfo(settings={})
    info.stage = ServerStage.SERVING
    app.state.server_info.append(info)
    await server.startup()
    await server.before_start()
    await server.after_start()
    await server.start_serving()
    await load_taxonomy()
    try:
        yield app, f"http://127.0.0.1:{port}"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


async def raw_exchange(port: int, request: bytes, *, read_timeout: float = 10) -> bytes:
    """Send raw bytes over TCP and read what the server answers until it closes or pauses."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        chunks = []
        while True:
            try:
                chunk = await asyncio.wait_for(reader.read(65536), read_timeout)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                break
        return b"".join(chunks)
    finally:
        writer.close()


def _complete(data: bytes) -> bool:
    head, _, body = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":", 1)[1])
    return False
