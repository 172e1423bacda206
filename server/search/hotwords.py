"""Hot words (热词) and misses (what residents look for and do not find), kept in Redis.

Counts collect in process and are added to the day's sorted set in batches. Redis is not
needed to search: when it is down, counts wait in memory (bounded) and the hot-word list
is empty; nothing about who searched is kept in Redis.

The hot-word list is public, so a stranger must not be able to write on it:

* only terms made of letters, digits, CJK ideographs and single spaces count
  (:func:`is_countable`; no punctuation, symbols, URLs, emoji or control characters);
* one client (``server.core.middleware.client_ip``) contributes at most
  ``search.hot_words_per_client_hour`` counts an hour; the budget is kept in memory by
  each API process (a bounded LRU of client addresses), so search never waits on Redis
  and the limit is per process;
* admins block terms (table ``search_blocked_terms``, merged with
  ``search.blocked_hot_words``): never counted and never shown.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from server.core.clock import local_today
from server.search.analysis import normalize

log = logging.getLogger("zwgk.search")

#: Function words and fillers that say nothing as hot words.
STOP_WORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "是",
        "在",
        "对",
        "为",
        "等",
        "有",
        "把",
        "被",
        "就",
        "也",
        "都",
        "而",
        "及其",
        "以及",
        "关于",
        "通知",
        "有关",
        "一个",
        "我们",
        "什么",
        "怎么",
        "如何",
        "哪里",
        "可以",
        "是否",
        "吗",
        "呢",
        "啊",
        "吧",
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
    ]
)
#: A hot word is at most this long (longer queries are sentences, not words).
MAX_TERM_CHARS = 16
#: At most this many distinct terms wait in memory while Redis is unreachable.
MAX_PENDING = 10_000

#: At most this many client addresses have a rate-limit budget in memory (LRU).
MAX_CLIENTS = 10_000
#: The rate-limit window (seconds).
CLIENT_WINDOW = 3600.0

HOT = "terms"
MISSES = "misses"


def is_countable(term: str) -> bool:
    """Whether a (normalized) term is fit to be counted and shown: only letters, digits,
    CJK ideographs and single spaces between them."""
    if not term or term != term.strip() or "  " in term:
        return False
    for ch in term:
        if ch == " ":
            continue
        category = unicodedata.category(ch)
        # Lu/Ll/Lt/Lo: letters (CJK ideographs are Lo); Nd: decimal digits. Modifier
        # letters (Lm), marks, punctuation, symbols (emoji), separators and controls: no.
        if category not in ("Lu", "Ll", "Lt", "Lo", "Nd"):
            return False
    return True


@functools.lru_cache(maxsize=8192)
def _term_of(q: str) -> tuple[str, bool]:
    """``q`` as counted (normalized; empty if too long) and whether it may be shown as a
    hot word (blocked terms aside). Memoised: every search, cached or not, counts."""
    term = normalize(q).strip()
    if len(term) > 64:
        return "", False
    countable = len(term) <= MAX_TERM_CHARS and term not in STOP_WORDS and is_countable(term)
    return term, countable


def clean_blocked(terms: Iterable[str]) -> frozenset[str]:
    """Blocked terms as they are compared: normalized, trimmed, empty ones dropped."""
    return frozenset(t for t in (normalize(x).strip() for x in terms) if t)


def _day_key(kind: str, day: date) -> str:
    return f"zwgk:search:{kind}:{day.strftime('%Y%m%d')}"


class HotWordCounter:
    """Counts searches that found something (hot words) and those that did not (misses)."""

    def __init__(
        self,
        redis: Redis,
        keep_days: int,
        blocked: Iterable[str] = (),
        *,
        per_client_hour: int = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._redis = redis
        self._keep_days = keep_days
        self._config_blocked = clean_blocked(blocked)
        self._admin_blocked: frozenset[str] = frozenset()
        self._blocked = self._config_blocked
        self._pending: dict[str, Counter[str]] = {HOT: Counter(), MISSES: Counter()}
        self._per_client = per_client_hour
        self._clock = clock
        #: client address → (start of its window, counts in it); least recent first.
        self._clients: OrderedDict[str, tuple[float, int]] = OrderedDict()

    @property
    def blocked(self) -> frozenset[str]:
        """Every blocked term: the configured ones and the admin-edited ones."""
        return self._blocked

    def set_admin_blocked(self, terms: Iterable[str]) -> None:
        """Replace the admin-edited blocked terms (table ``search_blocked_terms``)."""
        self._admin_blocked = clean_blocked(terms)
        self._blocked = self._config_blocked | self._admin_blocked

    def add(self, q: str, results: int, client: str | None = None) -> None:
        """Count one search; ``client`` is the caller's address (rate limit)."""
        term, countable = _term_of(q)
        if not term:
            return
        kind = HOT if results else MISSES
        if kind == HOT and (not countable or term in self._blocked):
            return
        if client is not None and not self._take(client):
            return
        pending = self._pending[kind]
        if term in pending or len(pending) < MAX_PENDING:
            pending[term] += 1

    def _take(self, client: str) -> bool:
        """Spend one count of ``client``'s hourly budget (False: none left)."""
        now = self._clock()
        start, used = self._clients.pop(client, (now, 0))
        if now - start >= CLIENT_WINDOW:
            start, used = now, 0
        allowed = used < self._per_client
        self._clients[client] = (start, used + 1 if allowed else used)
        while len(self._clients) > MAX_CLIENTS:
            self._clients.popitem(last=False)
        return allowed

    async def flush(self) -> None:
        for kind in (HOT, MISSES):
            pending = self._pending[kind]
            if not pending:
                continue
            self._pending[kind] = Counter()
            key = _day_key(kind, local_today())
            try:
                async with self._redis.pipeline(transaction=False) as pipe:
                    for term, count in pending.items():
                        pipe.zincrby(key, count, term)
                    pipe.expire(key, (self._keep_days + 1) * 86400)
                    await pipe.execute()
            except Exception:
                for term, count in pending.items():  # keep the counts for next time
                    if term in self._pending[kind] or len(self._pending[kind]) < MAX_PENDING:
                        self._pending[kind][term] += count
                raise

    async def try_flush(self) -> None:
        try:
            await self.flush()
        except (RedisError, OSError):
            log.warning("hot-word counts not sent: Redis unreachable")

    async def flush_forever(self, interval: float = 2.0) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self.flush()
            except Exception:
                log.warning("could not add hot-word counts to Redis", exc_info=True)

    def is_blocked(self, term: str) -> bool:
        return term in self._blocked


async def top_terms(
    redis: Redis, kind: str, days: int, limit: int, blocked: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """The most counted terms of the last ``days`` days ([] when Redis is unreachable)."""
    today = local_today()
    keys = [_day_key(kind, today - timedelta(days=i)) for i in range(days)]
    totals: dict[str, float] = {}
    try:
        async with redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.zrevrange(key, 0, 200, withscores=True)
            days_data = await pipe.execute()
    except (RedisError, OSError):
        log.warning("hot words unavailable: Redis unreachable")
        return []
    for day in days_data:
        for term, score in day:
            word = term.decode() if isinstance(term, bytes) else str(term)
            totals[word] = totals.get(word, 0.0) + float(score)
    skip = STOP_WORDS if kind == HOT else frozenset()
    ranked = sorted(
        (
            (w, n)
            for w, n in totals.items()
            if w not in skip and w not in blocked and is_countable(w)
        ),
        key=lambda x: (-x[1], x[0]),
    )
    return [{"term": w, "count": int(n)} for w, n in ranked[:limit]]


async def hot_words(
    redis: Redis, days: int, limit: int, blocked: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    return await top_terms(redis, HOT, days, limit, blocked)
