"""Tests for server.search.phrases: multi-character synonym terms indexed as single tokens
answer exactly as their phrases would (same documents, same scores), and the indexer keeps
them in step with the synonyms."""

from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from server.search import query as qb
from server.search.analysis import index_fields, parse_query
from server.search.engine import SearchEngine, swap_current, write_meta
from server.search.phrases import MAX_PHRASES, NO_PHRASES, PHRASE_MARK, IndexedPhrases
from server.search.schema import TEXT_FIELDS, PolicySource
from server.search.service import SearchPage, SearchQuery, search_policies
from server.search.synonyms import Synonyms
from tests.conftest import PG_URL
from tests.policies.search_helpers import build_index, text_source


def test_which_terms_are_held_as_phrase_tokens() -> None:
    phrases = IndexedPhrases.of(
        ["社保", "社会保险", "公积金", "5G基站", "最低生活保障", "社会保险", "ＡＢ", "医保 基金"]
    )
    # One bigram is a term already; words, mixed terms and several segments are not held.
    assert phrases.terms == ("公积金", "最低生活保障", "社会保险")
    assert phrases.by_chain[("社会", "会保", "保险")] == PHRASE_MARK + "社会保险"
    assert IndexedPhrases.of_groups([("低保", "最低生活保障")]).terms == ("最低生活保障",)
    many = IndexedPhrases.of(
        f"{a}{b}保险" for a in "甲乙丙丁戊己庚辛壬癸" for b in "子丑寅卯辰巳午未"
    )
    assert len(many.terms) == MAX_PHRASES
    meta = {"phrases": ["社会保险", 7, "公积金"]}
    assert IndexedPhrases.from_meta(meta).terms == ("公积金", "社会保险")
    assert not IndexedPhrases.from_meta({}) and not IndexedPhrases.from_meta(None)


def _phrase_matches(tokens: list[str], chain: tuple[str, ...]) -> int:
    """Where the engine's phrase query matches: consecutive tokens equal to the chain."""
    n = len(chain)
    return sum(tuple(tokens[i : i + n]) == chain for i in range(len(tokens) - n + 1))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="社会保险哈 a5，", max_size=40), st.sampled_from(["社会保险", "哈哈哈"]))
@example("哈哈哈哈哈", "哈哈哈")  # three overlapping matches, as the phrase query counts them
@example("社会保险社会保险，社会 保险", "社会保险")
def test_a_phrase_token_stands_wherever_the_phrase_matches(text: str, term: str) -> None:
    phrases = IndexedPhrases.of([term])
    tokens = index_fields(text)[0]
    extra = phrases.tokens_for(tokens).split()
    chain = parse_query(term).segments[0].tokens
    assert len(extra) == _phrase_matches(tokens.split(), chain)
    assert set(extra) <= {PHRASE_MARK + term}


COMMON = "的和在对企业社会保险医疗会保险缴费补贴申报公积金住房哈"
TERMS = ("社会保险", "医疗保险", "住房公积金", "公积金", "哈哈哈")


def _sources(seed: int) -> list[PolicySource]:
    rng = random.Random(seed)

    def text(n: int) -> str:
        parts = []
        for _ in range(n):
            parts.append(rng.choice(TERMS) if rng.random() < 0.3 else "")
            parts.append("".join(rng.choice(COMMON) for _ in range(rng.randint(1, 8))))
            parts.append(rng.choice(["", "，", " ", "5G"]))
        return "".join(parts)

    return [text_source(pid, text(2), text(3), text(12)) for pid in range(1, 161)]


def _engine(root: Path, sources: list[PolicySource], phrases: IndexedPhrases) -> SearchEngine:
    path = root / "idx"
    path.mkdir(parents=True)
    # Deleted documents count in the statistics until merged: the boosts must allow for it.
    build_index(path, sources, phrases, delete_ids=range(1, 161, 9))
    write_meta(path, 0, phrases)
    swap_current(root, "idx")
    engine = SearchEngine(root)
    engine.refresh(force=True)
    return engine


def test_held_phrases_answer_as_the_phrases_do(tmp_path: Path) -> None:
    sources = _sources(11)
    held = _engine(tmp_path / "held", sources, IndexedPhrases.of(TERMS))
    plain = _engine(tmp_path / "plain", sources, NO_PHRASES)
    searcher = held.searcher()
    lookup = held._phrase_lookup(searcher)
    assert lookup is not None and plain._phrase_lookup(plain.searcher()) is None
    social = parse_query("社会保险").segments[0]
    assert lookup(social, "body") is not None  # answered by the token, not the phrase
    synonyms = Synonyms(
        groups=(("社保", "社会保险"), ("医保", "医疗保险"), ("公积金", "住房公积金"))
    )
    queries = ("社会保险", "社保", "医保 缴费", "住房公积金", "公积金", "哈哈哈", "会保险", "保险")
    checked = 0
    for q in queries:
        for scope in ("all", "title"):
            for sort in ("relevance", "stage"):
                query = SearchQuery(q=q, scope=scope, sort=sort, page_size=50)
                a = search_policies(held, query, synonyms=synonyms)
                as_phrases = _without_tokens(held, query, synonyms)
                b = search_policies(plain, query, synonyms=synonyms)
                # The same documents as an index without phrase tokens, in the same order
                # as the phrases give on this index (whose field lengths count the tokens).
                assert (
                    (a.total, a.match)
                    == (b.total, b.match)
                    == (
                        as_phrases.total,
                        as_phrases.match,
                    )
                ), q
                assert [i["id"] for i in a.items] == [i["id"] for i in as_phrases.items], q
                if a.total <= 50:
                    assert {i["id"] for i in a.items} == {i["id"] for i in b.items}, q
                checked += a.total
    assert checked > 100
    # The scores themselves are the phrase's, field by field (boosts included).
    for term in TERMS:
        seg = parse_query(term).segments[0]
        for field in TEXT_FIELDS:
            got = searcher.search(qb.segment_query(seg, field, lookup), 200).hits
            want = searcher.search(qb.segment_query(seg, field), 200).hits
            assert len(got) == len(want) > 0, (term, field)
            for (s1, a1), (s2, a2) in zip(got, want, strict=True):
                assert a1.doc == a2.doc and abs(s1 - s2) <= 1e-5 * s2, (term, field)


def _without_tokens(engine: SearchEngine, query: SearchQuery, synonyms: Synonyms) -> SearchPage:
    """``query`` on ``engine``'s index searched with phrase queries only."""
    lookup = engine._phrase_lookup
    engine._phrase_lookup = lambda searcher: None  # type: ignore[method-assign]
    try:
        return search_policies(engine, query, synonyms=synonyms)
    finally:
        engine._phrase_lookup = lookup  # type: ignore[method-assign]


async def test_indexer_holds_the_synonyms_phrases_and_rebuilds_for_new_ones(
    settings, redis_client, tmp_path, monkeypatch
):
    from server.core.db import close_db, init_db
    from server.policies.importer import import_lines
    from server.search import indexer as indexer_module
    from server.search.engine import live_dir, read_meta
    from server.search.indexer import Indexer
    from server.search.synonyms import DEFAULT_GROUPS, load_groups, save_groups
    from tests.conftest import _truncate_postgres

    def record(n: int, body: str) -> str:
        return json.dumps(
            {
                "external_id": f"p-{n}",
                "title": f"关于第{n}批补贴的通知",
                "issuer": "如皋市人力资源和社会保障局",
                "publish_date": "2026-03-01",
                "status": "published",
                "summary": "",
                "body": body,
            },
            ensure_ascii=False,
        )

    if PG_URL:
        await _truncate_postgres(settings.database.url)
    await init_db(settings.database)
    indexer: Indexer | None = None
    try:
        await save_groups(DEFAULT_GROUPS)
        await import_lines([record(1, "企业可申请缓缴社会保险费。")])
        indexer = Indexer(tmp_path / "search")
        await indexer.rebuild()
        path = live_dir(tmp_path / "search")
        assert path is not None
        held = (read_meta(path) or {})["phrases"]
        assert held == list(IndexedPhrases.of_groups(await load_groups()).terms)
        assert "社会保险" in held and not await indexer.phrases_outdated()
        # Followed changes use the index's phrases, and the meta file keeps them.
        await import_lines([record(2, "参加城乡居民基本养老保险的人员。")])
        assert await indexer.catch_up() == 1
        assert (read_meta(path) or {})["phrases"] == held
        engine = SearchEngine(tmp_path / "search")
        engine.refresh(force=True)
        page = search_policies(engine, SearchQuery(q="社保"), synonyms=Synonyms())
        assert [i["title"] for i in page.items] == ["关于第1批补贴的通知"]
        # A group that gains a phrase: answered as a phrase at once (correct, slower),
        # and the following indexer rebuilds by itself.
        await save_groups([*DEFAULT_GROUPS, ("养老保险", "基本养老保险")])
        assert await indexer.phrases_outdated()
        synonyms = Synonyms(groups=tuple(await load_groups()))
        page = search_policies(engine, SearchQuery(q="养老保险"), synonyms=synonyms)
        assert [i["title"] for i in page.items] == ["关于第2批补贴的通知"]
        monkeypatch.setattr(indexer_module, "PHRASE_CHECK_SECONDS", 0.0)
        task = asyncio.create_task(indexer.run_forever(interval=0.05))
        try:
            for _ in range(200):
                new = live_dir(tmp_path / "search")
                if new != path and "基本养老保险" in ((new and read_meta(new)) or {}).get(
                    "phrases", []
                ):
                    break
                await asyncio.sleep(0.05)
            else:
                raise AssertionError("the indexer did not rebuild for the new phrases")
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        assert not await indexer.phrases_outdated()
        engine.refresh(force=True)
        lookup = engine._phrase_lookup(engine.searcher())
        assert lookup is not None  # now answered by the token
        assert lookup(parse_query("养老保险").segments[0], "body") is not None
        page = search_policies(engine, SearchQuery(q="养老保险"), synonyms=synonyms)
        assert [i["title"] for i in page.items] == ["关于第2批补贴的通知"]
    finally:
        if indexer is not None:
            indexer.close()
        await close_db()
