"""Working-day deadlines: the 2026 National Day holiday, make-up days, suspensions, and a
year whose schedule is not yet published (provisional, recomputed when loaded)."""

from __future__ import annotations

from datetime import date

import pytest

from server.complaints.deadlines import Calendar, load_calendar, package_schedule
from server.complaints.models import Complaint, HolidayYear
from tests.complaints.conftest import act

pytestmark = pytest.mark.asyncio


async def test_calendar_across_national_day_2026(app):
    cal = await load_calendar(date(2026, 9, 30))
    assert 2026 in cal.known_years
    # Sunday 20 September 2026 and Saturday 10 October 2026 are 调休 working days.
    assert cal.is_working_day(date(2026, 9, 20)) and cal.is_working_day(date(2026, 10, 10))
    assert not cal.is_working_day(date(2026, 10, 1)) and not cal.is_working_day(date(2026, 10, 5))
    d = cal.add_working_days(date(2026, 9, 30), 5)
    assert d.due == date(2026, 10, 13)
    assert d.counted == ["2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13"]
    assert [h["date"] for h in d.holidays] == [f"2026-10-0{i}" for i in range(1, 8)]
    assert d.holidays[0]["name"] == "国庆节"
    assert d.makeup_days == [{"date": "2026-10-10", "name": "国庆节"}]
    assert not d.provisional
    # A plain Monday–Friday count would say 7 October: wrong.
    assert Calendar().add_working_days(date(2026, 9, 30), 5).due == date(2026, 10, 7)
    # The make-up Sunday before the holiday counts.
    assert cal.add_working_days(date(2026, 9, 18), 1).due == date(2026, 9, 20)


async def test_unknown_year_is_weekends_only_and_provisional(app):
    assert package_schedule(2099) is None
    cal = await load_calendar(date(2098, 12, 30))
    d = cal.add_working_days(date(2098, 12, 30), 3)
    assert d.provisional and d.unknown_years == [2098, 2099]
    assert not await HolidayYear.exists(year=2099)


async def test_case_deadlines_national_day_and_suspension(world, submit, clock):
    clock.set("2026-09-30T10:00:00")
    case = await submit()
    assert case["deadlines"]["accept_due"] == "2026-10-08"
    explain = case["deadlines"]["explain"]["accept"]
    assert len(explain["holidays_skipped"]) == 7 and explain["provisional"] is False

    r = await act(world, world.dispatcher, case["id"], "accept")
    assert r.json()["deadlines"]["reply_due"] == "2026-10-13"
    await act(
        world,
        world.dispatcher,
        case["id"],
        "dispatch",
        mode="transfer",
        department=world.depts["rgcgj"],
    )
    await act(world, world.chengguan, case["id"], "start")

    clock.set("2026-10-09T09:00:00")
    r = await act(world, world.chengguan, case["id"], "suspend", note="请补充破损位置的照片")
    assert r.json()["status"] == "suspended"
    clock.set("2026-10-14T15:00:00")
    r = await act(world, world.chengguan, case["id"], "resume")
    view = r.json()
    assert view["status"] == "in_progress"
    # Stopped 10 (make-up Saturday), 12, 13, 14 October: four working days → 13 + 4 = 19.
    assert view["deadlines"]["explain"]["suspensions"] == [
        {"from": "2026-10-09", "to": "2026-10-14", "working_days_stopped": 4, "stage": "reply"}
    ]
    assert view["deadlines"]["reply_due"] == "2026-10-19"

    # Suspending before acceptance extends the acceptance deadline instead.
    clock.set("2026-09-30T10:00:00")
    other = await submit()
    await act(world, world.dispatcher, other["id"], "suspend", note="请补充具体地址")
    clock.set("2026-10-09T10:00:00")
    r = await act(world, world.dispatcher, other["id"], "resume")
    assert r.json()["status"] == "submitted"
    # Stopped 8 and 9 October: 8 October + 2 working days = 10 October (make-up Saturday).
    assert r.json()["deadlines"]["accept_due"] == "2026-10-10"


async def test_loading_a_schedule_recomputes_provisional_deadlines(world, submit, clock):
    clock.set("2026-12-30T10:00:00")
    case = await submit()
    # chinese_calendar 1.11 knows 2026 but not 2027: 1 Jan 2027 (a Friday) counts for now.
    assert case["deadlines"]["accept_due"] == "2026-12-31"
    assert case["deadlines"]["provisional"] is False
    r = await act(world, world.dispatcher, case["id"], "accept")
    assert r.json()["deadlines"]["reply_due"] == "2027-01-06"
    assert r.json()["deadlines"]["provisional"] is True
    assert r.json()["deadlines"]["explain"]["reply"]["unknown_years"] == [2027]
    days = [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]
    staff_try = await world.client.put(
        "/api/v1/admin/complaint-holidays/2027", json={"days": days}, headers=world.dispatcher
    )
    assert staff_try.status_code == 403
    r = await world.client.put(
        "/api/v1/admin/complaint-holidays/2027", json={"days": days}, headers=world.admin
    )
    assert r.status_code == 200, r.text
    assert r.json()["recomputed_cases"] == 1
    fresh = await Complaint.get(id=case["id"])
    assert fresh.provisional is False
    assert fresh.reply_due == date(2027, 1, 7)
    got = await world.client.get("/api/v1/admin/complaint-holidays/2027", headers=world.dispatcher)
    assert got.json()["known"] is True and got.json()["source"] == "admin"
    bad = await world.client.put(
        "/api/v1/admin/complaint-holidays/2027",
        json={"days": [{"date": "2028-01-01", "kind": "holiday"}]},
        headers=world.admin,
    )
    assert bad.status_code == 400
