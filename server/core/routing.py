"""Route parameter types and text checks shared by every route.

``<x:int>`` matches only values that fit a 32-bit signed column (``IntField``) and
``<x:int64>`` only values that fit a 64-bit one (``BigIntField``): an id outside its
column's range cannot name a row, so it is a 404 instead of a database overflow (500).
"""

from __future__ import annotations

from typing import Any

from server.core.errors import AppError

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
#: Digits, optionally signed; at most 20 characters so a huge number is refused unparsed.
_INT_PATTERN = r"^-?\d{1,20}$"


def int32(value: str) -> int:
    """Cast of ``<x:int>``: ValueError (so: no route, 404) outside the 32-bit range."""
    number = int(value)
    if not INT32_MIN <= number <= INT32_MAX:
        raise ValueError("out of range")
    return number


def int64(value: str) -> int:
    """Cast of ``<x:int64>``: ValueError (404) outside the 64-bit range."""
    number = int(value)
    if not INT64_MIN <= number <= INT64_MAX:
        raise ValueError("out of range")
    return number


def register_patterns(router: Any) -> None:
    """Install the bounded ``int`` and ``int64`` types; call before adding routes."""
    router.register_pattern("int", int32, _INT_PATTERN)
    router.register_pattern("int64", int64, _INT_PATTERN)


class InvalidText(AppError):
    """Text that cannot be stored: unpaired surrogates or NUL characters."""

    status = 422
    code = "invalid_text"


def is_storable(text: str) -> bool:
    """Whether ``text`` encodes as UTF-8 (no lone surrogates) and has no NUL."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_text(value: Any, field: str | None = None) -> None:
    """Raise :class:`InvalidText` if any string inside ``value`` cannot be stored."""
    if isinstance(value, str):
        if not is_storable(value):
            raise InvalidText("the text contains characters that cannot be stored", field=field)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key, field)
            check_text(item, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_text(item, f"{field}.{index}" if field else str(index))
