"""Tests for server.search.phrases: multi-character synonym terms indexed as single tokens,
and phrases searched with fewer of their tokens, answer exactly as the whole phrases would
(same documents, same scores); the indexer keeps the tokens in step with the synonyms."""

from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from server.search import query as qb
from server.search.analysis import index_fields, parse_query
from server.search.engine import SearchEngine
from server.search.phrases import (
    MAX_PHRASES,
    NO_PHRASES,
    PHRASE_MARK,
    IndexedPhrases,
    phrase_lookup,
    sparse_tokens,
)
from server.search.schema import TEXT_FIELDS, PolicySource
from server.search.service import SearchPage, SearchQuery, search_policies
from server.search.synonyms import Synonyms
from tests.conftest import PG_URL
from tests.policies.search_helpers import build_engine, build_index, text_source


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
    # Deleted documents count in the statistics until merged: the boosts must allow for it.
    return build_engine(root, sources, phrases, delete_ids=range(1, 161, 9))


def test_held_phrases_answer_as_the_phrases_do(tmp_path: Path) -> None:
    sources = _sources(11)
    held = _engine(tmp_path / "held", sources, IndexedPhrases.of(TERMS))
    plain = _engine(tmp_path / "plain", sources, NO_PHRASES)
    searcher = held.searcher()
    lookup = held._phrase_lookup(searcher)
    plain_lookup = plain._phrase_lookup(plain.searcher())
    assert lookup is not None and plain_lookup is not None
    social = parse_query("社会保险").segments[0]
    # Answered by the token where the index holds it, else by a phrase of fewer tokens;
    # either is boosted by the weight of what it leaves out.
    assert (held_plan := lookup(social, "body")) is not None
    assert held_plan[0] == PHRASE_MARK + "社会保险" and held_plan[1] > 1
    assert (sparse_plan := plain_lookup(social, "body")) is not None
    assert sparse_plan[0] == [(0, "社会"), (2, "保险")] and sparse_plan[1] > 1
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
        assert lookup is not None
        plan = lookup(parse_query("养老保险").segments[0], "body")
        assert plan is not None and plan[0] == PHRASE_MARK + "养老保险"  # now by the token
        page = search_policies(engine, SearchQuery(q="养老保险"), synonyms=synonyms)
        assert [i["title"] for i in page.items] == ["关于第2批补贴的通知"]
    finally:
        if indexer is not None:
            indexer.close()
        await close_db()


# --------------------------------------------------------------------------- sparse phrases


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("稳岗返还", [(0, "稳岗"), (2, "返还")]),
        ("创业担保贷款", [(0, "创业"), (2, "担保"), (4, "贷款")]),
        ("5G基站", [(0, "5"), (1, "g"), (3, "基站")]),  # the leading unigram 基
        ("A级纳税人", [(0, "a"), (2, "级纳"), (4, "税人")]),
        ("2023年度", [(0, "2023"), (2, "年度")]),
        ("税人A", [(0, "税人"), (2, "a")]),  # the terminal unigram 人
        ("皋政发〔2023〕15号", [(0, "皋政"), (2, "发"), (3, "2023"), (4, "15"), (5, "号")]),
        ("补贴", [(0, "补贴")]),
        ("x86", [(0, "x"), (1, "86")]),
        ("28号文件", [(0, "28"), (2, "号文"), (3, "文件")]),
    ],
)
def test_the_tokens_that_pin_a_phrase_down(query: str, kept: list[tuple[int, str]]) -> None:
    assert sparse_tokens(parse_query(query).segments[0].tokens) == kept


SPARSE_TEXTS = {
    1: "稳岗返还",
    2: "稳岗。返还",  # two Han runs: 稳岗 岗 | 返还 — the break keeps 返还 off offset 2
    3: "稳岗 岗返还",
    4: "A级纳税人",
    5: "A级纳，税人",  # a 级 级纳 纳 | 税人
    6: "A级，纳税人",
    7: "5G基站",
    8: "5G号，基站",  # 5 g 号 | 基站
    9: "5G 基站",  # separators between a word and a Han run do not count
    10: "税人A",
    11: "税人，A",
    12: "税人，人A",
    13: "创业担保贷款",
    14: "创业担，保贷款",
}
SPARSE_QUERIES = {
    "稳岗返还": {1},
    "A级纳税人": {4},
    "5G基站": {7, 9},
    "税人A": {10, 11},
    "创业担保贷款": {13},
}


def test_a_phrase_of_fewer_tokens_finds_exactly_the_texts_holding_it(tmp_path: Path) -> None:
    """Left-out tokens are implied only because a Han run after a Han run starts a new
    value: without that break, 稳岗。返还 would hold 稳岗 and, two positions on, 返还."""
    sources = [text_source(pid, "", "", text) for pid, text in SPARSE_TEXTS.items()]
    index = build_index(tmp_path, sources)
    searcher = index.searcher()
    lookup = phrase_lookup(
        lambda f, t: int(searcher.doc_freq(f, t)), searcher.num_docs, NO_PHRASES, {}
    )
    for q, expected in SPARSE_QUERIES.items():
        seg = parse_query(q).segments[0]
        plan = lookup(seg, "body")
        assert plan is not None and len(plan[0]) < len(seg.tokens), q  # fewer tokens
        for plans in (lookup, None):
            query = qb.segment_query(seg, "body", plans)
            found = {
                int(searcher.doc(a).get_first("id")) for _, a in searcher.search(query, 50).hits
            }
            assert found == expected, (q, plans is None)


def test_a_phrase_of_fewer_tokens_scores_as_the_whole_phrase(tmp_path: Path) -> None:
    sources = _sources(5)
    engine = _engine(tmp_path, sources, NO_PHRASES)  # with deleted documents
    searcher = engine.searcher()
    lookup = engine._phrase_lookup(searcher)
    rng = random.Random(3)
    bodies = [s.body_text for s in sources]
    checked = 0
    for _ in range(150):
        body = rng.choice(bodies)
        start = rng.randrange(max(1, len(body) - 6))
        q = body[start : start + rng.randint(4, 6)]
        pq = parse_query(q)
        if len(pq.segments) != 1 or len(sparse_tokens(pq.segments[0].tokens)) == len(
            pq.segments[0].tokens
        ):
            continue
        seg = pq.segments[0]
        for field in TEXT_FIELDS:
            got = searcher.search(qb.segment_query(seg, field, lookup), 200).hits
            want = searcher.search(qb.segment_query(seg, field), 200).hits
            assert len(got) == len(want), (q, field)
            for (s1, a1), (s2, a2) in zip(got, want, strict=True):
                assert a1.doc == a2.doc and abs(s1 - s2) <= 1e-5 * s2, (q, field)
            checked += len(got)
    assert checked > 50
