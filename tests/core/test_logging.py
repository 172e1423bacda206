"""Development logs are single, readable, quiet lines; production logs stay JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from server.config import Settings
from server.core.logging import (
    QUIET_JOBS,
    ConsoleFormatter,
    QuietJobsFilter,
    configure_logging,
    log_format,
)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _arq(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("arq.worker", logging.INFO, __file__, 1, message, args, None)


def test_quiet_jobs_log_only_when_they_did_work(restore_logging: None) -> None:
    assert "relay_outbox" in QUIET_JOBS
    quiet = QuietJobsFilter()
    logging.getLogger().setLevel(logging.INFO)
    start = _arq("%6.2fs → %s(%s)%s", 0.5, "cron:relay_outbox", "", "")
    idle = _arq("%6.2fs ← %s ● %s", 0.0, "cron:relay_outbox", 0)
    busy = _arq("%6.2fs ← %s ● %s", 0.0, "cron:relay_outbox", 3)
    failed = _arq("%6.2fs ! %s failed, %s: %s", 0.0, "cron:relay_outbox", "OSError", "boom")
    other = _arq("%6.2fs → %s(%s)%s", 0.5, "send_push", "1", "")
    assert not quiet.filter(start)
    assert not quiet.filter(idle)
    assert quiet.filter(busy) and busy.levelname == "INFO"
    assert quiet.filter(failed) and quiet.filter(other)
    # Enqueued jobs carry their id before the function name; dict results of zeros are idle.
    nudge = _arq("%6.2fs → %s(%s)%s", 0.0, "5f2c9a:relay_outbox_now", "", "")
    nudge_done = _arq("%6.2fs ← %s ● %s", 0.0, "5f2c9a:relay_outbox_now", 2)
    sweep_idle = _arq("%6.2fs ← %s ● %s", 0.0, "cron:push_sweep", {"expired": 0, "retried": 0})
    sweep_busy = _arq("%6.2fs ← %s ● %s", 0.0, "cron:push_sweep", {"expired": 0, "retried": 4})
    assert not quiet.filter(nudge) and quiet.filter(nudge_done)
    assert not quiet.filter(sweep_idle) and quiet.filter(sweep_busy)
    # With DEBUG on, the idle runs are still there, marked DEBUG.
    logging.getLogger().setLevel(logging.DEBUG)
    again = _arq("%6.2fs ← %s ● %s", 0.0, "cron:relay_outbox", None)
    assert quiet.filter(again) and again.levelname == "DEBUG"


def test_console_lines_are_single_readable_and_redacted(
    restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("INFO", "console")
    logging.getLogger("sanic.server").info("Worker ready [%d]", 42)
    logging.getLogger("arq.worker").info("%6.2fs ← %s ● %s", 0.0, "cron:relay_outbox", 0)
    logging.getLogger("arq.worker").info("%6.2fs ← %s ● %s", 0.0, "cron:relay_outbox", 2)
    try:
        raise ValueError("phone 13812345678")
    except ValueError:
        logging.getLogger("zwgk").exception("failed for 13812345678")
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0].endswith("INFO  sanic.server  Worker ready [42]"), lines[0]
    assert "{" not in lines[0] and "None" not in lines[0]
    assert sum("relay_outbox" in line for line in lines) == 1  # only the run that did work
    assert "13812345678" not in err and "[phone]" in err
    assert "Traceback" in err


def test_json_stays_the_production_format(
    restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("INFO", "json")
    logging.getLogger("sanic.server").info("Worker ready")
    (line,) = capsys.readouterr().err.splitlines()
    assert json.loads(line)["msg"] == "Worker ready"


def test_format_defaults_by_environment() -> None:
    assert log_format(Settings(env="development")) == "console"
    assert log_format(Settings(env="test")) == "json"
    assert log_format(Settings(env="development", logging={"format": "json"})) == "json"
    assert log_format(Settings(env="test", logging={"format": "console"})) == "console"


def test_the_api_app_adds_no_sanic_handlers(settings: Settings) -> None:
    """Sanic's own console handlers would print each line a second time."""
    from server.app import create_app
    from server.wechat.emulator.app import create_emulator_app

    create_app(settings, name="logging_probe", run_migrations=False)
    create_emulator_app(None, name="logging_probe_emulator")
    for name in ("sanic.root", "sanic.error", "sanic.access", "sanic.server"):
        assert logging.getLogger(name).handlers == [], name


def test_console_tag_names_the_process() -> None:
    record = logging.LogRecord("sanic.server", logging.INFO, __file__, 1, "ready", None, None)
    record.request_id = None
    assert " api      INFO  sanic.server  ready" in ConsoleFormatter(tag="api").format(record)
