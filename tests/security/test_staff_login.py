"""Staff sign-in: counted before verifying, capped per account and per address, bounded."""

from __future__ import annotations

import asyncio

import pytest

from server.accounts.service import create_back_office_user
from server.config import ConfigError, load_settings
from server.core.permissions import Role

PASSWORD = "correct-horse-1"


async def _user(name: str) -> None:
    await create_back_office_user(
        username=name,
        password=PASSWORD,
        roles=[Role.STAFF],
        display_name=name,
        department_code="rgrsj",
        create_department=True,
    )


async def _login(client, name, password, ip="203.0.113.9"):
    return await client.post(
        "/api/v1/admin/auth/login",
        json={"username": name, "password": password},
        headers={"x-forwarded-for": ip},
    )


async def test_concurrent_guesses_cannot_exceed_the_limit(client, app):
    await _user("li.conc")
    attempts = app.ctx.settings.security.login_attempts
    results = await asyncio.gather(*(_login(client, "li.conc", f"guess-{i}") for i in range(30)))
    statuses = [r.status_code for r in results]
    # Counted before verifying: at most `attempts` guesses are ever checked.
    assert statuses.count(401) <= attempts
    assert statuses.count(429) >= 30 - attempts
    assert (await _login(client, "li.conc", PASSWORD)).status_code == 429


async def test_account_cap_holds_across_addresses(client, app, redis_client):
    await _user("li.spread")
    cap = app.ctx.settings.security.login_account_attempts
    statuses = []
    for _ in range(cap + 3):
        # The address counters are cleared each time: only the per-account cap is left.
        r = await _login(client, "li.spread", "wrong-password")
        statuses.append(r.status_code)
        for pattern in ("zwgk:login:ip:*", "zwgk:login:acct-ip:*"):
            async for key in redis_client.scan_iter(pattern):
                await redis_client.delete(key)
    assert statuses[:cap] == [401] * cap
    assert set(statuses[cap:]) == {429}


async def test_address_cap_holds_across_accounts(client, app):
    cap = app.ctx.login_limits.per_address = 6  # unknown users verify a full-cost hash
    statuses = [(await _login(client, f"nobody{i}", "wrong")).status_code for i in range(cap + 2)]
    assert statuses[:cap] == [401] * cap
    assert statuses[cap:] == [429, 429]


async def test_argon2_verifications_are_bounded(client, app, monkeypatch):
    from server.accounts import service

    await _user("li.busy")
    limits = app.ctx.login_limits
    limits.queue_seconds = 0.05
    release = asyncio.Event()
    running = 0
    peak = 0

    async def slow_verify(password_hash: str, password: str) -> bool:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await release.wait()
        running -= 1
        return False

    monkeypatch.setattr(service, "_verify_password", slow_verify)
    tasks = [
        asyncio.create_task(_login(client, f"user{i}", "x", ip=f"198.51.100.{i}"))
        for i in range(12)
    ]
    await asyncio.wait(tasks, timeout=2, return_when=asyncio.FIRST_COMPLETED)
    await asyncio.sleep(0.3)
    busy = [t for t in tasks if t.done() and t.result().status_code == 503]
    assert len(busy) == 12 - app.ctx.settings.security.login_max_concurrent
    assert busy[0].result().json()["error"]["code"] == "busy"
    release.set()
    await asyncio.gather(*tasks)
    assert peak == app.ctx.settings.security.login_max_concurrent


def test_trusted_proxy_settings_are_validated():
    with pytest.raises(ConfigError, match="trusted_proxies"):
        load_settings(security={"client_ip_header": "x-forwarded-for"})
    with pytest.raises(ConfigError, match="not an IP address"):
        load_settings(
            security={"client_ip_header": "x-forwarded-for", "trusted_proxies": ["proxy.lan"]}
        )
    with pytest.raises(ConfigError, match="header name"):
        load_settings(security={"client_ip_header": "x forwarded", "trusted_proxies": ["10.0.0.1"]})
    s = load_settings(
        security={"client_ip_header": "X-Forwarded-For", "trusted_proxies": ["10.0.0.0/8"]}
    )
    assert s.security.client_ip_header == "x-forwarded-for"
