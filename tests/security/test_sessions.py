"""Back-office rights only through a back-office session."""

from __future__ import annotations

from server.accounts.models import User
from server.core.permissions import Role
from tests.helpers import bearer, wx_login


async def test_wechat_session_of_an_admin_account_has_no_admin_rights(client, emulator):
    token = await wx_login(client, emulator, "o-also-admin")
    user = await User.get(openid="o-also-admin")
    user.roles = [Role.RESIDENT.value, Role.ADMIN.value, Role.STAFF.value]
    await user.save()
    for method, path in (
        ("GET", "/api/v1/admin/users"),
        ("GET", "/api/v1/admin/departments"),
        ("GET", "/api/v1/admin/policies"),
    ):
        r = await client.request(method, path, headers=bearer(token))
        assert r.status_code == 403, (path, r.text)
    r = await client.post(
        "/api/v1/admin/departments",
        json={"code": "evil", "name": "冒充部门"},
        headers=bearer(token),
    )
    assert r.status_code == 403
    # The same session still works for what a resident may do.
    assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 200


async def test_staff_session_keeps_its_rights(client, staff_login):
    token = await staff_login("root.keep", [Role.ADMIN])
    assert (await client.get("/api/v1/admin/users", headers=bearer(token))).status_code == 200


def test_console_tracebacks_are_redacted():
    import logging

    from server.core.logging import ConsoleFormatter

    try:
        raise ValueError("caller 13812345678 sent Bearer abc.def-123")
    except ValueError:
        record = logging.LogRecord("zwgk", logging.ERROR, __file__, 1, "boom", None, None)
        import sys

        record.exc_info = sys.exc_info()
        record.request_id = "-"
    text = ConsoleFormatter().format(record)
    assert "13812345678" not in text and "abc.def-123" not in text
    assert "[phone]" in text
