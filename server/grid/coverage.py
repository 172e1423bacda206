"""Policy coverage (知晓率) per cell: targeted, reached by push, reached by visit, not reached.

Targeted households come from ``grid_household_stats`` (households per cell and exact tag
mask, rebuilt by every household import), so the denominator is a ``GROUP BY`` over a few
rows per cell instead of a scan of every household. Reached households are the union of

* pushes about the policy that reached their recipient (``push_intents`` with
  ``subject_type = 'policy'`` and a status in :data:`REACHED_STATUSES`), addressed to the
  household itself or to a resident linked to it, and
* visits that explained the policy (``grid_visit_policies``),

counted once per household and only if the household is targeted. Enterprises: the
policy's matches (matching stream) placed in the grid, reached the same way.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from server.core.db import connection, dialect
from server.core.errors import NotFound
from server.enterprises import service as enterprises
from server.grid.models import LEVEL_COLUMNS, EnterpriseCell, GridCell, Level, PolicyTarget
from server.grid.service import Scope, tag_bits

log = logging.getLogger("zwgk.grid")

#: Push statuses that mean the message reached the person (the push stream owns them).
REACHED_STATUSES: tuple[str, ...] = ("sent", "opened")


class _Sql:
    """Parameters by name (``:p0`` …), rendered as ``?`` in text order (SQLite) or ``$n``."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def mark(self, value: Any) -> str:
        name = f":p{len(self.values)}"
        self.values[name] = value
        return name

    def marks(self, values: list[Any]) -> str:
        return ", ".join(self.mark(v) for v in values)

    def render(self, text: str) -> tuple[str, list[Any]]:
        params: list[Any] = []
        numbers: dict[str, int] = {}
        sqlite = dialect() == "sqlite"

        def sub(m: re.Match[str]) -> str:
            name = m.group(0)
            if sqlite:
                params.append(self.values[name])
                return "?"
            if name not in numbers:
                params.append(self.values[name])
                numbers[name] = len(params)
            return f"${numbers[name]}"

        return _TOKEN.sub(sub, text), params


_TOKEN = re.compile(r":p\d+\b")


async def household_target(policy_id: int) -> tuple[dict[str, Any], bool]:
    """The policy's household target and whether residents are its audience at all."""
    from server.policies.models import Policy

    policy = await Policy.get_or_none(id=policy_id)
    if policy is None:
        raise NotFound("no policy with this id")
    target = await PolicyTarget.get_or_none(policy_id=policy_id)
    regions = list(target.regions) if target and target.regions else list(policy.regions or [])
    tags = list(target.household_tags_any) if target else []
    return (
        {"regions": regions, "household_tags_any": tags},
        policy.audience in ("residents", "both"),
    )


async def set_household_target(policy_id: int, regions: list[str], tags: list[str]) -> None:
    from server.policies.models import Policy

    if not await Policy.exists(id=policy_id):
        raise NotFound("no policy with this id")
    await PolicyTarget.update_or_create(
        policy_id=policy_id, defaults={"regions": regions, "household_tags_any": tags}
    )


async def coverage(
    policy_id: int, level: str, scope: Scope, within: str | None = None
) -> dict[str, Any]:
    """Coverage of one policy per cell at ``level`` (shape suited to a map)."""
    target, for_residents = await household_target(policy_id)
    col = LEVEL_COLUMNS[Level(level).value]
    households = (
        await _household_coverage(policy_id, col, target, scope, within) if for_residents else None
    )
    enterprises = await _enterprise_coverage(policy_id, col, scope, within)
    codes = {c["code"] for part in (households, enterprises) if part for c in part["cells"]}
    cells = {
        c.code: c
        for c in await GridCell.filter(code__in=list(codes)).only(
            "code", "name", "parent_code", "lat", "lng", "level"
        )
    }
    for part in (households, enterprises):
        if part:
            for row in part["cells"]:
                cell = cells.get(row["code"])
                row.update(
                    name=cell.name if cell else "",
                    parent_code=cell.parent_code if cell else None,
                    lat=cell.lat if cell else None,
                    lng=cell.lng if cell else None,
                )
    return {
        "policy_id": policy_id,
        "level": level,
        "within": within,
        "target": target,
        "reached_statuses": list(REACHED_STATUSES),
        "households": households,
        "enterprises": enterprises,
    }


def _rate(reached: int, targeted: int) -> float | None:
    return round(reached / targeted, 4) if targeted else None


async def _target_filter(
    sql: _Sql, target: dict[str, Any], scope: Scope, within: str | None, alias: str
) -> str | None:
    """SQL conditions on ``alias`` (a household or stats row); None: nothing is targeted."""
    conds: list[str] = []
    regions = [r for r in target["regions"] if r]
    if regions:
        communities = await GridCell.filter(level=Level.COMMUNITY.value).values_list(
            "code", "region_code"
        )
        matching = [
            str(code)
            for code, region in communities
            if any(str(region).startswith(r) for r in regions)
        ]
        if len(matching) != len(communities):
            if not matching:
                return None
            conds.append(f"{alias}.community_code IN ({sql.marks(matching)})")
    if not scope.everything:
        if not scope.cells:
            return None
        ors = [f"{alias}.{c} = {sql.mark(code)}" for c, code in scope.cells]
        conds.append("(" + " OR ".join(ors) + ")")
    if within:
        cell = await GridCell.get_or_none(code=within)
        if cell is None:
            return None
        conds.append(f"{alias}.{LEVEL_COLUMNS[cell.level]} = {sql.mark(within)}")
    tags = target["household_tags_any"]
    if tags:
        bits = await tag_bits(tags)
        mask = sum(1 << b for b in bits.values())
        if not mask:
            return None
        conds.append(f"({alias}.tag_mask & {sql.mark(mask)}) != 0")
    return " AND ".join(conds) if conds else "1 = 1"


async def _household_coverage(
    policy_id: int,
    col: str,
    target: dict[str, Any],
    scope: Scope,
    within: str | None,
    *,
    _source: str = "grid_household_stats",
    _count: str = "SUM(s.households)",
) -> dict[str, Any]:
    """``_source``/``_count`` let the benchmark count from ``grid_households`` (its baseline)."""
    conn = connection()
    sql = _Sql()
    where = await _target_filter(sql, target, scope, within, "s")
    if where is None:
        return {"cells": [], "totals": _totals([])}
    targeted_rows = await conn.execute_query_dict(
        *sql.render(
            f"SELECT s.{col} AS code, {_count} AS n FROM {_source} s "
            f"WHERE {where} AND s.{col} IS NOT NULL GROUP BY s.{col}"
        )
    )
    sql = _Sql()
    where_h = await _target_filter(sql, target, scope, within, "h")
    subject = sql.mark(str(policy_id))
    statuses = sql.marks(list(REACHED_STATUSES))
    policy_mark = sql.mark(policy_id)
    user_cast = "CAST(p.recipient_id AS INTEGER)"
    # One pass: each reaching row is joined to its household once, filtered to the
    # targeted ones there, then folded per household (a push and a visit count once).
    reached_rows = await conn.execute_query_dict(
        *sql.render(f"""
        SELECT code, COUNT(*) AS reached, SUM(by_push) AS by_push, SUM(by_visit) AS by_visit
        FROM (
            SELECT hid, MAX(code) AS code, MAX(by_push) AS by_push, MAX(by_visit) AS by_visit
            FROM (
                SELECT h.id AS hid, h.{col} AS code, 1 AS by_push, 0 AS by_visit
                FROM push_intents p JOIN grid_households h ON h.external_id = p.recipient_id
                WHERE p.subject_type = 'policy' AND p.subject_id = {subject}
                  AND p.recipient_type = 'household' AND p.status IN ({statuses})
                  AND {where_h}
                UNION ALL
                SELECT h.id AS hid, h.{col} AS code, 1 AS by_push, 0 AS by_visit
                FROM push_intents p
                JOIN grid_household_members m ON m.user_id = {user_cast}
                JOIN grid_households h ON h.id = m.household_id
                WHERE p.subject_type = 'policy' AND p.subject_id = {subject}
                  AND p.recipient_type = 'user' AND p.status IN ({statuses})
                  AND {where_h}
                UNION ALL
                SELECT h.id AS hid, h.{col} AS code, 0 AS by_push, 1 AS by_visit
                FROM grid_visit_policies v JOIN grid_households h ON h.id = v.household_id
                WHERE v.policy_id = {policy_mark} AND {where_h}
            ) AS u GROUP BY hid
        ) AS r
        WHERE code IS NOT NULL
        GROUP BY code
        """)
    )
    reached = {r["code"]: r for r in reached_rows}
    cells = []
    for row in sorted(targeted_rows, key=lambda r: str(r["code"])):
        got = reached.get(row["code"], {})
        targeted = int(row["n"] or 0)
        n = int(got.get("reached") or 0)
        cells.append(
            {
                "code": row["code"],
                "targeted": targeted,
                "reached": n,
                "reached_by_push": int(got.get("by_push") or 0),
                "reached_by_visit": int(got.get("by_visit") or 0),
                "not_reached": targeted - n,
                "rate": _rate(n, targeted),
            }
        )
    return {"cells": cells, "totals": _totals(cells)}


def _totals(cells: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("targeted", "reached", "reached_by_push", "reached_by_visit", "not_reached")
    totals: dict[str, Any] = {k: sum(int(c[k]) for c in cells) for k in keys}
    totals["rate"] = _rate(totals["reached"], totals["targeted"])
    return totals


async def eligible_usccs(policy_id: int) -> set[str]:
    """Credit codes of the enterprises the policy matches (惠企政策 matching), among those
    placed in the grid."""
    eligible = set(await enterprises.eligible_enterprise_ids(policy_id))
    placed = await EnterpriseCell.all().values_list("uscc", flat=True)
    ids = await enterprises.enterprise_ids_by_uscc([str(u) for u in placed])
    return {uscc for uscc, eid in ids.items() if eid in eligible}


async def _enterprise_coverage(
    policy_id: int, col: str, scope: Scope, within: str | None
) -> dict[str, Any] | None:
    usccs = await eligible_usccs(policy_id)
    query = EnterpriseCell.filter(uscc__in=list(usccs)).filter(scope.q())
    if within:
        cell = await GridCell.get_or_none(code=within)
        if cell is None:
            return {"cells": [], "totals": _totals([])}
        query = query.filter(**{LEVEL_COLUMNS[cell.level]: within})
    rows = await query.values("uscc", col)
    from server.grid.models import VisitPolicy
    from server.push.models import PushIntent

    codes = [r["uscc"] for r in rows]
    pushed = set(
        await PushIntent.filter(
            subject_type="policy",
            subject_id=str(policy_id),
            recipient_type="enterprise",
            status__in=list(REACHED_STATUSES),
            recipient_id__in=codes,
        ).values_list("recipient_id", flat=True)
    )
    visited = set(
        await VisitPolicy.filter(policy_id=policy_id, enterprise_uscc__in=codes).values_list(
            "enterprise_uscc", flat=True
        )
    )
    per: dict[str, dict[str, Any]] = {}
    for r in rows:
        code = r[col]
        if code is None:
            continue
        c = per.setdefault(
            code,
            {"code": code, "targeted": 0, "reached": 0, "reached_by_push": 0,
             "reached_by_visit": 0},
        )  # fmt: skip
        c["targeted"] += 1
        p, v = r["uscc"] in pushed, r["uscc"] in visited
        c["reached"] += p or v
        c["reached_by_push"] += p
        c["reached_by_visit"] += v
    cells = []
    for c in sorted(per.values(), key=lambda c: str(c["code"])):
        c["not_reached"] = c["targeted"] - c["reached"]
        c["rate"] = _rate(c["reached"], c["targeted"])
        cells.append(c)
    return {"cells": cells, "totals": _totals(cells)}
