"""Deadlines in Chinese working days: statutory holidays skipped, 调休 make-up days counted.

The calendar is data (tables ``holiday_days`` and ``holiday_years``). A year missing from
the tables is seeded from the ``chinese_calendar`` package the first time it is needed;
when the package does not know the year either (the State Council publishes each year's
schedule in the autumn), the year counts weekends only and every deadline that touches it
is marked *provisional*. Loading the schedule later (``zwgk complaints load-holidays`` or the
admin API) recomputes those deadlines.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from server.complaints.models import HolidayDay, HolidayYear

log = logging.getLogger("zwgk.complaints.calendar")

_CACHE_SECONDS = 60.0


@dataclass(frozen=True)
class Calendar:
    """Known holidays and make-up workdays, and the years whose schedule is known."""

    holidays: dict[date, str] = field(default_factory=dict)
    workdays: dict[date, str] = field(default_factory=dict)
    known_years: frozenset[int] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> Deadline:
        """The ``days``-th working day after ``start`` (the start day itself is not counted)."""
        day = start
        counted: list[str] = []
        holidays: list[dict[str, str]] = []
        makeups: list[dict[str, str]] = []
        unknown: set[int] = set()
        while len(counted) < days:
            day += timedelta(days=1)
            if day.year not in self.known_years:
                unknown.add(day.year)
            if day in self.holidays:
                holidays.append({"date": day.isoformat(), "name": self.holidays[day]})
            if day in self.workdays:
                makeups.append({"date": day.isoformat(), "name": self.workdays[day]})
            if self.is_working_day(day):
                counted.append(day.isoformat())
        return Deadline(
            start=start,
            due=day,
            working_days=days,
            counted=counted,
            holidays=holidays,
            makeup_days=makeups,
            provisional=bool(unknown),
            unknown_years=sorted(unknown),
        )

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how far the clock ran (or stood still)."""
        n = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n += 1
        return n


@dataclass(frozen=True)
class Deadline:
    """A due date that explains itself."""

    start: date
    due: date
    working_days: int
    counted: list[str]
    holidays: list[dict[str, str]]
    makeup_days: list[dict[str, str]]
    provisional: bool
    unknown_years: list[int]

    def explain(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "working_days": self.working_days,
            "counted": self.counted,
            "holidays_skipped": self.holidays,
            "makeup_days_counted": self.makeup_days,
            "provisional": self.provisional,
            "unknown_years": self.unknown_years,
        }


def package_schedule(year: int) -> tuple[dict[date, str], dict[date, str]] | None:
    """The year's holidays and make-up days from ``chinese_calendar``; None when unknown."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return None
    holidays = {d: _name(v) for d, v in chinese_calendar.holidays.items() if d.year == year}
    workdays = {d: _name(v) for d, v in chinese_calendar.workdays.items() if d.year == year}
    # chinese_calendar also lists ordinary weekends as holidays; keep only named ones.
    holidays = {d: n for d, n in holidays.items() if n}
    workdays = {d: n for d, n in workdays.items() if n}
    return holidays, workdays


_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def _name(value: object) -> str:
    raw = getattr(value, "value", value)
    if isinstance(raw, tuple):
        raw = raw[0]
    if not isinstance(raw, str):
        return ""
    return _NAMES.get(raw, raw)


_cache: tuple[float, Calendar] | None = None


def invalidate_cache() -> None:
    global _cache
    _cache = None
    _checked.clear()


async def store_year(
    year: int,
    holidays: dict[date, str],
    workdays: dict[date, str],
    *,
    source: str,
) -> None:
    """Replace one year's schedule in the tables (admin edit or package seed)."""
    async with in_transaction() as conn:
        await (
            HolidayDay.filter(day__gte=date(year, 1, 1), day__lte=date(year, 12, 31))
            .using_db(conn)
            .delete()
        )
        rows = [HolidayDay(day=d, kind="holiday", name=n[:32]) for d, n in holidays.items()]
        rows += [HolidayDay(day=d, kind="workday", name=n[:32]) for d, n in workdays.items()]
        if rows:
            await HolidayDay.bulk_create(rows, using_db=conn)
        existing = await HolidayYear.filter(year=year).using_db(conn).first()
        if existing is None:
            await HolidayYear.create(year=year, source=source, using_db=conn)
        else:
            existing.source = source
            await existing.save(using_db=conn)
    invalidate_cache()


async def ensure_years(years: Iterable[int]) -> None:
    """Seed every year of ``years`` missing from the tables from ``chinese_calendar``."""
    wanted = set(years)
    have = set(await HolidayYear.filter(year__in=list(wanted)).values_list("year", flat=True))
    for year in sorted(wanted - have):
        schedule = package_schedule(year)
        if schedule is None:
            log.info("no holiday schedule for %s yet: weekends only, deadlines provisional", year)
            continue
        await store_year(year, *schedule, source="chinese_calendar")


async def load_calendar(around: date | None = None) -> Calendar:
    """The calendar (cached per process for a minute; edits invalidate it).

    With ``around``, that year and the next are seeded from ``chinese_calendar`` first
    when the tables do not have them yet.
    """
    global _cache
    now = time.monotonic()
    cached = _cache[1] if _cache is not None and now - _cache[0] < _CACHE_SECONDS else None
    if around is not None:
        years = {around.year, around.year + 1}
        missing = {y for y in years if now - _checked.get(y, -_CACHE_SECONDS) >= _CACHE_SECONDS}
        if cached is not None:
            missing -= cached.known_years
        if missing:
            await ensure_years(missing)
            for y in missing:
                _checked[y] = now
            cached = _cache[1] if _cache is not None else None
    if cached is not None:
        return cached
    holidays: dict[date, str] = {}
    workdays: dict[date, str] = {}
    for day, kind, name in await HolidayDay.all().values_list("day", "kind", "name"):
        (holidays if kind == "holiday" else workdays)[day] = name
    known = frozenset(y.year for y in await HolidayYear.all())
    cal = Calendar(holidays=holidays, workdays=workdays, known_years=known)
    _cache = (time.monotonic(), cal)
    return cal


_checked: dict[int, float] = {}


def parse_schedule(items: list[dict[str, str]]) -> tuple[dict[date, str], dict[date, str]]:
    """``[{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, …]`` → two dicts."""
    holidays: dict[date, str] = {}
    workdays: dict[date, str] = {}
    for item in items:
        day = date.fromisoformat(item["date"])
        kind = item.get("kind", "holiday")
        if kind not in ("holiday", "workday"):
            raise ValueError(f"kind must be holiday or workday, not {kind!r}")
        (holidays if kind == "holiday" else workdays)[day] = str(item.get("name", ""))[:32]
    return holidays, workdays
