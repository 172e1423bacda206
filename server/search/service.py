"""The one entry point the handlers call: :func:`search_policies`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol

from server.core.errors import ValidationFailed
from server.search import query as qb
from server.search.analysis import ParsedQuery, Segment, parse_query
from server.search.engine import Page, SearchEngine, TextBuilder, list_item
from server.search.snippets import Highlighter
from server.search.synonyms import Synonyms, segment_words

#: Results beyond this rank are not served (deep pages cost the engine, help nobody).
MAX_RESULT_WINDOW = 2000

Match = Literal["exact", "related", "none"]


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__
# (1.65 against 0.25 µs for these 17, on every search); nothing changes one once built.
@dataclass(slots=True)
class SearchQuery:
    """What to search for. ``q`` empty means browse (filters only, newest first)."""

    q: str = ""
    scope: Literal["all", "title"] = "all"
    sort: Literal["relevance", "date", "stage"] = "relevance"
    topic: Sequence[str] = ()
    industry: Sequence[str] = ()
    issuer: Sequence[str] = ()
    stage: Sequence[str] = ()
    category: Sequence[str] = ()
    region_codes: Sequence[str] = ()
    audience: str | None = None
    status: str = "published"
    date_from: date | None = None
    date_to: date | None = None
    page: int = 1
    page_size: int = 10
    #: Type-ahead: the last word of ``q`` is a prefix; no synonyms, no relaxation.
    prefix_last: bool = False
    max_length: int = 64

    @classmethod
    def from_params(
        cls,
        params: Any,
        region_codes: Sequence[str] | None = None,
        *,
        browse: bool = False,
        max_length: int = 64,
    ) -> SearchQuery:
        """From the API's ``SearchParams``/``BrowseParams`` (``browse``: without a query)."""
        return cls(
            q="" if browse else params.q,
            scope=params.scope,
            sort=params.sort,
            topic=tuple(params.topic),
            industry=tuple(params.industry),
            issuer=tuple(params.issuer),
            stage=tuple(params.stage),
            category=tuple(params.category),
            region_codes=tuple(region_codes or ()),
            audience=params.audience.value if params.audience is not None else None,
            status=params.status,
            date_from=params.date_from,
            date_to=params.date_to,
            page=params.page,
            page_size=params.page_size,
            max_length=max_length,
        )

    def filters(self) -> qb.Filters:
        tags = [
            [f"{scheme}:{c}" for c in codes]
            for scheme, codes in (
                ("topic", self.topic),
                ("industry", self.industry),
                ("issuer", self.issuer),
                ("category", self.category),
                ("region", self.region_codes),
            )
            if codes
        ]
        return qb.Filters(
            statuses=[self.status],
            tags_any=tags,
            stages=list(self.stage),
            audiences=[self.audience, "both"] if self.audience else [],
            date_from=self.date_from,
            date_to=self.date_to,
        )


@dataclass
class SearchPage:
    items: list[dict[str, Any]]
    total: int
    page: int
    page_size: int
    #: ``exact``: matches the query as written (synonyms included); ``related``: found
    #: only after relaxing the query; ``none``: nothing found.
    match: Match = "exact"
    words: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "total": self.total,
            "page": self.page,
            "page_size": self.page_size,
            "match": self.match,
        }


class _HasEngine(Protocol):
    search_engine: SearchEngine
    synonyms: Synonyms


def parse(q: str, max_length: int, *, prefix_last: bool = False) -> ParsedQuery:
    """A validated query: 1 to ``max_length`` characters with something to search for."""
    q = q.strip()
    if not q:
        raise ValidationFailed("enter something to search for", field="q")
    if len(q) > max_length:
        raise ValidationFailed(f"the query is longer than {max_length} characters", field="q")
    pq = parse_query(q, prefix_last=prefix_last)
    if not pq:
        raise ValidationFailed("the query has no letters, digits or Chinese characters", field="q")
    return pq


def _engine(target: SearchEngine | _HasEngine) -> tuple[SearchEngine, Synonyms | None]:
    if isinstance(target, SearchEngine):
        return target, None
    return target.search_engine, getattr(target, "synonyms", None)


def _fields(scope: str) -> tuple[str, ...]:
    return ("title",) if scope == "title" else ("title", "summary", "body")


def search_policies(
    target: SearchEngine | _HasEngine,
    query: SearchQuery,
    *,
    synonyms: Synonyms | None = None,
    parsed: ParsedQuery | None = None,
) -> SearchPage:
    """One page of policies for ``query``, answered by the engine alone (no database).

    ``target`` is the engine or the app context holding it (``app.ctx``); ``parsed`` is
    ``query.q`` as :func:`parse` gave it, when the caller has already parsed it. Raises
    :class:`~server.core.errors.ValidationFailed` for an unusable query and
    :class:`~server.search.engine.SearchUnavailable` while no index is ready.
    """
    engine, ctx_synonyms = _engine(target)
    synonyms = synonyms or ctx_synonyms
    offset = (query.page - 1) * query.page_size
    limit = query.page_size
    if offset >= MAX_RESULT_WINDOW:
        offset, limit = MAX_RESULT_WINDOW, 0
    else:
        limit = min(limit, MAX_RESULT_WINDOW - offset)
    filters = query.filters()
    fields = _fields(query.scope)
    if not query.q.strip():
        page = _run(engine, None, filters, query.sort, offset, limit)
        return _page(query, page, None, "exact")
    pq = parsed or parse(query.q, query.max_length, prefix_last=query.prefix_last)
    use_synonyms = synonyms is not None and not query.prefix_last
    segments: list[list[Segment]] = [
        synonyms.expand(seg) if use_synonyms and synonyms is not None else [seg]
        for seg in pq.segments
    ]
    page = _run(
        engine,
        lambda phrases: qb.text_query(segments, fields, phrases),
        filters,
        query.sort,
        offset,
        limit,
    )
    if page.total or query.prefix_last:
        return _page(query, page, _highlight_terms(pq, segments), "exact")
    # Nothing as written: relax (words by jieba, synonyms, all words, then any word).
    words = segment_words(query.q)
    if not words:
        return _page(query, page, pq, "none")
    word_alts: list[list[Segment]] = []
    for w in words:
        for seg in parse_query(w).segments:
            word_alts.append(synonyms.expand(seg) if synonyms is not None else [seg])
    attempts: list[TextBuilder] = [lambda phrases: qb.text_query(word_alts, fields, phrases)]
    if len(word_alts) > 1:
        attempts.append(lambda phrases: qb.any_word_query(word_alts, fields, phrases))
    for build in attempts:
        page = _run(engine, build, filters, query.sort, offset, limit)
        if page.total:
            related = _highlight_terms(pq, word_alts, first_word=len(pq.segments))
            result = _page(query, page, related, "related")
            result.words = words
            return result
    return _page(query, page, pq, "none")


def _run(
    engine: SearchEngine,
    build: TextBuilder | None,
    filters: qb.Filters,
    sort: str,
    offset: int,
    limit: int,
) -> Page:
    if limit <= 0:
        counted = engine.run(build, filters, sort=sort, offset=0, limit=1)
        return Page([], counted.total)
    return engine.run(build, filters, sort=sort, offset=offset, limit=limit)


def _highlight_terms(
    pq: ParsedQuery, alternatives: list[list[Segment]], first_word: int = 0
) -> ParsedQuery:
    """``pq`` with the texts of ``alternatives`` marked too: list ``i`` (a segment and its
    synonyms, or a relaxed word and its synonyms) shows the query word ``first_word + i``
    (see ``ParsedQuery.term_words``)."""
    words = dict(zip(pq.highlight_terms, pq.term_words, strict=True))
    for i, alts in enumerate(alternatives):
        for seg in alts:
            words.setdefault(seg.text, first_word + i)
    if len(words) == len(pq.highlight_terms):
        return pq  # no synonym shows another text
    terms = sorted(words, key=lambda t: (-len(t), t))
    return ParsedQuery(pq.segments, tuple(terms), pq.open_terms, tuple(words[t] for t in terms))


def _page(query: SearchQuery, page: Page, pq: ParsedQuery | None, match: Match) -> SearchPage:
    marks = Highlighter.of(pq) if pq is not None else None  # once for the page's items
    items = [list_item(hit, marks) for hit in page.hits]
    if match == "exact" and page.total == 0 and query.q.strip():
        match = "none"
    return SearchPage(items, page.total, query.page, query.page_size, match)


def title_suggestions(
    target: SearchEngine | _HasEngine, q: str, limit: int, max_length: int = 64
) -> list[dict[str, Any]]:
    """Titles of published policies matching what the user has typed so far."""
    page = search_policies(
        target,
        SearchQuery(q=q, scope="title", page_size=limit, prefix_last=True, max_length=max_length),
    )
    return [{"text": i["title"], "policy_id": i["id"]} for i in page.items]
