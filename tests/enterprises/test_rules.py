"""Eligibility rules: every criterion type, its boundaries, outcomes, texts, near misses."""

from __future__ import annotations

from datetime import date

import pytest

from server.core.errors import ValidationFailed
from server.enterprises.rules import (
    DEFAULT_TAGS,
    CompiledRule,
    EligibilityRule,
    explain,
    validate_rule,
    years_between,
)
from server.enterprises.sizes import derive_size
from tests.enterprises.conftest import facts

TODAY = date(2026, 12, 3)


def run(raw: dict[str, object], **kw: object) -> tuple[str, bool, list[tuple[str, str, str]]]:
    rule = validate_rule(raw, DEFAULT_TAGS)
    f = facts(**kw)
    d = explain(rule, f, TODAY)
    # The bulk path agrees with the explaining path.
    assert CompiledRule(rule, TODAY).decide(f) == (d.outcome, d.near_miss)
    return d.outcome, d.near_miss, [(r.criterion, r.result, r.text) for r in d.reasons]


def test_issue_example_rule_validates() -> None:
    raw = {
        "regions": ["320600"],
        "industries": ["C", "65"],
        "industries_exclude": ["39"],
        "sizes": ["small", "micro"],
        "natures": ["private"],
        "years_established": {"min": 2, "max": None},
        "registered_capital": {"min": None, "max": 5000},
        "employees": {"min": 10, "max": None},
        "annual_revenue": {"min": 100, "max": None},
        "tags_all": ["高新技术企业"],
        "tags_any": ["专精特新", '专精特新"小巨人"'],
        "tags_none": ["失信被执行人"],
    }
    rule = validate_rule(raw, DEFAULT_TAGS)
    assert rule.compact()["years_established"] == {"min": 2}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"regions": ["999999"]}, "eligibility.regions"),
        ({"industries": ["C", "3X"]}, "eligibility.industries"),
        ({"industries_exclude": ["99"]}, "eligibility.industries_exclude"),
        ({"employees": {"min": 10, "max": 5}}, "eligibility.employees"),
        ({"years_established": {"min": -1}}, "eligibility.years_established.min"),
        ({"sizes": ["huge"]}, "eligibility.sizes.0"),
        ({"tags_all": ["不存在的资质"]}, "eligibility.tags_all"),
        ({"colour": "red"}, "eligibility.colour"),
        ({"natures": []}, "eligibility.natures"),
        # explain() cannot write these (it crashed on them once they were stored)
        ({"employees": {}}, "eligibility.employees"),
        ({"annual_revenue": {"min": None, "max": None}}, "eligibility.annual_revenue"),
        ({"employees": {"min": float("inf")}}, "eligibility.employees.min"),
        ({"registered_capital": {"max": float("nan")}}, "eligibility.registered_capital.max"),
        ({"years_established": {"max": "Infinity"}}, "eligibility.years_established.max"),
    ],
)
def test_invalid_rules_name_the_field(raw: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        validate_rule(raw, DEFAULT_TAGS, prefix="eligibility")
    assert err.value.field == field


def test_empty_rule_is_eligible_for_everyone() -> None:
    assert run({}) == ("eligible", False, [])


def test_region_levels() -> None:
    for code in ("320000", "320600", "320682"):
        outcome, _, reasons = run({"regions": [code]})
        assert outcome == "eligible", code
    outcome, near, reasons = run({"regions": ["320682"]}, region="320602")
    assert (outcome, near) == ("not_eligible", True)
    assert reasons[0][2].startswith("所在地区 320602 不在适用地区（如皋市（320682））")
    assert run({"regions": ["320600"]}, region=None)[0] == "unknown"


def test_industry_door_letters_are_not_prefixes() -> None:
    # Division 39 belongs to door C: "C" covers class 3911; "3" is no code at all.
    assert run({"industries": ["C"]}, industry="3911")[0] == "eligible"
    assert run({"industries": ["C"]}, industry="6513")[0] == "not_eligible"
    assert run({"industries": ["65"]}, industry="6513")[0] == "eligible"
    assert run({"industries": ["391"]}, industry="3911")[0] == "eligible"
    assert run({"industries": ["3912"]}, industry="3911")[0] == "not_eligible"
    # I (信息传输、软件和信息技术服务业) holds 63-65; the letter must come from the table.
    assert run({"industries": ["I"]}, industry="6513")[0] == "eligible"
    # Filed only at division level: a rule on one of its classes cannot be decided.
    outcome, _, _ = run({"industries": ["3911"]}, industry="39")
    assert outcome == "unknown"
    assert run({"industries": ["C"]}, industry=None)[0] == "unknown"


def test_industry_exclusion_text() -> None:
    outcome, near, reasons = run({"industries": ["C"], "industries_exclude": ["39"]})
    assert (outcome, near) == ("not_eligible", True)
    assert reasons[1] == ("industries_exclude", "failed", "行业 3911 属于排除范围（39）")
    assert run({"industries_exclude": ["39"]}, industry="3422")[0] == "eligible"


def test_years_established_anniversary_day() -> None:
    rule = {"years_established": {"min": 2}}
    # Founded 2024-12-03: two full years on 2026-12-03 exactly, not the day before.
    outcome, _, reasons = run(rule, established_on=date(2024, 12, 3))
    assert outcome == "eligible"
    assert reasons[0][2] == "成立 2 年，满足「成立满 2 年」"
    outcome, near, reasons = run(rule, established_on=date(2024, 12, 4))
    assert (outcome, near) == ("not_eligible", True)
    assert reasons[0][2] == "成立 1 年，需「成立满 2 年」（差 1 年）"
    assert run({"years_established": {"max": 1}}, established_on=date(2024, 12, 4))[0] == (
        "eligible"
    )
    assert run({"years_established": {"max": 1}}, established_on=date(2024, 12, 3))[0] == (
        "not_eligible"
    )
    assert run(rule, established_on=None)[0] == "unknown"
    assert years_between(date(2024, 2, 29), date(2026, 2, 28)) == 1
    assert years_between(date(2024, 2, 29), date(2026, 3, 1)) == 2


@pytest.mark.parametrize(
    ("criterion", "attr", "label", "unit"),
    [
        ("employees", "employees", "从业人员", "人"),
        ("registered_capital", "registered_capital", "注册资本", "万元"),
        ("annual_revenue", "annual_revenue", "营业收入", "万元"),
    ],
)
def test_ranges_are_inclusive(criterion: str, attr: str, label: str, unit: str) -> None:
    rule = {criterion: {"min": 10, "max": 100}}
    assert run(rule, **{attr: 10})[0] == "eligible"
    assert run(rule, **{attr: 100})[0] == "eligible"
    outcome, near, reasons = run(rule, **{attr: 8})
    assert (outcome, near) == ("not_eligible", True)
    assert reasons[0][2] == f"{label} 8 {unit}，需不少于 10 {unit}（差 2 {unit}）"
    outcome, _, reasons = run(rule, **{attr: 101})
    assert reasons[0][2] == f"{label} 101 {unit}，需不超过 100 {unit}（超 1 {unit}）"
    assert run(rule, **{attr: None})[0] == "unknown"
    # Zero is a figure, not unknown.
    assert run({criterion: {"min": 0}}, **{attr: 0})[0] == "eligible"


def test_issue_employee_text() -> None:
    _, _, reasons = run({"employees": {"min": 10}}, employees=8)
    assert reasons[0][2] == "从业人员 8 人，需不少于 10 人（差 2 人）"


def test_sizes_and_natures() -> None:
    assert run({"sizes": ["small", "micro"]})[0] == "eligible"
    outcome, _, reasons = run({"sizes": ["small", "micro"]}, size="medium")
    assert outcome == "not_eligible"
    assert reasons[0][2] == "企业规模 中型，需为「小型、微型」"
    assert run({"sizes": ["small"]}, size=None)[0] == "unknown"
    assert run({"natures": ["private"]})[0] == "eligible"
    assert run({"natures": ["state_owned", "collective"]})[0] == "not_eligible"
    assert run({"natures": ["private"]}, nature=None)[0] == "unknown"


def test_tags() -> None:
    tags = {"高新技术企业", "专精特新"}
    assert run({"tags_all": ["高新技术企业"]}, tags=tags)[0] == "eligible"
    _, _, reasons = run({"tags_all": ["高新技术企业", "规上企业"]}, tags=tags)
    assert reasons[0][1:] == ("failed", "缺少资质「规上企业」")
    assert run({"tags_any": ["专精特新", '专精特新"小巨人"']}, tags=tags)[0] == "eligible"
    assert run({"tags_any": ['专精特新"小巨人"']}, tags=tags)[0] == "not_eligible"
    assert run({"tags_none": ["失信被执行人"]}, tags=tags)[0] == "eligible"
    _, _, reasons = run({"tags_none": ["失信被执行人"]}, tags={"失信被执行人"})
    assert reasons[0][1:] == ("failed", "存在「失信被执行人」，不符合条件")
    # An enterprise without tags is known to have none: never unknown.
    assert run({"tags_all": ["高新技术企业"]}, tags=set())[0] == "not_eligible"


def test_outcomes_and_near_misses() -> None:
    rule = {"employees": {"min": 10}, "annual_revenue": {"min": 100}, "sizes": ["small"]}
    assert run(rule)[:2] == ("eligible", False)
    assert run(rule, employees=5)[:2] == ("not_eligible", True)
    assert run(rule, employees=5, annual_revenue=10)[:2] == ("not_eligible", False)
    # One failed and one unknown: not a near miss (we cannot say only one is missing).
    assert run(rule, employees=5, annual_revenue=None)[:2] == ("not_eligible", False)
    assert run(rule, annual_revenue=None)[:2] == ("unknown", False)


def test_rule_from_json_model() -> None:
    rule = EligibilityRule.model_validate({"employees": {"min": 1}})
    assert CompiledRule(rule, TODAY).decide(facts(employees=0)) == ("not_eligible", True)


@pytest.mark.parametrize(
    ("industry", "employees", "revenue", "size"),
    [
        ("3911", 1000, 40000, "large"),
        ("3911", 999, 40000, "medium"),
        ("3911", 300, 2000, "medium"),
        ("3911", 300, 1999, "small"),
        ("3911", 20, 300, "small"),
        ("3911", 19, None, "micro"),  # below 20 employees: micro whatever the revenue
        ("3911", 500, None, None),  # revenue decides: unknown
        ("5191", 20, 5000, "medium"),  # 批发业
        ("5211", 9, 100, "micro"),  # 零售业
        ("6513", 10, 50, "small"),  # 软件和信息技术服务业
        ("0111", None, 500, "medium"),  # 农业: revenue only
        ("8010", 100, None, "medium"),  # 其他未列明行业: employees only
        ("4710", 5, 6000, None),  # 建筑业 needs total assets
        (None, 100, 1000, None),
    ],
)
def test_derived_sizes(
    industry: str | None, employees: int | None, revenue: float | None, size: str | None
) -> None:
    assert derive_size(industry, employees, revenue) == size


def test_rule_set_agrees_with_explain() -> None:
    """The bitset path decides exactly like the explaining path, on random rules/facts."""
    import random

    from bench.bench_matching import random_rule
    from server.enterprises.rules import RuleSet, bits

    rng = random.Random(3)
    rules = [random_rule(rng) for _ in range(300)]
    rule_set = RuleSet(rules, TODAY)
    industries = ["3911", "3422", "6513", "5191", "39", "C", None, "0111", "4710"]
    for _ in range(200):
        f = facts(
            region=rng.choice(["320682", "320602", "110101", None]),
            industry=rng.choice(industries),
            size=rng.choice(["large", "medium", "small", "micro", None]),
            nature=rng.choice(["private", "state_owned", None]),
            established_on=rng.choice([date(2024, 12, 3), date(2010, 1, 1), None]),
            registered_capital=rng.choice([10.0, 5000.0, None]),
            employees=rng.choice([0, 9, 10, 50, 500, None]),
            annual_revenue=rng.choice([50.0, 100.0, 3000.0, None]),
            tags=rng.sample(list(DEFAULT_TAGS), rng.randint(0, 3)),
        )
        expected = []
        for r in rules:
            d = explain(r, f, TODAY)
            expected.append((d.outcome, d.near_miss))
        assert rule_set.decide(f) == expected
        eligible, _, near = rule_set.masks(f)
        assert bits(eligible) == [i for i, e in enumerate(expected) if e[0] == "eligible"]
        assert bits(near) == [i for i, e in enumerate(expected) if e[1]]


@pytest.mark.parametrize(
    ("stored", "same_as"),
    [
        ({"employees": {}, "sizes": ["small"]}, {"sizes": ["small"]}),
        ({"employees": {"min": None, "max": None}}, {}),
        ({"employees": {"min": 10, "max": float("inf")}}, {"employees": {"min": 10}}),
        (
            {"registered_capital": {"min": float("nan"), "max": 5000}},
            {"registered_capital": {"max": 5000}},
        ),
        ({"years_established": {"min": float("inf")}}, {}),
        ({"annual_revenue": {"max": "-Infinity"}}, {}),
    ],
)
def test_stored_rules_of_refused_shapes_load_leniently(
    stored: dict[str, object], same_as: dict[str, object]
) -> None:
    """Rules saved before saving refused them: an empty range is no constraint, a
    non-finite bound an open end; explain() and the bulk paths then agree again."""
    from server.enterprises.columnar import evaluate

    rule = EligibilityRule.model_validate(stored)
    assert rule.compact() == validate_rule(same_as, DEFAULT_TAGS).compact()
    for f in (facts(), facts(employees=None), facts(registered_capital=9000.0, size="micro")):
        d = explain(rule, f, TODAY)
        assert d.reasons == explain(validate_rule(same_as, DEFAULT_TAGS), f, TODAY).reasons
        assert CompiledRule(rule, TODAY).decide(f) == (d.outcome, d.near_miss)
        assert evaluate(rule, [f], TODAY).outcome(0) == (d.outcome, d.near_miss)
