"""Body limits, the client address behind a proxy and client disconnects, through the real
Sanic server over TCP (not the in-process ASGI transport)."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx

from server.accounts.service import create_back_office_user
from server.core.permissions import Role
from server.policies.models import Policy
from tests.helpers import STAFF_PASSWORD as PASSWORD
from tests.security.conftest import raw_exchange, tcp_server

POLICY = {
    "title": "关于印发《县级政务公开标准目录》的通知",
    "issuer": "县人民政府办公室",
    "stage": "decision",
    "summary": "印发政务公开标准目录。",
    "body": "各乡镇人民政府，县各有关部门：现将目录印发给你们。",
}


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


async def test_body_limits_per_route_over_tcp(settings, redis_client):
    async with tcp_server(settings, "zwgk_tcp_limits") as (_, url):
        port = _port(url)
        # Declared too large: refused before the body is read (sign-in takes 8 KiB).
        started = time.monotonic()
        answer = await raw_exchange(
            port,
            b"POST /api/v1/admin/auth/login HTTP/1.1\r\nHost: zwgk\r\n"
            b"Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{",
        )
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert b'"payload_too_large"' in answer
        assert time.monotonic() - started < 5
        # Chunked (no length given): cut off when it passes the limit.
        chunk = b"x" * 4096
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8)) + b"0\r\n\r\n"
        answer = await raw_exchange(
            port,
            b"POST /api/v1/admin/auth/login HTTP/1.1\r\nHost: zwgk\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + body,
        )
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        async with httpx.AsyncClient(base_url=url, timeout=30) as c:
            # The default limit (1 MiB) on an ordinary JSON route.
            r = await c.post("/api/v1/admin/departments", content=b"{" + b" " * (1024 * 1024 + 10))
            assert r.status_code == 413
            # Uploads take their documented size: 2 MiB passes the size check (then 401).
            r = await c.post(
                "/api/v1/admin/attachments", files={"file": ("a.pdf", b"%PDF-" + b"0" * 2**21)}
            )
            assert r.status_code == 401, r.text
            # The callback takes a few KB only.
            r = await c.post("/wechat/callback", content=b"<xml>" + b"a" * 100_000)
            assert r.status_code == 413


async def _fail_logins(url: str, forwarded: str, times: int) -> list[int]:
    statuses = []
    async with httpx.AsyncClient(base_url=url, timeout=30) as c:
        for _ in range(times):
            r = await c.post(
                "/api/v1/admin/auth/login",
                json={"username": "li.proxy", "password": "wrong-password"},
                headers={"X-Forwarded-For": forwarded},
            )
            statuses.append(r.status_code)
    return statuses


async def test_client_address_comes_from_a_trusted_proxy_only(settings, redis_client):
    trusted = settings.model_copy(
        update={
            "security": settings.security.model_copy(
                update={
                    "client_ip_header": "x-forwarded-for",
                    "trusted_proxies": ["127.0.0.1/32"],
                    "login_address_attempts": 2,
                }
            )
        }
    )
    async with tcp_server(trusted, "zwgk_tcp_proxy") as (_, url):
        # The proxy appends the address it saw; a client-supplied prefix is ignored.
        assert await _fail_logins(url, "6.6.6.6, 203.0.113.7", 3) == [401, 401, 429]
        assert await _fail_logins(url, "203.0.113.8", 1) == [401]  # another client
        assert await _fail_logins(url, "7.7.7.7, 203.0.113.7", 1) == [429]
    await redis_client.flushdb()
    untrusted = trusted.model_copy(
        update={"security": trusted.security.model_copy(update={"trusted_proxies": ["10.0.0.0/8"]})}
    )
    async with tcp_server(untrusted, "zwgk_tcp_noproxy") as (_, url):
        # The peer is not a trusted proxy: the header is ignored, everyone is 127.0.0.1.
        assert await _fail_logins(url, "203.0.113.7", 2) == [401, 401]
        assert await _fail_logins(url, "203.0.113.9", 1) == [429]


async def test_client_disconnect_after_commit_then_retry_over_tcp(
    settings, redis_client, monkeypatch
):
    from server.policies import admin

    committed = asyncio.Event()
    release = asyncio.Event()
    real_after_write = admin._after_write

    async def slow_after_write(request: Any) -> None:
        committed.set()
        await release.wait()
        await real_after_write(request)

    monkeypatch.setattr(admin, "_after_write", slow_after_write)
    async with tcp_server(settings, "zwgk_tcp_disconnect") as (_, url):
        await create_back_office_user(
            username="rs.tcp",
            password=PASSWORD,
            roles=[Role.STAFF],
            display_name="TCP",
            department_code="rgrsj",
            create_department=True,
        )
        async with httpx.AsyncClient(base_url=url, timeout=30) as c:
            login = await c.post(
                "/api/v1/admin/auth/login", json={"username": "rs.tcp", "password": PASSWORD}
            )
            token = login.json()["token"]
        body = json.dumps(POLICY, ensure_ascii=False).encode()
        head = (
            "POST /api/v1/admin/policies HTTP/1.1\r\nHost: zwgk\r\n"
            f"Authorization: Bearer {token}\r\nIdempotency-Key: tcp-disconnect-0001\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        _reader, writer = await asyncio.open_connection("127.0.0.1", _port(url))
        writer.write(head + body)
        await writer.drain()
        await asyncio.wait_for(committed.wait(), 30)
        writer.close()  # the client goes away after the commit, before the answer
        await asyncio.sleep(0.2)
        release.set()
        async with httpx.AsyncClient(base_url=url, timeout=30) as c:
            for _ in range(100):
                retry = await c.post(
                    "/api/v1/admin/policies",
                    content=body,  # byte for byte the same request
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Idempotency-Key": "tcp-disconnect-0001",
                        "Content-Type": "application/json",
                    },
                )
                if retry.status_code != 409:
                    break
                await asyncio.sleep(0.05)
        assert retry.status_code == 201, retry.text
        assert retry.headers.get("idempotent-replayed") == "true"
        assert await Policy.all().count() == 1
