"""Subscribe-message keyword rules, as WeChat enforces them on ``data`` values.

A keyword's type is its name without the trailing digits (``thing1`` → ``thing``).
Each rule returns ``None`` when the value is acceptable or a short reason that
ends up in the 47003 errmsg (``argument invalid! data.thing1.value exceed the
limit``), which is the format WeChat uses and our gateway parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time

__all__ = ["KEYWORD_PATTERN", "keyword_type", "validate_value"]

#: What a template keyword name looks like: a lower-case type plus a number.
KEYWORD_PATTERN = re.compile(r"^([a-z_]+?)(\d+)$")

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")
_HAS_HAN = re.compile(rf"[{_HAN}]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_LETTERS = re.compile(r"^[A-Za-z]+$")
_PRINTABLE_ASCII = re.compile(r"^[\x21-\x7e]+$")
_PHONE = re.compile(r"^[0-9+\- ]+$")
_CAR_EDGE = re.compile(rf"^[{_HAN}A-Za-z0-9]$")
_ALNUM = re.compile(r"^[A-Za-z0-9]*$")
_AMOUNT = re.compile(r"^[¥￥]?(\d+(?:\.\d+)?)元?$")
_NAME_LATIN = re.compile(r"^[A-Za-z .·'\-]+$")

_DATE_PART = r"(?:(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})[-/](\d{1,2})[-/](\d{1,2}))"
_TIME_PART = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_TIME_POINT = re.compile(rf"^(?:{_DATE_PART}\s*)?{_TIME_PART}$")
_DATE_POINT = re.compile(rf"^{_DATE_PART}(?:\s*{_TIME_PART})?$")

TOO_LONG = "exceed the limit"
INVALID = "invalid"


def keyword_type(keyword: str) -> str:
    """``thing1`` → ``thing``; ``character_string12`` → ``character_string``."""
    match = KEYWORD_PATTERN.match(keyword)
    return match.group(1) if match else keyword


def _valid_date(groups: tuple[str | None, ...]) -> bool:
    y, m, d = (groups[0], groups[1], groups[2]) if groups[0] else groups[3:6]
    try:
        date(int(y or 0), int(m or 0), int(d or 0))
    except ValueError:
        return False
    return True


def _valid_time(hour: str | None, minute: str | None, second: str | None) -> bool:
    try:
        time(int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return False
    return True


def _time_point(value: str) -> bool:
    match = _TIME_POINT.match(value)
    if not match:
        return False
    groups = match.groups()
    if (groups[0] or groups[3]) and not _valid_date(groups[:6]):
        return False
    return _valid_time(*groups[6:9])


def _date_point(value: str) -> bool:
    match = _DATE_POINT.match(value)
    if not match:
        return False
    groups = match.groups()
    if not _valid_date(groups[:6]):
        return False
    return groups[6] is None or _valid_time(*groups[6:9])


def _range(point: Callable[[str], bool], value: str) -> bool:
    # Both time and date accept a period written as "A~B".
    parts = [p.strip() for p in value.split("~")]
    return len(parts) <= 2 and all(point(p) for p in parts)


def _thing(value: str) -> str | None:
    return TOO_LONG if len(value) > 20 else None


def _phrase(value: str) -> str | None:
    if not _HAN_ONLY.match(value):
        return INVALID
    return TOO_LONG if len(value) > 5 else None


def _name(value: str) -> str | None:
    if any(ch.isdigit() for ch in value):
        return INVALID
    if _HAS_HAN.search(value):
        # Chinese (or mixed) names count as Chinese: at most 10 characters.
        return TOO_LONG if len(value) > 10 else None
    if not _NAME_LATIN.match(value):
        return INVALID
    return TOO_LONG if len(value) > 20 else None


def _number(value: str) -> str | None:
    if not _NUMBER.match(value):
        return INVALID
    return TOO_LONG if len(value) > 32 else None


def _letter(value: str) -> str | None:
    if not _LETTERS.match(value):
        return INVALID
    return TOO_LONG if len(value) > 32 else None


def _symbol(value: str) -> str | None:
    if any(ch.isalnum() or ch.isspace() for ch in value):
        return INVALID
    return TOO_LONG if len(value) > 5 else None


def _character_string(value: str) -> str | None:
    if not _PRINTABLE_ASCII.match(value):
        return INVALID
    return TOO_LONG if len(value) > 32 else None


def _phone_number(value: str) -> str | None:
    if not _PHONE.match(value) or not any(ch.isdigit() for ch in value):
        return INVALID
    return TOO_LONG if len(value) > 17 else None


def _car_number(value: str) -> str | None:
    if len(value) > 8:
        return TOO_LONG
    # First and last character may be Chinese (province / 学, 警...); the rest
    # are letters and digits.
    edges_ok = _CAR_EDGE.match(value[0]) and _CAR_EDGE.match(value[-1])
    return None if edges_ok and _ALNUM.match(value[1:-1]) else INVALID


def _amount(value: str) -> str | None:
    match = _AMOUNT.match(value)
    if not match:
        return INVALID
    digits = sum(ch.isdigit() for ch in match.group(1))
    return TOO_LONG if digits > 10 else None


def _time(value: str) -> str | None:
    return None if _range(_time_point, value) else INVALID


def _date(value: str) -> str | None:
    return None if _range(_date_point, value) else INVALID


_RULES: dict[str, Callable[[str], str | None]] = {
    "thing": _thing,
    "phrase": _phrase,
    "name": _name,
    "number": _number,
    "letter": _letter,
    "symbol": _symbol,
    "character_string": _character_string,
    "phone_number": _phone_number,
    "car_number": _car_number,
    "amount": _amount,
    "time": _time,
    "date": _date,
}


def validate_value(keyword: str, value: object) -> str | None:
    """Why ``value`` is not acceptable for ``keyword``, or ``None`` if it is.

    Types this emulator does not know are held to the ``thing`` rule (≤ 20
    characters), the most common limit.
    """
    if not isinstance(value, str):
        return INVALID
    if not value.strip():
        return "is empty"
    rule = _RULES.get(keyword_type(keyword), _thing)
    return rule(value)
