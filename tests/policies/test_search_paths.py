"""The fast ranking path (FTS5 first, then policies) answers exactly as the general query."""

from __future__ import annotations

from datetime import date

import pytest

from server.policies import search_index
from server.policies.models import Policy, PolicyStatus
from server.policies.schemas import SearchParams
from tests.conftest import PG_URL

QUERIES = ["补", "补贴", "企业", "老人", "稳岗返还", "5G基站", "皋人社发〔2024〕8号", "茧", "PM2.5"]


@pytest.mark.skipif(bool(PG_URL), reason="the fast path is SQLite's")
async def test_fast_path_equals_general_query(demo_client):
    # A hidden (withdrawn) policy among the matches must be skipped and not counted.
    hidden = await Policy.filter(status=PolicyStatus.PUBLISHED, title__contains="补贴").first()
    assert hidden is not None
    hidden.status = PolicyStatus.WITHDRAWN.value
    await hidden.save()
    from server.core.db import connection

    for q in QUERIES:
        pq = search_index.parse(q, 64)
        taken = await search_index._sqlite_ranked_page(
            connection(), SearchParams(q=q), pq, None, ["published"]
        )
        assert taken is not None  # the fast path really answers these
        for page in (1, 2, 3):
            fast = await search_index.search(
                SearchParams(q=q, page=page, page_size=7),
                pq=pq,
                region_codes=None,
                statuses=["published"],
            )
            # date_from far in the past filters nothing but forces the general query.
            general = await search_index.search(
                SearchParams(q=q, page=page, page_size=7, date_from=date(1900, 1, 1)),
                pq=pq,
                region_codes=None,
                statuses=["published"],
            )
            published_undated = await Policy.filter(
                status=PolicyStatus.PUBLISHED, publish_date__isnull=True
            ).count()
            assert published_undated == 0  # else date_from would filter; keep the test honest
            assert fast.total == general.total, q
            assert [i["id"] for i in fast.items] == [i["id"] for i in general.items], (q, page)
            assert hidden.id not in [i["id"] for i in fast.items]


async def test_hot_word_counts_are_batched_and_filtered(redis_client):
    from server.core.clock import local_today

    counter = search_index.HotWordCounter(redis_client, keep_days=30)
    for q in ["补贴", " 补贴 ", "ＥＴＣ", "的", "稳岗返还"]:
        counter.add(q, results=3)
    counter.add("无结果的查询", results=0)  # found nothing: not a hot word
    assert await redis_client.keys("zwgk:search:terms:*") == []  # nothing sent yet
    await counter.flush()
    key = f"zwgk:search:terms:{local_today().strftime('%Y%m%d')}"
    scores = {k.decode(): v for k, v in await redis_client.zrange(key, 0, -1, withscores=True)}
    assert scores == {"补贴": 2.0, "etc": 1.0, "稳岗返还": 1.0}
    assert 0 < await redis_client.ttl(key) <= 31 * 86400


async def test_concurrent_misses_compute_once(redis_client):
    import asyncio

    cache = search_index.SearchCache(redis_client, ttl_seconds=30)
    calls = 0

    async def compute() -> tuple[str, int]:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.05)
        return '{"items": [], "total": 7}', 7

    results = await asyncio.gather(*(cache.get_or_compute("k", compute) for _ in range(20)))
    assert calls == 1
    assert all(r == ('{"items": [], "total": 7}', 7) for r in results)
    assert await cache.get_or_compute("k", compute) == results[0] and calls == 1  # cached
    await cache.bump()  # a policy changed: the next request searches again
    await cache.get_or_compute("k", compute)
    assert calls == 2


async def test_expired_entry_of_the_current_generation_is_served_while_refreshed(redis_client):
    import asyncio

    cache = search_index.SearchCache(redis_client, ttl_seconds=0.05)
    version = 0

    async def compute() -> tuple[str, int]:
        nonlocal version
        version += 1
        await asyncio.sleep(0.05)
        return f"v{version}", version

    assert await cache.get_or_compute("k", compute) == ("v1", 1)
    await asyncio.sleep(0.1)  # past its time, but no policy changed
    assert await cache.get_or_compute("k", compute) == ("v1", 1)  # served at once
    await asyncio.sleep(0.1)  # the background refresh has finished
    assert await cache.get_or_compute("k", compute) == ("v2", 2)
    await cache.bump()  # after a write, a stale page is never served
    body, _ = await cache.get_or_compute("k", compute)
    assert body not in ("v1", "v2")
