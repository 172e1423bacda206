"""``zwgk import-policies FILE.jsonl``: bulk import, idempotent by ``external_id``.

Every line is validated before anything is written; a bad line is reported with its line
number and reason and never half-saved. Good lines are written in batches, one
transaction per batch, so a 100k-line file imports in minutes, not hours.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError
from tortoise.transactions import in_transaction

from server.core.errors import AppError, from_pydantic
from server.policies import service
from server.policies.models import Policy, PolicyLink
from server.policies.schemas import PolicyIn, PolicyPatch


@dataclass
class Rejection:
    line: int
    external_id: str | None
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)


def _reject(report: ImportReport, line: int, ext: str | None, reason: str) -> None:
    report.rejected.append(Rejection(line, ext, reason))


async def import_lines(
    lines: Iterable[str],
    *,
    update_existing: bool = False,
    batch_size: int = 250,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import JSONL lines; returns counts and every rejected line with its reason."""
    report = ImportReport()
    book = await service.CodeBook.load()
    pending: list[tuple[int, PolicyIn]] = []
    seen: set[str] = set()
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            _reject(report, number, None, f"not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        ext = raw.get("external_id") if isinstance(raw, dict) else None
        try:
            data = PolicyIn.model_validate(raw)
        except ValidationError as exc:
            err = from_pydantic(exc)
            _reject(report, number, ext, f"{err.field}: {err.message}")
            continue
        if not data.external_id:
            _reject(report, number, None, "external_id: required for imports")
            continue
        if data.external_id in seen:
            _reject(report, number, data.external_id, "external_id: repeated in this file")
            continue
        try:
            service.check_codes(data, book)
        except AppError as exc:
            _reject(report, number, data.external_id, f"{exc.field}: {exc.message}")
            continue
        seen.add(data.external_id)
        pending.append((number, data))
    existing = dict(
        await Policy.filter(external_id__in=list(seen)).values_list("external_id", "id")
    ) if len(seen) < 20000 else dict(
        await Policy.filter(external_id__isnull=False).values_list("external_id", "id")
    )
    links: list[tuple[int, str, list[str]]] = []
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        async with in_transaction() as conn:
            for number, data in batch:
                related, data.related = data.related, []
                if data.external_id in existing:
                    if update_existing:
                        patch = PolicyPatch.model_validate(
                            data.model_dump(exclude={"external_id", "status", "related"}))
                        await service.update_policy(existing[data.external_id], patch,
                                                    principal=None)
                        report.updated += 1
                    else:
                        report.unchanged += 1
                else:
                    await service.create_policy(data, principal=None, book=book, conn=conn)
                    report.created += 1
                if related:
                    links.append((number, data.external_id or "", related))
        if progress is not None:
            progress(len(batch))
    await _link(links, report)
    return report


async def _link(links: list[tuple[int, str, list[str]]], report: ImportReport) -> None:
    """Related-policy links, once every policy of the file exists (links may point ahead)."""
    ids = dict(await Policy.filter(external_id__isnull=False).values_list("external_id", "id"))
    for number, ext, related in links:
        source = ids[ext]
        for ref in related:
            target = ids.get(ref)
            if target is None:
                _reject(report, number, ext, f"related: unknown policy {ref!r} (link skipped)")
                continue
            if target != source:
                await PolicyLink.get_or_create(source_id=source, target_id=target)
