"""Hot-word counting and the result cache (single flight, generations, cancellation)."""

from __future__ import annotations

import asyncio

from server.search.cache import SearchCache
from server.search.hotwords import HotWordCounter


async def test_hot_word_counts_are_batched_and_filtered(redis_client):
    from server.core.clock import local_today

    counter = HotWordCounter(redis_client, keep_days=30, blocked=["稳岗返还"])
    for q in ["补贴", " 补贴 ", "ＥＴＣ", "的", "稳岗返还"]:
        counter.add(q, results=3)
    counter.add("无结果的查询", results=0)  # found nothing: a miss, not a hot word
    assert await redis_client.keys("zwgk:search:*") == []  # nothing sent yet
    await counter.flush()
    day = local_today().strftime("%Y%m%d")
    key = f"zwgk:search:terms:{day}"
    scores = {k.decode(): v for k, v in await redis_client.zrange(key, 0, -1, withscores=True)}
    assert scores == {"补贴": 2.0, "etc": 1.0}  # stop word and blocked term left out
    assert 0 < await redis_client.ttl(key) <= 31 * 86400
    misses = await redis_client.zrange(f"zwgk:search:misses:{day}", 0, -1, withscores=True)
    assert [(k.decode(), v) for k, v in misses] == [("无结果的查询", 1.0)]


async def test_concurrent_misses_compute_once():
    generation = "g1"
    cache = SearchCache(lambda: generation, ttl_seconds=30)
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
    generation = "g2"  # the index changed: the next request searches again
    await cache.get_or_compute("k", compute)
    assert calls == 2


async def test_expired_entry_of_the_current_generation_is_served_while_refreshed():
    generation = "g1"
    cache = SearchCache(lambda: generation, ttl_seconds=0.05)
    version = 0

    async def compute() -> tuple[str, int]:
        nonlocal version
        version += 1
        await asyncio.sleep(0.05)
        return f"v{version}", version

    assert await cache.get_or_compute("k", compute) == ("v1", 1)
    await asyncio.sleep(0.1)  # past its time, but the index did not change
    assert await cache.get_or_compute("k", compute) == ("v1", 1)  # served at once
    await asyncio.sleep(0.1)  # the background refresh has finished
    assert await cache.get_or_compute("k", compute) == ("v2", 2)
    generation = "g2"  # after a commit, a stale page is never served
    body, _ = await cache.get_or_compute("k", compute)
    assert body not in ("v1", "v2")


async def test_one_cancelled_request_does_not_cancel_the_others():
    cache = SearchCache(lambda: "g", ttl_seconds=30)
    started = asyncio.Event()
    calls = 0

    async def compute() -> tuple[str, int]:
        nonlocal calls
        calls += 1
        started.set()
        await asyncio.sleep(0.1)
        return "page", 1

    first = asyncio.ensure_future(cache.get_or_compute("k", compute))
    await started.wait()
    others = [asyncio.ensure_future(cache.get_or_compute("k", compute)) for _ in range(5)]
    await asyncio.sleep(0)
    first.cancel()  # the first client went away while its search ran
    assert await asyncio.gather(*others) == [("page", 1)] * 5
    assert first.cancelled() and calls == 1
    assert await cache.get_or_compute("k", compute) == ("page", 1)  # and it was cached


async def test_cache_off_searches_every_time():
    cache = SearchCache(lambda: "g", ttl_seconds=0)
    calls = 0

    async def compute() -> tuple[str, int]:
        nonlocal calls
        calls += 1
        return "x", 1

    for _ in range(3):
        await cache.get_or_compute("k", compute)
    assert calls == 3


async def test_an_alias_serves_its_page_until_the_page_expires_or_the_index_moves():
    generation = "g1"
    cache: SearchCache[str] = SearchCache(lambda: generation, ttl_seconds=0.2)
    calls = 0

    async def compute() -> str:
        nonlocal calls
        calls += 1
        return f"page{calls}"

    assert cache.peek("s?q=a") is None
    assert await cache.get_or_compute("canonical", compute, alias="s?q=a") == "page1"
    assert cache.peek("s?q=a") == "page1" and cache.peek("canonical") == "page1"
    # A second way of writing the same search: served from the page, and aliased too.
    assert await cache.get_or_compute("canonical", compute, alias="s?q=a&page=1") == "page1"
    assert cache.peek("s?q=a&page=1") == "page1" and calls == 1
    generation = "g2"  # a commit: no alias may serve the old page
    assert cache.peek("s?q=a") is None and cache.peek("s?q=a&page=1") is None
    assert await cache.get_or_compute("canonical", compute, alias="s?q=a") == "page2"
    assert cache.peek("s?q=a") == "page2"
    await asyncio.sleep(0.25)  # past its time: the alias stops answering (the slow path
    assert cache.peek("s?q=a") is None  # serves it while refreshing)


async def test_a_page_computed_while_the_index_moved_is_not_aliased():
    generation = "g1"
    cache: SearchCache[str] = SearchCache(lambda: generation, ttl_seconds=30)

    async def compute() -> str:
        nonlocal generation
        generation = "g2"  # an indexer commit lands while this search runs
        return "old"

    assert await cache.get_or_compute("k", compute, alias="s?q=a") == "old"
    assert cache.peek("s?q=a") is None


async def test_a_full_cache_drops_its_oldest_pages_first():
    cache: SearchCache[str] = SearchCache(lambda: "g", ttl_seconds=30, max_entries=8)

    for i in range(20):
        await cache.get_or_compute(f"k{i}", lambda i=i: _value(f"v{i}"), alias=f"a{i}")
    assert cache.peek("k19") == "v19" and cache.peek("a19") == "v19"
    assert cache.peek("k0") is None  # the oldest went
    kept = [i for i in range(20) if cache.peek(f"k{i}") is not None]
    # Only the oldest quarter goes when full: most of the recent pages stay.
    assert 6 <= len(kept) <= 8 and kept == list(range(20 - len(kept), 20))


async def _value(v: str) -> str:
    return v


async def test_only_words_and_ideographs_are_counted(redis_client):
    """Punctuation, symbols, URLs, emoji and control characters never reach the list."""
    from server.core.clock import local_today
    from server.search.hotwords import is_countable

    counter = HotWordCounter(redis_client, keep_days=30)
    for q in [
        "高龄津贴",
        "etc 货车",
        "加微信abc123!",
        "www.example.com",
        "http://x.cn",
        "养老😀",
        "补贴\x07",
        "补贴  申请",
        "＜b＞",
        "津贴，补贴",
    ]:
        counter.add(q, results=2)
    counter.add("皋人社发〔2026〕7号", results=0)  # misses keep their rule when counted
    await counter.flush()
    day = local_today().strftime("%Y%m%d")
    terms = await redis_client.zrange(f"zwgk:search:terms:{day}", 0, -1)
    assert sorted(t.decode() for t in terms) == ["etc 货车", "高龄津贴"]
    assert is_countable("养老 2026") and is_countable("ÉTÉ")
    assert not is_countable(" 养老") and not is_countable("") and not is_countable("a\u200bb")
    # ... but what staff see of them passes the same character rule.
    from server.search.hotwords import MISSES, top_terms

    await redis_client.zincrby(f"zwgk:search:misses:{day}", 1, "量子引力")
    misses = await top_terms(redis_client, MISSES, 1, 10)
    assert misses == [{"term": "量子引力", "count": 1}]


async def test_each_client_counts_at_most_n_times_an_hour(redis_client):
    from server.core.clock import local_today

    now = [1000.0]
    counter = HotWordCounter(redis_client, keep_days=30, per_client_hour=3, clock=lambda: now[0])
    for _ in range(10):
        counter.add("刷榜词", results=1, client="203.0.113.9")
    counter.add("刷榜词", results=1, client="198.51.100.7")  # another client has its own
    counter.add("刷榜词", results=0, client="203.0.113.9")  # misses spend the same budget
    counter.add("的", results=1, client="192.0.2.1")  # not counted: no budget spent
    await counter.flush()
    day = local_today().strftime("%Y%m%d")
    key = f"zwgk:search:terms:{day}"
    assert await redis_client.zscore(key, "刷榜词") == 4.0
    assert await redis_client.zrange(f"zwgk:search:misses:{day}", 0, -1) == []
    now[0] += 3600  # an hour later the budget is back
    for _ in range(5):
        counter.add("刷榜词", results=1, client="203.0.113.9")
    await counter.flush()
    assert await redis_client.zscore(key, "刷榜词") == 7.0


async def test_admin_blocked_terms_are_merged_with_configured_ones(redis_client):
    from server.core.clock import local_today

    counter = HotWordCounter(redis_client, keep_days=30, blocked=["稳岗返还"])
    counter.set_admin_blocked(["ＡＤ广告", " "])
    assert counter.blocked == frozenset({"稳岗返还", "ad广告"})
    for q in ["稳岗返还", "AD广告", "补贴"]:
        counter.add(q, results=1)
    await counter.flush()
    key = f"zwgk:search:terms:{local_today().strftime('%Y%m%d')}"
    assert [t.decode() for t in await redis_client.zrange(key, 0, -1)] == ["补贴"]
