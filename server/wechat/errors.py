"""Typed exceptions for WeChat API errors.

WeChat answers almost every failure with HTTP 200 and a body like
``{"errcode": 43101, "errmsg": "user refuse to accept the msg rid: ..."}``.
:func:`error_from_response` turns such a pair into one of the classes below so
callers can ``except NoSubscriptionCredit`` instead of comparing numbers, and
job runners can look at :attr:`WeChatError.retryable` to decide whether trying
again later can help.

All exceptions pickle cleanly (arq ships job failures between processes).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

__all__ = [
    "AccessTokenInvalid",
    "InvalidCredential",
    "InvalidLoginCode",
    "InvalidOpenid",
    "InvalidTemplateData",
    "InvalidTemplateId",
    "NoSubscriptionCredit",
    "RateLimited",
    "SystemBusy",
    "WeChatError",
    "WeChatUnavailable",
    "error_from_response",
]


class WeChatError(Exception):
    """A WeChat API call failed with ``errcode``/``errmsg``.

    ``errcode`` is ``None`` only for :class:`WeChatUnavailable`, where WeChat
    never answered. ``retryable`` tells whether the same request may succeed
    later (busy system, rate limit, network trouble) as opposed to a request
    that is wrong and will keep failing.
    """

    retryable: ClassVar[bool] = False
    #: The errcodes that map to this class (used by :func:`error_from_response`).
    codes: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, errcode: int | None, errmsg: str) -> None:
        super().__init__(errcode, errmsg)
        self.errcode = errcode
        self.errmsg = errmsg

    def __str__(self) -> str:
        return f"[{self.errcode}] {self.errmsg}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses may have other __init__ signatures; rebuild through the
        # (errcode, errmsg) pair every one of them understands.
        return (_rebuild, (type(self), self.errcode, self.errmsg))


def _rebuild(cls: type[WeChatError], errcode: int | None, errmsg: str) -> WeChatError:
    error = cls.__new__(cls)
    WeChatError.__init__(error, errcode, errmsg)
    if isinstance(error, InvalidTemplateData):
        error.field = InvalidTemplateData.parse_field(errmsg)
    return error


class InvalidLoginCode(WeChatError):
    """The ``wx.login`` code is unknown, expired (40029) or already used (40163)."""

    codes = frozenset({40029, 40163})


class AccessTokenInvalid(WeChatError):
    """The access token was rejected: invalid (40001/40014) or expired (42001)."""

    codes = frozenset({40001, 40014, 42001})


class NoSubscriptionCredit(WeChatError):
    """43101: the user has no subscription credit left or refused the template."""

    codes = frozenset({43101})


class InvalidTemplateData(WeChatError):
    """47003: a template data value breaks its keyword type's rules.

    ``field`` is the keyword WeChat complained about (``"thing1"`` for
    ``argument invalid! data.thing1.value ...``) or another argument name when
    WeChat names one, else ``None``.
    """

    codes = frozenset({47003})
    _DATA_FIELD = re.compile(r"data\.([A-Za-z_]+\d*)\.value")
    _ARGUMENT = re.compile(r"argument invalid!\s*([A-Za-z_][A-Za-z0-9_]*)")

    def __init__(self, errcode: int | None, errmsg: str) -> None:
        super().__init__(errcode, errmsg)
        self.field: str | None = self.parse_field(errmsg)

    @classmethod
    def parse_field(cls, errmsg: str) -> str | None:
        """The keyword (or argument) named in a 47003 ``errmsg``, if any."""
        match = cls._DATA_FIELD.search(errmsg) or cls._ARGUMENT.search(errmsg)
        return match.group(1) if match else None


class InvalidTemplateId(WeChatError):
    """40037: the template id is not one of this mini-program's templates."""

    codes = frozenset({40037})


class InvalidOpenid(WeChatError):
    """40003: the openid does not belong to this mini-program."""

    codes = frozenset({40003})


class RateLimited(WeChatError):
    """45009 (daily quota) / 45011 (too frequent): try again later."""

    retryable = True
    codes = frozenset({45009, 45011})


class SystemBusy(WeChatError):
    """-1: WeChat is busy; the documented advice is to retry."""

    retryable = True
    codes = frozenset({-1})


class InvalidCredential(WeChatError):
    """40013 (invalid appid) / 40125 (invalid secret): a configuration error."""

    codes = frozenset({40013, 40125})


class WeChatUnavailable(WeChatError):
    """WeChat could not be reached or gave no usable answer (network, timeout, 5xx)."""

    retryable = True

    def __init__(self, errmsg: str, errcode: int | None = None) -> None:
        super().__init__(errcode, errmsg)


_BY_CODE: dict[int, type[WeChatError]] = {
    code: cls
    for cls in (
        InvalidLoginCode,
        AccessTokenInvalid,
        NoSubscriptionCredit,
        InvalidTemplateData,
        InvalidTemplateId,
        InvalidOpenid,
        RateLimited,
        SystemBusy,
        InvalidCredential,
    )
    for code in cls.codes
}


def error_from_response(errcode: int, errmsg: str) -> WeChatError:
    """The typed exception for a WeChat ``errcode``/``errmsg`` pair.

    Unknown codes give a plain :class:`WeChatError` (not retryable).
    """
    return _BY_CODE.get(errcode, WeChatError)(errcode, errmsg)
