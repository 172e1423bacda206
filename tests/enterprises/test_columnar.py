"""The columnar evaluator decides exactly like ``explain()``: per enterprise, the same
number of failed criteria and the same "some criterion unknown", hence the same outcome
and near miss, over random rules and facts heavy in boundaries."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.enterprises.columnar import ColumnarRule, EnterpriseColumns, evaluate
from server.enterprises.rules import (
    DEFAULT_TAGS,
    FAILED,
    UNKNOWN,
    CompiledRule,
    EligibilityRule,
    Facts,
    explain,
)
from tests.enterprises.conftest import facts as make_facts

TODAY = date(2026, 12, 3)
#: Days whose anniversaries are awkward: 29 February (leap today, common cutoff), 1 March
#: and 28 February of a common year, the turn of a year.
TODAYS = (TODAY, date(2028, 2, 29), date(2027, 3, 1), date(2027, 2, 28), date(2027, 1, 1))

REGIONS = ["320682", "320600", "320000", "320602", "110101", "110000", "429004", "429000"]
FACT_REGIONS = [*REGIONS, "320682001", "", None, "bogus", "320699"]
INDUSTRIES = ["C", "I", "A", "F", "39", "391", "3911", "3912", "65", "6513", "01", "47", "34"]
FACT_INDUSTRIES = [*INDUSTRIES, "0111", "4710", "3422", "", None, "3X", "99", "B"]
SIZES = ["large", "medium", "small", "micro"]
NATURES = ["state_owned", "collective", "private", "foreign", "hmt", "individual"]
#: More than 64 tags, so the bitmask needs a second word.
TAGS = [*DEFAULT_TAGS, *(f"资质{i:02d}" for i in range(80))]
# explain() writes every figure and bound into its texts, so none is NaN or infinite.
BOUNDS = [0.0, 0.5, 1.0, 2.0, 2.5, 9.0, 10.0, 99.99, 100.0, 5000.0, 2025.0, 2026.0, 1e9, 1e300]
FIGURES = [None, 0, 0.0, 1, 2, 2.5, 9, 10, 11, 99.99, 100, 100.0, 100.01, 5000, 1e9, -0.0]


def agree(rule: EligibilityRule, facts: list[Facts], today: date) -> None:
    """Assert the columnar verdicts equal explain()'s, enterprise by enterprise."""
    verdicts = evaluate(rule, facts, today)
    kept = verdicts.kept.tolist()
    near = verdicts.near_miss.tolist()
    for i, f in enumerate(facts):
        d = explain(rule, f, today)
        failed = sum(r.result == FAILED for r in d.reasons)
        unknown = any(r.result == UNKNOWN for r in d.reasons)
        got = (int(verdicts.failed[i]), bool(verdicts.unknown[i]))
        assert got == (failed, unknown), (rule.compact(), f, today, d.reasons)
        assert verdicts.outcome(i) == (d.outcome, d.near_miss)
        assert kept[i] == (d.outcome != "not_eligible" or d.near_miss)
        assert near[i] == d.near_miss


def _range(rng: random.Random, bounds: list[float]) -> dict[str, float | None] | None:
    if rng.random() < 0.5:
        return None
    lo, hi = sorted(rng.sample(bounds, 2))
    if rng.random() < 0.3:
        return {"min": lo}
    return {"min": lo, "max": hi} if rng.random() < 0.5 else {"max": hi}


def random_rule(rng: random.Random) -> EligibilityRule:
    """Any criterion, any level, empty lists and tags nobody holds included."""
    raw: dict[str, Any] = {}
    for name, pool in (
        ("regions", REGIONS),
        ("industries", INDUSTRIES),
        ("industries_exclude", INDUSTRIES),
        ("sizes", SIZES),
        ("natures", NATURES),
        ("tags_all", TAGS),
        ("tags_any", TAGS),
        ("tags_none", TAGS),
    ):
        if rng.random() < 0.45:
            raw[name] = rng.sample(pool, rng.choice([0, 1, 1, 2, 3]))
    years = _range(rng, [0.0, 1.0, 2.0, 2.5, 3.0, 5.0, 10.0, 2025.0, 2026.0, 3000.0, 1e300])
    if years:
        raw["years_established"] = years
    for name in ("registered_capital", "employees", "annual_revenue"):
        if (r := _range(rng, BOUNDS)) is not None:
            raw[name] = r
    return EligibilityRule.model_validate(raw)


def random_facts(rng: random.Random, today: date) -> Facts:
    day = rng.choice(
        [
            None,
            today,
            today + timedelta(days=1),
            date(2024, 2, 29),
            date(2020, 2, 29),
            date(2023, 2, 28),
            date(2023, 3, 1),
            date(1, 1, 1),
            date(9999, 12, 31),
            date(2010, 6, 15),
        ]
    )
    if day is None and rng.random() < 0.8:
        # Around an anniversary: K years back, the day before, of or after.
        years = rng.choice([0, 1, 2, 3, 5, 10])
        try:
            anniversary = today.replace(year=today.year - years)
        except ValueError:  # 29 February → a common year
            anniversary = date(today.year - years, 3, 1)
        day = anniversary + timedelta(days=rng.choice([-1, 0, 1]))
    figure = lambda: rng.choice(FIGURES)  # noqa: E731
    employees = rng.choice([None, 0, 1, 9, 10, 11, 50, 5000, 2**31 - 1])
    return Facts(
        region=rng.choice(FACT_REGIONS),
        industry=rng.choice(FACT_INDUSTRIES),
        size=rng.choice([*SIZES, None, "huge"]),
        nature=rng.choice([*NATURES, None, "other"]),
        established_on=day,
        registered_capital=figure(),
        employees=employees,
        annual_revenue=figure(),
        tags=frozenset(rng.sample(TAGS, rng.choice([0, 0, 1, 2, 5, 20]))),
    )


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_random_rules_agree_with_explain(today: date) -> None:
    rng = random.Random(today.toordinal())
    facts = [random_facts(rng, today) for _ in range(400)]
    for _ in range(150):
        agree(random_rule(rng), facts, today)


def test_realistic_registry_agrees_with_explain() -> None:
    """The bench's registry and rules (如皋市 distributions), one columns for all rules."""
    from bench.bench_matching import facts_from
    from bench.bench_matching import random_rule as bench_rule
    from bench.gen_enterprises import rows

    facts = [facts_from(r) for r in rows(1500, seed=8)]
    columns = EnterpriseColumns.from_facts(facts)
    rng = random.Random(8)
    for _ in range(40):
        rule = bench_rule(rng)
        verdicts = ColumnarRule(rule, TODAY).evaluate(columns)
        compiled = CompiledRule(rule, TODAY)
        assert [verdicts.outcome(i) for i in range(len(facts))] == [
            compiled.decide(f) for f in facts
        ]


def test_boundaries() -> None:
    rule = EligibilityRule.model_validate(
        {"years_established": {"min": 2, "max": 3}, "employees": {"min": 10, "max": 20}}
    )
    facts = [
        make_facts(established_on=date(2024, 12, 3), employees=10),  # 2 years today, at min
        make_facts(established_on=date(2024, 12, 4), employees=20),  # 1 year: fails
        make_facts(established_on=date(2022, 12, 4), employees=21),  # 3 years; 21 fails
        make_facts(established_on=date(2022, 12, 3), employees=9),  # 4 years and 9: both
        make_facts(established_on=None, employees=None),
    ]
    verdicts = evaluate(rule, facts, TODAY)
    assert verdicts.failed.tolist() == [0, 1, 1, 2, 0]
    assert verdicts.unknown.tolist() == [False, False, False, False, True]
    assert verdicts.tally() == {"eligible": 1, "unknown": 1, "not_eligible": 3, "near_miss": 2}
    # Founded on 29 February: the years complete on 1 March in a common year.
    leap = [make_facts(established_on=date(2024, 2, 29))]
    one = EligibilityRule.model_validate({"years_established": {"min": 3}})
    assert evaluate(one, leap, date(2027, 2, 28)).failed.tolist() == [1]
    assert evaluate(one, leap, date(2027, 3, 1)).failed.tolist() == [0]
    agree(one, leap, date(2027, 2, 28))
    # Door letters by the table and coarser filings (unknown); region levels.
    codes = EligibilityRule.model_validate({"industries": ["I", "3911"], "regions": ["320600"]})
    facts = [
        make_facts(industry="6513"),
        make_facts(industry="39"),
        make_facts(industry="3", region="320682001"),
        make_facts(region="320602"),
        make_facts(region="110101", industry="3422"),
    ]
    verdicts = evaluate(codes, facts, TODAY)
    assert verdicts.failed.tolist() == [0, 0, 1, 0, 2]
    assert verdicts.unknown.tolist() == [False, True, False, False, False]
    agree(codes, facts, TODAY)


def test_more_than_64_tags() -> None:
    facts = [make_facts(tags=TAGS[:i]) for i in range(len(TAGS) + 1)]
    columns = EnterpriseColumns.from_facts(facts)
    assert columns.tags.shape == (2, len(facts))
    last = TAGS[-1]
    for raw in (
        {"tags_all": [last, TAGS[0]]},
        {"tags_any": [last]},
        {"tags_none": [last, "无人持有"]},
        {"tags_all": ["无人持有"]},
        {"tags_any": ["无人持有"]},
        {"tags_any": []},
    ):
        agree(EligibilityRule.model_validate(raw), facts, TODAY)
    verdicts = evaluate(EligibilityRule.model_validate({"tags_any": [last]}), facts, TODAY)
    assert verdicts.eligible.tolist() == [False] * len(TAGS) + [True]


def test_a_gap_too_large_for_a_float_is_written_not_crashed_on() -> None:
    """Hypothesis found it: a bound of 1e300 against a figure of -1.8e308 overflows the
    gap to infinity, which explain() used to crash on while writing its text."""
    rule = EligibilityRule.model_validate({"registered_capital": {"min": 1e300}})
    facts = [make_facts(registered_capital=-1.797693124862316e308), make_facts()]
    agree(rule, facts, TODAY)
    reasons = explain(rule, facts[0], TODAY).reasons
    assert any("差 ∞" in r.text for r in reasons), reasons


def test_no_enterprises() -> None:
    verdicts = evaluate(EligibilityRule.model_validate({"tags_all": ["规上企业"]}), [], TODAY)
    assert verdicts.tally() == {"eligible": 0, "unknown": 0, "not_eligible": 0, "near_miss": 0}


def _anniversaries(today: date) -> list[date]:
    """Founding days K years before ``today``, and the days either side."""
    days = []
    for years in (0, 1, 2, 3, 10):
        try:
            anniversary = today.replace(year=today.year - years)
        except ValueError:  # 29 February → a common year
            anniversary = date(today.year - years, 2, 28)
        days += [anniversary + timedelta(days=d) for d in (-1, 0, 1)]
    return days


_bound = st.sampled_from(BOUNDS) | st.floats(min_value=0, allow_infinity=False)
_figure = (
    st.sampled_from(FIGURES)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-5, 2**31)
)


@st.composite
def _range_of(draw: st.DrawFn, bound: st.SearchStrategy[float]) -> dict[str, float | None]:
    lo, hi = draw(st.none() | bound), draw(bound)  # explain() needs one end at least
    if draw(st.booleans()):
        lo, hi = hi, lo
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return {"min": lo, "max": hi}


def _some(pool: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool), max_size=3)


_rules = st.fixed_dictionaries(
    {},
    optional={
        "regions": _some(REGIONS),
        "industries": _some(INDUSTRIES),
        "industries_exclude": _some(INDUSTRIES),
        "sizes": _some(SIZES),
        "natures": _some(NATURES),
        "years_established": _range_of(st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0]) | _bound),
        "registered_capital": _range_of(_bound),
        "employees": _range_of(_bound),
        "annual_revenue": _range_of(_bound),
        "tags_all": _some(TAGS),
        "tags_any": _some(TAGS),
        "tags_none": _some(TAGS),
    },
).map(EligibilityRule.model_validate)


@st.composite
def _facts(draw: st.DrawFn, today: date) -> Facts:
    return Facts(
        region=draw(st.sampled_from(FACT_REGIONS)),
        industry=draw(st.sampled_from(FACT_INDUSTRIES)),
        size=draw(st.sampled_from([*SIZES, None, "huge"])),
        nature=draw(st.sampled_from([*NATURES, None])),
        established_on=draw(st.none() | st.sampled_from(_anniversaries(today)) | st.dates()),
        registered_capital=draw(_figure),
        employees=draw(st.none() | st.integers(-5, 2**31)),
        annual_revenue=draw(_figure),
        tags=draw(st.frozensets(st.sampled_from(TAGS[:70]), max_size=6)),
    )


@st.composite
def _cases(draw: st.DrawFn) -> tuple[EligibilityRule, list[Facts], date]:
    today = draw(st.sampled_from(TODAYS))
    return draw(_rules), draw(st.lists(_facts(today), min_size=1, max_size=12)), today


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_cases())
def test_property_columnar_equals_explain(case: tuple[EligibilityRule, list[Facts], date]) -> None:
    agree(*case)


def test_columns_built_page_by_page_equal_columns_built_at_once() -> None:
    # The registry loads a million enterprises a page at a time (one page of Facts in
    # memory); pages meet new codes and tags as they go, and the first pages need fewer
    # tag words than the last.
    rng = random.Random(7)
    today = date(2026, 12, 3)
    few = frozenset(TAGS[:10])
    facts = [replace(f, tags=f.tags & few) for f in (random_facts(rng, today) for _ in range(300))]
    facts[250] = make_facts(tags=TAGS)  # every tag, only in the last page
    parts: list[EnterpriseColumns] = []
    for start in range(0, len(facts), 64):
        like = parts[-1] if parts else None
        parts.append(EnterpriseColumns.from_facts(facts[start : start + 64], like=like))
    paged = EnterpriseColumns.concatenate(parts)
    whole = EnterpriseColumns.from_facts(facts)
    assert paged.count == whole.count == 300
    assert parts[0].tags.shape[0] < paged.tags.shape[0]
    for _ in range(40):
        rule = random_rule(rng)
        a, b = ColumnarRule(rule, today).evaluate(paged), ColumnarRule(rule, today).evaluate(whole)
        assert a.kept_indices() == b.kept_indices(), rule.compact()
        assert [a.outcome(i) for i in range(300)] == [b.outcome(i) for i in range(300)]
    assert EnterpriseColumns.concatenate([]).count == 0
