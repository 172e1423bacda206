"""Short-lived in-process cache of result pages, keyed by the index generation.

An entry is served only while the index it was computed from is the live one (the
engine's :attr:`~server.search.engine.SearchEngine.generation` changes on every indexer
commit and every reload), so an edit shows as soon as the index has it, and the cache
needs no Redis at all: with Redis down, search still answers and still caches.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger("zwgk.search")

Value = tuple[str, int]


class SearchCache:
    def __init__(
        self, generation: Callable[[], str], ttl_seconds: float, max_entries: int = 4096
    ) -> None:
        self._generation = generation
        self._ttl = ttl_seconds
        self._max = max_entries
        self._entries: dict[str, tuple[float, str, str, int]] = {}
        self._inflight: dict[str, asyncio.Task[Value]] = {}

    def _put(self, key: str, generation: str, value: Value) -> None:
        if len(self._entries) >= self._max:
            now = time.monotonic()
            self._entries = {k: v for k, v in self._entries.items() if v[0] >= now}
            if len(self._entries) >= self._max:
                self._entries.clear()
        self._entries[key] = (time.monotonic() + self._ttl, generation, *value)

    async def get_or_compute(self, key: str, compute: Callable[[], Awaitable[Value]]) -> Value:
        """The cached page for ``key``, computing it once even when many ask at once.

        The computation runs in its own task: a request that is cancelled (its client went
        away) stops waiting, but the computation goes on for everyone else waiting on it —
        one request's cancellation is never handed to the others. An entry past its time
        but of the current generation is served while one background task refreshes it.
        """
        if self._ttl <= 0:  # caching off: every request searches (no sharing at all)
            return await compute()
        generation = self._generation()
        hit = self._entries.get(key)
        if hit is not None and hit[1] == generation:
            if hit[0] < time.monotonic():
                self._flight(key, generation, compute)  # refresh in the background
            return hit[2], hit[3]
        task = self._flight(key, generation, compute)
        return await asyncio.shield(task)

    def _flight(
        self, key: str, generation: str, compute: Callable[[], Awaitable[Value]]
    ) -> asyncio.Task[Value]:
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
        compute: Callable[[], Awaitable[Value]],
    ) -> Value:
        try:
            value = await compute()
        finally:
            self._inflight.pop(flight_key, None)
        self._put(key, generation, value)
        return value


def _ignore_result(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.debug("a shared search computation failed", exc_info=task.exception())
