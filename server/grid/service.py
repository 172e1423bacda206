"""The grid: cells, households, enterprise placement, grid workers' cells and who sees what.

Imports (``zwgk import-grid``, ``import-households``, ``import-enterprise-cells``) stream
CSV rows, upsert by code / external id / credit code (a second run of the same file changes
nothing) and report each rejected line with its reason instead of failing the file.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.accounts.models import Department, User
from server.core.db import connection, insert_rows
from server.core.errors import AppError, Forbidden, NotFound, ValidationFailed
from server.core.permissions import Principal, Role
from server.grid.models import (
    LEVEL_COLUMNS,
    LEVELS,
    EnterpriseCell,
    GridCell,
    Household,
    HouseholdMember,
    HouseholdStat,
    HouseholdTag,
    Level,
    WorkerCell,
)

PATH_COLUMNS: tuple[str, ...] = tuple(LEVEL_COLUMNS.values())
_PHONE = re.compile(r"^1[3-9]\d{9}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_TAGS = 12
MAX_TAG_BITS = 62


# --------------------------------------------------------------------------- masking


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


def mask_address(address: str) -> str:
    """Keep the start (street, compound) and hide the rest (building, room)."""
    if not address:
        return ""
    keep = max(4, len(address) // 2)
    return address[:keep] + "****" if len(address) > keep else address[:2] + "****"


def phone_digest(key: str, phone: str) -> str:
    """An HMAC of a phone number: lets us match a verified number without storing it."""
    return hmac.new(key.encode(), phone.strip().encode(), hashlib.sha256).hexdigest()


# --------------------------------------------------------------------------- reports


@dataclass
class Rejection:
    line: int
    key: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def reject(self, line: int, key: str, reason: str) -> None:
        self.rejected.append(Rejection(line, key, reason))

    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"rejected {len(self.rejected)}"
        )


Progress = Callable[[int], None]


def read_csv(
    lines: Iterable[str], required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; the header must name ``required`` columns."""
    reader = csv.DictReader(line for line in lines)
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise AppError(f"CSV header lacks column(s): {', '.join(missing)}", code="bad_csv")
    reader.fieldnames = header
    for row in reader:
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue
        yield reader.line_num, values


# --------------------------------------------------------------------------- cells


def path_of(cell: GridCell) -> dict[str, str | None]:
    return {col: getattr(cell, col) for col in PATH_COLUMNS}


async def import_grid(lines: Iterable[str], progress: Progress | None = None) -> ImportReport:
    """``code, name, level, parent_code`` (+ optional ``region_code, department_code, lat,
    lng``). Parents may come later in the file: such rows wait for them."""
    report = ImportReport()
    cells = {c.code: c for c in await GridCell.all()}
    departments = {d.code: d.id for d in await Department.all()}
    pending: list[tuple[int, dict[str, str]]] = []
    for line, row in read_csv(lines, ("code", "name", "level", "parent_code")):
        if row.get("parent_code") and row["parent_code"] not in cells:
            pending.append((line, row))
            continue
        await _upsert_cell(line, row, cells, departments, report)
        if progress:
            progress(1)
    # Rows whose parent came later in the file: retry until no more progress.
    while pending:
        waiting, pending = pending, []
        for line, row in waiting:
            if row["parent_code"] in cells:
                await _upsert_cell(line, row, cells, departments, report)
                if progress:
                    progress(1)
            else:
                pending.append((line, row))
        if len(pending) == len(waiting):
            for line, row in pending:
                report.reject(line, row["code"], f"unknown parent_code {row['parent_code']!r}")
                if progress:
                    progress(1)
            break
    report.rejected.sort(key=lambda r: r.line)
    return report


async def _upsert_cell(
    line: int,
    row: dict[str, str],
    cells: dict[str, GridCell],
    departments: dict[str, int],
    report: ImportReport,
) -> None:
    code, name, level = row["code"], row["name"], row["level"]
    if not _CODE.match(code):
        report.reject(line, code, "code must be 1-64 letters, digits, '.', '_' or '-'")
        return
    if not name or len(name) > 128:
        report.reject(line, code, "name is required (at most 128 characters)")
        return
    if level not in LEVEL_COLUMNS:
        report.reject(line, code, f"level must be one of {', '.join(LEVEL_COLUMNS)}")
        return
    depth = LEVELS.index(Level(level))
    parent = cells.get(row.get("parent_code") or "")
    if depth == 0 and parent is not None:
        report.reject(line, code, "a community has no parent")
        return
    if depth > 0 and (parent is None or parent.level != LEVELS[depth - 1].value):
        report.reject(line, code, f"a {level} needs a parent at level {LEVELS[depth - 1].value}")
        return
    region = row.get("region_code", "")
    if region and not re.fullmatch(r"\d{6,12}", region):
        report.reject(line, code, "region_code must be 6-12 digits (GB/T 2260 and below)")
        return
    department_id: int | None = None
    if row.get("department_code"):
        department_id = departments.get(row["department_code"])
        if department_id is None:
            report.reject(line, code, f"unknown department_code {row['department_code']!r}")
            return
    lat = lng = None
    try:
        if row.get("lat"):
            lat = float(row["lat"])
        if row.get("lng"):
            lng = float(row["lng"])
    except ValueError:
        report.reject(line, code, "lat and lng must be numbers")
        return
    path: dict[str, str | None] = dict.fromkeys(PATH_COLUMNS)
    if parent is not None:
        path.update(path_of(parent))
        region = region or parent.region_code
        department_id = department_id or parent.department_id
    path[LEVEL_COLUMNS[level]] = code
    values: dict[str, Any] = {
        "name": name,
        "level": level,
        "parent_code": parent.code if parent else None,
        "region_code": region,
        "department_id": department_id,
        "lat": lat,
        "lng": lng,
        **path,
    }
    existing = cells.get(code)
    if existing is None:
        cells[code] = await GridCell.create(code=code, **values)
        report.created += 1
        return
    if existing.parent_code != values["parent_code"] or existing.level != level:
        report.reject(line, code, "a cell cannot move to another parent or level")
        return
    changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
    if not changed:
        report.unchanged += 1
        return
    await GridCell.filter(id=existing.id).update(**changed)
    for k, v in changed.items():
        setattr(existing, k, v)
    report.updated += 1


# --------------------------------------------------------------------------- tags


async def tag_bits(names: Iterable[str], *, create: bool = False) -> dict[str, int]:
    """Bit of each known tag (assigning new bits when ``create``)."""
    wanted = set(names)
    known = {t.name: t.bit for t in await HouseholdTag.filter(name__in=list(wanted))}
    if create:
        for name in sorted(wanted - known.keys()):
            used = await HouseholdTag.all().count()
            if used >= MAX_TAG_BITS:
                raise AppError(f"at most {MAX_TAG_BITS} distinct household tags", field="tags")
            tag = await HouseholdTag.create(name=name, bit=used)
            known[name] = tag.bit
    return known


def mask_for(tags: Iterable[str], bits: dict[str, int]) -> int:
    mask = 0
    for t in tags:
        if t in bits:
            mask |= 1 << bits[t]
    return mask


# --------------------------------------------------------------------------- households

_HOUSEHOLD_COLUMNS = (
    "external_id",
    "cell_id",
    "address",
    "size",
    "tags",
    "tag_mask",
    "phone_hash",
    "phone_masked",
    *PATH_COLUMNS,
    "created_at",
    "updated_at",
)


async def import_households(
    lines: Iterable[str],
    phone_key: str,
    progress: Progress | None = None,
    chunk: int = 2000,
) -> ImportReport:
    """``external_id, cell_code, address, size, tags, phone``: upsert by external id."""
    import json
    from datetime import UTC, datetime

    report = ImportReport()
    cells = {c["code"]: c for c in await GridCell.all().values("id", "code", *PATH_COLUMNS)}
    batch: list[tuple[int, dict[str, Any]]] = []

    async def flush() -> None:
        if not batch:
            return
        all_tags = {t for _, r in batch for t in r["tags"]}
        bits = await tag_bits(all_tags, create=True)
        ids = [r["external_id"] for _, r in batch]
        existing = {
            h["external_id"]: h
            for h in await Household.filter(external_id__in=ids).values(
                "id", "external_id", "cell_id", "address", "size", "tags", "phone_hash"
            )
        }
        now = datetime.now(UTC)
        new_rows: list[list[Any]] = []
        async with in_transaction() as conn:
            for _, r in batch:
                r["tag_mask"] = mask_for(r["tags"], bits)
                old = existing.get(r["external_id"])
                if old is None:
                    cell = cells[r["cell_code"]]
                    new_rows.append(
                        [
                            r["external_id"],
                            cell["id"],
                            r["address"],
                            r["size"],
                            json.dumps(r["tags"], ensure_ascii=False),
                            r["tag_mask"],
                            r["phone_hash"],
                            r["phone_masked"],
                            *(cell[c] for c in PATH_COLUMNS),
                            now,
                            now,
                        ]
                    )
                    existing[r["external_id"]] = {"id": None, **r}  # duplicate lines: last wins
                    report.created += 1
                    continue
                cell = cells[r["cell_code"]]
                same = (
                    old["cell_id"] == cell["id"]
                    and old["address"] == r["address"]
                    and old["size"] == r["size"]
                    and list(old["tags"]) == r["tags"]
                    and old["phone_hash"] == r["phone_hash"]
                )
                if same or old.get("id") is None:
                    report.unchanged += 1
                    continue
                await (
                    Household.filter(id=old["id"])
                    .using_db(conn)
                    .update(
                        cell_id=cell["id"],
                        address=r["address"],
                        size=r["size"],
                        tags=r["tags"],
                        tag_mask=r["tag_mask"],
                        phone_hash=r["phone_hash"],
                        phone_masked=r["phone_masked"],
                        **{c: cell[c] for c in PATH_COLUMNS},
                    )
                )
                report.updated += 1
            await insert_rows(conn, "grid_households", _HOUSEHOLD_COLUMNS, new_rows)
        if progress:
            progress(len(batch))
        batch.clear()

    for line, row in read_csv(lines, ("external_id", "cell_code")):
        ext = row["external_id"]
        if not _EXTERNAL_ID.match(ext):
            report.reject(line, ext, "external_id must be 1-64 letters, digits, '.', '_' or '-'")
            continue
        if row["cell_code"] not in cells:
            report.reject(line, ext, f"unknown cell_code {row['cell_code']!r}")
            continue
        try:
            size = int(row.get("size") or 1)
        except ValueError:
            size = -1
        if not 1 <= size <= 50:
            report.reject(line, ext, "size must be a whole number from 1 to 50")
            continue
        tags = sorted({t.strip() for t in (row.get("tags") or "").split(";") if t.strip()})
        if len(tags) > MAX_TAGS or any(len(t) > 32 for t in tags):
            report.reject(line, ext, f"at most {MAX_TAGS} tags of at most 32 characters")
            continue
        phone = re.sub(r"[\s-]", "", row.get("phone") or "")
        if phone and not _PHONE.match(phone):
            # Never echo the number: the report is printed and may be logged.
            report.reject(line, ext, "phone must be an 11-digit mainland mobile number")
            continue
        address = row.get("address") or ""
        if len(address) > 200:
            report.reject(line, ext, "address is longer than 200 characters")
            continue
        batch.append(
            (
                line,
                {
                    "external_id": ext,
                    "cell_code": row["cell_code"],
                    "address": address,
                    "size": size,
                    "tags": tags,
                    "phone_hash": phone_digest(phone_key, phone) if phone else None,
                    "phone_masked": mask_phone(phone) if phone else "",
                },
            )
        )
        if len(batch) >= chunk:
            await flush()
    await flush()
    await refresh_household_stats()
    return report


async def refresh_household_stats() -> int:
    """Rebuild households-per-(cell, tag mask): the coverage denominators."""
    cols = ", ".join(PATH_COLUMNS)
    async with in_transaction() as conn:
        await conn.execute_script("DELETE FROM grid_household_stats")
        await conn.execute_query(
            f"INSERT INTO grid_household_stats (cell_id, tag_mask, households, {cols}) "
            f"SELECT cell_id, tag_mask, COUNT(*), {cols} FROM grid_households "
            f"GROUP BY cell_id, tag_mask, {cols}"
        )
    return await HouseholdStat.all().count()


# --------------------------------------------------------------------------- enterprises


async def import_enterprise_cells(
    lines: Iterable[str], progress: Progress | None = None
) -> ImportReport:
    """``uscc, name, cell_code, address``: place enterprises in cells, explicitly by
    ``cell_code`` or, when it is empty, by the deepest cell whose name the address names."""
    from stdnum.cn import uscc as uscc_check

    report = ImportReport()
    cells = await GridCell.all()
    by_code = {c.code: c for c in cells}
    # Deepest first, longest name first: "锦绣花园3幢" places in the building, not the compound.
    by_name = sorted(cells, key=lambda c: (-LEVELS.index(Level(c.level)), -len(c.name)))
    for line, row in read_csv(lines, ("uscc", "cell_code")):
        code = row["uscc"].upper()
        if not uscc_check.is_valid(code):
            report.reject(line, code, "not a valid unified social credit code")
            continue
        cell = by_code.get(row["cell_code"]) if row["cell_code"] else None
        if row["cell_code"] and cell is None:
            report.reject(line, code, f"unknown cell_code {row['cell_code']!r}")
            continue
        address = row.get("address", "")[:200]
        if cell is None:
            cell = next((c for c in by_name if len(c.name) >= 2 and c.name in address), None)
            if cell is None:
                report.reject(line, code, "no cell_code and no cell named in the address")
                continue
        values: dict[str, Any] = {
            "name": row.get("name", "")[:200],
            "cell_id": cell.id,
            "address": address,
        }
        values.update(path_of(cell))
        existing = await EnterpriseCell.get_or_none(uscc=code)
        if existing is None:
            await EnterpriseCell.create(uscc=code, **values)
            report.created += 1
        elif all(getattr(existing, k) == v for k, v in values.items()):
            report.unchanged += 1
        else:
            await EnterpriseCell.filter(id=existing.id).update(**values)
            report.updated += 1
        if progress:
            progress(1)
    return report


# --------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class Scope:
    """What a back-office caller may see: everything, or these cells' subtrees."""

    everything: bool
    cells: tuple[tuple[str, str], ...] = ()  # (level column, code)

    def q(self) -> Q:
        if self.everything:
            return Q()
        if not self.cells:
            return Q(id=-1)
        q = Q(**{self.cells[0][0]: self.cells[0][1]})
        for col, code in self.cells[1:]:
            q |= Q(**{col: code})
        return q

    def covers(self, obj: Any) -> bool:
        return self.everything or any(getattr(obj, col, None) == code for col, code in self.cells)


async def scope_for(principal: Principal) -> Scope:
    """Admins: everything. Staff: their department's communities. Grid workers: their cells."""
    if principal.has(Role.ADMIN):
        return Scope(everything=True)
    cells: list[tuple[str, str]] = []
    if principal.has(Role.STAFF) and principal.department_id is not None:
        codes = await GridCell.filter(
            level=Level.COMMUNITY.value, department_id=principal.department_id
        ).values_list("code", flat=True)
        cells.extend(("community_code", str(c)) for c in codes)
    if principal.has(Role.GRID_WORKER):
        cells.extend(await worker_cells(principal.user_id))
    if not principal.has(Role.STAFF, Role.GRID_WORKER):
        raise Forbidden("only staff and grid workers see the grid")
    return Scope(everything=False, cells=tuple(sorted(set(cells))))


async def worker_cells(user_id: int) -> list[tuple[str, str]]:
    ids = await WorkerCell.filter(user_id=user_id).values_list("cell_id", flat=True)
    rows = await GridCell.filter(id__in=list(ids)).values_list("level", "code")
    return [(LEVEL_COLUMNS[str(level)], str(code)) for level, code in rows]


async def assign_cells(principal: Principal, user_id: int, codes: list[str]) -> list[str]:
    """Replace a grid worker's cells. Staff may assign only cells of their communities."""
    user = await User.get_or_none(id=user_id)
    if user is None or Role.GRID_WORKER.value not in user.roles:
        raise NotFound("no grid worker with this id")
    cells = await GridCell.filter(code__in=codes)
    found = {c.code for c in cells}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise ValidationFailed(f"unknown cell code {unknown[0]!r}", field="cells")
    scope = await scope_for(principal) if not principal.has(Role.ADMIN) else Scope(True)
    if not principal.has(Role.ADMIN):
        if not principal.has(Role.STAFF):
            raise Forbidden("only staff and admins assign cells")
        outside = [c.code for c in cells if not scope.covers(c)]
        if outside:
            raise Forbidden(f"cell {outside[0]} is not in your department's communities")
    async with in_transaction() as conn:
        await WorkerCell.filter(user_id=user_id).using_db(conn).delete()
        for cell in cells:
            await WorkerCell.create(user_id=user_id, cell_id=cell.id, using_db=conn)
    return sorted(found)


async def responsible_worker(path: dict[str, Any]) -> int | None:
    """The grid worker of the deepest assigned cell on a household's path (lowest id wins)."""
    for col in reversed(PATH_COLUMNS):
        code = path.get(col)
        if not code:
            continue
        cell = await GridCell.get_or_none(code=code).values("id")
        if cell is None:
            continue
        first = await WorkerCell.filter(cell_id=cell["id"]).order_by("user_id").first()
        if first is not None:
            return first.user_id
    return None


# --------------------------------------------------------------------------- residents


async def link_resident(user_id: int, phone: str, phone_key: str) -> list[str]:
    """Link a resident to the households registered with their verified phone number."""
    digest = phone_digest(phone_key, re.sub(r"[\s-]", "", phone))
    households = await Household.filter(phone_hash=digest).values("id", "external_id")
    for h in households:
        await HouseholdMember.get_or_create(user_id=user_id, household_id=h["id"])
    return [str(h["external_id"]) for h in households]


def household_out(h: Household, *, with_tags: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "external_id": h.external_id,
        "address": mask_address(h.address),
        "size": h.size,
        "phone": h.phone_masked,
        "cell": {col: getattr(h, col) for col in PATH_COLUMNS},
        "last_visit_at": h.last_visit_at,
    }
    if with_tags:
        out["tags"] = h.tags
    return out


async def household_count() -> int:
    rows = await connection().execute_query_dict("SELECT COUNT(*) AS n FROM grid_households")
    return int(rows[0]["n"])
