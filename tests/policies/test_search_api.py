"""Policy search over HTTP against the demo corpus, on SQLite and PostgreSQL alike.

Every case is checked two ways: the result set (all pages) and ``total`` must equal what
the ``SearchOracle`` finds by scanning the stored rows (see ``conftest.py``), and where the
corpus author knows the best answer, that policy must come first. The corpus takes a few
seconds to load, so each test bundles many cases and reports every failure at once.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.demo.corpus import issuer_by_code
from server.policies.models import Policy
from server.search.analysis import normalize
from tests.policies.conftest import Row, SearchOracle, fetch_all

SEARCH = "/api/v1/policies/search"
BROWSE = "/api/v1/policies"
STAGES = ["decision", "execution", "management", "service", "result"]


@dataclass(frozen=True)
class Case:
    """One query: expected first result and/or exact top set, on top of the oracle check."""

    q: str
    first: str | None = None
    top: frozenset[str] | None = None  # the first len(top) results, in any order
    scope: str = "all"
    status: str = "published"
    params: dict[str, Any] = field(default_factory=dict)
    where: Callable[[Row], bool] | None = None
    min_hits: int = 1  # guards against a case that silently tests nothing


def top(*ids: str) -> frozenset[str]:
    return frozenset(ids)


# Ground truth from the corpus author: the policy a resident is looking for comes first.
RANKED = [
    Case("皋人社发〔2024〕8号", first="rg-2024-0265"),
    Case("财政部 税务总局公告2022年第14号", first="rg-2022-0332"),
    Case("工信部企业〔2022〕63号", first="rg-2022-0431"),
    Case("皋政通〔2025〕3号", first="rg-2025-0764"),
    Case("零碳工厂", first="rg-2025-0583"),
    Case("5G-A", first="rg-2024-0543"),
    Case("5G基站", top=top("rg-2020-0541", "rg-2022-0542", "rg-2024-0543")),
    Case("５Ｇ基站", top=top("rg-2020-0541", "rg-2022-0542", "rg-2024-0543")),  # full width
    Case("明厨亮灶", first="rg-2024-0982"),
    Case("刷脸乘车", first="rg-2024-0852"),
    Case("纳税信用修复", first="rg-2019-0381"),
    Case("2023年度纳税信用A级纳税人", first="rg-2024-0373"),
    Case("B级和M级", first="rg-2025-0383"),
    Case("网格事项准入", first="rg-2025-0943"),
    Case("全年全域禁止露天焚烧秸秆", first="rg-2023-0763"),
    Case("老年人电子优待证", first="rg-2022-0012"),
    Case("高龄老人津贴", first="rg-2021-0022"),
    Case("幸福河湖", first="rg-2022-0822"),
    Case("PM2.5", first="rg-2023-0813", min_hits=4),  # title hit beats 0811/0812/0814 (body)
    Case("pm2.5", first="rg-2023-0813", min_hits=4),
    Case("ETC", first="rg-2020-0861", min_hits=3),
    Case("方格蔟", first="rg-2023-0772"),
    Case("如皋菌菇", first="rg-2025-0782"),
    Case("银发旅游券", first="rg-2025-0914"),
    Case("海外仓", first="rg-2023-0662"),
    Case("RCEP", first="rg-2024-0653"),
    Case("ｒｃｅｐ", first="rg-2024-0653"),
    Case("HPV", first="rg-2024-0192"),
    Case("碳普惠", first="rg-2024-0592"),  # the draft rg-2026-0593 is not public
    Case("茧", top=top("rg-2020-0771", "rg-2023-0772", "rg-2024-0733"), min_hits=3),
]

# Result sets only (the oracle decides): 1-, 2-, 4-character, mixed and odd queries.
ONE_CHAR = ["补", "碳", "税", "桑", "蚕", "菇", "药", "桥"]
TWO_CHARS = ["补贴", "企业", "申请", "老人", "养老", "社保", "医保", "秸秆", "就业"]
TWO_CHARS += ["农业", "创业", "人才", "一次性"]
FOUR_CHARS = ["稳岗返还", "高新技术", "失业保险", "留抵退税", "家庭医生", "老旧小区"]
FOUR_CHARS += ["专精特新", "中小企业"]
MIXED = ["5G", "A级", "A级纳税人", "12345", "12345热线", "2024年", "g", "5", "〔2024〕", "第14号"]
MIXED += ["0513-87523608", "9:00", "如皋市 补贴", "养老 服务 补贴", "老人、津贴"]

# Result sets only (the oracle decides): 1-, 2-, 4-character, mixed and odd queries.
COUNTED = [
    *(Case(q) for q in ONE_CHAR + TWO_CHARS + FOUR_CHARS + MIXED),
    Case("量子引力", min_hits=0),
    Case("xyzzy", min_hits=0),
]

# Title-only scope: only title (and document number) hits count.
TITLE_SCOPE = [
    Case(q, scope="title")
    for q in ["补", "补贴", "企业", "老人", "PM2.5", "ETC", "5G基站", "专精特新"]
] + [Case(q, scope="title", min_hits=0) for q in ["申请", "社保", "RCEP"]]


def _in_range(lo: str | None, hi: str | None) -> Callable[[Row], bool]:
    def check(r: Row) -> bool:
        d = r.publish_date
        return (
            d is not None
            and (lo is None or d >= date.fromisoformat(lo))
            and (hi is None or d <= date.fromisoformat(hi))
        )

    return check


def _topic(code: str) -> Callable[[Row], bool]:
    return lambda r: any(t == code or t.startswith(code + ".") for t in r.topics)


def _audience(value: str) -> Callable[[Row], bool]:
    return lambda r: r.audience in (value, "both")


def _region(*scope: str) -> Callable[[Row], bool]:
    return lambda r: not r.regions or bool(set(r.regions) & set(scope))


def _issuer(code: str) -> Callable[[Row], bool]:
    name = issuer_by_code(code).name
    return lambda r: r.issuer == name


def _industry_ancestors() -> dict[str, set[str]]:
    path = Path(__file__).resolve().parents[2] / "server/policies/data/gbt4754-2017.csv"
    with path.open(encoding="utf-8", newline="") as f:
        parent = {row["code"]: row["parent"] for row in csv.DictReader(f)}
    out: dict[str, set[str]] = {}
    for code in parent:
        chain, node = set(), code
        while node:
            chain.add(node)
            node = parent.get(node, "")
        out[code] = chain
    return out


_INDUSTRY = _industry_ancestors()


def _industry(code: str) -> Callable[[Row], bool]:
    return lambda r: any(code in _INDUSTRY.get(i, {i}) for i in r.industries)


# Filters together with a query.
FILTERED = [
    Case("补贴", params={"topic": "agriculture"}, where=_topic("agriculture")),
    Case("补贴", params={"topic": "employment.subsidy"}, where=_topic("employment.subsidy")),
    Case("补贴", params={"audience": "enterprises"}, where=_audience("enterprises")),
    Case("补贴", params={"audience": "residents"}, where=_audience("residents")),
    Case("企业", params={"category": "finance"}, where=lambda r: "finance" in r.categories),
    Case("申请", params={"stage": "service"}, where=lambda r: r.stage == "service"),
    Case(
        "补",
        params={"stage": ["decision", "result"]},
        where=lambda r: r.stage in ("decision", "result"),
    ),
    Case("养老", params={"region": "320682"}, where=_region("320682", "320600", "320000")),
    Case("企业", params={"region": "320500"}, where=_region("320500", "320000")),
    Case(
        "补贴",
        params={"date_from": "2024-01-01", "date_to": "2024-12-31"},
        where=_in_range("2024-01-01", "2024-12-31"),
    ),
    Case("补贴", params={"issuer": "rg-hrss"}, where=_issuer("rg-hrss")),
    Case("企业", params={"industry": "C"}, where=_industry("C")),
    Case(
        "企业",
        params={"topic": "industry-it", "audience": "enterprises", "stage": "service"},
        where=lambda r: (
            _topic("industry-it")(r) and _audience("enterprises")(r) and r.stage == "service"
        ),
    ),
]


async def _check(
    client: httpx.AsyncClient, oracle: SearchOracle, case: Case, path: str = SEARCH
) -> list[str]:
    """Problems with one case (empty when it passes)."""
    params: dict[str, Any] = {"scope": case.scope, "status": case.status, **case.params}
    if path == SEARCH:
        params["q"] = case.q
    items, total, match = await fetch_all(client, path, params, with_match=True)
    got = [i["id"] for i in items]
    expected = oracle.find(
        case.q if path == SEARCH else None, scope=case.scope, status=case.status, where=case.where
    )
    label = f"{case.q!r} {case.scope} {case.status} {case.params}"
    problems = []
    if match == "related":
        # Nothing matched as written, so the engine relaxed the query (words, any word)
        # and says so: the oracle's exact set must then be empty.
        if expected:
            problems.append(f"{label}: relaxed although {len(expected)} exact hits exist")
        if len(expected) < case.min_hits:
            problems.append(f"{label}: the corpus has only {len(expected)} hits; case is vacuous")
        return problems
    if match != ("exact" if expected or path != SEARCH else "none"):
        problems.append(f"{label}: labelled {match!r}")
    if len(got) != len(set(got)):
        problems.append(f"{label}: duplicate results")
    if set(got) != expected or total != len(expected):
        problems.append(
            f"{label}: total {total}, expected {len(expected)}; unexpected "
            f"{oracle.ext(set(got) - expected)[:5]}, missing {oracle.ext(expected - set(got))[:5]}"
        )
    if len(expected) < case.min_hits:
        problems.append(f"{label}: the corpus has only {len(expected)} hits; case is vacuous")
    ranked = [oracle.by_id[i].external_id for i in got]
    if case.first and ranked[:1] != [case.first]:
        problems.append(f"{label}: expected {case.first} first, got {ranked[:3]}")
    if case.top and set(ranked[: len(case.top)]) != case.top:
        problems.append(f"{label}: expected {sorted(case.top)} on top, got {ranked[:5]}")
    return problems


async def test_search_cases_match_the_corpus(demo_client, oracle):
    """60+ queries: result sets equal the oracle's, best answers first."""
    cases = [*RANKED, *COUNTED, *TITLE_SCOPE, *FILTERED, *_doc_number_cases(oracle)]
    assert len(cases) >= 50
    problems: list[str] = []
    for case in cases:
        problems += await _check(demo_client, oracle, case)
    assert not problems, "\n".join(problems)


def _doc_number_cases(oracle: SearchOracle) -> list[Case]:
    """Every 12th published document number, searched as typed: its policy comes first
    whenever no other title carries every part of the number."""
    published = sorted(
        (r for r in oracle.rows if r.status == "published" and r.doc_number),
        key=lambda r: r.external_id,
    )
    cases = []
    for r in published[::12]:
        if oracle.find(r.doc_number, scope="title") == {r.id}:
            cases.append(Case(r.doc_number, first=r.external_id))
    assert len(cases) >= 10
    return cases


async def test_status_drafts_and_expired(demo_client, oracle, corpus):
    """Drafts are never found; expired policies only with status=expired; 以工代训 and 茧
    are found under the status the corpus gives them."""
    problems: list[str] = []
    by_ext = {str(p["external_id"]): p for p in corpus}
    for q, ext in [("以工代训", "rg-2020-0301"), ("茧", "rg-2020-0771")]:
        status = str(by_ext[ext]["status"])
        other = "expired" if status == "published" else "published"
        own = [
            oracle.by_id[i["id"]].external_id
            for i in (await fetch_all(demo_client, SEARCH, {"q": q, "status": status}))[0]
        ]
        elsewhere = [
            oracle.by_id[i["id"]].external_id
            for i in (await fetch_all(demo_client, SEARCH, {"q": q, "status": other}))[0]
        ]
        if ext not in own or ext in elsewhere:
            problems.append(
                f"{q}: {ext} ({status}) found under {status}: {own}; under {other}: {elsewhere}"
            )
    drafts = [p for p in corpus if p["status"] == "draft"]
    assert drafts
    for p in drafts:
        r = await demo_client.get(SEARCH, params={"q": str(p["title"])[:20]})
        found = {oracle.by_id[i["id"]].external_id for i in r.json()["items"]}
        if p["external_id"] in found:
            problems.append(f"draft {p['external_id']} found by its title")
        policy = await Policy.get(external_id=p["external_id"])
        detail = await demo_client.get(f"{BROWSE}/{policy.id}")
        if detail.status_code != 404:
            problems.append(f"draft {p['external_id']} detail answered {detail.status_code}")
    expired = [p for p in corpus if p["status"] == "expired"]
    items, total = await fetch_all(demo_client, BROWSE, {"status": "expired"})
    if {oracle.by_id[i["id"]].external_id for i in items} != {p["external_id"] for p in expired}:
        problems.append(f"browse status=expired: {total} items, corpus has {len(expired)}")
    for p in expired[:3]:
        policy = await Policy.get(external_id=p["external_id"])
        r = await demo_client.get(f"{BROWSE}/{policy.id}")
        if r.status_code != 200 or r.json()["status"] != "expired":
            problems.append(f"expired {p['external_id']} detail: {r.status_code}")
    assert not problems, "\n".join(problems)


async def test_browse_filters_and_classification_counts(demo_client, oracle):
    """Browsing by each classification returns exactly the corpus records filed under it,
    and the trees report the same counts."""
    # Date bounds that are real publish dates, so inclusive/exclusive mistakes show.
    dates = sorted({r.publish_date for r in oracle.rows if r.status == "published"})
    lo, hi = dates[len(dates) // 3].isoformat(), dates[len(dates) // 2].isoformat()
    cases = [
        Case("", params={"date_from": lo, "date_to": hi}, where=_in_range(lo, hi)),
        Case("", params={"date_from": hi}, where=_in_range(hi, None)),
        Case("", params={"date_to": lo}, where=_in_range(None, lo)),
        Case("", params={"topic": "elderly-care"}, where=_topic("elderly-care")),
        Case(
            "", params={"topic": "elderly-care.allowance"}, where=_topic("elderly-care.allowance")
        ),
        Case(
            "",
            params={"topic": ["environment", "agriculture"]},
            where=lambda r: _topic("environment")(r) or _topic("agriculture")(r),
        ),
        Case("", params={"category": "green"}, where=lambda r: "green" in r.categories),
        Case(
            "",
            params={"stage": ["decision", "result"]},
            where=lambda r: r.stage in ("decision", "result"),
        ),
        Case("", params={"audience": "residents"}, where=_audience("residents")),
        Case("", params={"region": "320682"}, where=_region("320682", "320600", "320000")),
        Case("", params={"region": "320500"}, where=_region("320500", "320000")),
        Case("", params={"date_from": "2025-03-01"}, where=_in_range("2025-03-01", None)),
        Case("", params={"date_to": "2020-06-30"}, where=_in_range(None, "2020-06-30")),
        Case(
            "",
            params={"issuer": ["rg-civil", "mof"]},
            where=lambda r: _issuer("rg-civil")(r) or _issuer("mof")(r),
        ),
        Case("", params={"industry": "A"}, where=_industry("A")),
        Case("", params={"industry": "01"}, where=_industry("01")),
    ]
    problems: list[str] = []
    for case in cases:
        problems += await _check(demo_client, oracle, case, path=BROWSE)
    # Region filters really narrow: the county's own policies are not shown to 苏州 (320500).
    county = oracle.find(None, where=lambda r: r.regions == ["320682"])
    assert county
    items, _ = await fetch_all(demo_client, BROWSE, {"region": "320500"})
    assert not county & {i["id"] for i in items}

    trees = (await demo_client.get(f"{BROWSE}/classifications")).json()
    flat: dict[tuple[str, str], int] = {}

    def walk(scheme: str, nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            flat[(scheme, n["code"])] = n["count"]
            walk(scheme, n["children"])

    for scheme, nodes in trees.items():
        walk(scheme, nodes)
    expectations = {
        ("topic", "elderly-care"): _topic("elderly-care"),
        ("topic", "finance-tax.tax-relief"): _topic("finance-tax.tax-relief"),
        ("category", "relief"): lambda r: "relief" in r.categories,
        ("stage", "decision"): lambda r: r.stage == "decision",
        ("issuer", "rg-hrss"): _issuer("rg-hrss"),
        ("region", "320682"): lambda r: "320682" in r.regions,
        ("industry", "C"): _industry("C"),
    }
    for key, where in expectations.items():
        expected = len(oracle.find(None, where=where))
        if flat.get(key) != expected or not expected:
            problems.append(f"classification count {key}: {flat.get(key)}, expected {expected}")
    topic_names = {n["code"]: n["name"] for n in trees["topic"]}
    assert topic_names["elderly-care"] == "养老服务"
    assert [n["code"] for n in trees["stage"]] == STAGES
    assert not problems, "\n".join(problems)


async def test_sorting_pagination_and_highlighting(demo_client, oracle):
    items, _ = await fetch_all(demo_client, SEARCH, {"q": "补贴", "sort": "date"})
    dates = [i["publish_date"] for i in items]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 5

    items, _ = await fetch_all(demo_client, SEARCH, {"q": "补", "sort": "stage"})
    ranks = [STAGES.index(i["stage"]) for i in items]
    assert ranks == sorted(ranks) and len(set(ranks)) >= 3

    items, _ = await fetch_all(demo_client, BROWSE, {"topic": "employment"})
    dates = [i["publish_date"] for i in items]
    assert dates == sorted(dates, reverse=True)  # browsing is newest first

    # Pages are disjoint, consecutive slices of one ordering.
    expected = oracle.find("企业")
    pages = []
    for page in range(1, 5):
        r = await demo_client.get(SEARCH, params={"q": "企业", "page": page, "page_size": 7})
        body = r.json()
        assert body["total"] == len(expected) and len(body["items"]) == 7
        assert (body["page"], body["page_size"]) == (page, 7)
        pages.append([i["id"] for i in body["items"]])
    union = {i for p in pages for i in p}
    assert len(union) == 28 and union <= expected
    r = await demo_client.get(SEARCH, params={"q": "企业", "page_size": 28})
    assert [i["id"] for i in r.json()["items"]] == [i for p in pages for i in p]
    last = await demo_client.get(SEARCH, params={"q": "企业", "page": 500, "page_size": 50})
    assert last.json()["items"] == [] and last.json()["total"] == len(expected)

    # Highlighting: <em> around the query in titles and snippets, everything escaped.
    problems = []
    for q in ["明厨亮灶", "高龄老人津贴", "补贴", "茧", "秸秆"]:
        items, _ = await fetch_all(demo_client, SEARCH, {"q": q})
        assert items
        for item in items:
            row = oracle.by_id[item["id"]]
            assert set(item) >= {
                "id",
                "title",
                "title_highlighted",
                "doc_number",
                "issuer",
                "publish_date",
                "stage",
                "audience",
                "snippet",
            }
            if q in row.title and f"<em>{q}</em>" not in item["title_highlighted"]:
                problems.append(f"{q}: title not highlighted: {item['title_highlighted']}")
            if item["title_highlighted"].replace("<em>", "").replace("</em>", "") != row.title:
                problems.append(f"{q}: highlighted title differs: {item['title_highlighted']}")
            if q in normalize(row.body_text) and f"<em>{q}</em>" not in item["snippet"]:
                problems.append(f"{q}: snippet without the query: {item['snippet']}")
            if len(item["snippet"]) > 200 or "<script" in item["snippet"]:
                problems.append(f"{q}: bad snippet {item['snippet']!r}")
    r = await demo_client.get(SEARCH, params={"q": "PM2.5"})
    first = r.json()["items"][0]
    # The query is cut at "." into "pm2" and "5"; both parts are marked, in their original case.
    assert "<em>PM2</em>.<em>5</em>" in first["title_highlighted"], first
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "〔〕《》，。"}, "q"),  # punctuation only
        ({"q": "补" * 65}, "q"),
        ({"q": "补贴", "sort": "random"}, "sort"),
        ({"q": "补贴", "scope": "body"}, "scope"),
        ({"q": "补贴", "page": "0"}, "page"),
        ({"q": "补贴", "page_size": "51"}, "page_size"),
        ({"q": "补贴", "date_from": "2024-13-01"}, "date_from"),
        ({"q": "补贴", "date_from": "2024-05-01", "date_to": "2024-04-01"}, None),
        ({"q": "补贴", "region": "32068"}, "region"),
        ({"q": "补贴", "audience": "aliens"}, "audience"),
        ({"q": "补贴", "stage": "planning"}, "stage.0"),
        ({"q": "补贴", "status": "draft"}, "status"),
        ({"q": "补贴", "status": "withdrawn"}, "status"),
        ({"q": "补贴", "bogus": "1"}, "bogus"),
    ],
)
async def test_bad_search_requests_are_422(client, params, field):
    r = await client.get(SEARCH, params=params)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error" and error["message"]
    if field is not None:
        assert error["field"] == field


async def test_query_length_limit_is_64_characters(client):
    ok = await client.get(SEARCH, params={"q": "补" * 64})
    assert ok.status_code == 200 and ok.json() == {
        "items": [],
        "total": 0,
        "page": 1,
        "page_size": 10,
        "match": "none",
    }
    assert (await client.get(SEARCH, params={"q": " " + "补" * 64 + " "})).status_code == 200
    assert (await client.get(SEARCH, params={"q": "a" * 65})).status_code == 422
    assert (
        await client.get("/api/v1/policies/suggestions", params={"q": "补" * 33})
    ).status_code == 422
    assert (await client.get("/api/v1/policies/suggestions", params={"q": ""})).status_code == 422


# --------------------------------------------------------------------------- hot words

# A few real policies are enough here (no need for the whole corpus).
SMALL = [
    "rg-2019-0021",
    "rg-2021-0022",
    "rg-2020-0861",
    "rg-2022-0862",
    "rg-2020-0031",
    "rg-2022-0591",
    "rg-2024-0592",
    "rg-2026-0593",
    "rg-2022-0012",
]


@pytest.fixture
async def small_client(client, corpus):
    import json

    from server.policies.importer import import_lines

    records = [{**p, "related": []} for p in corpus if p["external_id"] in SMALL]
    report = await import_lines(json.dumps(p, ensure_ascii=False, default=str) for p in records)
    assert report.created == len(SMALL) and not report.rejected
    return client


async def test_hot_words_count_searches_without_stop_words(small_client):
    c = small_client
    searches = (
        ["高龄老人津贴"] * 3
        + ["ETC"] * 2
        + [" 养老 "]
        + ["的"] * 4
        + ["关于"] * 4
        + ["量子引力"] * 5
    )
    for q in searches:
        r = await c.get(SEARCH, params={"q": q})
        assert r.status_code == 200
        assert (r.json()["total"] > 0) == (q != "量子引力"), q
    # Further pages and browsing are not new searches; invalid queries are not logged.
    await c.get(SEARCH, params={"q": "ETC", "page": 2})
    await c.get(BROWSE, params={"topic": "elderly-care"})
    await c.get(SEARCH, params={"q": "补" * 65})
    r = await c.get("/api/v1/policies/hot-words")
    assert r.status_code == 200
    body = r.json()
    assert body["items"] == [
        {"term": "高龄老人津贴", "count": 3},
        {"term": "etc", "count": 2},
        {"term": "养老", "count": 1},
    ]
    assert body["days"] == 30


async def test_suggestions_as_the_user_types(small_client):
    c = small_client
    for _ in range(2):
        await c.get(SEARCH, params={"q": "高龄老人津贴"})
    await c.get(SEARCH, params={"q": "高龄津贴"})
    r = await c.get("/api/v1/policies/suggestions", params={"q": "高龄"})
    assert r.status_code == 200
    items = r.json()["items"]
    assert items[:2] == [
        {"text": "高龄老人津贴", "kind": "hot"},
        {"text": "高龄津贴", "kind": "hot"},
    ]
    titled = {p.id: p.title for p in await Policy.filter(status="published") if "高龄" in p.title}
    policies = [i for i in items if i["kind"] == "policy"]
    assert {i["policy_id"] for i in policies} == set(titled)
    assert all(i["text"] == titled[i["policy_id"]] for i in policies)

    # The last word is a prefix: "ET" suggests the ETC policy; drafts are never suggested.
    r = await c.get("/api/v1/policies/suggestions", params={"q": "货车ET"})
    etc = await Policy.get(external_id="rg-2020-0861")
    assert [i.get("policy_id") for i in r.json()["items"]] == [etc.id]
    r = await c.get("/api/v1/policies/suggestions", params={"q": "碳"})
    texts = [i["text"] for i in r.json()["items"]]
    draft = await Policy.get(external_id="rg-2026-0593")
    assert texts and draft.title not in texts
    assert all("碳" in t for t in texts)
    # Typed in full width, as Chinese keyboards often do: still the hot word "etc".
    for _ in range(3):
        await c.get(SEARCH, params={"q": "ETC"})
    r = await c.get("/api/v1/policies/suggestions", params={"q": "ＥＴ"})
    assert r.json()["items"][0] == {"text": "etc", "kind": "hot"}
    r = await c.get("/api/v1/policies/suggestions", params={"q": "如皋", "limit": 2})
    assert len(r.json()["items"]) == 2


async def test_repeated_query_strings_are_answered_from_their_alias(small_client, app):
    """A query string seen before is served from the page filed under it (same body);
    a long one is searched through the canonical key but never filed (bounded memory)."""
    c = small_client
    short = "/api/v1/policies/search?q=%E8%A1%A5%E8%B4%B4&page=1"
    first = await c.get(short)
    assert first.status_code == 200
    assert app.ctx.search_cache.peek("s?q=%E8%A1%A5%E8%B4%B4&page=1") is not None
    again = await c.get(short)
    assert again.status_code == 200 and again.content == first.content
    long = short + "".join(f"&topic=t{i:04d}" for i in range(120))  # > 1,024 characters
    r = await c.get(long)
    assert r.status_code == 200
    assert app.ctx.search_cache.peek("s?" + long.split("?", 1)[1]) is None
