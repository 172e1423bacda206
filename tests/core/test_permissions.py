"""Deny by default, and every role kept out of what belongs to another."""

from __future__ import annotations

import pytest

from server.core.permissions import Role, access_rule
from tests.helpers import bearer, sign_in_staff, wx_login


async def _staff_token(client, username: str, roles: list[Role], department: str | None):
    return (await sign_in_staff(client, username, roles, department))[1]


async def test_every_route_declares_an_access_rule(app):
    undeclared = [
        route.path
        for route in app.router.routes
        if access_rule(route.handler) is None and route.name.split(".")[1] != "openapi"
    ]
    assert undeclared == []


async def test_route_without_rule_is_denied(settings, redis_client):
    from sanic.response import json

    from server.app import create_app
    from tests.helpers import Lifespan, client_for

    application = create_app(settings, name="zwgk_undeclared_route", run_migrations=False)

    @application.get("/secret-undeclared")
    async def secret(request):
        return json({"leak": True})

    async with Lifespan(application), client_for(application) as c:
        r = await c.get("/secret-undeclared")
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"


ADMIN_ONLY = [("GET", "/api/v1/admin/users"), ("POST", "/api/v1/admin/departments")]
STAFF_ONLY = [("GET", "/api/v1/admin/policies"), ("POST", "/api/v1/admin/policies")]


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY + STAFF_ONLY)
async def test_anonymous_gets_401(client, method, path):
    r = await client.request(method, path, json={})
    assert r.status_code == 401


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY + STAFF_ONLY)
async def test_resident_gets_403(client, emulator, method, path):
    token = await wx_login(client, emulator, "o-nosy-resident")
    r = await client.request(method, path, json={}, headers=bearer(token))
    assert r.status_code == 403


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY + STAFF_ONLY)
async def test_grid_worker_gets_403(client, method, path):
    token = await _staff_token(client, "grid.wang", [Role.GRID_WORKER], None)
    r = await client.request(method, path, json={}, headers=bearer(token))
    assert r.status_code == 403


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY)
async def test_staff_gets_403_on_admin_routes(client, method, path):
    token = await _staff_token(client, "staff.zhao", [Role.STAFF], "rgmzj")
    r = await client.request(method, path, json={}, headers=bearer(token))
    assert r.status_code == 403


async def test_admin_assigns_grid_worker_role_which_takes_effect_at_once(client, emulator):
    admin = await _staff_token(client, "root.admin", [Role.ADMIN], None)
    resident = await wx_login(client, emulator, "o-future-grid-worker")
    me = (await client.get("/api/v1/me", headers=bearer(resident))).json()
    r = await client.put(
        f"/api/v1/admin/users/{me['id']}/roles",
        json={"roles": ["grid_worker"]},
        headers=bearer(admin),
    )
    assert r.status_code == 200
    assert r.json()["roles"] == ["grid_worker", "resident"]
    me2 = (await client.get("/api/v1/me", headers=bearer(resident))).json()
    assert me2["roles"] == ["grid_worker", "resident"]
    bad = await client.put(
        f"/api/v1/admin/users/{me['id']}/roles", json={"roles": ["emperor"]}, headers=bearer(admin)
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["field"] == "roles"
