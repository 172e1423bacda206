"""`zwgk up --demo` end to end: one command brings up the whole stack, Ctrl-C stops it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import PG_URL, free_port


@pytest.mark.skipif(bool(PG_URL), reason="the embedded stack runs on SQLite")
def test_up_serves_logs_in_and_stops_cleanly(tmp_path: Path) -> None:
    api_port, emulator_port = free_port(), free_port()
    env = {
        **os.environ,
        "ZWGK_HTTP__PORT": str(api_port),
        "ZWGK_HTTP__PUBLIC_URL": f"http://127.0.0.1:{api_port}",
        "ZWGK_WECHAT__EMULATOR_PORT": str(emulator_port),
        "ZWGK_LOGGING__LEVEL": "WARNING",
    }
    env.pop("ZWGK_CONFIG", None)
    # The code under test, whatever the venv's editable install points at.
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    log = (tmp_path / "up.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "up", "--demo"],
        cwd=tmp_path,
        start_new_session=True,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    api = f"http://127.0.0.1:{api_port}"
    emulator = f"http://127.0.0.1:{emulator_port}"
    try:
        deadline = time.monotonic() + 90
        last = ""
        while True:
            try:
                ready = httpx.get(f"{api}/readyz", timeout=1)
                health = httpx.get(f"{emulator}/_emulator/health", timeout=1)
                if ready.status_code == 200 and health.status_code == 200:
                    break
                last = f"{ready.status_code} {ready.text} {health.status_code}"
            except httpx.HTTPError as exc:
                last = repr(exc)
            assert proc.poll() is None, (tmp_path / "up.log").read_text()[-3000:]
            assert time.monotonic() < deadline, last + (tmp_path / "up.log").read_text()[-2000:]
            time.sleep(0.3)
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
    finally:
        # As a terminal's Ctrl-C does: the signal goes to the whole process group.
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
            log.close()
    assert proc.returncode == 0, (tmp_path / "up.log").read_text()[-3000:]
    text = (tmp_path / "up.log").read_text()
    assert "zwgk stopped." in text
    assert "Shutdown interrupted" not in text  # each child was stopped once, cleanly
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{api}/healthz", timeout=1)
    assert not (tmp_path / "var" / "redis.sock").exists()
