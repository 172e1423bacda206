"""``zwgk import-enterprises FILE.csv``: the enterprise registry, streamed and idempotent.

Each line is parsed and checked on its own; a bad line is reported with its number and
reason and writes nothing. Good lines are upserted by credit code in batches, one
transaction per batch (rows and the ``enterprise.changed`` event together), so an
interrupted import leaves whole batches and a re-run finishes it without duplicates.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TextIO

from tortoise.transactions import in_transaction

from server.core.db import insert_rows
from server.core.errors import AppError
from server.enterprises.models import Enterprise
from server.enterprises.rules import NATURES, SIZES, is_known_region
from server.enterprises.service import check_uscc, known_tags, record_changed
from server.enterprises.sizes import derive_size
from server.policies.industries import is_valid_industry

#: Column → accepted header names (English, Chinese).
COLUMNS: dict[str, tuple[str, ...]] = {
    "uscc": ("uscc", "统一社会信用代码"),
    "name": ("name", "企业名称"),
    "legal_representative": ("legal_representative", "法定代表人"),
    "region": ("region", "所在地区"),
    "industry": ("industry", "行业代码"),
    "nature": ("nature", "企业性质"),
    "size": ("size", "企业规模"),
    "established_on": ("established_on", "成立日期"),
    "registered_capital": ("registered_capital", "注册资本"),
    "employees": ("employees", "从业人员"),
    "annual_revenue": ("annual_revenue", "营业收入"),
    "tags": ("tags", "资质标签"),
}
REQUIRED = ("uscc", "name", "region")
_NATURE_CODES = {**{v: k for k, v in NATURES.items()}, **{k: k for k in NATURES}}
_SIZE_CODES = {**{v: k for k, v in SIZES.items()}, **{k: k for k in SIZES}}
#: Values compared to decide whether a row changed an existing enterprise.
FIELDS = (
    "name",
    "legal_representative",
    "region",
    "industry",
    "nature",
    "size",
    "size_declared",
    "established_on",
    "anniversary",
    "registered_capital",
    "employees",
    "annual_revenue",
    "tags",
)


@dataclass
class Rejection:
    line: int
    uscc: str | None
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)


class RowError(Exception):
    pass


def _header(names: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, raw in enumerate(names):
        name = raw.strip().lstrip("\ufeff")
        for column, accepted in COLUMNS.items():
            if name in accepted:
                index[column] = i
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise AppError(f"the header lacks the column(s) {', '.join(missing)}", field="header")
    return index


def _number(column: str, text: str, *, integer: bool = False) -> float | int | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise RowError(f"{column}: not a number: {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise RowError(f"{column}: must be a non-negative number: {text!r}")
    if integer:
        if value != int(value):
            raise RowError(f"{column}: must be a whole number: {text!r}")
        return int(value)
    return value


def parse_row(cells: dict[str, str], tags_known: set[str], today: date) -> dict[str, Any]:
    """One CSV row → the enterprise's column values; :class:`RowError` says what is wrong."""
    try:
        code = check_uscc(cells.get("uscc", ""))
    except AppError as exc:
        raise RowError(f"uscc: {exc.message}") from None
    name = cells.get("name", "").strip()
    if not name or len(name) > 200:
        raise RowError("name: required, at most 200 characters")
    legal = cells.get("legal_representative", "").strip()
    if len(legal) > 64:
        raise RowError("legal_representative: at most 64 characters")
    region = cells.get("region", "").strip()
    if not is_known_region(region):
        raise RowError(f"region: unknown GB/T 2260 region code {region!r}")
    industry = cells.get("industry", "").strip().upper() or None
    if industry is not None and not is_valid_industry(industry):
        raise RowError(f"industry: unknown GB/T 4754 industry code {industry!r}")
    nature_text = cells.get("nature", "").strip()
    nature = _NATURE_CODES.get(nature_text) if nature_text else None
    if nature_text and nature is None:
        raise RowError(f"nature: unknown enterprise nature {nature_text!r}")
    size_text = cells.get("size", "").strip()
    size = _SIZE_CODES.get(size_text) if size_text else None
    if size_text and size is None:
        raise RowError(f"size: unknown enterprise size {size_text!r}")
    est_text = cells.get("established_on", "").strip()
    established: date | None = None
    if est_text:
        try:
            established = date.fromisoformat(est_text)
        except ValueError:
            raise RowError(f"established_on: not a YYYY-MM-DD date: {est_text!r}") from None
        if established > today:
            raise RowError(f"established_on: in the future: {est_text}")
        if len(est_text) != 10:
            raise RowError(f"established_on: not a YYYY-MM-DD date: {est_text!r}")
    capital = _number("registered_capital", cells.get("registered_capital", ""))
    employees = _number("employees", cells.get("employees", ""), integer=True)
    revenue = _number("annual_revenue", cells.get("annual_revenue", ""))
    tags = [t.strip() for t in cells.get("tags", "").replace("；", ";").split(";") if t.strip()]
    unknown = [t for t in tags if t not in tags_known]
    if unknown:
        raise RowError(f"tags: unknown qualification tag {unknown[0]!r}")
    declared = size is not None
    if not declared:
        size = derive_size(industry, employees if employees is None else int(employees), revenue)
    return {
        "uscc": code,
        "name": name,
        "legal_representative": legal,
        "region": region,
        "industry": industry,
        "nature": nature,
        "size": size,
        "size_declared": declared,
        "established_on": established,
        "anniversary": established.strftime("%m-%d") if established else None,
        "registered_capital": capital,
        "employees": employees,
        "annual_revenue": revenue,
        "tags": sorted(set(tags), key=tags.index),
    }


def read_rows(handle: TextIO) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, cells by column) for every data row, streaming."""
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        return
    index = _header(header)
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        yield (
            reader.line_num,
            {column: (cells[i] if i < len(cells) else "") for column, i in index.items()},
        )


async def import_rows(
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    today: date | None = None,
) -> ImportReport:
    """Upsert parsed rows by credit code; returns counts and every rejected line."""
    from server.core.clock import local_today

    today = today or local_today()
    report = ImportReport()
    tags_known = set(await known_tags())
    seen: set[str] = set()
    batch: list[dict[str, Any]] = []
    for number, cells in rows:
        try:
            values = parse_row(cells, tags_known, today)
        except RowError as exc:
            code = cells.get("uscc", "").strip() or None
            report.rejected.append(Rejection(number, code, str(exc)))
            continue
        if values["uscc"] in seen:
            report.rejected.append(Rejection(number, values["uscc"], "uscc: repeated in this file"))
            continue
        seen.add(values["uscc"])
        batch.append(values)
        if len(batch) >= batch_size:
            await _write(batch, report)
            if progress is not None:
                progress(len(batch))
            batch = []
    if batch:
        await _write(batch, report)
        if progress is not None:
            progress(len(batch))
    return report


def _comparable(values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(values[f] for f in FIELDS)


async def _write(batch: list[dict[str, Any]], report: ImportReport) -> None:
    codes = [v["uscc"] for v in batch]
    async with in_transaction() as conn:
        existing = {
            row["uscc"]: row
            for row in await Enterprise.filter(uscc__in=codes)
            .using_db(conn)
            .values("id", "uscc", "version", *FIELDS)
        }
        fresh = [v for v in batch if v["uscc"] not in existing]
        changed_ids: list[int] = []
        for values in batch:
            old = existing.get(values["uscc"])
            if old is None:
                continue
            if _comparable(values) == _comparable(old):
                report.unchanged += 1
                continue
            await (
                Enterprise.filter(id=old["id"])
                .using_db(conn)
                .update(**{f: values[f] for f in FIELDS}, version=old["version"] + 1)
            )
            changed_ids.append(int(old["id"]))
            report.updated += 1
        if fresh:
            now = datetime.now(UTC)
            columns = ("uscc", *FIELDS, "version", "created_at", "updated_at")
            await insert_rows(
                conn,
                "enterprises",
                columns,
                [
                    (
                        v["uscc"],
                        *(
                            json.dumps(v[f], ensure_ascii=False) if f == "tags" else v[f]
                            for f in FIELDS
                        ),
                        1,
                        now,
                        now,
                    )
                    for v in fresh
                ],
            )
            ids = (
                await Enterprise.filter(uscc__in=[v["uscc"] for v in fresh])
                .using_db(conn)
                .values_list("id")
            )
            changed_ids.extend(int(i[0]) for i in ids)
            report.created += len(fresh)
        await record_changed(sorted(changed_ids), conn, reason="import")
