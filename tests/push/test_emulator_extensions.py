"""The emulator's push extensions: bulk users, deliveries per push id, per-errcode faults."""

from __future__ import annotations

import httpx

from tests.push.conftest import POLICY_TEMPLATE

SEND = "/cgi-bin/message/subscribe/send"
DATA = {
    "thing1": {"value": "稳岗返还"},
    "thing2": {"value": "人社局"},
    "date3": {"value": "2026-05-01"},
    "thing4": {"value": "点击查看"},
}


def _token(emulator: httpx.Client) -> str:
    r = emulator.post(
        "/cgi-bin/stable_token",
        json={
            "grant_type": "client_credential",
            "appid": "wx0000emulator000000",
            "secret": "emulator-secret",
        },
    )
    return str(r.json()["access_token"])


def test_bulk_users_deliveries_and_mixed_faults(emulator: httpx.Client) -> None:
    r = emulator.post(
        "/_emulator/users", json={"openids": ["o-a", "o-b"], "grants": {POLICY_TEMPLATE: 2}}
    )
    assert r.json() == {"users": 2}
    assert emulator.post("/_emulator/users", json={"openids": "o-a"}).status_code == 400
    r = emulator.post("/_emulator/users", json={"openids": ["o-c"], "grants": {"nope": 1}})
    assert r.status_code == 400
    token = _token(emulator)
    for openid, push_id in (("o-a", 1), ("o-b", 2), ("o-a", 1)):
        body = {
            "touser": openid,
            "template_id": POLICY_TEMPLATE,
            "data": DATA,
            "page": f"pages/policy/detail?push_id={push_id}",
        }
        assert emulator.post(f"{SEND}?access_token={token}", json=body).json()["errcode"] == 0
    assert emulator.get("/_emulator/deliveries").json() == {
        "messages": 3,
        "distinct_pushes": 2,
        "without_push_id": 0,
        "duplicates": {"1": 2},
    }
    r = emulator.post(
        "/_emulator/faults", json={"error_rate": 1.0, "errcodes": [-1, 45009], "paths": [SEND]}
    )
    assert r.json()["errcodes"] == [-1, 45009]
    codes = {
        emulator.post(f"{SEND}?access_token={token}", json={}).json()["errcode"] for _ in range(30)
    }
    assert codes == {-1, 45009}
    assert emulator.post("/_emulator/faults", json={"errcodes": []}).status_code == 400
