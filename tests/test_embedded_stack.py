"""`zwgk up --demo` end to end: one command brings up the whole stack, Ctrl-C stops it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import PG_URL
from tests.helpers import running_stack


@pytest.mark.skipif(bool(PG_URL), reason="the embedded stack runs on SQLite")
def test_up_serves_logs_in_and_stops_cleanly(tmp_path: Path) -> None:
    with running_stack(tmp_path, "--demo", env={"ZWGK_LOGGING__LEVEL": "WARNING"}) as stack:
        api, emulator = stack.api, stack.emulator
        code = httpx.post(f"{emulator}/_emulator/login-codes", json={"openid": "o-up"}).json()
        login = httpx.post(f"{api}/api/v1/auth/wx-login", json={"code": code["code"]})
        assert login.status_code == 200, login.text
        me = httpx.get(
            f"{api}/api/v1/me", headers={"Authorization": f"Bearer {login.json()['token']}"}
        )
        assert me.status_code == 200 and me.json()["roles"] == ["resident"]
        found = httpx.get(f"{api}/api/v1/policies/search", params={"q": "稳岗返还"}).json()
        assert found["total"] > 0  # the demo data is searchable
        assert (tmp_path / "var" / "zwgk.db").exists()
    assert stack.proc.returncode == 0, stack.output()[-3000:]
    text = stack.output()
    assert "zwgk stopped." in text
    assert "Shutdown interrupted" not in text  # each child was stopped once, cleanly
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{api}/healthz", timeout=1)
    assert not (tmp_path / "var" / "redis.sock").exists()
