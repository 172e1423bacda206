"""Policy search on Tantivy: one package, one entry point for the handlers.

* :mod:`~server.search.analysis` — normalization, tokens, query parsing, snippets;
* :mod:`~server.search.schema` — the index's fields and documents;
* :mod:`~server.search.query` — guarded query building, filters as indexed fields;
* :mod:`~server.search.engine` — the index on disk, reading and reloading (API side);
* :mod:`~server.search.indexer` — the one writer, following the change cursor;
* :mod:`~server.search.changes` — ``record_changes`` for every policy write;
* :mod:`~server.search.synonyms` — synonyms and zero-result relaxation;
* :mod:`~server.search.cache` and :mod:`~server.search.hotwords`.

Handlers call :func:`search_policies` with the app context (or an engine) and a
:class:`SearchQuery`; they get a :class:`SearchPage`.
"""

from server.search.changes import record_changes
from server.search.engine import SearchEngine, SearchUnavailable
from server.search.service import SearchPage, SearchQuery, search_policies, title_suggestions

__all__ = [
    "SearchEngine",
    "SearchPage",
    "SearchQuery",
    "SearchUnavailable",
    "record_changes",
    "search_policies",
    "title_suggestions",
]
