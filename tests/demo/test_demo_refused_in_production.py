"""`zwgk up --demo` and `zwgk seed --demo` never seed the demo admin with env=production.

The refusal lives in ``seed_demo`` itself; every path that seeds is called here with
production settings and must leave the database without the demo admin.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from server import cli
from server.config import Settings
from server.demo.seed import DEMO_ADMIN, DemoDataRefused, seed_demo


def _production(settings: Settings, **update: Any) -> Settings:
    # model_copy skips validation, as a settings object built some other way might.
    return settings.model_copy(update={"env": "production", **update})


async def test_seed_demo_itself_refuses_production(app: Any, settings: Settings) -> None:
    from server.accounts.models import User
    from server.policies.models import Policy

    with pytest.raises(DemoDataRefused, match="env=production"):
        await seed_demo(_production(settings))
    assert not await User.exists(username=DEMO_ADMIN[0])
    assert await Policy.all().count() == 0


def _admin_exists(settings: Settings) -> bool:
    from server.accounts.models import User

    async def work() -> bool:
        return bool(await User.exists(username=DEMO_ADMIN[0]))

    result: bool = cli.run_db(settings, work)
    return result


def _fresh_db_settings(settings: Settings, tmp_path: Path) -> Settings:
    database = settings.database.model_copy(update={"url": f"sqlite://{tmp_path / 'prod.db'}"})
    return settings.model_copy(update={"database": database})


def test_seed_command_refuses_production(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = _fresh_db_settings(settings, tmp_path)
    assert cli.cmd_migrate(local, argparse.Namespace()) == 0
    assert cli.cmd_seed(_production(local), argparse.Namespace(demo=True)) == 2
    assert "refusing to load demo data with env=production" in capsys.readouterr().err
    assert not _admin_exists(local)


def test_up_demo_refuses_production(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = _fresh_db_settings(settings, tmp_path)
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        code = cli.cmd_up(_production(local), argparse.Namespace(demo=True))
    finally:
        signal.signal(signal.SIGINT, handlers[0])
        signal.signal(signal.SIGTERM, handlers[1])
    assert code == 2
    out = capsys.readouterr()
    assert "refusing to load demo data" in out.err and "zwgk is up" not in out.out
    assert not _admin_exists(local)


def test_development_and_test_may_seed(settings: Settings) -> None:
    from server.demo.seed import refuse_in_production

    refuse_in_production(settings)  # env=test
    refuse_in_production(settings.model_copy(update={"env": "development"}))
    with pytest.raises(DemoDataRefused):
        refuse_in_production(settings.model_copy(update={"env": "staging"}))
    assert asyncio.iscoroutinefunction(seed_demo)


def _production_env(tmp_path: Path, redis_url: str) -> dict[str, str]:
    """A production configuration that passes every start-up check (so the refusal seen
    is the demo's, not the settings')."""
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "ZWGK_ENV": "production",
        "ZWGK_DATABASE__URL": f"sqlite://{tmp_path / 'prod.db'}",
        "ZWGK_DATABASE__ALLOW_SQLITE_IN_PRODUCTION": "true",
        "ZWGK_REDIS__URL": redis_url,
        "ZWGK_SECURITY__SECRET_KEY": "p" * 48,
        "ZWGK_WECHAT__MODE": "real",
        "ZWGK_WECHAT__APPID": "wx0123456789abcdef",
        "ZWGK_WECHAT__SECRET": "s" * 32,
        "ZWGK_WECHAT__CALLBACK_TOKEN": "t" * 32,
        "ZWGK_WECHAT__ENCODING_AES_KEY": "a" * 43,
        "ZWGK_LOGGING__LEVEL": "WARNING",
    }
    env.pop("ZWGK_CONFIG", None)
    return env


@pytest.mark.parametrize("argv", [["seed", "--demo"], ["up", "--demo"]])
def test_the_zwgk_command_refuses_demo_data_in_production(
    argv: list[str], tmp_path: Path, redis_url: str
) -> None:
    """The real entry point, as an operator would type it on a production host."""
    result = subprocess.run(
        [sys.executable, "-m", "server.cli", *argv],
        cwd=tmp_path,
        env=_production_env(tmp_path, redis_url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "refusing to load demo data with env=production" in result.stderr
    assert "zwgk is up" not in result.stdout
    database = tmp_path / "prod.db"
    if database.exists():
        with sqlite3.connect(database) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "users" in tables:
                admins = conn.execute(
                    "SELECT COUNT(*) FROM users WHERE username = ?", (DEMO_ADMIN[0],)
                ).fetchone()
                assert admins == (0,)
