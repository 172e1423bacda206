"""Dates as the government's users see them: China Standard Time, not UTC."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def local_now() -> datetime:
    return datetime.now(CHINA)


def local_today() -> date:
    """Today's date in China (a policy published at 07:00 Beijing time is today's)."""
    return local_now().date()
