"""Policy search over the pre-tokenised full-text index, the same on SQLite and PostgreSQL.

SQLite keeps the tokens in the FTS5 table ``policy_fts`` and ranks with FTS5's BM25
(title 10 : summary 4 : body 1). PostgreSQL keeps a weighted ``tsvector`` literal in
``policy_search`` and ranks with ``ts_rank`` using the same field weights (A/B/C). Both
see exactly the same tokens (``search_text``), so both find the same documents.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from redis.asyncio import Redis
from tortoise.backends.base.client import BaseDBAsyncClient

from server.core.clock import local_today
from server.core.db import connection
from server.core.errors import ValidationFailed
from server.policies import search_text
from server.policies.models import Policy, Scheme
from server.policies.schemas import SearchParams

log = logging.getLogger("zwgk.search")
_STAGE_ORDER = (
    "CASE p.stage WHEN 'decision' THEN 0 WHEN 'execution' THEN 1 "
    "WHEN 'management' THEN 2 WHEN 'service' THEN 3 ELSE 4 END"
)
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


def _dialect(conn: BaseDBAsyncClient) -> str:
    return str(conn.capabilities.dialect)


def index_payload(dialect: str, title: str, summary: str, body_text: str) -> tuple[str, ...]:
    """What the index stores for one policy (pure and picklable: bulk imports run it in
    worker processes). ``title`` includes the document number."""
    if dialect == "sqlite":
        return (
            search_text.index_text(title),
            search_text.index_text(summary),
            search_text.index_text(body_text),
        )
    return (search_text.tsvector_literal([("A", title), ("B", summary), ("C", body_text)]),)


def indexed_title(policy: Policy) -> str:
    return f"{policy.title} {policy.doc_number}"


async def write_many(conn: BaseDBAsyncClient, rows: list[tuple[int, tuple[str, ...]]]) -> None:
    """Store index payloads for new or changed policies inside the caller's transaction."""
    if not rows:
        return
    if _dialect(conn) == "sqlite":
        ids = [[policy_id] for policy_id, _ in rows]
        await conn.execute_many("DELETE FROM policy_fts WHERE rowid = ?", ids)
        await conn.execute_many(
            "INSERT INTO policy_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
            [[policy_id, *payload] for policy_id, payload in rows],
        )
    else:
        await conn.execute_many(
            "INSERT INTO policy_search (policy_id, document) VALUES ($1, $2::tsvector) "
            "ON CONFLICT (policy_id) DO UPDATE SET document = EXCLUDED.document",
            [[policy_id, *payload] for policy_id, payload in rows],
        )


async def write(policy: Policy, conn: BaseDBAsyncClient) -> None:
    """(Re)index one policy inside the caller's transaction."""
    payload = index_payload(_dialect(conn), indexed_title(policy), policy.summary, policy.body_text)
    await write_many(conn, [(policy.id, payload)])


async def tag_counts() -> dict[tuple[str, str], int]:
    """Published policies per (scheme, code)."""
    rows = await connection().execute_query_dict(
        "SELECT t.scheme AS scheme, t.code AS code, COUNT(DISTINCT t.policy_id) AS n "
        "FROM policy_tags t JOIN policies p ON p.id = t.policy_id "
        "WHERE p.status = 'published' GROUP BY t.scheme, t.code"
    )
    return {(r["scheme"], r["code"]): int(r["n"]) for r in rows}


class _Sql:
    """Collects a statement's parameters with the placeholder style of the dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.values: list[Any] = []

    def param(self, value: Any) -> str:
        if isinstance(value, date) and self.dialect == "sqlite":
            value = value.isoformat()
        self.values.append(value)
        return "?" if self.dialect == "sqlite" else f"${len(self.values)}"

    def params(self, values: list[Any]) -> str:
        return ", ".join(self.param(v) for v in values)


@dataclass
class SearchResult:
    items: list[dict[str, Any]]
    total: int


def parse(q: str, max_length: int, *, prefix_last: bool = False) -> search_text.ParsedQuery:
    """A validated query: 1 to ``max_length`` characters with something to search for."""
    q = q.strip()
    if not q:
        raise ValidationFailed("enter something to search for", field="q")
    if len(q) > max_length:
        raise ValidationFailed(f"the query is longer than {max_length} characters", field="q")
    pq = search_text.parse_query(q, prefix_last=prefix_last)
    if not pq:
        raise ValidationFailed("the query has no letters, digits or Chinese characters", field="q")
    return pq


def _filters(
    sql: _Sql, params: SearchParams, region_codes: list[str] | None, statuses: list[str]
) -> list[str]:
    where = [f"p.status IN ({sql.params(statuses)})"]
    for scheme, codes in (
        (Scheme.TOPIC, params.topic),
        (Scheme.INDUSTRY, params.industry),
        (Scheme.ISSUER, params.issuer),
        (Scheme.STAGE, list(params.stage)),
        (Scheme.CATEGORY, params.category),
    ):
        if codes:
            where.append(
                "EXISTS (SELECT 1 FROM policy_tags t WHERE t.policy_id = p.id AND "
                f"t.scheme = {sql.param(scheme.value)} AND t.code IN ({sql.params(codes)}))"
            )
    if region_codes:
        where.append(
            "EXISTS (SELECT 1 FROM policy_tags t WHERE t.policy_id = p.id AND "
            f"t.scheme = {sql.param(Scheme.REGION.value)} AND "
            f"t.code IN ({sql.params(region_codes)}))"
        )
    if params.audience is not None:
        where.append(f"p.audience IN ({sql.params([params.audience.value, 'both'])})")
    if params.date_from:
        where.append(f"p.publish_date >= {sql.param(params.date_from)}")
    if params.date_to:
        where.append(f"p.publish_date <= {sql.param(params.date_to)}")
    return where


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width] + "…"


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


async def search(
    params: SearchParams,
    *,
    pq: search_text.ParsedQuery | None,
    region_codes: list[str] | None,
    statuses: list[str],
) -> SearchResult:
    """One page of matching policies and the total. ``pq`` None means browse by filters."""
    conn = connection()
    dialect = _dialect(conn)
    if dialect == "sqlite" and pq is not None:
        fast = await _sqlite_ranked_page(conn, params, pq, region_codes, statuses)
        if fast is not None:
            return _result(fast[0], fast[1], pq)
    sql = _Sql(dialect)
    select = f"SELECT {_COLUMNS}"
    if pq is None:
        source = "FROM policies p"
        score = "0"
        where: list[str] = []
    elif dialect == "sqlite":
        columns = ["title"] if params.scope == "title" else None
        # CROSS JOIN pins the FTS table as the outer loop; with a plain JOIN SQLite may
        # scan policies and run the MATCH per row (seconds instead of milliseconds).
        source = "FROM policy_fts CROSS JOIN policies p ON p.id = policy_fts.rowid"
        where = [f"policy_fts MATCH {sql.param(search_text.fts5_match(pq, columns))}"]
        score = "-bm25(policy_fts, 10.0, 4.0, 1.0)"
    else:
        weights = "A" if params.scope == "title" else None
        query = sql.param(search_text.tsquery_literal(pq, weights))
        source = "FROM policy_search s JOIN policies p ON p.id = s.policy_id"
        where = [f"s.document @@ {query}::tsquery"]
        score = f"ts_rank('{{0.1, 0.1, 0.4, 1.0}}', s.document, {query}::tsquery)"
    where += _filters(sql, params, region_codes, statuses)
    condition = " AND ".join(where)
    order = {
        "relevance": "score DESC, p.publish_date DESC NULLS LAST, p.id DESC",
        "date": "p.publish_date DESC NULLS LAST, p.id DESC",
        "stage": f"{_STAGE_ORDER}, score DESC, p.publish_date DESC NULLS LAST, p.id DESC",
    }[params.sort if pq is not None or params.sort != "relevance" else "date"]
    count_values = list(sql.values)
    limit = sql.param(params.page_size)
    offset = sql.param((params.page - 1) * params.page_size)
    rows = await conn.execute_query_dict(
        f"{select}, {score} AS score {source} WHERE {condition} "
        f"ORDER BY {order} LIMIT {limit} OFFSET {offset}",
        sql.values,
    )
    if params.page == 1 and len(rows) < params.page_size:
        total = len(rows)
    else:
        counted = await conn.execute_query_dict(
            f"SELECT COUNT(*) AS n {source} WHERE {condition}", count_values
        )
        total = int(counted[0]["n"])
    return _result(rows, total, pq)


_COLUMNS = (
    "p.id AS id, p.title AS title, p.doc_number AS doc_number, "
    "p.issuer AS issuer, p.publish_date AS publish_date, p.stage AS stage, "
    "p.audience AS audience, p.summary AS summary, p.body_text AS body_text"
)
#: The fast path below is used while at most this many policies are not published.
_FAST_PATH_MAX_HIDDEN = 2000


async def _sqlite_ranked_page(
    conn: BaseDBAsyncClient,
    params: SearchParams,
    pq: search_text.ParsedQuery,
    region_codes: list[str] | None,
    statuses: list[str],
) -> tuple[list[dict[str, Any]], int] | None:
    """The common search (published policies, by relevance, no filters) in two cheap steps.

    Ranking inside FTS5 alone, before touching ``policies``, is 2–3x cheaper for queries
    that match most of the library (a 1-character query can match 90 % of it): the join
    would otherwise read a policy row for every match. Policies that are not published
    (few) are subtracted from the count and skipped among the candidates. Returns
    ``None`` when the request has filters; the general query handles those.
    """
    filtered = (
        params.topic
        or params.industry
        or params.issuer
        or params.stage
        or params.category
        or region_codes
        or params.audience
        or params.date_from
        or params.date_to
    )
    if filtered or params.sort != "relevance" or statuses != ["published"]:
        return None
    hidden_rows = await conn.execute_query_dict(
        "SELECT id FROM policies WHERE status <> 'published' LIMIT ?",
        [_FAST_PATH_MAX_HIDDEN + 1],
    )
    if len(hidden_rows) > _FAST_PATH_MAX_HIDDEN:
        return None
    hidden = {int(r["id"]) for r in hidden_rows}
    match = search_text.fts5_match(pq, ["title"] if params.scope == "title" else None)
    counted = await conn.execute_query_dict(
        "SELECT COUNT(*) AS n FROM policy_fts WHERE policy_fts MATCH ?", [match]
    )
    hidden_matches = 0
    ordered_hidden = sorted(hidden)
    for start in range(0, len(ordered_hidden), 500):
        chunk = ordered_hidden[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = await conn.execute_query_dict(
            f"SELECT COUNT(*) AS n FROM policy_fts WHERE policy_fts MATCH ? AND rowid IN ({marks})",
            [match, *chunk],
        )
        hidden_matches += int(rows[0]["n"])
    total = int(counted[0]["n"]) - hidden_matches
    need = params.page * params.page_size
    candidates = await conn.execute_query_dict(
        "SELECT rowid AS id, -bm25(policy_fts, 10.0, 4.0, 1.0) AS score FROM policy_fts "
        "WHERE policy_fts MATCH ? ORDER BY score DESC LIMIT ?",
        [match, need + hidden_matches],
    )
    scores = {int(c["id"]): float(c["score"]) for c in candidates if int(c["id"]) not in hidden}
    if not scores:
        return [], total
    marks = ", ".join("?" for _ in scores)
    dates = await conn.execute_query_dict(
        f"SELECT id, publish_date FROM policies WHERE id IN ({marks})", list(scores)
    )
    # The same order as the general query: score, then newest, then highest id.
    ranked = sorted(
        dates,
        key=lambda r: (
            -scores[int(r["id"])],
            r["publish_date"] is None,
            _negated_date(r["publish_date"]),
            -int(r["id"]),
        ),
    )
    page_ids = [int(r["id"]) for r in ranked[need - params.page_size : need]]
    if not page_ids:
        return [], total
    marks = ", ".join("?" for _ in page_ids)
    rows = await conn.execute_query_dict(
        f"SELECT {_COLUMNS} FROM policies p WHERE p.id IN ({marks})", page_ids
    )
    by_id = {int(r["id"]): r for r in rows}
    return [by_id[i] for i in page_ids if i in by_id], total


def _negated_date(value: Any) -> int:
    day = _as_date(value)
    return -day.toordinal() if day is not None else 0


def _result(
    rows: list[dict[str, Any]], total: int, pq: search_text.ParsedQuery | None
) -> SearchResult:
    items = []
    for r in rows:
        text = r["body_text"] or r["summary"] or ""
        items.append(
            {
                "id": r["id"],
                "title": r["title"],
                # Both fields are HTML (escaped, with <em> marks) in search and browse alike.
                "title_highlighted": (
                    search_text.highlight(r["title"], pq) if pq else html.escape(r["title"])
                ),
                "doc_number": r["doc_number"],
                "issuer": r["issuer"],
                "publish_date": _as_date(r["publish_date"]),
                "stage": r["stage"],
                "audience": r["audience"],
                "snippet": (
                    search_text.make_snippet(text, pq)
                    if pq
                    else html.escape(_clip(r["summary"] or text, 80))
                ),
            }
        )
    return SearchResult(items=items, total=total)


async def title_suggestions(pq: search_text.ParsedQuery, limit: int) -> list[dict[str, Any]]:
    """Titles of published policies matching what the user has typed so far."""
    params = SearchParams(q="-", scope="title", page_size=limit)
    result = await search(params, pq=pq, region_codes=None, statuses=["published"])
    return [{"text": i["title"], "policy_id": i["id"]} for i in result.items]


# --------------------------------------------------------------------------- hot words


def _day_key(day: date) -> str:
    return f"zwgk:search:terms:{day.strftime('%Y%m%d')}"


class HotWordCounter:
    """Counts searches towards hot words: in process, added to Redis in batches.

    A Redis round trip per search would cost more than a cached search itself, so counts
    collect here and :meth:`flush` (every few seconds, and before hot words are read)
    adds them to the day's sorted set. Only queries that found something count, and
    nothing about who searched is kept.
    """

    def __init__(self, redis: Redis, keep_days: int) -> None:
        self._redis = redis
        self._keep_days = keep_days
        self._pending: Counter[str] = Counter()

    def add(self, q: str, results: int) -> None:
        term = search_text.normalize(q).strip()
        if results and term and len(term) <= 16 and term not in STOP_WORDS:
            self._pending[term] += 1

    async def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, Counter()
        key = _day_key(local_today())
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                for term, count in pending.items():
                    pipe.zincrby(key, count, term)
                pipe.expire(key, (self._keep_days + 1) * 86400)
                await pipe.execute()
        except Exception:
            self._pending.update(pending)  # Redis hiccup: keep the counts for next time
            raise

    async def flush_forever(self, interval: float = 2.0) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self.flush()
            except Exception:
                log.warning("could not add hot-word counts to Redis", exc_info=True)


async def hot_words(redis: Redis, days: int, limit: int) -> list[dict[str, Any]]:
    """The most searched terms of the last ``days`` days, stop words removed."""
    today = local_today()
    keys = [_day_key(today - timedelta(days=i)) for i in range(days)]
    totals: dict[str, float] = {}
    async with redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.zrevrange(key, 0, 200, withscores=True)
        for day in await pipe.execute():
            for term, score in day:
                word = term.decode() if isinstance(term, bytes) else str(term)
                totals[word] = totals.get(word, 0.0) + float(score)
    ranked = sorted(
        ((w, n) for w, n in totals.items() if w not in STOP_WORDS), key=lambda x: (-x[1], x[0])
    )
    return [{"term": w, "count": int(n)} for w, n in ranked[:limit]]


# --------------------------------------------------------------------------- result cache


class SearchCache:
    """Short-lived in-process cache of result pages, invalidated across processes.

    Every policy write bumps a generation number in Redis; a cached page is served only
    while its generation is current, so staff see their edits at once while popular
    queries skip the database.
    """

    KEY = "zwgk:policies:generation"
    #: How long a read of the generation is trusted: another process's write shows
    #: here within this time (this process's own writes show at once).
    GENERATION_SECONDS = 0.5

    def __init__(self, redis: Redis, ttl_seconds: float, max_entries: int = 2048) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._max = max_entries
        self._entries: dict[str, tuple[float, bytes, str, int]] = {}
        self._generation = b""
        self._generation_until = 0.0
        self._inflight: dict[str, asyncio.Future[tuple[str, int]]] = {}

    async def generation(self) -> bytes:
        now = time.monotonic()
        if now >= self._generation_until:
            self._generation = await self._redis.get(self.KEY) or b"0"
            self._generation_until = now + self.GENERATION_SECONDS
        return self._generation

    async def get(self, key: str) -> tuple[bytes, tuple[str, int] | None]:
        """The current generation and, on a hit, the cached body and its total."""
        generation = await self.generation()
        if self._ttl <= 0:
            return generation, None
        hit = self._entries.get(key)
        if hit is None or hit[0] < time.monotonic() or hit[1] != generation:
            return generation, None
        return generation, (hit[2], hit[3])

    def put(self, key: str, generation: bytes, body: str, total: int) -> None:
        if self._ttl <= 0:
            return
        if len(self._entries) >= self._max:
            now = time.monotonic()
            self._entries = {k: v for k, v in self._entries.items() if v[0] >= now}
            if len(self._entries) >= self._max:
                self._entries.clear()
        self._entries[key] = (time.monotonic() + self._ttl, generation, body, total)

    async def get_or_compute(
        self, key: str, compute: Callable[[], Awaitable[tuple[str, int]]]
    ) -> tuple[str, int]:
        """The cached page for ``key``, computing it once even when many ask at once.

        Without the single flight, every request for a popular query that arrives while
        its entry is being recomputed would run the same expensive search again. An entry
        past its time but of the current generation (no policy changed since) is still
        exactly right: it is served while one background task refreshes it, so popular
        queries never wait for a recomputation.
        """
        generation, hit = await self.get(key)
        if hit is not None:
            return hit
        if self._ttl <= 0:  # caching off: every request searches (no sharing at all)
            return await compute()
        stale = self._entries.get(key)
        flight_key = f"{generation!r}:{key}"
        if stale is not None and stale[1] == generation:
            if flight_key not in self._inflight:
                task = asyncio.ensure_future(
                    self._compute_once(flight_key, key, generation, compute)
                )
                task.add_done_callback(_ignore_result)
            return stale[2], stale[3]
        running = self._inflight.get(flight_key)
        if running is not None:
            return await asyncio.shield(running)
        return await self._compute_once(flight_key, key, generation, compute)

    async def _compute_once(
        self,
        flight_key: str,
        key: str,
        generation: bytes,
        compute: Callable[[], Awaitable[tuple[str, int]]],
    ) -> tuple[str, int]:
        future: asyncio.Future[tuple[str, int]] = asyncio.get_running_loop().create_future()
        self._inflight[flight_key] = future
        try:
            value = await compute()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark retrieved: waiters (if any) re-raise it themselves
            raise
        finally:
            del self._inflight[flight_key]
        future.set_result(value)
        self.put(key, generation, *value)
        return value

    async def bump(self) -> None:
        await self._redis.incr(self.KEY)
        self._generation_until = 0.0  # this process sees its own write at once


def _ignore_result(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("background refresh of a cached search failed", exc_info=task.exception())


def cache_key(params: SearchParams) -> str:
    return json.dumps(params.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
