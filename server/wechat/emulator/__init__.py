"""A local stand-in for the WeChat server APIs the backend uses.

Run it with ``python -m server.wechat.emulator --port 8001`` (or ``zwgk
emulator``) and point the gateway's ``base_url`` at it. Importing this package
does no I/O; :func:`run_emulator` starts the server.
"""

from __future__ import annotations

from server.wechat.emulator.app import create_emulator_app
from server.wechat.emulator.settings import DEFAULT_APPID, DEFAULT_SECRET, EmulatorSettings
from server.wechat.emulator.state import (
    COMPLAINT_PROGRESS_TEMPLATE_ID,
    DEFAULT_TEMPLATES,
    POLICY_PUSH_TEMPLATE_ID,
    WARNING_TEMPLATE_ID,
)

__all__ = [
    "COMPLAINT_PROGRESS_TEMPLATE_ID",
    "DEFAULT_APPID",
    "DEFAULT_SECRET",
    "DEFAULT_TEMPLATES",
    "POLICY_PUSH_TEMPLATE_ID",
    "WARNING_TEMPLATE_ID",
    "EmulatorSettings",
    "create_emulator_app",
    "run_emulator",
]


def run_emulator(
    host: str = "127.0.0.1",
    port: int = 8001,
    *,
    settings: EmulatorSettings | None = None,
    access_log: bool = False,
) -> None:
    """Serve the emulator until interrupted (blocks).

    One process, one event loop: all state lives in that process, and startup
    takes well under a second (no worker manager).
    """
    app = create_emulator_app(settings, name="wechat-emulator")
    app.run(
        host=host,
        port=port,
        single_process=True,
        access_log=access_log,
        motd=False,
    )
