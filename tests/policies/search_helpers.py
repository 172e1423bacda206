"""Small engine indexes for the search tests, built as the indexer builds them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import tantivy

from server.search.engine import SearchEngine, swap_current, write_meta
from server.search.indexer import add_documents
from server.search.phrases import NO_PHRASES, IndexedPhrases
from server.search.schema import PolicySource, fields_many, new_index


def text_source(
    pid: int,
    title: str,
    summary: str,
    body: str,
    *,
    status: str = "published",
    tags: tuple[tuple[str, str], ...] = (),
) -> PolicySource:
    """A policy that is only text (no number, date or classification unless given)."""
    return PolicySource(
        id=pid,
        title=title,
        doc_number="",
        issuer="x",
        publish_date=None,
        status=status,
        audience="both",
        stage="execution",
        summary=summary,
        body_text=body,
        tags=tags,
    )


def build_index(
    path: Path,
    sources: Sequence[PolicySource],
    phrases: IndexedPhrases = NO_PHRASES,
    *,
    delete_ids: Sequence[int] = (),
) -> tantivy.Index:
    """An index of ``sources`` at ``path`` (committed, merged, reloaded); ``delete_ids``
    are deleted after the first commit (they stay in the statistics until merged)."""
    index = new_index(path, reuse=False)
    writer = index.writer(50_000_000, 1)
    add_documents(writer, fields_many(sources, phrases))  # as the indexer does
    writer.commit()
    if delete_ids:
        for pid in delete_ids:
            writer.delete_documents_by_term("id", pid)
        writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def build_engine(
    root: Path,
    sources: Sequence[PolicySource],
    phrases: IndexedPhrases = NO_PHRASES,
    *,
    delete_ids: Sequence[int] = (),
) -> SearchEngine:
    """A search engine on an index of ``sources`` (see :func:`build_index`) made live under
    ``root``, as the indexer leaves one."""
    path = root / "idx"
    path.mkdir(parents=True)
    build_index(path, sources, phrases, delete_ids=delete_ids)
    write_meta(path, 0, phrases)
    swap_current(root, "idx")
    engine = SearchEngine(root)
    engine.refresh(force=True)
    return engine
