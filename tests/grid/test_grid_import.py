"""The grid and household imports, and who sees which households."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from server.core.permissions import Role
from server.grid import service
from server.grid.models import EnterpriseCell, GridCell, Household, HouseholdStat
from tests.grid.conftest import GRID_CSV, HOUSEHOLDS_CSV, Login


async def test_grid_import_builds_paths_and_is_idempotent(grid: None, settings: Any) -> None:
    unit = await GridCell.get(code="HY-G1-JX-B1-U1")
    assert (unit.community_code, unit.grid_code, unit.compound_code) == ("HY", "HY-G1", "HY-G1-JX")
    assert (unit.building_code, unit.unit_code) == ("HY-G1-JX-B1", "HY-G1-JX-B1-U1")
    assert unit.region_code == "320682001001"  # inherited from the community
    again = await service.import_grid(GRID_CSV.splitlines(keepends=True))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 10)
    h = await service.import_households(
        HOUSEHOLDS_CSV.splitlines(keepends=True), settings.security.secret_key
    )
    assert (h.created, h.updated, h.unchanged) == (0, 0, 8)
    assert await Household.all().count() == 8
    # Stats (coverage denominators) sum to the household count.
    assert sum(s.households for s in await HouseholdStat.all()) == 8


async def test_import_rejects_bad_lines_and_keeps_good_ones(app: Any) -> None:
    csv_text = (
        "code,name,level,parent_code\n"
        "B1,building before parent,building,P1\n"  # parent arrives later: fine
        "C1,社区一,community,\n"
        "G1,网格一,grid,C1\n"
        "P1,小区一,compound,G1\n"
        "X1,bad level,street,C1\n"
        "U9,orphan,unit,NOPE\n"
        "G2,wrong parent level,grid,G1\n"
    )
    report = await service.import_grid(csv_text.splitlines(keepends=True))
    assert report.created == 4
    assert [(r.line, r.key) for r in report.rejected] == [(6, "X1"), (7, "U9"), (8, "G2")]
    households = (
        "external_id,cell_code,address,size,tags,phone\n"
        "A1,P1,某地1号,2,高龄,13912345678\n"
        "A2,NOPE,某地2号,2,,\n"
        "A3,P1,某地3号,abc,,\n"
        "A4,P1,某地4号,1,,12345\n"
    )
    h = await service.import_households(households.splitlines(keepends=True), "k")
    assert h.created == 1
    assert [r.line for r in h.rejected] == [3, 4, 5]
    # A rejected phone is never echoed back.
    assert all("12345" not in r.reason for r in h.rejected)
    stored = await Household.get(external_id="A1")
    assert stored.phone_masked == "139****5678" and "13912345678" not in str(stored.phone_hash)


async def test_update_moves_household_and_changes_tags(grid: None, settings: Any) -> None:
    moved = "external_id,cell_code,address,size,tags,phone\nH0008,HY-G2-YF,雉水苑1幢,3,低保,\n"
    r = await service.import_households(moved.splitlines(keepends=True), "k")
    assert r.updated == 1
    h = await Household.get(external_id="H0008")
    assert (h.community_code, h.grid_code, h.tags) == ("HY", "HY-G2", ["低保"])


async def test_enterprise_cells_by_code_or_address(grid: None) -> None:
    text = (
        "uscc,name,cell_code,address\n"
        "91320682MA1MXXXX0X,bad code,HY-G1,\n"
        "91320682MA1MXY7K35,如皋某某科技有限公司,HY-G2,\n"
        "913206821384567893,锦绣某某商店,,如城街道锦绣花园2幢底商\n"
        "91320682MA1T5K4C2D,不知何处,,某某路1号\n"
    )
    report = await service.import_enterprise_cells(text.splitlines(keepends=True))
    by_uscc = {e.uscc: e for e in await EnterpriseCell.all()}
    assert [r.line for r in report.rejected] == [2, 5]
    assert by_uscc["91320682MA1MXY7K35"].grid_code == "HY-G2"
    assert by_uscc["913206821384567893"].building_code == "HY-G1-JX-B2"


async def test_visibility_worker_staff_admin(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    worker_id, worker = await login("wang.wu", [Role.GRID_WORKER])
    _, staff_mz = await login("mz.staff", [Role.STAFF], "rgmzj")
    _, staff_rs = await login("rs.staff", [Role.STAFF], "rgrsj")
    _, admin = await login("root", [Role.ADMIN])

    async def households(headers: dict[str, str], path: str = "/api/v1/admin/grid/households"):
        r = await client.get(path, headers=headers)
        assert r.status_code == 200, r.text
        return sorted(h["external_id"] for h in r.json()["items"])

    assert await households(worker) == []
    # Staff of another department may not assign cells of 海阳社区.
    r = await client.put(
        f"/api/v1/admin/grid-workers/{worker_id}/cells",
        json={"cells": ["HY-G1-JX"]},
        headers=staff_rs,
    )
    assert r.status_code == 403
    r = await client.put(
        f"/api/v1/admin/grid-workers/{worker_id}/cells",
        json={"cells": ["HY-G1-JX", "HY-G2-YF"]},
        headers=staff_mz,
    )
    assert r.status_code == 200, r.text
    assert await households(worker, "/api/v1/grid/my/households") == [
        "H0001", "H0002", "H0003", "H0004", "H0005", "H0006",
    ]  # fmt: skip
    assert await households(staff_rs) == ["H0007", "H0008"]
    assert len(await households(admin)) == 8
    r = await client.get("/api/v1/grid/my/households?tag=高龄", headers=worker)
    assert sorted(h["external_id"] for h in r.json()["items"]) == ["H0001", "H0003"]
    item = r.json()["items"][0]
    assert item["phone"] == "138****0001" and item["address"].endswith("****")
    assert "13800000001" not in r.text
    # Unknown cells: 422 naming the field; unknown worker: 404; out-of-range id: 404.
    r = await client.put(
        f"/api/v1/admin/grid-workers/{worker_id}/cells", json={"cells": ["NOPE"]}, headers=admin
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "cells"
    r = await client.put(
        "/api/v1/admin/grid-workers/999999/cells", json={"cells": []}, headers=admin
    )
    assert r.status_code == 404
    cells = await client.get("/api/v1/grid/my/cells", headers=worker)
    assert [c["code"] for c in cells.json()["items"]] == [
        "HY-G1-JX", "HY-G1-JX-B1", "HY-G1-JX-B1-U1", "HY-G1-JX-B2", "HY-G2-YF",
    ]  # fmt: skip


async def test_resident_links_household_by_verified_phone(
    grid: None, client: httpx.AsyncClient, emulator: httpx.Client
) -> None:
    from tests.helpers import bearer, wx_login

    token = await wx_login(client, emulator, "o-resident-1")
    code = emulator.post("/_emulator/phone-codes", json={"phone": "13800000001"}).json()["code"]
    r = await client.post("/api/v1/grid/household-link", json={"code": code}, headers=bearer(token))
    assert r.status_code == 200, r.text
    assert r.json() == {"households": ["H0001"], "phone": "138****0001"}
    # A resident may not read the grid.
    r = await client.get("/api/v1/admin/grid/households", headers=bearer(token))
    assert r.status_code == 403


def test_cli_import_reports_rejects(tmp_path: Path, settings: Any, app: Any) -> None:
    grid_file = tmp_path / "grid.csv"
    grid_file.write_text(GRID_CSV.replace("rgmzj", "").replace("rgrsj", "") + "Z,坏,town,\n")
    env = {
        "ZWGK_DATABASE__URL": settings.database.url,
        "ZWGK_REDIS__URL": settings.redis.url,
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "import-grid", str(grid_file)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert out.returncode == 1, out.stderr
    assert "created 10" in out.stdout and "line 12 (Z)" in out.stdout
