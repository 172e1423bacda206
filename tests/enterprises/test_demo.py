"""The demo seeding loads 300 如皋市 enterprises and rules, and shows matches at once."""

from __future__ import annotations

from typing import Any

from server.enterprises.models import Enterprise, EnterpriseMatch, PolicyEligibility


async def test_demo_seed(app: Any, settings: Any) -> None:
    from server.cli import seed_demo

    report = await seed_demo(settings)
    assert "demo enterprises: 300 added" in report and "0 rejected" in report
    assert await Enterprise.all().count() == 300
    assert await PolicyEligibility.all().count() == 8
    eligible = await EnterpriseMatch.filter(outcome="eligible", active=True).count()
    near = await EnterpriseMatch.filter(near_miss=True, active=True).count()
    assert eligible > 100 and near > 10
    sizes = {s for (s,) in await Enterprise.all().values_list("size")}
    assert {"micro", "small", "medium", None} <= sizes
    again = await seed_demo(settings)
    assert "demo enterprises: 0 added, 300 present" in again
    assert await EnterpriseMatch.filter(outcome="eligible", active=True).count() == eligible
