"""Fixtures of the grid tests: a constructed grid with households, sign-in helpers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from server.core.permissions import Role
from server.grid import service
from tests.helpers import bearer, sign_in_staff

GRID_CSV = """code,name,level,parent_code,region_code,department_code,lat,lng
HY,海阳社区,community,,320682001001,rgmzj,32.39,120.57
HY-G1,海阳社区第一网格,grid,HY,,,,
HY-G1-JX,锦绣花园,compound,HY-G1,,,,
HY-G1-JX-B1,锦绣花园1幢,building,HY-G1-JX,,,,
HY-G1-JX-B1-U1,锦绣花园1幢1单元,unit,HY-G1-JX-B1,,,,
HY-G1-JX-B2,锦绣花园2幢,building,HY-G1-JX,,,,
HY-G2,海阳社区第二网格,grid,HY,,,,
HY-G2-YF,雉水苑,compound,HY-G2,,,,
BP,白蒲镇新桥社区,community,,320682102201,rgrsj,32.23,120.71
BP-G1,新桥社区第一网格,grid,BP,,,,
"""

# external_id, cell_code, address, size, tags, phone
HOUSEHOLDS_CSV = """external_id,cell_code,address,size,tags,phone
H0001,HY-G1-JX-B1-U1,如城街道锦绣花园1幢1单元101室,1,独居老人;高龄,13800000001
H0002,HY-G1-JX-B1-U1,如城街道锦绣花园1幢1单元102室,3,,13800000002
H0003,HY-G1-JX-B2,如城街道锦绣花园2幢201室,2,高龄,
H0004,HY-G1-JX-B2,如城街道锦绣花园2幢202室,4,低保,
H0005,HY-G2-YF,如城街道雉水苑5幢301室,2,退役军人,
H0006,HY-G2-YF,如城街道雉水苑5幢302室,1,独居老人,
H0007,BP-G1,白蒲镇新桥社区八组12号,5,高龄;残疾,
H0008,BP-G1,白蒲镇新桥社区八组13号,3,,
"""


async def load_grid(key: str, departments: bool = True) -> None:
    from server.accounts.service import ensure_department

    if departments:
        await ensure_department("rgmzj", "如皋市民政局")
        await ensure_department("rgrsj", "如皋市人力资源和社会保障局")
    report = await service.import_grid(GRID_CSV.splitlines(keepends=True))
    assert not report.rejected, report.rejected
    report2 = await service.import_households(HOUSEHOLDS_CSV.splitlines(keepends=True), key)
    assert not report2.rejected, report2.rejected


@pytest.fixture
async def grid(app: Any, settings: Any) -> None:
    """The constructed grid (two communities, ten cells, eight households)."""
    await load_grid(settings.security.secret_key)


Login = Callable[..., Awaitable[tuple[int, dict[str, str]]]]


@pytest.fixture
def login(client: httpx.AsyncClient) -> Login:
    """``await login(username, [roles], department)`` → (user id, auth headers)."""

    async def sign_in(
        username: str, roles: list[Role] | None = None, department: str | None = None
    ) -> tuple[int, dict[str, str]]:
        user_id, token = await sign_in_staff(client, username, roles, department)
        return user_id, bearer(token)

    return sign_in


async def make_policy(
    title: str = "高龄老人尊老金发放办法", regions: list[str] | None = None
) -> int:
    from server.policies.models import Policy

    policy = await Policy.create(
        title=title,
        issuer="如皋市民政局",
        issuer_code="rgmzj",
        stage="service",
        status="published",
        audience="residents",
        regions=regions or ["320682"],
    )
    return int(policy.id)


def visit(client_id: str, household: str = "H0001", revision: int = 1, **extra: Any) -> dict:
    body: dict[str, Any] = {
        "client_id": client_id,
        "revision": revision,
        "household_external_id": household,
        "visited_at": "2026-11-30T10:30:00+08:00",
        "type": "home_visit",
        "policy_ids": [],
        "materials": ["尊老金政策明白纸"],
        "notes": "老人身体尚可",
        "location": {"lat": 32.39, "lng": 120.57},
    }
    body.update(extra)
    return body
