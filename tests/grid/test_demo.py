"""The demo grid loads cleanly and twice without change."""

from __future__ import annotations

from typing import Any

from server.grid.demo import seed_grid_demo
from server.grid.models import EnterpriseCell, GridCell, Household, WorkerCell


async def test_demo_grid_loads_idempotently(app: Any, settings: Any) -> None:
    first = await seed_grid_demo(settings)
    assert "(0 rejected)" in first, first
    cells, households = await GridCell.all().count(), await Household.all().count()
    assert cells == 133 and households == 288
    assert await EnterpriseCell.all().count() == 4
    second = await seed_grid_demo(settings)
    assert "0 cells, 0 households, 0 enterprises added (0 rejected)" in second
    assert await WorkerCell.all().count() == 1
    placed = await EnterpriseCell.get(uscc="91320682MA20AB3D1M")
    assert placed.community_code == "BP-XQ"
