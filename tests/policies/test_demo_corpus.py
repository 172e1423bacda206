"""Checks on the demo policy corpus and the classification trees it is tagged with.

These tests only look at data: ``demo_policies()`` must produce a realistic, internally
consistent corpus that the JSONL importer accepts.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from server.demo import corpus as demo
from server.demo.corpus import REFERENCE_DATE, demo_policies
from server.policies import taxonomy as tx
from server.policies.schemas import PolicyIn

Record = dict[str, object]

ROOT = Path(__file__).resolve().parents[2]
INDUSTRY_CSV = ROOT / "server" / "policies" / "data" / "gbt4754-2017.csv"
SHARED_CSV = ROOT.parent / "shared" / "data" / "gbt4754-2017.csv"

# The import format is the schema: every demo record must carry exactly its fields.
KEYS = set(PolicyIn.model_fields)
GUIDE_KEYS = {
    "conditions",
    "materials",
    "steps",
    "window_start",
    "window_end",
    "online_url",
    "offline_place",
    "hours",
    "phone",
}
EXTERNAL_ID = re.compile(r"^(rg|jd)-(\d{4})-\d{4}$")
DOC_NUMBER = re.compile(r"(〔\d{4}〕\d+号|公告\d{4}年第\d+号)$")
PHONE = re.compile(r"^0513-8\d{7}$")
FORBIDDEN = re.compile(r"lorem|ipsum|示例|TODO|FIXME|xxx|某某|\{|\}|None|。。|，，", re.IGNORECASE)


@pytest.fixture(scope="module")
def corpus() -> list[Record]:
    return demo_policies()


@pytest.fixture(scope="module")
def by_id(corpus: list[Record]) -> dict[str, Record]:
    return {str(r["external_id"]): r for r in corpus}


def _industry_table() -> dict[str, str]:
    with INDUSTRY_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) == {"code", "name", "level", "parent"}
    return {row["code"]: row["level"] for row in rows}


def _texts(record: Record) -> list[str]:
    """Every human-readable string of a record."""
    out = [str(record["title"]), str(record["body"]), str(record["summary"])]
    for card in _dicts(record["illustrated"]):
        out.append(str(card["caption"]))
    for entry in _dicts(record["glossary"]):
        out.extend((str(entry["term"]), str(entry["definition"])))
    for entry in _dicts(record["qa"]):
        out.extend((str(entry["question"]), str(entry["answer"])))
    guide = record["guide"]
    if isinstance(guide, dict):
        out.extend(str(c) for c in guide["conditions"])
        out.extend(str(s) for s in guide["steps"])
        out.extend(f"{m['name']}{m['description']}" for m in guide["materials"])
        out.extend(str(guide[k]) for k in ("offline_place", "hours") if guide[k])
    return out


def _dicts(value: object) -> list[dict[str, object]]:
    assert isinstance(value, list)
    assert all(isinstance(v, dict) for v in value)
    return value


def _strs(value: object) -> list[str]:
    assert isinstance(value, list)
    assert all(isinstance(v, str) for v in value)
    return value


def _date(value: object) -> dt.date:
    assert isinstance(value, str), value
    return dt.date.fromisoformat(value)


def _is_interpretation(record: Record) -> bool:
    return str(record["external_id"]).startswith("jd-")


# ------------------------------------------------------------------------------ shape


def test_size_and_keys(corpus: list[Record]) -> None:
    assert len(corpus) >= 220
    for record in corpus:
        assert set(record) == KEYS, record.get("external_id")


def test_deterministic_and_fresh(corpus: list[Record]) -> None:
    again = demo_policies()
    assert again == corpus
    topics = again[0]["topics"]
    assert isinstance(topics, list)
    topics.append("mutated")
    assert demo_policies()[0]["topics"] != topics


def test_identifiers_titles_and_texts_unique(corpus: list[Record]) -> None:
    for key in ("external_id", "title", "body", "summary"):
        counts = Counter(str(r[key]) for r in corpus)
        duplicates = [v for v, n in counts.items() if n > 1]
        assert not duplicates, (key, duplicates[:3])
    numbers = Counter(str(r["doc_number"]) for r in corpus if r["doc_number"])
    assert [n for n, c in numbers.items() if c > 1] == []


def test_external_id_format(corpus: list[Record]) -> None:
    for record in corpus:
        match = EXTERNAL_ID.match(str(record["external_id"]))
        assert match, record["external_id"]
        if match.group(1) == "rg":
            assert match.group(2) == str(record["publish_date"])[:4]


def test_doc_numbers_in_real_format(corpus: list[Record]) -> None:
    for record in corpus:
        number = record["doc_number"]
        assert isinstance(number, str)
        if _is_interpretation(record):
            assert number == "", "a 解读 carries no 文号"
        else:
            assert DOC_NUMBER.search(number), number


# ------------------------------------------------------------------------------ codes


def test_classification_codes_exist(corpus: list[Record]) -> None:
    topics = tx.topic_codes()
    categories = tx.category_codes()
    stages = set(tx.stage_codes())
    audiences = tx.audience_codes()
    for record in corpus:
        rid = record["external_id"]
        assert _strs(record["topics"]), rid
        assert set(_strs(record["topics"])) <= topics, rid
        assert set(_strs(record["categories"])) <= categories, rid
        assert record["stage"] in stages, rid
        assert record["audience"] in audiences, rid


def test_issuers_and_regions(corpus: list[Record]) -> None:
    known_regions = {r.code for r in tx.REGIONS}
    for record in corpus:
        issuer = demo.issuer_by_name(str(record["issuer"]))
        regions = _strs(record["regions"])
        assert regions == list(issuer.regions), record["external_id"]
        assert all(len(code) == 6 and code in known_regions for code in regions)
    levels = Counter(demo.issuer_by_name(str(r["issuer"])).level for r in corpus)
    assert set(levels) == {"national", "provincial", "city", "county"}
    assert levels["county"] > len(corpus) // 2


def test_categories_follow_audience(corpus: list[Record]) -> None:
    for record in corpus:
        if record["audience"] == "residents":
            assert record["categories"] == [], record["external_id"]
        elif record["audience"] == "enterprises" and record["guide"] is not None:
            assert record["categories"], f"{record['external_id']}: a benefit needs a category"
    used = {c for r in corpus for c in _strs(r["categories"])}
    assert used == tx.category_codes()


def test_industry_codes_exist_in_gbt4754(corpus: list[Record]) -> None:
    table = _industry_table()
    seen = 0
    for record in corpus:
        for code in _strs(record["industries"]):
            seen += 1
            if code in table:
                continue
            # The table lacks a few groups and classes; a well-formed one under a known division
            # is valid (see the CSV's README).
            assert re.fullmatch(r"\d{3,4}", code) and code[:2] in table, code
    assert seen >= 50


@pytest.mark.skipif(not SHARED_CSV.exists(), reason="shared reference data not present")
def test_industry_csv_copy_matches_reference() -> None:
    assert INDUSTRY_CSV.read_bytes() == SHARED_CSV.read_bytes()


def test_related_ids_exist(corpus: list[Record], by_id: dict[str, Record]) -> None:
    for record in corpus:
        for other in _strs(record["related"]):
            assert other in by_id, (record["external_id"], other)
            assert other != record["external_id"]


def test_interpretations_link_to_their_policy(
    corpus: list[Record], by_id: dict[str, Record]
) -> None:
    interpretations = [r for r in corpus if _is_interpretation(r)]
    assert len(interpretations) >= 15
    for record in interpretations:
        title = str(record["title"])
        assert title.startswith("《") and title.endswith("》政策解读"), title
        (parent_id,) = _strs(record["related"])
        parent = by_id[parent_id]
        assert record["external_id"] in _strs(parent["related"])
        assert str(parent["doc_number"]) in str(record["body"])
        assert _date(record["publish_date"]) >= _date(parent["publish_date"])


# ------------------------------------------------------------------------------ dates and status


def test_dates_parse_and_are_ordered(corpus: list[Record]) -> None:
    for record in corpus:
        published = _date(record["publish_date"])
        assert dt.date(2019, 1, 1) <= published <= REFERENCE_DATE, record["external_id"]
        effective = _date(record["effective_date"]) if record["effective_date"] else None
        expiry = _date(record["expiry_date"]) if record["expiry_date"] else None
        if effective and expiry:
            assert effective <= expiry, record["external_id"]
    years = {str(r["publish_date"])[:4] for r in corpus}
    assert years == {str(y) for y in range(2019, 2027)}


def test_status_matches_dates(corpus: list[Record]) -> None:
    for record in corpus:
        status = record["status"]
        expiry = _date(record["expiry_date"]) if record["expiry_date"] else None
        if status == "expired":
            assert expiry is not None and expiry < REFERENCE_DATE, record["external_id"]
        elif status == "published":
            assert expiry is None or expiry >= REFERENCE_DATE, record["external_id"]
        else:
            assert status == "draft"
            assert "征求意见稿" in str(record["title"])
            assert record["effective_date"] is None and record["guide"] is None
            assert "征求意见" in str(record["body"])


def test_status_mix(corpus: list[Record]) -> None:
    counts = Counter(str(r["status"]) for r in corpus)
    assert 8 <= counts["expired"] <= 16
    assert counts["draft"] >= 3
    assert counts["published"] >= len(corpus) * 0.85


def test_every_stage_is_used(corpus: list[Record]) -> None:
    counts = Counter(str(r["stage"]) for r in corpus)
    assert set(counts) == set(tx.stage_codes())
    assert min(counts.values()) >= 5


# ------------------------------------------------------------------------------ versions


def test_guides(corpus: list[Record]) -> None:
    guided = [r for r in corpus if r["guide"] is not None]
    assert len(guided) >= 80
    for record in guided:
        guide = record["guide"]
        assert isinstance(guide, dict)
        assert set(guide) == GUIDE_KEYS
        assert _strs(guide["conditions"]) and _strs(guide["steps"])
        for material in _dicts(guide["materials"]):
            assert set(material) == {"name", "description"} and material["name"]
        start, end = guide["window_start"], guide["window_end"]
        assert (start is None) == (end is None)
        if start is not None:
            assert _date(start) <= _date(end)
            assert _date(start).year == _date(end).year
        url = guide["online_url"]
        assert url is None or url == f"/pages/apply/index?policy={record['external_id']}"
        assert guide["offline_place"]
        assert PHONE.match(str(guide["phone"])), guide["phone"]


def test_illustrated_versions(corpus: list[Record]) -> None:
    illustrated = [r for r in corpus if r["illustrated"]]
    assert 20 <= len(illustrated) <= 40
    for record in illustrated:
        cards = _dicts(record["illustrated"])
        assert 3 <= len(cards) <= 6
        for card in cards:
            assert set(card) == {"caption", "image"}
            assert card["image"] is None and str(card["caption"]).strip()


def test_glossary_and_qa(corpus: list[Record]) -> None:
    with_glossary = [r for r in corpus if r["glossary"]]
    with_qa = [r for r in corpus if r["qa"]]
    assert 50 <= len(with_glossary) <= 100
    assert 50 <= len(with_qa) <= 110
    for record in with_glossary:
        entries = _dicts(record["glossary"])
        assert 1 <= len(entries) <= 4
        assert all(set(e) == {"term", "definition"} and e["term"] for e in entries)
    for record in with_qa:
        entries = _dicts(record["qa"])
        assert 2 <= len(entries) <= 4
        for entry in entries:
            assert set(entry) == {"question", "answer"}
            assert str(entry["question"]).endswith("？") and str(entry["answer"]).endswith("。")


# ------------------------------------------------------------------------------ text


def test_text_lengths(corpus: list[Record]) -> None:
    for record in corpus:
        rid = record["external_id"]
        assert 300 <= len(str(record["body"])) <= 3000, rid
        assert 80 <= len(str(record["summary"])) <= 250, rid
        assert 8 <= len(str(record["title"])) <= 120, rid
        assert "\n" in str(record["body"]), rid


def test_no_placeholder_text(corpus: list[Record]) -> None:
    for record in corpus:
        for text in _texts(record):
            match = FORBIDDEN.search(text)
            assert match is None, (record["external_id"], match.group(0), text[:60])


def test_search_friendly_vocabulary(corpus: list[Record]) -> None:
    def count(term: str) -> int:
        return sum(1 for r in corpus if term in str(r["title"]) + str(r["body"]))

    for term, at_least in (("补贴", 40), ("企业", 100), ("申请", 60), ("老人", 10)):
        assert count(term) >= at_least, term
    for term in ("5G基站", "A级纳税人", "B级", "ETC", "PM2.5", "12345", "CCER"):
        assert count(term) >= 2, term
    for rare in ("碳", "桑", "茧", "菌"):
        assert 1 <= count(rare) <= 15, rare


def test_schema_accepts_every_record(corpus: list[Record]) -> None:
    schemas = pytest.importorskip("server.policies.schemas")
    for record in corpus:
        schemas.PolicyIn.model_validate(record)


# ------------------------------------------------------------------------------ taxonomy


def test_topic_tree_shape() -> None:
    slug = re.compile(r"^[a-z][a-z0-9-]*$")
    assert 14 <= len(tx.TOPICS) <= 20
    codes = [n.code for n in tx.iter_nodes(tx.TOPICS)]
    assert len(codes) == len(set(codes))
    for top in tx.TOPICS:
        assert slug.match(top.code) and top.name
        assert 2 <= len(top.children) <= 5, top.code
        for child in top.children:
            parent, _, leaf = child.code.partition(".")
            assert parent == top.code and slug.match(leaf) and child.name
            assert child.children == ()
    assert tx.topic_top_level("social-security.pension") == "social-security"


def test_enterprise_categories() -> None:
    codes = [c.code for c in tx.ENTERPRISE_CATEGORIES]
    assert len(codes) == 14 == len(set(codes))
    assert codes[:7] == [
        "employment",
        "fiscal-tax",
        "finance",
        "talent",
        "innovation",
        "education-livelihood",
        "technology",
    ]
    names = {c.code: c.name for c in tx.ENTERPRISE_CATEGORIES}
    assert names["employment"] == "稳岗就业" and names["technology"] == "科技政策"


def test_stages_and_audiences() -> None:
    assert tx.stage_codes() == ("decision", "execution", "management", "service", "result")
    assert [s.name for s in tx.DISCLOSURE_STAGES] == ["决策", "执行", "管理", "服务", "结果"]
    assert sorted(["result", "decision", "service"], key=tx.stage_sort_key) == [
        "decision",
        "service",
        "result",
    ]
    assert {a.code: a.name for a in tx.AUDIENCES} == {
        "residents": "居民",
        "enterprises": "企业",
        "both": "通用",
    }


def test_region_ancestors() -> None:
    assert tx.Region("320682", "如皋市", "county", "320600") == demo.DEMO_REGION
    assert tx.region_ancestors("320682") == ["320682", "320600", "320000"]
    assert tx.region_ancestors("320600") == ["320600", "320000"]
    assert tx.region_ancestors("320000") == ["320000"]
    assert tx.region_ancestors("110105") == ["110105", "110100", "110000"]
    assert tx.region_ancestors("320682100") == ["320682100", "320682", "320600", "320000"]
    for bad in ("", "32068", "abcdef", "３２０６８２"):
        with pytest.raises(ValueError):
            tx.region_ancestors(bad)


def test_issuers() -> None:
    issuers = demo.all_issuers()
    assert len(issuers) >= 25
    assert len({i.code for i in issuers}) == len({i.name for i in issuers}) == len(issuers)
    expected = {"national": (), "provincial": ("320000",), "city": ("320600",)}
    for issuer in issuers:
        assert expected.get(issuer.level, ("320682",)) == issuer.regions, issuer.code
        assert demo.issuer_by_code(issuer.code) is demo.issuer_by_name(issuer.name)
    with pytest.raises(KeyError):
        demo.issuer_by_name("不存在的机关")


def test_built_in_trees_are_generic() -> None:
    """Every deployment gets national issuers and the complete GB/T 2260 list, nothing of
    one county: the demo's bodies and towns live in server/demo/data."""
    assert {i.level for i in tx.ISSUERS} == {"national"}
    assert not hasattr(tx, "DEMO_REGION") and not hasattr(tx, "DEMO_TOWNS")
    assert all("如皋" not in i.name for i in tx.ISSUERS)
    levels = Counter(r.level for r in tx.REGIONS)
    assert levels["province"] == 31 and levels["city"] >= 330 and levels["county"] >= 2800
    codes = {r.code for r in tx.REGIONS}
    assert len(codes) == len(tx.REGIONS)
    for region in tx.REGIONS:
        assert region.parent is None or region.parent in codes, region
        assert (region.parent is None) == (region.level == "province")
    assert tx.region_by_code("320682") == tx.Region("320682", "如皋市", "county", "320600")
    assert tx.region_by_code("429004") is not None
    assert tx.region_ancestors("429004") == ["429004", "429000", "420000"]


def test_demo_content_is_data_not_code() -> None:
    """The demo corpus is read from data files shipped beside the loader."""
    assert demo.POLICIES_FILE.suffix == ".jsonl" and demo.DEMO_FILE.suffix == ".json"
    assert not (ROOT / "server" / "policies" / "demo_corpus.py").exists()
    assert demo.DEMO_TOWNS and "白蒲镇" in demo.DEMO_TOWNS
    assert ("rgrsj", "如皋市人力资源和社会保障局") in demo.demo_departments()
