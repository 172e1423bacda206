"""Cross-cutting HTTP behaviour: error shape, request ids, health, OpenAPI, logs."""

from __future__ import annotations

import logging
import re

from server.core.logging import JsonFormatter, RedactingFilter, redact


async def test_unknown_route_is_404_in_error_shape(client):
    r = await client.get("/api/v1/nothing-here")
    assert r.status_code == 404
    assert set(r.json()["error"]) == {"code", "message", "field"}
    assert r.json()["error"]["code"] == "not_found"


async def test_wrong_method_is_405_json(client):
    r = await client.delete("/healthz")
    assert r.status_code == 405
    assert r.json()["error"]["code"] == "method_not_allowed"


async def test_request_id_is_echoed_or_minted(client):
    r = await client.get("/healthz", headers={"X-Request-ID": "abc12345-client"})
    assert r.headers["x-request-id"] == "abc12345-client"
    r2 = await client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert r2.headers["x-request-id"] != "<script>"
    assert len(r2.headers["x-request-id"]) == 32
    r3 = await client.get("/healthz")
    assert r3.headers["x-request-id"] not in (r2.headers["x-request-id"], "")  # never reused


async def test_readyz_checks_database_and_redis(client):
    r = await client.get("/readyz")
    assert r.status_code == 200
    assert r.json()["checks"] == {"database": "ok", "redis": "ok"}


async def test_openapi_document_covers_every_api_route(client, app):
    r = await client.get("/docs/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    documented = {re.sub(r"\{[^}]+\}", "{}", p) for p in doc["paths"]}
    missing = [
        route.path
        for route in app.router.routes
        if route.path.startswith("api/")
        and re.sub(r"<[^>]+>", "{}", "/" + route.path) not in documented
    ]
    assert missing == []
    login = doc["paths"]["/api/v1/auth/wx-login"]["post"]
    assert "requestBody" in login


def test_logs_never_carry_phone_id_or_tokens():
    assert redact("call 13812345678 now") == "call [phone] now"
    assert redact("id 32068219800101123X") == "id [id-number]"
    assert redact("Authorization: Bearer abc.def-123") == "Authorization: Bearer [token]"
    assert "secret123" not in redact(
        "GET /sns/jscode2session?appid=wx1&secret=secret123&js_code=0a"
    )
    record = logging.makeLogRecord(
        {
            "msg": "user %s phone %s",
            "args": ("张三", "13900001111"),
            "name": "zwgk.test",
            "levelname": "INFO",
        }
    )
    RedactingFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "13900001111" not in line and "[phone]" in line


async def test_no_handler_listens_to_per_request_signals(app):
    """Sanic compiles its per-request signal dispatch away only when no handler listens to
    an ``http.*`` event (sanic-ext's injection did, on every routed request)."""
    events = [str(s.event) for s in app._future_signals]
    assert events and not [e for e in events if e.startswith("http.")], events
