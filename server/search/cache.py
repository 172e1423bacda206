"""Short-lived in-process cache of result pages, keyed by the index generation.

An entry is served only while the index it was computed from is the live one (the
engine's :attr:`~server.search.engine.SearchEngine.generation` changes on every indexer
commit and every reload), so an edit shows as soon as the index has it, and the cache
needs no Redis at all: with Redis down, search still answers and still caches.

A page is stored under its canonical key (the validated parameters, so equal searches
written differently share it) and may also be stored under an *alias*, such as the raw
query string it was asked with: a repeated request is then answered without parsing or
validating its parameters again (an alias is only ever made from a request that passed
validation, and the same query string always parses the same way).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Generic, NamedTuple, TypeVar

log = logging.getLogger("zwgk.search")

V = TypeVar("V")


class CachedPage(NamedTuple):
    """A search response as sent, and what serving it counts towards hot words."""

    body: bytes
    #: ``(query, results)`` to count as one search of ``query`` (热词), or ``None``.
    hot: tuple[str, int] | None


class SearchCache(Generic[V]):
    def __init__(
        self, generation: Callable[[], str], ttl_seconds: float, max_entries: int = 4096
    ) -> None:
        self._generation = generation
        self._ttl = ttl_seconds
        self._max = max_entries
        #: key -> (expires at, generation, value), oldest first.
        self._entries: dict[str, tuple[float, str, V]] = {}
        #: alias -> its page's entry (the same tuple): keys only, no second copy of a page.
        self._aliases: dict[str, tuple[float, str, V]] = {}
        self._inflight: dict[str, asyncio.Task[V]] = {}

    @property
    def enabled(self) -> bool:
        return self._ttl > 0

    def peek(self, key: str) -> V | None:
        """The page under ``key`` (or an alias) if it is current and not past its time."""
        hit = self._aliases.get(key) or self._entries.get(key)
        if hit is None or hit[0] < time.monotonic() or hit[1] != self._generation():
            return None
        return hit[2]

    def _put(self, key: str, entry: tuple[float, str, V]) -> None:
        self._entries = _bounded(self._entries, key, self._max)
        self._entries.pop(key, None)  # a refreshed page counts as new (the oldest go first)
        self._entries[key] = entry

    def _put_alias(self, alias: str, entry: tuple[float, str, V]) -> None:
        # Several query strings may name one page: room for a few per page.
        self._aliases = _bounded(self._aliases, alias, 4 * self._max)
        self._aliases[alias] = entry

    async def get_or_compute(
        self, key: str, compute: Callable[[], Awaitable[V]], *, alias: str | None = None
    ) -> V:
        """The cached page for ``key``, computing it once even when many ask at once.

        The computation runs in its own task: a request that is cancelled (its client went
        away) stops waiting, but the computation goes on for everyone else waiting on it —
        one request's cancellation is never handed to the others. An entry past its time
        but of the current generation is served while one background task refreshes it.
        ``alias`` names the page too (see :meth:`peek`), with the page's own expiry.
        """
        if self._ttl <= 0:  # caching off: every request searches (no sharing at all)
            return await compute()
        generation = self._generation()
        hit = self._entries.get(key)
        if hit is not None and hit[1] == generation:
            if hit[0] < time.monotonic():
                self._flight(key, generation, compute)  # refresh in the background
            elif alias is not None:
                self._put_alias(alias, hit)
            return hit[2]
        value = await asyncio.shield(self._flight(key, generation, compute))
        entry = self._entries.get(key)
        if alias is not None and entry is not None and entry[2] is value:
            # The entry names the generation it was computed for: if the index moved on
            # meanwhile, peek() refuses it under the alias as well.
            self._put_alias(alias, entry)
        return value

    def _flight(
        self, key: str, generation: str, compute: Callable[[], Awaitable[V]]
    ) -> asyncio.Task[V]:
        flight_key = f"{generation}\x00{key}"
        task = self._inflight.get(flight_key)
        if task is None:
            task = asyncio.ensure_future(self._compute(flight_key, key, generation, compute))
            task.add_done_callback(_ignore_result)
            self._inflight[flight_key] = task
        return task

    async def _compute(
        self,
        flight_key: str,
        key: str,
        generation: str,
        compute: Callable[[], Awaitable[V]],
    ) -> V:
        try:
            value = await compute()
        finally:
            self._inflight.pop(flight_key, None)
        self._put(key, (time.monotonic() + self._ttl, generation, value))
        return value


def _bounded(
    entries: dict[str, tuple[float, str, V]], key: str, limit: int
) -> dict[str, tuple[float, str, V]]:
    """``entries`` with room for ``key``: expired entries go first, then the oldest quarter
    (entries are kept in insertion order)."""
    if len(entries) < limit or key in entries:
        return entries
    now = time.monotonic()
    kept = {k: v for k, v in entries.items() if v[0] >= now}
    if len(kept) >= limit:
        kept = dict(list(kept.items())[len(kept) // 4 + 1 :])
    return kept


def _ignore_result(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.debug("a shared search computation failed", exc_info=task.exception())
