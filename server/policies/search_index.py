"""Compatibility shim: the policy search moved to :mod:`server.search` (Tantivy).

Code written against the old module keeps working until it is repointed at
``server.search.search_policies(app.ctx, SearchQuery(...))``: :func:`search` answers from
the engine of this process (registered when the app opened it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from server.search import engine as _engine
from server.search.analysis import ParsedQuery
from server.search.service import SearchQuery, parse, search_policies

__all__ = ["SearchResult", "parse", "search"]


@dataclass
class SearchResult:
    items: list[dict[str, Any]]
    total: int


async def search(
    params: Any,
    *,
    pq: ParsedQuery | None,
    region_codes: list[str] | None,
    statuses: list[str],
) -> SearchResult:
    """One page of matching policies and the total (``pq`` None: browse by filters)."""
    engine, synonyms = _engine.current()
    query = SearchQuery.from_params(params, region_codes)
    query = replace(query, q="" if pq is None else params.q, status=statuses[0])
    page = search_policies(engine, query, synonyms=synonyms)
    return SearchResult(page.items, page.total)
