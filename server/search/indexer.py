"""The write side: the one process per host that owns the index writer.

Tantivy allows one writer per index (a second gets ``LockBusy``), so exactly one indexer
runs per host: ``zwgk indexer`` (started by ``zwgk up``), or, with
``SearchSettings.indexer = "embedded"`` (tests, a single-process dev server), a task inside
the API process. It follows the ``policy_changes`` cursor, re-reads changed policies from
the database and commits; readers reload on commit. :meth:`Indexer.rebuild` builds a new
index from the database in a fresh directory and swaps it in atomically.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import shutil
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol

import orjson
import tantivy

from server.core.db import connection, placeholders
from server.search import changes
from server.search.engine import live_dir, read_meta, swap_current, usable, write_meta
from server.search.phrases import NO_PHRASES, IndexedPhrases
from server.search.schema import (
    INDEXED_STATUSES,
    SCHEMA,
    Fields,
    PolicySource,
    fields_many,
    new_index,
)
from server.search.synonyms import load_groups

log = logging.getLogger("zwgk.search.indexer")

_COLUMNS = (
    "id",
    "title",
    "doc_number",
    "issuer",
    "issuer_code",
    "publish_date",
    "status",
    "audience",
    "stage",
    "summary",
    "body_text",
    "topics",
    "industries",
    "categories",
    "regions",
)
_JSON_COLUMNS = ("topics", "industries", "categories", "regions")
#: Policies read per database query (bounded ``IN`` lists and memory).
BATCH = 500
#: A rebuild or backlog of at least this many policies builds documents in worker processes.
PARALLEL_FROM = 5_000
#: While working through a long backlog, commit at least this often (search freshness).
COMMIT_SECONDS = 1.0
#: The writer's memory budget: a segment is flushed when it is full. Fewer, bigger segments
#: make every search cheaper (each segment is searched on its own: 20,000 policies in one
#: segment instead of two, 13 % less time per query of the bench mix); ~45,000 policies
#: fit. The memory is taken as documents arrive, not when the writer opens.
HEAP_BYTES = 256_000_000
#: How often the following indexer compares the synonym groups with the phrases its index
#: holds (a group that gained a multi-character term makes it rebuild the index).
PHRASE_CHECK_SECONDS = 30.0


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_list(value: Any) -> list[str]:
    """A JSON column as read by raw SQL: text on SQLite (and from asyncpg's ``jsonb``)."""
    if value is None:
        return []
    return value if isinstance(value, list) else list(orjson.loads(value))


def _source(row: dict[str, Any]) -> PolicySource:
    from server.policies.service import _tags

    filed = SimpleNamespace(
        stage=row["stage"],
        issuer_code=row["issuer_code"],
        **{name: _as_list(row[name]) for name in _JSON_COLUMNS},
    )
    return PolicySource(
        id=int(row["id"]),
        title=row["title"],
        doc_number=row["doc_number"] or "",
        issuer=row["issuer"],
        publish_date=_as_date(row["publish_date"]),
        status=row["status"],
        audience=row["audience"],
        stage=row["stage"],
        summary=row["summary"] or "",
        body_text=row["body_text"] or "",
        tags=tuple(_tags(filed)),
    )


#: What the index needs of a policy, as one raw query (the ORM's per-value conversion was
#: a tenth of the indexer's time); JSON and date columns are decoded in :func:`_source`.
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in _COLUMNS) + ' FROM "policies"'


async def _load(ids: Sequence[int]) -> list[dict[str, Any]]:
    conn = connection()
    out: list[dict[str, Any]] = []
    for start in range(0, len(ids), BATCH):
        chunk = [int(i) for i in ids[start : start + BATCH]]
        marks = ", ".join(placeholders(len(chunk), conn))
        out += await conn.execute_query_dict(f'{_SELECT} WHERE "id" IN ({marks})', chunk)
    return out


def _documents(rows: list[dict[str, Any]], phrases: IndexedPhrases) -> list[Fields]:
    """The engine documents (as dicts) of the indexed policies among ``rows``."""
    return fields_many([_source(r) for r in rows if r["status"] in INDEXED_STATUSES], phrases)


def add_documents(writer: tantivy.IndexWriter, docs: list[Fields]) -> None:
    """Hand documents made by :func:`~server.search.schema.fields_many` to the writer (the
    bindings convert each dict in Rust)."""
    for doc in docs:
        writer.add_document(tantivy.Document.from_dict(doc, SCHEMA))


async def _indexed_rows() -> AsyncIterator[list[dict[str, Any]]]:
    """Every indexed policy's columns, in id order, ``BATCH`` rows at a time."""
    conn = connection()
    statuses = sorted(INDEXED_STATUSES)
    marks = placeholders(2 + len(statuses), conn)
    # Parameters in the order they appear (SQLite's ``?`` are positional).
    sql = (
        f'{_SELECT} WHERE "id" > {marks[0]} AND "status" IN ({", ".join(marks[1:-1])}) '
        f'ORDER BY "id" LIMIT {marks[-1]}'
    )
    last = 0
    while True:
        rows = await conn.execute_query_dict(sql, [last, *statuses, BATCH])
        if not rows:
            return
        last = int(rows[-1]["id"])
        yield rows


async def _indexed_count() -> int:
    from server.policies.models import Policy

    return await Policy.filter(status__in=sorted(INDEXED_STATUSES)).count()


class _Builder(Protocol):
    parallel: int

    def __call__(self, rows: list[dict[str, Any]]) -> asyncio.Future[list[Fields]]: ...


@asynccontextmanager
async def _document_builder(policies: int, phrases: IndexedPhrases) -> AsyncIterator[_Builder]:
    """Builds engine documents from rows: in worker processes when ``policies`` (how many
    are about to be built) repay starting them (a document is ~0.1 ms of CPU, most of it
    Python), else in a thread."""
    loop = asyncio.get_running_loop()
    cpus = os.cpu_count() or 1
    big = cpus > 1 and policies >= PARALLEL_FROM
    # Spawned, not forked: this process runs the engine's writer threads and the
    # database driver's, and a fork copies their locks mid-state.
    pool = (
        ProcessPoolExecutor(cpus, mp_context=multiprocessing.get_context("spawn")) if big else None
    )

    class Build:
        parallel = cpus if pool is not None else 1

        def __call__(self, rows: list[dict[str, Any]]) -> asyncio.Future[list[Fields]]:
            if pool is None:
                return asyncio.ensure_future(asyncio.to_thread(_documents, rows, phrases))
            return loop.run_in_executor(pool, _documents, rows, phrases)

    try:
        yield Build()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


class Indexer:
    """Owns the writer of the live index of ``root``."""

    def __init__(
        self,
        root: Path,
        *,
        heap_bytes: int = HEAP_BYTES,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        self.root = root
        self.heap_bytes = heap_bytes
        #: Called after every commit and swap; the embedded indexer lets its own process's
        #: engine reload at once instead of at its next periodic check.
        self.on_commit = on_commit
        self._path: Path | None = None
        self._index: tantivy.Index | None = None
        self._writer: tantivy.IndexWriter | None = None
        self.cursor = 0
        #: The phrase tokens of the open index (fixed per index: see ``phrases``).
        self.phrases = NO_PHRASES
        self._lock = asyncio.Lock()

    # ------------------------------------------------------------------ writer

    def _open(self, path: Path) -> None:
        self.close()
        index = new_index(path, reuse=True)
        self._writer = index.writer(self.heap_bytes, 1)
        self._index = index
        self._path = path
        meta = read_meta(path)
        self.cursor = int((meta or {}).get("cursor", 0))
        self.phrases = IndexedPhrases.from_meta(meta)

    def close(self) -> None:
        if self._writer is not None:
            try:
                self._writer.wait_merging_threads()
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:
                log.warning("merging threads did not finish cleanly", exc_info=True)
        self._writer = None
        self._index = None
        self._path = None

    def _follow_current(self) -> bool:
        """(Re)open the writer on the live directory; ``False`` when there is none yet."""
        path = live_dir(self.root)
        if not usable(path):
            return False
        assert path is not None
        if self._path != path:
            self._open(path)
        return True

    # ------------------------------------------------------------------ operations

    async def ensure(self) -> None:
        """Open the live index, or build one when it is missing, corrupt or outdated."""
        async with self._lock:
            if self._follow_current():
                return
        log.info("no usable search index under %s: building it from the database", self.root)
        await self.rebuild()

    async def rebuild(self) -> int:
        """Build a new index from the database next to the live one, then swap it in.

        Search keeps answering from the old index meanwhile. Returns the number of
        documents indexed.
        """
        async with self._lock:
            self.root.mkdir(parents=True, exist_ok=True)
            old = live_dir(self.root)
            name = f"idx-{time.strftime('%Y%m%dT%H%M%S')}-{time.monotonic_ns() % 1_000_000:06d}"
            path = self.root / name
            path.mkdir()
            cursor = await changes.latest_change(connection())
            phrases = IndexedPhrases.of_groups(await load_groups())
            index = new_index(path, reuse=False)
            writer = index.writer(self.heap_bytes, 1)
            count = 0
            async with _document_builder(await _indexed_count(), phrases) as build:
                pending: deque[asyncio.Future[list[Fields]]] = deque()
                async for rows in _indexed_rows():
                    pending.append(build(rows))
                    # Keep every builder busy while the writer takes finished batches.
                    while len(pending) > 2 * build.parallel or (pending and pending[0].done()):
                        docs = await pending.popleft()
                        add_documents(writer, docs)
                        count += len(docs)
                while pending:
                    docs = await pending.popleft()
                    add_documents(writer, docs)
                    count += len(docs)
            await asyncio.to_thread(writer.commit)
            await asyncio.to_thread(writer.wait_merging_threads)
            write_meta(path, cursor, phrases)
            self.close()
            swap_current(self.root, name)
            self._open(path)
            # Keep the previous index (processes may still read it until they reload);
            # anything older goes.
            for stale in self.root.glob("idx-*"):
                if stale not in (path, old) and stale.is_dir():
                    shutil.rmtree(stale, ignore_errors=True)
            log.info("search index rebuilt: %d policies in %s", count, path)
        if self.on_commit is not None:
            self.on_commit()
        return count

    async def catch_up(self) -> int:
        """Apply every recorded change after the cursor; returns how many were applied.

        Changes are read ``BATCH`` at a time and applied in order (a batch's policies
        deleted, then re-added as the database has them). A long backlog — a bulk import
        followed live — has its documents made in worker processes while the next batches
        are read, and is committed at least every ``COMMIT_SECONDS``, so what was imported
        first is searchable while the rest is still being indexed.
        """
        applied = 0
        async with self._lock:
            if not self._follow_current():
                return 0
            backlog = await changes.latest_change(connection()) - self.cursor
            if backlog <= 0:
                return 0
            writer = self._writer
            path = self._path
            assert writer is not None and path is not None
            committed_at = time.monotonic()
            async with _document_builder(backlog, self.phrases) as build:
                pending: deque[tuple[int, list[int], asyncio.Future[list[Fields]]]] = deque()
                read_to = self.cursor
                done = False
                while pending or not done:
                    if not done and len(pending) <= 2 * build.parallel:
                        rows = await changes.changes_after(connection(), read_to, BATCH)
                        if rows:
                            read_to = rows[-1][0]
                            ids = sorted({pid for _, pid in rows})
                            pending.append((read_to, ids, build(await _load(ids))))
                        else:
                            done = True
                        if not (pending and (done or pending[0][2].done())):
                            continue
                    upto, ids, built = pending.popleft()
                    docs = await built
                    for pid in ids:
                        writer.delete_documents_by_term("id", pid)
                    add_documents(writer, docs)
                    applied += len(ids)
                    if not pending or time.monotonic() - committed_at >= COMMIT_SECONDS:
                        await asyncio.to_thread(writer.commit)
                        self.cursor = upto
                        write_meta(path, upto, self.phrases)
                        committed_at = time.monotonic()
        if applied and self.on_commit is not None:
            self.on_commit()
        return applied

    async def phrases_outdated(self) -> bool:
        """Whether the synonym groups hold a phrase the open index does not (it is then
        searched as a phrase: correct, but slower until a rebuild)."""
        wanted = IndexedPhrases.of_groups(await load_groups())
        return not set(wanted.terms) <= set(self.phrases.terms)

    async def run_forever(self, interval: float = 0.2) -> None:
        """Follow the change cursor until cancelled (the ``zwgk indexer`` loop), and
        rebuild when the synonyms gained a phrase the index does not hold."""
        checked = time.monotonic()
        while True:
            try:
                if not usable(live_dir(self.root)):
                    await self.ensure()
                await self.catch_up()
                if time.monotonic() - checked >= PHRASE_CHECK_SECONDS:
                    checked = time.monotonic()
                    if await self.phrases_outdated():
                        log.info("the synonyms hold new phrases: rebuilding the search index")
                        await self.rebuild()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("search indexer pass failed; retrying")
                await asyncio.sleep(2.0)
            await asyncio.sleep(interval)
