"""Offline visit sync: ``POST /api/v1/visits/batch``.

The app records visits without signal and uploads them later, each with a client-made
``client_id`` and a ``revision`` that the app raises on every offline edit. Per item:

* new ``client_id`` → ``accepted``;
* same ``client_id`` and revision with the same content → ``duplicate`` (a replay);
  a lower revision → ``duplicate`` too (an old copy: the newer one stays);
* a higher revision → ``updated``; every revision's content is kept in the history;
* the same revision with *different* content (two devices edited the same visit
  offline) → the content with the larger sha256 wins, whatever order the devices sync
  in, so every server ends in the same state; the loser is ``rejected`` (``conflict``);
* anything invalid → ``rejected`` with a reason; other items are unaffected.

Valid items are written together in one transaction (fast path); should that fail, each
item is retried in its own transaction so one bad item never sinks the batch.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.core.db import insert_rows
from server.core.errors import from_pydantic
from server.core.outbox import record_event
from server.core.permissions import Principal
from server.grid.models import (
    EnterpriseCell,
    Household,
    Visit,
    VisitPolicy,
    VisitRevision,
)
from server.grid.schemas import VisitIn
from server.grid.service import PATH_COLUMNS, Scope, scope_for
from server.grid.tasks import close_tasks_for_visits

log = logging.getLogger("zwgk.grid")

_FUTURE_SLACK = timedelta(minutes=10)


@dataclass
class Item:
    index: int
    client_id: str
    result: dict[str, Any]
    data: VisitIn | None = None
    content: dict[str, Any] = field(default_factory=dict)
    digest: str = ""
    target: dict[str, Any] = field(default_factory=dict)
    action: str = ""  # create | update


def canonical(v: VisitIn) -> tuple[dict[str, Any], str]:
    content = v.model_dump(mode="json", exclude={"client_id", "revision"})
    content["visited_at"] = v.visited_at.astimezone(UTC).isoformat()
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return content, hashlib.sha256(text.encode()).hexdigest()


def _reject(item: Item, reason: str) -> None:
    item.result.update(status="rejected", reason=reason)


async def sync_batch(principal: Principal, raw_items: list[Any]) -> list[dict[str, Any]]:
    """Apply one batch; returns one result per item, in order."""
    from server.policies.models import Attachment, Policy

    scope = await scope_for(principal)
    items: list[Item] = []
    for i, raw in enumerate(raw_items):
        cid = str(raw.get("client_id", ""))[:64] if isinstance(raw, dict) else ""
        item = Item(i, cid, {"client_id": cid or None, "status": "", "reason": None})
        items.append(item)
        if not isinstance(raw, dict):
            _reject(item, "each visit must be a JSON object")
            continue
        try:
            item.data = VisitIn.model_validate(raw)
        except ValidationError as exc:
            failed = from_pydantic(exc)
            _reject(item, f"{failed.field}: {failed.message}" if failed.field else failed.message)
            continue
        d = item.data
        if (d.household_external_id is None) == (d.enterprise_uscc is None):
            _reject(item, "give exactly one of household_external_id and enterprise_uscc")
            item.data = None
            continue
        if d.visited_at.tzinfo is None:
            _reject(item, "visited_at: needs a time zone offset (e.g. +08:00)")
            item.data = None
            continue
        if d.visited_at > datetime.now(UTC) + _FUTURE_SLACK:
            _reject(item, "visited_at: is in the future")
            item.data = None
            continue
        item.content, item.digest = canonical(d)

    valid = [it for it in items if it.data is not None]
    # One query per kind of reference for the whole batch.
    hh_ids = {
        it.data.household_external_id for it in valid if it.data and it.data.household_external_id
    }
    households = {
        h["external_id"]: h
        for h in await Household.filter(external_id__in=list(hh_ids)).values(
            "id", "external_id", *PATH_COLUMNS
        )
    }
    usccs = {it.data.enterprise_uscc.upper() for it in valid if it.data and it.data.enterprise_uscc}
    enterprises = {
        e["uscc"]: e
        for e in await EnterpriseCell.filter(uscc__in=list(usccs)).values("uscc", *PATH_COLUMNS)
    }
    policy_ids = {p for it in valid if it.data for p in it.data.policy_ids}
    known_policies: set[int] = {
        int(r["id"]) for r in await Policy.filter(id__in=list(policy_ids)).values("id")
    }
    photo_ids = {p for it in valid if it.data for p in it.data.photos}
    known_photos: set[int] = {
        int(r["id"]) for r in await Attachment.filter(id__in=list(photo_ids)).values("id")
    }
    existing = {
        v["client_id"]: v
        for v in await Visit.filter(client_id__in=[it.client_id for it in valid]).values(
            "id", "client_id", "revision", "content_hash", "worker_id"
        )
    }
    for it in valid:
        if it.data is None:
            continue
        d = it.data
        target = _resolve_target(d, households, enterprises, scope)
        if isinstance(target, str):
            _reject(it, target)
            continue
        unknown = [p for p in d.policy_ids if p not in known_policies]
        if unknown:
            _reject(it, f"policy_ids: unknown policy {unknown[0]}")
            continue
        missing_photo = [p for p in d.photos if p not in known_photos]
        if missing_photo:
            _reject(it, f"photos: unknown attachment {missing_photo[0]}")
            continue
        it.target = target
        old = existing.get(it.client_id)
        if old is not None and old["worker_id"] != principal.user_id:
            _reject(it, "client_id: already used by another grid worker")
            continue
        if old is None:
            it.action = "create"
            it.result["status"] = "accepted"
        elif d.revision < old["revision"]:
            it.result.update(status="duplicate", reason="an older revision; the newer one stays")
            continue
        elif d.revision == old["revision"]:
            if it.digest == old["content_hash"]:
                it.result["status"] = "duplicate"
                continue
            if it.digest < old["content_hash"]:
                _reject(it, "conflict: this revision was already recorded with other content")
                continue
            it.action = "update"  # deterministic tie-break: the larger digest wins
            it.result.update(status="updated", reason="conflict resolved in favour of this copy")
        else:
            it.action = "update"
            it.result["status"] = "updated"
        # Later items of the same batch compare against this one.
        existing[it.client_id] = {
            "id": old["id"] if old else None,
            "client_id": it.client_id,
            "revision": d.revision,
            "content_hash": it.digest,
            "worker_id": principal.user_id,
        }

    to_write = [it for it in items if it.action]
    if to_write:
        try:
            async with in_transaction() as conn:
                await _write_all(principal, to_write, conn)
        except Exception:
            log.exception("visit batch write failed; retrying item by item")
            for it in to_write:
                try:
                    async with in_transaction() as conn:
                        await _write_all(principal, [it], conn)
                except Exception:
                    log.exception("visit %s could not be stored", it.client_id)
                    _reject(it, "could not be stored; retry later")
    return [it.result for it in items]


def _resolve_target(
    d: VisitIn,
    households: dict[str, dict[str, Any]],
    enterprises: dict[str, dict[str, Any]],
    scope: Scope,
) -> dict[str, Any] | str:
    if d.household_external_id is not None:
        h = households.get(d.household_external_id)
        if h is None:
            return "household_external_id: unknown household"
        row = h
    else:
        e = enterprises.get((d.enterprise_uscc or "").upper())
        if e is None:
            return "enterprise_uscc: enterprise not placed in the grid"
        row = e
    if not scope.everything and not any(row.get(col) == code for col, code in scope.cells):
        return "outside your cells"
    path = {c: row[c] for c in PATH_COLUMNS}
    return {
        "household_id": row.get("id") if d.household_external_id else None,
        "enterprise_uscc": row.get("uscc"),
        "cell_code": next(path[c] for c in reversed(PATH_COLUMNS) if path[c]),
        "path": path,
    }


_VISIT_COLUMNS = (
    "client_id",
    "worker_id",
    "revision",
    "content_hash",
    "household_id",
    "enterprise_uscc",
    "cell_code",
    "visited_at",
    "type",
    "policy_ids",
    "materials",
    "problems",
    "notes",
    "photos",
    "lat",
    "lng",
    *PATH_COLUMNS,
    "created_at",
    "updated_at",
)
_JSON_COLUMNS = frozenset({"policy_ids", "materials", "problems", "photos"})


def _values(it: Item) -> dict[str, Any]:
    d = it.data
    assert d is not None
    t = it.target
    return {
        "revision": d.revision,
        "content_hash": it.digest,
        "household_id": t["household_id"],
        "enterprise_uscc": t["enterprise_uscc"],
        "cell_code": t["cell_code"],
        "visited_at": d.visited_at.astimezone(UTC),
        "type": d.type,
        "policy_ids": d.policy_ids,
        "materials": d.materials,
        "problems": [p.model_dump() for p in d.problems],
        "notes": d.notes,
        "photos": d.photos,
        "lat": d.location.lat if d.location else None,
        "lng": d.location.lng if d.location else None,
        **t["path"],
    }


async def _write_all(principal: Principal, items: list[Item], conn: BaseDBAsyncClient) -> None:
    """Store the items' visits with a handful of statements whatever the batch size."""
    # The last item of a client_id holds the content that stays (revisions arrive in order).
    final: dict[str, Item] = {}
    for it in items:
        final[it.client_id] = it
    stored = {
        v["client_id"]: int(v["id"])
        for v in await Visit.filter(client_id__in=list(final))
        .using_db(conn)
        .values("id", "client_id")
    }
    now = datetime.now(UTC)
    new_rows = []
    for cid, it in final.items():
        values = _values(it)
        if cid in stored:
            await Visit.filter(id=stored[cid]).using_db(conn).update(**values)
            continue
        row = {"client_id": cid, "worker_id": principal.user_id, **values}
        row.update(created_at=now, updated_at=now)
        new_rows.append(
            [
                json.dumps(row[c], ensure_ascii=False) if c in _JSON_COLUMNS else row[c]
                for c in _VISIT_COLUMNS
            ]
        )
    updated_ids = list(stored.values())
    await insert_rows(conn, "grid_visits", _VISIT_COLUMNS, new_rows)
    ids = {
        v["client_id"]: int(v["id"])
        for v in await Visit.filter(client_id__in=list(final))
        .using_db(conn)
        .values("id", "client_id")
    }
    # History: one row per (visit, revision); a conflict winner replaces its revision's row.
    revisions: dict[tuple[int, int], Item] = {}
    for it in items:
        assert it.data is not None
        revisions[(ids[it.client_id], it.data.revision)] = it
    if updated_ids:
        for visit_id, revision in revisions:
            if visit_id in updated_ids:
                await (
                    VisitRevision.filter(visit_id=visit_id, revision=revision)
                    .using_db(conn)
                    .delete()
                )
        await VisitPolicy.filter(visit_id__in=updated_ids).using_db(conn).delete()
    await insert_rows(
        conn,
        "grid_visit_revisions",
        ("visit_id", "revision", "content", "recorded_at"),
        [
            [vid, rev, json.dumps(it.content, ensure_ascii=False), now]
            for (vid, rev), it in revisions.items()
        ],
    )
    policy_rows = []
    for cid, it in final.items():
        assert it.data is not None
        for p in sorted(set(it.data.policy_ids)):
            policy_rows.append(
                [ids[cid], p, it.target["household_id"], it.target["enterprise_uscc"]]
            )
    await insert_rows(
        conn,
        "grid_visit_policies",
        ("visit_id", "policy_id", "household_id", "enterprise_uscc"),
        policy_rows,
    )
    # Each household's latest visit time.
    latest: dict[int, datetime] = {}
    for it in final.values():
        hid = it.target["household_id"]
        assert it.data is not None
        at = it.data.visited_at.astimezone(UTC)
        if hid is not None and (hid not in latest or latest[hid] < at):
            latest[hid] = at
    if latest:
        current = {
            int(h["id"]): h["last_visit_at"]
            for h in await Household.filter(id__in=list(latest))
            .using_db(conn)
            .values("id", "last_visit_at")
        }
        changes = [
            [at, hid] for hid, at in latest.items() if current.get(hid) is None or current[hid] < at
        ]
        if changes:
            sqlite = str(conn.capabilities.dialect) == "sqlite"
            marks = ("?", "?") if sqlite else ("$1", "$2")
            await conn.execute_many(
                f"UPDATE grid_households SET last_visit_at = {marks[0]} WHERE id = {marks[1]}",
                changes,
            )
    await close_tasks_for_visits(
        [
            (
                ids[cid],
                it.target["household_id"],
                it.target["enterprise_uscc"],
                it.content["policy_ids"],
            )
            for cid, it in final.items()
        ],
        using_db=conn,
    )
    for it in items:
        await _problem_events(principal, it, ids[it.client_id], conn)


async def _problem_events(
    principal: Principal, it: Item, visit_id: int, conn: BaseDBAsyncClient
) -> None:
    d = it.data
    assert d is not None
    t = it.target
    for p in d.problems:
        # One event per distinct problem of a visit: edits that keep it never repeat it.
        key = hashlib.sha256(f"{it.client_id}|{p.category}|{p.text}".encode()).hexdigest()[:40]
        await record_event(
            "visit.problem_found",
            "visit",
            visit_id,
            {
                "visit_id": visit_id,
                "household_id": t["household_id"],
                "household_external_id": d.household_external_id,
                "enterprise_uscc": t["enterprise_uscc"],
                "cell_code": t["cell_code"],
                "summary": p.text,
                "category": p.category,
                "worker_id": principal.user_id,
            },
            using_db=conn,
            dedup_key=f"grid:problem:{key}",
        )


def visit_out(v: Visit) -> dict[str, Any]:
    return {
        "id": v.id,
        "client_id": v.client_id,
        "revision": v.revision,
        "worker_id": v.worker_id,
        "household_id": v.household_id,
        "enterprise_uscc": v.enterprise_uscc,
        "cell_code": v.cell_code,
        "visited_at": v.visited_at,
        "type": v.type,
        "policy_ids": v.policy_ids,
        "materials": v.materials,
        "problems": v.problems,
        "notes": v.notes,
        "photos": v.photos,
        "location": {"lat": v.lat, "lng": v.lng} if v.lat is not None else None,
    }


async def visit_stats(scope: Scope, period: str, since: date, until: date) -> list[dict[str, Any]]:
    """Visits and distinct households per grid worker per day / ISO week / month (China)."""
    from server.accounts.models import User
    from server.core.clock import CHINA

    start = datetime.combine(since, datetime.min.time(), CHINA)
    end = datetime.combine(until + timedelta(days=1), datetime.min.time(), CHINA)
    rows = await Visit.filter(scope.q(), visited_at__gte=start, visited_at__lt=end).values(
        "worker_id", "visited_at", "household_id", "enterprise_uscc"
    )
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for r in rows:
        day = r["visited_at"].astimezone(CHINA).date()
        if period == "day":
            key = day.isoformat()
        elif period == "week":
            y, w, _ = day.isocalendar()
            key = f"{y}-W{w:02d}"
        else:
            key = f"{day.year}-{day.month:02d}"
        g = groups.setdefault(
            (r["worker_id"], key), {"visits": 0, "households": set(), "enterprises": set()}
        )
        g["visits"] += 1
        if r["household_id"]:
            g["households"].add(r["household_id"])
        if r["enterprise_uscc"]:
            g["enterprises"].add(r["enterprise_uscc"])
    names = dict(
        await User.filter(id__in=list({w for w, _ in groups})).values_list("id", "display_name")
    )
    return [
        {
            "worker_id": worker,
            "worker_name": names.get(worker, ""),
            "period": key,
            "visits": g["visits"],
            "households": len(g["households"]),
            "enterprises": len(g["enterprises"]),
        }
        for (worker, key), g in sorted(groups.items())
    ]
