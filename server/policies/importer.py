"""``zwgk import-policies FILE.jsonl``: bulk import, idempotent by ``external_id``.

Every line is validated before it is written; a bad line is reported with its line number
and reason and never half-saved. Good lines are written in batches, one transaction per
batch, while the following lines are validated: the file is streamed, and 100,000 lines
import in well under a minute.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import orjson
from pydantic import ValidationError
from tortoise.transactions import in_transaction

from server.core.errors import AppError, from_pydantic
from server.enterprises.service import ImportedRules
from server.policies import service
from server.policies.models import Classification, Policy, PolicyLink, Scheme
from server.policies.schemas import PolicyIn, PolicyPatch
from server.policies.taxonomy import AUDIENCES, DISCLOSURE_STAGES


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
    #: Lines imported with a caveat (a related policy that does not exist).
    warnings: list[Rejection] = field(default_factory=list)


def _reject(report: ImportReport, line: int, ext: str | None, reason: str) -> None:
    report.rejected.append(Rejection(line, ext, reason))


class LabelError(ValueError):
    """A Chinese label that names nothing (or several things); ``str()`` is the reason."""


@dataclass
class Labels:
    """The labels a clerk writes, by field: 决策 for ``decision``, 居民 for ``residents``,
    养老保险 (or 社会保障/养老保险) for ``social-security.pension``, 稳岗就业 for the category
    ``employment``. Codes are accepted as they are; a label is replaced by its code."""

    stages: dict[str, str]
    audiences: dict[str, str]
    #: name (and "parent/child" path) → every code with that name, per scheme.
    topics: dict[str, list[str]]
    categories: dict[str, list[str]]

    @classmethod
    async def load(cls) -> Labels:
        rows = await Classification.filter(scheme__in=[Scheme.TOPIC, Scheme.CATEGORY]).values_list(
            "scheme", "code", "name"
        )
        names = {(scheme, code): name for scheme, code, name in rows}
        topics: dict[str, list[str]] = {}
        categories: dict[str, list[str]] = {}
        for (scheme, code), name in names.items():
            if scheme == Scheme.TOPIC:
                topics.setdefault(name, []).append(code)
                parent = code.rsplit(".", 1)[0] if "." in code else None
                if parent and (Scheme.TOPIC.value, parent) in names:
                    path = f"{names[(Scheme.TOPIC.value, parent)]}/{name}"
                    topics.setdefault(path, []).append(code)
            else:
                categories.setdefault(name, []).append(code)
        return cls(
            stages={n.name: n.code for n in DISCLOSURE_STAGES},
            audiences={n.name: n.code for n in AUDIENCES},
            topics=topics,
            categories=categories,
        )

    def translate(self, raw: dict[str, object]) -> None:
        """Replace labels in ``raw`` by codes, in place; :class:`LabelError` for a label
        that is unknown or ambiguous. Values that are not strings are left to validation."""
        for key, table, what in (
            ("stage", self.stages, "stage"),
            ("audience", self.audiences, "audience"),
        ):
            value = raw.get(key)
            if isinstance(value, str) and not value.isascii():
                label = value.strip()
                if label not in table:
                    raise LabelError(
                        f"{key}: unknown {what} {label!r}; use one of {', '.join(table)} "
                        f"or the codes {', '.join(table.values())}"
                    )
                raw[key] = table[label]
        for key, many, what in (
            ("topics", self.topics, "topic"),
            ("categories", self.categories, "category"),
        ):
            values = raw.get(key)
            if not isinstance(values, list):
                continue
            codes: list[object] = []
            for value in values:
                if not isinstance(value, str) or value.isascii():
                    codes.append(value)
                    continue
                label = value.strip().replace("／", "/")
                found = many.get(label, [])
                if not found:
                    raise LabelError(
                        f"{key}: unknown {what} {label!r}: neither a code nor a name in the "
                        f"{what} tree"
                    )
                if len(found) > 1:
                    raise LabelError(
                        f"{key}: {label!r} names several {what}s ({', '.join(sorted(found))}); "
                        "write the code or the parent/child path"
                    )
                if found[0] not in codes:
                    codes.append(found[0])
            raw[key] = codes


#: Lines validated between two turns of the event loop, so a batch being written (its
#: statements finish on the database driver's thread) moves on while the next is checked.
_YIELD_EVERY = 50


async def import_lines(
    lines: Iterable[str],
    *,
    update_existing: bool = False,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import JSONL lines; returns counts and every rejected line with its reason.

    New policies are written in batches of ``batch_size``, one transaction each, while the
    following lines are being validated: the database driver's thread and this one work
    at the same time.
    """
    report = ImportReport()
    book = await service.CodeBook.load()
    labels = await Labels.load()
    existing: dict[str, tuple[int, int]] = {
        ext: (pid, version)
        for ext, pid, version in await Policy.filter(external_id__isnull=False).values_list(
            "external_id", "id", "version"
        )
    }
    seen: set[str] = set()
    links: list[tuple[int, str, list[str]]] = []
    old: list[PolicyIn] = []
    fresh: list[PolicyIn] = []
    writes: deque[asyncio.Task[None]] = deque()
    rules = ImportedRules()  # the optional ``eligibility`` field (惠企政策 matching)

    async def write(batch: list[PolicyIn], previous: asyncio.Task[None] | None) -> None:
        # Content is derived here, while the previous batch's statements run on the
        # driver's thread (~10 µs a policy: worker processes cost more in pickling).
        contents = [service.prepare_content(d.body) for d in batch]
        if previous is not None:
            await previous
        async with in_transaction() as conn:
            await service.create_many(list(zip(batch, contents, strict=True)), book=book, conn=conn)
        report.created += len(batch)
        if progress is not None:
            progress(len(batch))

    async def flush() -> None:
        nonlocal fresh
        # One batch written at a time, in file order; at most one more waits its turn.
        if len(writes) >= 2:
            await writes.popleft()
        previous = writes[-1] if writes else None
        writes.append(asyncio.ensure_future(write(fresh, previous)))
        fresh = []

    try:
        for number, text in enumerate(lines, start=1):
            if number % _YIELD_EVERY == 0:
                await asyncio.sleep(0)
            data = await _validate(number, text, report, labels, book, seen, rules)
            if data is None:
                continue
            if data.related:
                links.append((number, data.external_id or "", data.related))
                data.related = []
            if data.external_id in existing:
                old.append(data)
                continue
            fresh.append(data)
            if len(fresh) >= batch_size:
                await flush()
        if fresh:
            await flush()
        while writes:
            await writes.popleft()
    finally:
        for task in writes:  # an earlier batch failed: stop the rest
            task.cancel()
        # Let them unwind (a transaction that was under way rolls back) before the error
        # reaches the caller, instead of leaving pending tasks behind.
        await asyncio.gather(*writes, return_exceptions=True)
    for data in old:
        if update_existing:
            patch = PolicyPatch.model_validate(
                data.model_dump(exclude={"external_id", "status", "related"})
            )
            policy_id, version = existing[data.external_id or ""]
            changed = await service.update_policy(policy_id, patch, principal=None)
            if changed.version > version:
                report.updated += 1
            else:
                report.unchanged += 1
        else:
            report.unchanged += 1
        if progress is not None:
            progress(1)
    await _link(links, report)
    await rules.save()
    return report


async def _validate(
    number: int,
    text: str,
    report: ImportReport,
    labels: Labels,
    book: service.CodeBook,
    seen: set[str],
    rules: ImportedRules,
) -> PolicyIn | None:
    """One line as a valid policy, or ``None`` with the reason added to ``report``."""
    if not text.strip():
        return None
    try:
        raw = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        _reject(report, number, None, f"not valid JSON: {exc.msg} at column {exc.colno}")
        return None
    if not isinstance(raw, dict):
        _reject(report, number, None, "each line must be one JSON object")
        return None
    ext = raw.get("external_id")
    eligibility = raw.pop("eligibility", None)
    try:
        labels.translate(raw)
    except LabelError as exc:
        _reject(report, number, ext if isinstance(ext, str) else None, str(exc))
        return None
    try:
        data = PolicyIn.model_validate(raw)
    except ValidationError as exc:
        err = from_pydantic(exc)
        where = f"{err.field}: " if err.field else ""
        _reject(report, number, ext, f"{where}{err.message}")
        return None
    if not data.external_id:
        _reject(report, number, None, "external_id: required for imports")
        return None
    image = next((i for i, c in enumerate(data.illustrated) if c.image), None)
    if image is not None:
        _reject(
            report,
            number,
            data.external_id,
            f"illustrated.{image}.image: imports carry captions only; upload images "
            "in the back office",
        )
        return None
    if data.external_id in seen:
        _reject(report, number, data.external_id, "external_id: repeated in this file")
        return None
    try:
        service.check_codes(data, book)
    except AppError as exc:
        _reject(report, number, data.external_id, f"{exc.field}: {exc.message}")
        return None
    if eligibility is not None:
        try:
            await rules.check(data.external_id, eligibility)
        except AppError as exc:
            _reject(report, number, data.external_id, f"{exc.field}: {exc.message}")
            return None
    seen.add(data.external_id)
    return data


async def _link(links: list[tuple[int, str, list[str]]], report: ImportReport) -> None:
    """Related-policy links, once every policy of the file exists (links may point ahead)."""
    if not links:  # nothing to resolve: skip reading every policy's id and title
        return
    rows = await Policy.filter(external_id__isnull=False).values_list("external_id", "id", "title")
    ids = {ext: (pid, title) for ext, pid, title in rows}
    for number, ext, related in links:
        source, title = ids[ext]
        for ref in related:
            target = ids.get(ref)
            if target is None:
                report.warnings.append(
                    Rejection(number, ext, f"related: unknown policy {ref!r} (link skipped)")
                )
                continue
            if target[0] != source:
                await PolicyLink.get_or_create(
                    source_id=source,
                    target_id=target[0],
                    defaults={"relation": service.link_relation(title)},
                )
