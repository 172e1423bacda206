"""Start-up settings of the WeChat emulator."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_APPID = "wx0000emulator000000"
DEFAULT_SECRET = "emulator-secret"  # noqa: S105 - a well-known fake for local development


@dataclass(frozen=True)
class EmulatorSettings:
    """How the emulator behaves; ``POST /_emulator/reset`` returns to these values.

    Durations are in seconds. ``token_renew_window`` is how close to expiry an
    access token must be before a plain ``stable_token`` call hands out a new
    one (WeChat does this in the last minutes; ``None`` means
    ``min(300, token_ttl / 2)`` so short test TTLs still behave sensibly).
    """

    appid: str = DEFAULT_APPID
    secret: str = DEFAULT_SECRET
    #: The mini-program's original id, sent as ``ToUserName`` in event pushes.
    original_id: str = "gh_0000emulator0"
    token_ttl: int = 7200
    token_renew_window: float | None = None
    #: ``stable_token`` with ``force_refresh`` is limited per (emulated) day.
    force_refresh_daily_limit: int = 20
    login_code_ttl: float = 300.0
    phone_code_ttl: float = 300.0
    #: msg_sec_check only accepts users who opened the mini-program this recently.
    active_window: float = 7200.0
    callback_url: str | None = None
    callback_token: str | None = None
    callback_aes_key: str | None = None

    @property
    def renew_window(self) -> float:
        """The effective :attr:`token_renew_window`."""
        if self.token_renew_window is not None:
            return self.token_renew_window
        return min(300.0, self.token_ttl / 2)
