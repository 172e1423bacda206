"""Safe subscription-message rendering: every keyword value checked against WeChat's rules.

A keyword's type is its name without the trailing digits (``thing1`` → ``thing``). Text
types are shortened where WeChat allows any text (``thing``, ``name``, ``character_string``:
cut with an ellipsis on a character boundary); structured types (``number``, ``date``,
``time``, ``phrase``, ``amount``, ``phone_number``) must already be valid or the push fails
as ``invalid_data`` before it costs a credit. Empty values are never sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from server.config import PushTemplateSettings

CHINA = ZoneInfo("Asia/Shanghai")

_KEYWORD = re.compile(r"^([a-z_]+?)(\d+)$")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")
_HAS_HAN = re.compile(rf"[{_HAN}]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_ASCII = re.compile(r"^[\x21-\x7e]+$")
_PHONE = re.compile(r"^[0-9+\- ]+$")
_AMOUNT = re.compile(r"^[¥￥]?(\d+(?:\.\d+)?)元?$")
_DATE = re.compile(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}$|^\d{4}年\d{1,2}月\d{1,2}日$")
_TIME = re.compile(
    r"^(?:(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*)?\d{1,2}:\d{2}(?::\d{2})?$"
)
_DATE_TIME = re.compile(
    r"^(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

#: Text limits (characters) of the types that may be shortened.
_TRUNCATE = {"thing": 20, "character_string": 32}


class TemplateDataError(ValueError):
    """A keyword value WeChat would refuse (47003); ``field`` names the keyword."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def keyword_type(keyword: str) -> str:
    """``thing1`` → ``thing``; ``character_string12`` → ``character_string``."""
    match = _KEYWORD.match(keyword)
    return match.group(1) if match else keyword


def _shorten(value: str, limit: int, ellipsis: str = "…") -> str:
    if len(value) <= limit:
        return value
    return value[: limit - len(ellipsis)] + ellipsis


def _as_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = "" if value is None else str(value)
    # No control characters or line breaks: WeChat shows one line per keyword.
    return " ".join(_CONTROL.sub(" ", text).split())


def render_value(keyword: str, value: object) -> str:
    """The value to send for ``keyword``, shortened where allowed.

    Raises :class:`TemplateDataError` for a value WeChat would refuse.
    """
    kind = keyword_type(keyword)
    text = _as_text(value)
    if not text:
        raise TemplateDataError(keyword, "is empty")
    if kind in _TRUNCATE:
        if kind == "character_string":
            text = "".join(ch for ch in text if _ASCII.match(ch))
            if not text:
                raise TemplateDataError(keyword, "has no printable ASCII characters")
            return _shorten(text, _TRUNCATE[kind], "")
        return _shorten(text, _TRUNCATE[kind])
    if kind == "name":
        if any(ch.isdigit() for ch in text):
            raise TemplateDataError(keyword, "a name may not contain digits")
        return _shorten(text, 10 if _HAS_HAN.search(text) else 20, "")
    if kind == "phrase":
        if not _HAN_ONLY.match(text) or len(text) > 5:
            raise TemplateDataError(keyword, "must be at most 5 Chinese characters")
        return text
    if kind == "number":
        if not _NUMBER.match(text) or len(text) > 32:
            raise TemplateDataError(keyword, "must be a number of at most 32 digits")
        return text
    if kind == "letter":
        if not text.isascii() or not text.isalpha() or len(text) > 32:
            raise TemplateDataError(keyword, "must be at most 32 letters")
        return text
    if kind == "phone_number":
        if not _PHONE.match(text) or len(text) > 17:
            raise TemplateDataError(keyword, "must be a phone number of at most 17 characters")
        return text
    if kind == "amount":
        match = _AMOUNT.match(text)
        if not match or sum(ch.isdigit() for ch in match.group(1)) > 10:
            raise TemplateDataError(keyword, "must be an amount of at most 10 digits")
        return text
    if kind == "date":
        parts = [p.strip() for p in text.split("~")]
        if len(parts) > 2 or not all(_DATE_TIME.match(p) and _real_date(p) for p in parts):
            raise TemplateDataError(keyword, "must be a date like 2026-05-01")
        return text
    if kind == "time":
        parts = [p.strip() for p in text.split("~")]
        if len(parts) > 2 or not all(_TIME.match(p) and _real_date(p) for p in parts):
            raise TemplateDataError(keyword, "must be a 24-hour time like 2026-05-01 09:30")
        return text
    # Types we do not know are held to the most common limit.
    return _shorten(text, 20)


def _real_date(text: str) -> bool:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    try:
        if _DATE.match(text.split()[0]) or "年" in text:
            date(numbers[0], numbers[1], numbers[2])
            numbers = numbers[3:]
        if numbers:
            hour, minute = numbers[0], numbers[1]
            second = numbers[2] if len(numbers) > 2 else 0
            return 0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 60
    except (ValueError, IndexError):
        return False
    return True


@dataclass(frozen=True)
class RenderedMessage:
    """What the gateway sends: template, page (with the push id) and keyword values."""

    template_id: str
    page: str
    data: dict[str, str]


def _defaults(kind: str, data: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    local = now.astimezone(CHINA)
    values: dict[str, Any] = {
        "date": local.date().isoformat(),
        "time": local.strftime("%Y-%m-%d %H:%M"),
        "tip": "点击查看详情",
        "issuer": "政务公开平台",
    }
    if kind == "digest":
        count = int(data.get("count") or 0)
        values["title"] = f"您有 {count} 条新匹配的惠企政策"
        values["tip"] = "点击查看全部匹配政策"
    return values


def render(
    kind: str,
    template: PushTemplateSettings,
    data: Mapping[str, Any],
    *,
    push_id: int,
    now: datetime,
) -> RenderedMessage:
    """Render an intent's ``data`` with its kind's template, or raise :class:`TemplateDataError`."""
    source = {
        **_defaults(kind, data, now),
        **{k: v for k, v in data.items() if v not in (None, "")},
    }
    if kind == "digest":
        source["title"] = _defaults(kind, data, now)["title"]
    values: dict[str, str] = {}
    for keyword, key in template.keywords.items():
        values[keyword] = render_value(keyword, source.get(key))
    page = template.page
    query = {"push_id": str(push_id)}
    for extra in ("policy_id", "case_id", "broadcast_id", "task_id"):
        if extra in data and data[extra] not in (None, ""):
            query[extra] = str(data[extra])
    joined = "&".join(f"{k}={v}" for k, v in query.items() if re.fullmatch(r"[\w\-.]+", v))
    page = f"{page}{'&' if '?' in page else '?'}{joined}"
    return RenderedMessage(template.template_id, page, values)
