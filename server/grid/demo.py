"""Demo grid of 如皋市 (``zwgk seed --demo``): five communities in 如城街道, 白蒲镇 and
长江镇 down to buildings and units, 288 households, four enterprises, a grid worker.

The CSV files in ``server/grid/data`` are the same format ``zwgk import-grid`` /
``import-households`` / ``import-enterprise-cells`` read; the codes below the county
(320682) are illustrative, the phone numbers fictitious (199-0682-xxxx).
"""

from __future__ import annotations

from pathlib import Path

from server.config import Settings

DATA = Path(__file__).parent / "data"
DEMO_WORKER = ("grid-worker", "zwgk-demo-grid")


async def seed_grid_demo(settings: Settings) -> str:
    """Load the demo grid (idempotent) and a grid worker assigned to 海阳社区第一网格."""
    from server.accounts.models import User
    from server.accounts.service import create_back_office_user, ensure_department
    from server.core.permissions import Principal, Role
    from server.grid import service, tasks

    await ensure_department("rgmzj", "如皋市民政局")
    with (DATA / "demo_grid.csv").open(encoding="utf-8") as f:
        cells = await service.import_grid(f)
    with (DATA / "demo_households.csv").open(encoding="utf-8") as f:
        households = await service.import_households(f, settings.security.secret_key)
    with (DATA / "demo_enterprise_cells.csv").open(encoding="utf-8") as f:
        enterprises = await service.import_enterprise_cells(f)
    worker = await User.get_or_none(username=DEMO_WORKER[0])
    if worker is None:
        worker = await create_back_office_user(
            username=DEMO_WORKER[0],
            password=DEMO_WORKER[1],
            roles=[Role.GRID_WORKER],
            display_name="海阳社区网格员",
        )
    admin = Principal(0, frozenset({Role.ADMIN}), None, "staff")
    await service.assign_cells(admin, worker.id, ["RC-HY-G1"])
    if not await tasks.list_plans():
        await tasks.set_plans([("独居老人", 30), ("高龄", 90), ("*", 182)])
    rejected = len(cells.rejected) + len(households.rejected) + len(enterprises.rejected)
    return (
        f"demo grid: {cells.created} cells, {households.created} households, "
        f"{enterprises.created} enterprises added ({rejected} rejected); "
        f"grid worker {DEMO_WORKER[0]} / {DEMO_WORKER[1]}"
    )
