"""The index on disk and the read side: open, reload on commit, search, facets.

Layout (``SearchSettings.index_dir``, default ``var/search``)::

    var/search/CURRENT          name of the live index directory (swapped atomically)
    var/search/idx-<stamp>/     one Tantivy index + ``zwgk.json`` (schema version, cursor)

The indexer (:mod:`server.search.indexer`) is the only writer. API processes open the live
directory read-only and reload when ``CURRENT`` names another directory or the cursor in the
indexer's ``zwgk.json`` moves (the indexer rewrites it after every commit), checked at most
every ``RELOAD_CHECK_SECONDS``. The check compares contents, not modification times: two
commits within one timestamp tick of the file system would otherwise look like one.
"""

from __future__ import annotations

import html
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import tantivy

from server.core.errors import AppError
from server.core.jsonutil import loads
from server.search import query as qb
from server.search.phrases import (
    NO_PHRASES,
    IndexedPhrases,
    PhraseLookup,
    PhrasePlan,
    phrase_lookup,
)
from server.search.schema import (
    INDEXED_STATUSES,
    SCHEMA_VERSION,
    STAGE_RANK,
    SUMMARY_CLIP,
    open_index,
)
from server.search.snippets import Highlighter, Known, known

log = logging.getLogger("zwgk.search")

CURRENT = "CURRENT"
META = "zwgk.json"
RELOAD_CHECK_SECONDS = 0.1
#: Result-list items kept decoded per process (Solr's "document cache"): reading one
#: from the engine decompresses its store block (~11 µs) and decodes its JSON; popular
#: policies appear on many result pages. ~2 KB each.
DOC_CACHE_ENTRIES = 4096

#: Stored items by document address, for one reader generation (addresses are only
#: meaningful within one: the reader reloads only when this engine says so): the policy
#: id, the item, and what is known of its title and window (:func:`~snippets.known`).
DocCache = dict[tuple[int, int], tuple[int, dict[str, Any], tuple[Known, Known]]]
#: Builds the text part of a query, given how this index holds phrases (see
#: :func:`server.search.query.text_query`): the engine calls it with the reader it
#: searches, so a query never names phrase tokens that reader's index lacks.
TextBuilder = Callable[[PhraseLookup | None], tantivy.Query]


class SearchUnavailable(AppError):
    """No usable index yet (being built): the API answers 503 ``search_unavailable``."""

    status = 503
    code = "search_unavailable"


def read_meta(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_meta(path: Path, cursor: int, phrases: IndexedPhrases) -> None:
    """Record what the index at ``path`` holds: its schema version, the change cursor it is
    current to, and its phrase tokens (see :mod:`server.search.phrases`)."""
    tmp = path / (META + ".tmp")
    meta = {"schema_version": SCHEMA_VERSION, "cursor": cursor, "phrases": list(phrases.terms)}
    tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path / META)


def live_dir(root: Path) -> Path | None:
    """The live index directory named by ``CURRENT`` (``None`` when there is none)."""
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = root / name
    return path if name and path.is_dir() else None


def usable(path: Path | None) -> bool:
    """A complete index of this schema version (the indexer writes the meta file last)."""
    if path is None:
        return False
    meta = read_meta(path)
    return bool(meta and meta.get("schema_version") == SCHEMA_VERSION)


def swap_current(root: Path, name: str) -> None:
    """Point ``CURRENT`` at ``name`` atomically (readers see the old or the new, never half)."""
    tmp = root / (CURRENT + ".tmp")
    tmp.write_text(name, encoding="utf-8")
    os.replace(tmp, root / CURRENT)


class Hit(NamedTuple):
    """One result: the policy id, its score and its stored list item (a tuple: a page
    makes ten of them, and a tuple is made in C)."""

    id: int
    score: float
    item: dict[str, Any]
    #: What is known of the item's title and window (see ``snippets.Known``).
    known: tuple[Known, Known] | None = None


class Page(NamedTuple):
    hits: list[Hit]
    total: int


@dataclass
class _State:
    path: Path
    index: tantivy.Index
    stamp: tuple[str, int]  # (live directory name, committed cursor)
    cursor: int
    #: Documents per status (deleted ones included until merged): which side of the
    #: status filter is cheaper to name (see ``query.filter_parts``).
    status_counts: dict[str, int] | None = None
    generation: str = ""
    docs: DocCache = field(default_factory=dict)
    phrases: IndexedPhrases = NO_PHRASES
    #: (field, segment tokens) → how it is searched (index statistics of this reader
    #: generation; see ``phrases.phrase_lookup``).
    phrase_plans: dict[tuple[str, tuple[str, ...]], PhrasePlan | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.generation = f"{self.path.name}:{self.cursor}"


@dataclass
class SearchEngine:
    """Read-only access to the live index of this host."""

    root: Path
    _state: _State | None = None
    _checked: float = 0.0
    _facets: tuple[tuple[str, int], dict[tuple[str, str], int]] | None = field(
        default=None, repr=False
    )

    # ------------------------------------------------------------------ life cycle

    def refresh(self, *, force: bool = False) -> None:
        """Pick up the indexer's latest commit (cheap: two small file reads at most every
        ``RELOAD_CHECK_SECONDS``; ``force`` checks now)."""
        now = time.monotonic()
        if not force and now - self._checked < RELOAD_CHECK_SECONDS:
            return
        self._checked = now
        path = live_dir(self.root)
        meta = None if path is None else read_meta(path)
        if path is None or meta is None:
            return
        stamp = (path.name, int(meta.get("cursor", 0)))
        state = self._state
        if state is not None and state.stamp == stamp:
            return
        if meta.get("schema_version") != SCHEMA_VERSION:
            return
        try:
            if state is not None and state.path == path:
                state.index.reload()
                index = state.index
            else:
                index = open_index(path)
                # Reloads happen here only, with a new state (and document cache), never
                # behind this engine's back.
                index.config_reader("Manual", 0)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            log.exception("search index at %s could not be opened", path)
            return
        self._state = _State(path, index, stamp, stamp[1], phrases=IndexedPhrases.from_meta(meta))
        self._facets = None

    @property
    def ready(self) -> bool:
        self.refresh()
        return self._state is not None

    @property
    def generation(self) -> str:
        """Changes whenever the searchable content may have changed (cache key part)."""
        state = self._state
        return "" if state is None else state.generation

    @property
    def cursor(self) -> int:
        return 0 if self._state is None else self._state.cursor

    def searcher(self) -> tantivy.Searcher:
        return self._searcher()[0]

    def _searcher(self) -> tuple[tantivy.Searcher, DocCache]:
        self.refresh()
        state = self._state
        if state is None:
            raise SearchUnavailable("the search index is being built; try again in a minute")
        return state.index.searcher(), state.docs

    def _status_counts(self, searcher: tantivy.Searcher) -> dict[str, int] | None:
        """Documents per indexed status, deleted ones included until merged (cached per
        reader generation)."""
        state = self._state
        if state is None:
            return None
        if state.status_counts is None:
            state.status_counts = {
                s: int(searcher.doc_freq("status", s)) for s in sorted(INDEXED_STATUSES)
            }
        return state.status_counts

    def _max_doc(self, searcher: tantivy.Searcher) -> int:
        """The document count the engine's BM25 uses: deleted documents included until
        merged, as in its document frequencies (every document has one indexed status)."""
        return sum((self._status_counts(searcher) or {}).values())

    def _phrase_lookup(self, searcher: tantivy.Searcher) -> PhraseLookup | None:
        """How segments of several tokens are searched in the index ``searcher`` reads
        (phrase tokens, or phrases of fewer tokens; see :mod:`server.search.phrases`)."""
        state = self._state
        if state is None:
            return None
        return phrase_lookup(
            lambda field_name, term: int(searcher.doc_freq(field_name, term)),
            self._max_doc(searcher),
            state.phrases,
            state.phrase_plans,
        )

    def _filters(self, searcher: tantivy.Searcher, filters: qb.Filters) -> qb.FilterParts:
        return qb.filter_parts(filters, self._status_counts(searcher))

    # ------------------------------------------------------------------ searching

    def run(
        self,
        build: TextBuilder | None,
        filters: qb.Filters,
        *,
        sort: str,
        offset: int,
        limit: int,
    ) -> Page:
        """One page of hits in the documented order (see :func:`_ranked`); ``build``
        makes the text query (``None``: filters only, as browsing)."""
        searcher, docs = self._searcher()
        text = None
        if build is not None:
            lookup = self._phrase_lookup(searcher)
            text = qb.guarded(lambda: build(lookup))
        if sort == "stage":
            return qb.guarded(lambda: self._by_stage(searcher, docs, text, filters, offset, limit))
        query = qb.guarded(lambda: qb.combine(text, self._filters(searcher, filters)))
        if text is None or sort == "date":
            return qb.guarded(lambda: _by_key(searcher, docs, query, offset, limit))
        return qb.guarded(lambda: _ranked(searcher, docs, query, offset, limit))

    def _by_stage(
        self,
        searcher: tantivy.Searcher,
        docs: DocCache,
        text: tantivy.Query | None,
        filters: qb.Filters,
        offset: int,
        limit: int,
    ) -> Page:
        """Stage order (决策 … 结果), then relevance (or newest) within a stage."""
        hits: list[Hit] = []
        total = 0
        for stage in STAGE_RANK:
            if filters.stages and stage not in filters.stages:
                continue
            f = qb.Filters(
                statuses=filters.statuses,
                tags_any=filters.tags_any,
                stages=[stage],
                audiences=filters.audiences,
                date_from=filters.date_from,
                date_to=filters.date_to,
                extra=filters.extra,
            )
            query = qb.combine(text, self._filters(searcher, f))
            count = _count(searcher.search(query, 1, count=True))
            if count == 0:
                continue
            start = max(0, offset - total)
            want = offset + limit - max(total, offset)
            if start < count and want > 0:
                part = (
                    _ranked(searcher, docs, query, start, want)
                    if text is not None
                    else _by_key(searcher, docs, query, start, want)
                )
                hits += part.hits
            total += count
        return Page(hits[:limit], total)

    def facet_counts(self, statuses: Sequence[str] = ("published",)) -> dict[tuple[str, str], int]:
        """Policies per (scheme, code) tag, counted by the engine (cached per commit)."""
        searcher = self.searcher()
        key = (",".join(statuses), hash(self.generation))
        if self._facets is not None and self._facets[0] == key:
            return self._facets[1]
        status_q = qb.guarded(
            lambda: qb.combine(None, self._filters(searcher, qb.Filters(statuses=statuses)))
        )
        counts: dict[tuple[str, str], int] = {}
        for term, n in searcher.terms_with_prefix("tags", "", filter_query=status_q):
            scheme, _, code = str(term).partition(":")
            if n:
                counts[(scheme, code)] = int(n)
        self._facets = (key, counts)
        return counts


def _count(result: tantivy.SearchResult) -> int:
    return int(getattr(result, "count", 0) or 0)


def _hits(searcher: tantivy.Searcher, docs: DocCache, scored: list[tuple[float, Any]]) -> list[Hit]:
    """The hits with their stored list items (decoded once per reader generation)."""
    out = []
    for score, address in scored:
        key = (address.segment_ord, address.doc)
        cached = docs.get(key)
        if cached is None:
            doc = searcher.doc(address)
            stored: Any = doc.get_first("item")
            policy_id: Any = doc.get_first("id")
            item = loads(stored)
            cached = (int(policy_id), item, (known(item["title"]), known(item["window"])))
            if len(docs) >= DOC_CACHE_ENTRIES:
                docs.clear()  # cheap and rare: the popular ones come straight back
            docs[key] = cached
        out.append(Hit(cached[0], float(score), cached[1], cached[2]))
    return out


def _by_key(
    searcher: tantivy.Searcher, docs: DocCache, query: tantivy.Query, offset: int, limit: int
) -> Page:
    """Newest first, then highest id (browse, and ``sort=date``)."""
    result = searcher.search(
        query, limit, count=True, order_by_field="sort_key", offset=offset, order=tantivy.Order.Desc
    )
    return Page(_hits(searcher, docs, [(0.0, a) for _, a in result.hits]), _count(result))


def _ranked(
    searcher: tantivy.Searcher, docs: DocCache, query: tantivy.Query, offset: int, limit: int
) -> Page:
    """Top hits by score, ties broken by newest then highest id — exactly, across pages.

    The engine gives the top ``k`` by score; when hits tied with the page's last one may
    lie beyond ``k``, ``k`` grows until the tie group is complete, then the candidates are
    ordered by (score, sort key).
    """
    need = offset + limit
    k = max(need + 1, 16)
    while True:
        result = searcher.search(query, k, count=True)
        hits = result.hits
        total = _count(result)
        if len(hits) >= total or len(hits) <= need or hits[-1][0] < hits[need - 1][0]:
            break
        k *= 4
    if not hits:
        return Page([], total)
    # The engine gives hits by score, highest first. Without two equal scores up to the
    # one after the page's last, the page is those hits as they are (the later ones score
    # lower still); otherwise tied hits are put in sort-key order.
    if all(a[0] != b[0] for a, b in itertools.pairwise(hits[: need + 1])):
        return Page(_hits(searcher, docs, hits[offset:need]), total)
    addresses = [a for _, a in hits]
    keys = searcher.fast_field_values("sort_key", addresses)
    order = sorted(range(len(hits)), key=lambda i: (-hits[i][0], -(keys[i] or 0)))
    chosen = [hits[i] for i in order[offset:need]]
    return Page(_hits(searcher, docs, chosen), total)


# --------------------------------------------------------------------------- list items


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width] + "…"


def list_item(hit: Hit, marks: Highlighter | None) -> dict[str, Any]:
    """A result-list item from the stored fields (titles highlighted with ``marks``,
    snippet cut from the stored window: bounded work per item)."""
    it = hit.item
    if marks is not None:
        title_known, window_known = hit.known or (None, None)
        # The window was collapsed when indexed.
        snippet = marks.snippet(it["window"], collapsed=True, known=window_known)
        if it.get("cut") and not snippet.endswith("…"):
            snippet += "…"
        title = marks.title(it["title"], title_known)
    else:
        snippet = html.escape(_clip(it["summary"] or it["window"], SUMMARY_CLIP))
        title = html.escape(it["title"])
    return {
        "id": hit.id,
        "title": it["title"],
        "title_highlighted": title,
        "doc_number": it["doc_number"],
        "issuer": it["issuer"],
        "publish_date": it["publish_date"],
        "stage": it["stage"],
        "audience": it["audience"],
        "snippet": snippet,
    }


_CURRENT: list[Any] = []


def set_current(engine: SearchEngine, synonyms: Any) -> None:
    """Register this process's engine (for code that has no app context at hand)."""
    _CURRENT[:] = [engine, synonyms]


def current() -> tuple[SearchEngine, Any]:
    """This process's engine and synonyms; :class:`SearchUnavailable` when none is open."""
    if not _CURRENT:
        raise SearchUnavailable("search is not open in this process")
    return _CURRENT[0], _CURRENT[1]
