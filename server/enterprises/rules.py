"""Eligibility rules (申报条件): validation, evaluation and plain-Chinese explanations.

A rule is a JSON object; every key is one criterion and a missing key is no constraint.
Each criterion evaluates an enterprise's profile to ``passed``, ``failed`` or ``unknown``
(the enterprise lacks the figure) with one line of Chinese saying why. The outcome is
``not_eligible`` if any criterion failed, else ``unknown`` if any is unknown, else
``eligible``. A near miss (差一项) is exactly one failed criterion and no unknown.

Nothing here performs I/O: :class:`CompiledRule` is what the matching jobs and the bench
run in bulk (``decide`` computes the outcome without building texts).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from server.core.errors import ValidationFailed
from server.policies.industries import industry_ancestors, industry_name, is_valid_industry
from server.policies.taxonomy import REGIONS, region_ancestors

PASSED, FAILED, UNKNOWN = "passed", "failed", "unknown"

NATURES: dict[str, str] = {
    "state_owned": "国有",
    "collective": "集体",
    "private": "民营",
    "foreign": "外资",
    "hmt": "港澳台",
    "individual": "个体工商户",
}
SIZES: dict[str, str] = {"large": "大型", "medium": "中型", "small": "小型", "micro": "微型"}

#: The qualification tags known before an admin edits the list (资质标签).
DEFAULT_TAGS: tuple[str, ...] = (
    "高新技术企业",
    "科技型中小企业",
    "专精特新",
    '专精特新"小巨人"',
    "规上企业",
    "瞪羚企业",
    "民营科技企业",
    "外贸企业",
    "失信被执行人",
)

_REGION_NAMES = {r.code: r.name for r in REGIONS}


def region_label(code: str) -> str:
    name = _REGION_NAMES.get(code)
    return f"{name}（{code}）" if name else code


def is_known_region(code: str) -> bool:
    return code in _REGION_NAMES


def industry_label(code: str) -> str:
    name = industry_name(code)
    return f"{code} {name}" if name else code


def years_between(start: date, today: date) -> int:
    """Full years from ``start`` to ``today`` (an anniversary day counts the new year)."""
    return today.year - start.year - ((today.month, today.day) < (start.month, start.day))


def _num(value: float) -> str:
    """``5000.0`` → ``"5000"``, ``12.5`` → ``"12.5"``; a gap too large for a float (two
    extreme figures) is ``"∞"``."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


# --------------------------------------------------------------------------- rule schema


#: Validation context of a rule being saved (:func:`validate_rule`): shapes that stored
#: rules are forgiven (an empty range, a non-finite bound) are refused instead.
SAVING = {"saving": True}


def _saving(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("saving"))


class Range(BaseModel):
    """An inclusive range; ``null`` ends are open.

    Saving refuses a range with neither end and infinite or NaN bounds (``explain()``
    cannot write a text for them). Loading a rule stored before that check forgives
    them: a non-finite bound is an open end, and :class:`EligibilityRule` drops a range
    with neither end (no constraint).
    """

    model_config = ConfigDict(extra="forbid")

    min: float | None = Field(None, ge=0)
    max: float | None = Field(None, ge=0)

    @field_validator("min", "max", mode="before")
    @classmethod
    def _finite(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return value  # None, or a type pydantic itself reports
        try:
            number = float(value)
        except (ValueError, OverflowError):
            return value
        if math.isfinite(number):
            return value
        if _saving(info):
            raise ValueError("must be a finite number")
        return None

    @model_validator(mode="after")
    def _ordered(self, info: ValidationInfo) -> Range:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        if self.empty and _saving(info):
            raise ValueError("a range needs min or max (omit the key for no constraint)")
        return self

    @property
    def empty(self) -> bool:
        """Neither end: constrains nothing."""
        return self.min is None and self.max is None


_RANGES = ("years_established", "registered_capital", "employees", "annual_revenue")


class EligibilityRule(BaseModel):
    """The machine-readable eligibility of a policy (see docs/enterprises.md)."""

    model_config = ConfigDict(extra="forbid")

    regions: list[str] | None = Field(None, max_length=100)
    industries: list[str] | None = Field(None, max_length=200)
    industries_exclude: list[str] | None = Field(None, max_length=200)
    sizes: list[Literal["large", "medium", "small", "micro"]] | None = None
    natures: (
        list[Literal["state_owned", "collective", "private", "foreign", "hmt", "individual"]] | None
    ) = None
    years_established: Range | None = None
    registered_capital: Range | None = None
    employees: Range | None = None
    annual_revenue: Range | None = None
    tags_all: list[str] | None = Field(None, max_length=20)
    tags_any: list[str] | None = Field(None, max_length=20)
    tags_none: list[str] | None = Field(None, max_length=20)

    @model_validator(mode="after")
    def _drop_empty_ranges(self) -> EligibilityRule:
        # Only a stored rule can get here with one (saving refuses it): no constraint.
        for name in _RANGES:
            rng = getattr(self, name)
            if rng is not None and rng.empty:
                setattr(self, name, None)
        return self

    def compact(self) -> dict[str, Any]:
        """The rule as stored: keys that constrain nothing are dropped."""
        return self.model_dump(exclude_none=True)


def validate_rule(raw: Any, known_tags: Iterable[str], *, prefix: str = "") -> EligibilityRule:
    """Parse and check a rule; raises 422 naming the field (``eligibility.industries``)."""
    from pydantic import ValidationError

    from server.core.errors import from_pydantic

    if not isinstance(raw, dict):
        raise ValidationFailed("eligibility must be a JSON object", field=prefix or None)
    try:
        rule = EligibilityRule.model_validate(raw, context=SAVING)
    except ValidationError as exc:
        err = from_pydantic(exc)
        field = f"{prefix}.{err.field}" if prefix and err.field else (err.field or prefix)
        raise ValidationFailed(err.message, field=field or None) from None

    def bad(name: str, message: str) -> ValidationFailed:
        return ValidationFailed(message, field=f"{prefix}.{name}" if prefix else name)

    for code in rule.regions or []:
        if not is_known_region(code):
            raise bad("regions", f"unknown GB/T 2260 region code {code!r}")
    for name in ("industries", "industries_exclude"):
        for code in getattr(rule, name) or []:
            if not is_valid_industry(code):
                raise bad(name, f"unknown GB/T 4754 industry code {code!r}")
    tags = set(known_tags)
    for name in ("tags_all", "tags_any", "tags_none"):
        for tag in getattr(rule, name) or []:
            if tag not in tags:
                raise bad(name, f"unknown qualification tag {tag!r}")
    for name in ("regions", "industries", "sizes", "natures", "tags_any"):
        if getattr(rule, name) == []:
            raise bad(name, "an empty list would exclude every enterprise; omit the key")
    return rule


# --------------------------------------------------------------------------- facts


@dataclass(slots=True)
class Facts:
    """The figures of one enterprise a rule looks at (``None`` = unknown)."""

    region: str | None
    industry: str | None
    size: str | None
    nature: str | None
    established_on: date | None
    registered_capital: float | None
    employees: int | None
    annual_revenue: float | None
    tags: frozenset[str]

    @classmethod
    def of(cls, values: Sequence[Any]) -> Facts:
        """Facts from database values in :data:`FACT_FIELDS` order (empty region and
        missing tags are unknown / none)."""
        region, industry, size, nature, est, capital, employees, revenue, tags = values
        return cls(
            region=region or None,
            industry=industry,
            size=size,
            nature=nature,
            established_on=est,
            registered_capital=capital,
            employees=employees,
            annual_revenue=revenue,
            tags=frozenset(tags or ()),
        )


#: The enterprise columns :meth:`Facts.of` reads, in its order.
FACT_FIELDS = (
    "region",
    "industry",
    "size",
    "nature",
    "established_on",
    "registered_capital",
    "employees",
    "annual_revenue",
    "tags",
)


@dataclass(slots=True)
class Reason:
    criterion: str
    result: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"criterion": self.criterion, "result": self.result, "text": self.text}


@dataclass(slots=True)
class Decision:
    outcome: str
    near_miss: bool
    reasons: list[Reason]

    @property
    def failed(self) -> list[Reason]:
        return [r for r in self.reasons if r.result == FAILED]


def outcome_of(failed: int, unknown: int) -> tuple[str, bool]:
    """(outcome, near_miss) from the number of failed and unknown criteria."""
    if failed:
        return "not_eligible", failed == 1 and unknown == 0
    return ("unknown" if unknown else "eligible"), False


# --------------------------------------------------------------------------- criteria

_RANGE_META: dict[str, tuple[str, str]] = {
    # criterion → (label, unit)
    "registered_capital": ("注册资本", "万元"),
    "employees": ("从业人员", "人"),
    "annual_revenue": ("营业收入", "万元"),
}


def _range_text(label: str, unit: str, rng: Range) -> str:
    lo, hi = rng.min, rng.max
    if lo is not None and hi is not None:
        return f"{label} {_num(lo)}–{_num(hi)} {unit}"
    if lo is not None:
        return f"不少于 {_num(lo)} {unit}"
    assert hi is not None
    return f"不超过 {_num(hi)} {unit}"


def _check_range(name: str, value: float | None, rng: Range) -> Reason:
    label, unit = _RANGE_META[name]
    want = _range_text(label, unit, rng)
    if value is None:
        return Reason(name, UNKNOWN, f"{label}未知，无法判断是否{want}")
    shown = f"{label} {_num(value)} {unit}"
    if rng.min is not None and value < rng.min:
        return Reason(
            name,
            FAILED,
            f"{shown}，需不少于 {_num(rng.min)} {unit}（差 {_num(rng.min - value)} {unit}）",
        )
    if rng.max is not None and value > rng.max:
        return Reason(
            name,
            FAILED,
            f"{shown}，需不超过 {_num(rng.max)} {unit}（超 {_num(value - rng.max)} {unit}）",
        )
    return Reason(name, PASSED, f"{shown}，满足「{want}」")


def _years_want(rng: Range) -> str:
    lo, hi = rng.min, rng.max
    if lo is not None and hi is not None:
        return f"成立 {_num(lo)}–{_num(hi)} 年"
    if lo is not None:
        return f"成立满 {_num(lo)} 年"
    assert hi is not None
    return f"成立不超过 {_num(hi)} 年"


def _check_years(established: date | None, rng: Range, today: date) -> Reason:
    years = None if established is None else years_between(established, today)
    return years_reason(years, rng)


def years_reason(years: int | None, rng: Range) -> Reason:
    """The ``years_established`` reason for ``years`` full years (``None``: unknown)."""
    want = _years_want(rng)
    name = "years_established"
    if years is None:
        return Reason(name, UNKNOWN, f"成立日期未知，无法判断是否「{want}」")
    if rng.min is not None and years < rng.min:
        return Reason(
            name, FAILED, f"成立 {years} 年，需「{want}」（差 {_num(rng.min - years)} 年）"
        )
    if rng.max is not None and years > rng.max:
        return Reason(
            name, FAILED, f"成立 {years} 年，需「{want}」（超 {_num(years - rng.max)} 年）"
        )
    return Reason(name, PASSED, f"成立 {years} 年，满足「{want}」")


def industry_relation(code: str, target: str) -> str:
    """Does rule code ``target`` cover enterprise industry ``code``?

    ``passed`` when ``target`` is ``code`` or one of its ancestors (door letters by the
    table, not by prefix), ``unknown`` when the enterprise is filed only at a coarser
    level that contains ``target``, else ``failed``.
    """
    if target in industry_ancestors(code):
        return PASSED
    if code in industry_ancestors(target):
        return UNKNOWN
    return FAILED


def _check_industries(code: str | None, targets: list[str]) -> Reason:
    listed = "、".join(targets)
    if code is None:
        return Reason("industries", UNKNOWN, f"行业未知，无法判断是否属于适用行业（{listed}）")
    results = [(t, industry_relation(code, t)) for t in targets]
    hit = next((t for t, r in results if r == PASSED), None)
    if hit is not None:
        return Reason("industries", PASSED, f"行业 {code} 属于适用行业（{industry_label(hit)}）")
    if any(r == UNKNOWN for _, r in results):
        return Reason(
            "industries", UNKNOWN, f"行业仅登记到 {code}，无法判断是否属于适用行业（{listed}）"
        )
    return Reason("industries", FAILED, f"行业 {code} 不在适用行业（{listed}）内")


def _check_excluded(code: str | None, targets: list[str]) -> Reason:
    name = "industries_exclude"
    listed = "、".join(targets)
    if code is None:
        return Reason(name, UNKNOWN, f"行业未知，无法判断是否属于排除范围（{listed}）")
    results = [(t, industry_relation(code, t)) for t in targets]
    hit = next((t for t, r in results if r == PASSED), None)
    if hit is not None:
        return Reason(name, FAILED, f"行业 {code} 属于排除范围（{hit}）")
    if any(r == UNKNOWN for _, r in results):
        return Reason(name, UNKNOWN, f"行业仅登记到 {code}，无法判断是否属于排除范围（{listed}）")
    return Reason(name, PASSED, f"行业 {code} 不在排除范围（{listed}）内")


def _check_regions(code: str | None, targets: list[str]) -> Reason:
    listed = "、".join(region_label(t) for t in targets)
    if not code:
        return Reason("regions", UNKNOWN, f"所在地区未知，无法判断是否在适用地区（{listed}）")
    try:
        chain = region_ancestors(code)
    except ValueError:
        chain = [code]
    hit = next((t for t in targets if t in chain), None)
    if hit is not None:
        return Reason(
            "regions", PASSED, f"所在地区 {region_label(code)} 属于适用地区（{region_label(hit)}）"
        )
    return Reason("regions", FAILED, f"所在地区 {region_label(code)} 不在适用地区（{listed}）内")


def _check_choice(
    name: str, label: str, value: str | None, targets: list[str], names: dict[str, str]
) -> Reason:
    listed = "、".join(names[t] for t in targets)
    if value is None:
        return Reason(name, UNKNOWN, f"{label}未知，无法判断是否属于「{listed}」")
    shown = names.get(value, value)
    if value in targets:
        return Reason(name, PASSED, f"{label} {shown}，满足「{listed}」")
    return Reason(name, FAILED, f"{label} {shown}，需为「{listed}」")


def _quoted(tags: Iterable[str]) -> str:
    return "".join(f"「{t}」" for t in tags)


def _check_tags_all(tags: frozenset[str], targets: list[str]) -> Reason:
    missing = [t for t in targets if t not in tags]
    if missing:
        return Reason("tags_all", FAILED, f"缺少资质{_quoted(missing)}")
    return Reason("tags_all", PASSED, f"具备资质{_quoted(targets)}")


def _check_tags_any(tags: frozenset[str], targets: list[str]) -> Reason:
    held = [t for t in targets if t in tags]
    if held:
        return Reason("tags_any", PASSED, f"具备资质{_quoted(held)}")
    return Reason("tags_any", FAILED, f"需具备以下资质之一：{_quoted(targets)}")


def _check_tags_none(tags: frozenset[str], targets: list[str]) -> Reason:
    held = [t for t in targets if t in tags]
    if held:
        return Reason("tags_none", FAILED, f"存在{_quoted(held)}，不符合条件")
    return Reason("tags_none", PASSED, f"无{_quoted(targets)}情形")


# --------------------------------------------------------------------------- evaluation


def explain(rule: EligibilityRule, facts: Facts, today: date) -> Decision:
    """Every criterion of ``rule`` against ``facts``, with its reason, in a fixed order."""
    reasons: list[Reason] = []
    if rule.regions is not None:
        reasons.append(_check_regions(facts.region, rule.regions))
    if rule.industries is not None:
        reasons.append(_check_industries(facts.industry, rule.industries))
    if rule.industries_exclude:
        reasons.append(_check_excluded(facts.industry, rule.industries_exclude))
    if rule.sizes is not None:
        reasons.append(_check_choice("sizes", "企业规模", facts.size, list(rule.sizes), SIZES))
    if rule.natures is not None:
        reasons.append(
            _check_choice("natures", "企业性质", facts.nature, list(rule.natures), NATURES)
        )
    if rule.years_established is not None:
        reasons.append(_check_years(facts.established_on, rule.years_established, today))
    for name in ("registered_capital", "employees", "annual_revenue"):
        rng = getattr(rule, name)
        if rng is not None:
            reasons.append(_check_range(name, getattr(facts, name), rng))
    if rule.tags_all:
        reasons.append(_check_tags_all(facts.tags, rule.tags_all))
    if rule.tags_any is not None:
        reasons.append(_check_tags_any(facts.tags, rule.tags_any))
    if rule.tags_none:
        reasons.append(_check_tags_none(facts.tags, rule.tags_none))
    failed = sum(r.result == FAILED for r in reasons)
    unknown = sum(r.result == UNKNOWN for r in reasons)
    outcome, near = outcome_of(failed, unknown)
    return Decision(outcome, near, reasons)


Check = Callable[[Facts], str]


def region_result(code: str | None, targets: frozenset[str]) -> str:
    """The ``regions`` criterion for one region code, without its text.

    Shared by every bulk path (memoised per code there), so they all agree with
    :func:`_check_regions`: no code is unknown, a code covers its subdivisions.
    """
    if not code:
        return UNKNOWN
    try:
        chain = region_ancestors(code)
    except ValueError:
        chain = [code]
    return PASSED if targets.intersection(chain) else FAILED


def industry_result(code: str | None, targets: Iterable[str], *, exclude: bool) -> str:
    """The ``industries`` (or, ``exclude``, ``industries_exclude``) criterion for one
    industry code, without its text; agrees with :func:`_check_industries`."""
    if code is None:
        return UNKNOWN
    results = {industry_relation(code, t) for t in targets}
    if PASSED in results:
        return FAILED if exclude else PASSED
    if UNKNOWN in results:
        return UNKNOWN
    return PASSED if exclude else FAILED


def choice_result(value: str | None, allowed: frozenset[str]) -> str:
    """The ``sizes`` / ``natures`` criterion for one value, without its text (the
    per-enterprise check of :class:`CompiledRule` inlines it: it runs per enterprise)."""
    if value is None:
        return UNKNOWN
    return PASSED if value in allowed else FAILED


class CompiledRule:
    """A rule turned into a list of cheap checks (no texts): the bulk path.

    Industry and region coverage are memoised per code, so deciding a million enterprises
    costs a few dictionary look-ups each.
    """

    def __init__(self, rule: EligibilityRule, today: date) -> None:
        self.rule = rule
        self.today = today
        self.checks: list[Check] = []
        if rule.regions is not None:
            targets = frozenset(rule.regions)
            cache: dict[str, str] = {}

            def region(f: Facts) -> str:
                code = f.region
                if not code:
                    return UNKNOWN
                hit = cache.get(code)
                if hit is None:
                    hit = cache[code] = region_result(code, targets)
                return hit

            self.checks.append(region)
        if rule.industries is not None:
            self.checks.append(self._industry_check(rule.industries, exclude=False))
        if rule.industries_exclude:
            self.checks.append(self._industry_check(rule.industries_exclude, exclude=True))
        if rule.sizes is not None:
            self.checks.append(self._choice("size", frozenset(rule.sizes)))
        if rule.natures is not None:
            self.checks.append(self._choice("nature", frozenset(rule.natures)))
        if rule.years_established is not None:
            lo, hi = rule.years_established.min, rule.years_established.max

            def years(f: Facts) -> str:
                if f.established_on is None:
                    return UNKNOWN
                y = years_between(f.established_on, today)
                if (lo is not None and y < lo) or (hi is not None and y > hi):
                    return FAILED
                return PASSED

            self.checks.append(years)
        for name in ("registered_capital", "employees", "annual_revenue"):
            rng = getattr(rule, name)
            if rng is not None:
                self.checks.append(self._range(name, rng.min, rng.max))
        if rule.tags_all:
            need = frozenset(rule.tags_all)
            self.checks.append(lambda f: PASSED if need <= f.tags else FAILED)
        if rule.tags_any is not None:
            any_of = frozenset(rule.tags_any)
            self.checks.append(lambda f: PASSED if any_of & f.tags else FAILED)
        if rule.tags_none:
            none_of = frozenset(rule.tags_none)
            self.checks.append(lambda f: FAILED if none_of & f.tags else PASSED)

    @staticmethod
    def _industry_check(targets: list[str], *, exclude: bool) -> Check:
        cache: dict[str, str] = {}

        def check(f: Facts) -> str:
            code = f.industry
            if code is None:
                return UNKNOWN
            hit = cache.get(code)
            if hit is None:
                hit = cache[code] = industry_result(code, targets, exclude=exclude)
            return hit

        return check

    @staticmethod
    def _choice(attr: str, allowed: frozenset[str]) -> Check:
        def check(f: Facts) -> str:
            value = getattr(f, attr)
            if value is None:
                return UNKNOWN
            return PASSED if value in allowed else FAILED

        return check

    @staticmethod
    def _range(attr: str, lo: float | None, hi: float | None) -> Check:
        def check(f: Facts) -> str:
            value = getattr(f, attr)
            if value is None:
                return UNKNOWN
            if (lo is not None and value < lo) or (hi is not None and value > hi):
                return FAILED
            return PASSED

        return check

    def decide(self, facts: Facts) -> tuple[str, bool]:
        """(outcome, near_miss) without explanations."""
        failed = unknown = 0
        for check in self.checks:
            result = check(facts)
            if result == FAILED:
                failed += 1
                if failed > 1:
                    return "not_eligible", False
            elif result == UNKNOWN:
                unknown += 1
        return outcome_of(failed, unknown)

    def explain(self, facts: Facts) -> Decision:
        return explain(self.rule, facts, self.today)


def _criteria(rule: EligibilityRule) -> list[tuple[Any, ...]]:
    """The rule's criteria as hashable keys (equal keys evaluate equally)."""
    keys: list[tuple[Any, ...]] = []
    for name in ("regions", "industries", "sizes", "natures", "tags_any"):
        value = getattr(rule, name)
        if value is not None:
            keys.append((name, frozenset(value)))
    for name in ("industries_exclude", "tags_all", "tags_none"):
        value = getattr(rule, name)
        if value:
            keys.append((name, frozenset(value)))
    for name in ("years_established", "registered_capital", "employees", "annual_revenue"):
        rng = getattr(rule, name)
        if rng is not None:
            keys.append((name, rng.min, rng.max))
    return keys


def _check_for(key: tuple[Any, ...], today: date) -> Check:
    """One criterion as a cheap check, shared by every rule that has it."""
    name = key[0]
    if name in ("years_established", "registered_capital", "employees", "annual_revenue"):
        raw: dict[str, Any] = {name: {"min": key[1], "max": key[2]}}
    else:
        raw = {name: sorted(key[1])}
    compiled = CompiledRule(EligibilityRule.model_validate(raw), today)
    assert len(compiled.checks) == 1
    return compiled.checks[0]


_SET_CRITERIA = (
    "regions",
    "industries",
    "industries_exclude",
    "sizes",
    "natures",
    "tags_all",
    "tags_any",
    "tags_none",
)
_OPTIONAL_EMPTY = ("industries_exclude", "tags_all", "tags_none")


class RuleSet:
    """Many rules against one enterprise at once: the 'enterprise changed' path.

    Set criteria are indexed by target code: for each code, a bitmask over the rules that
    name it, so an enterprise costs a few look-ups of its own codes (its region's and
    industry's ancestors, its size, nature and tags) whatever the number of rules. Range
    criteria are evaluated once per distinct range. Two masks count failures (one / more
    than one) and a third collects unknowns.
    """

    def __init__(self, rules: list[EligibilityRule], today: date) -> None:
        self.size = len(rules)
        self.full = (1 << self.size) - 1
        self.has: dict[str, int] = dict.fromkeys(_SET_CRITERIA, 0)
        self.by: dict[str, dict[str, int]] = {name: {} for name in _SET_CRITERIA}
        ranges: dict[tuple[Any, ...], int] = {}
        for index, rule in enumerate(rules):
            bit = 1 << index
            for name in _SET_CRITERIA:
                value = getattr(rule, name)
                if value is None or (name in _OPTIONAL_EMPTY and not value):
                    continue
                self.has[name] |= bit
                index_of = self.by[name]
                for target in value:
                    index_of[target] = index_of.get(target, 0) | bit
            for key in _criteria(rule):
                if len(key) == 3:
                    ranges[key] = ranges.get(key, 0) | bit
        self.ranges = [(_check_for(key, today), mask) for key, mask in ranges.items()]
        self._regions: dict[str, int] = {}
        self._industries: dict[tuple[str, str], tuple[int, int]] = {}

    def _region_pass(self, code: str) -> int:
        hit = self._regions.get(code)
        if hit is None:
            try:
                chain = region_ancestors(code)
            except ValueError:
                chain = [code]
            by = self.by["regions"]
            hit = 0
            for c in chain:
                hit |= by.get(c, 0)
            self._regions[code] = hit
        return hit

    def _industry(self, name: str, code: str) -> tuple[int, int]:
        """(rules with a target covering ``code``, rules with a target finer than it)."""
        hit = self._industries.get((name, code))
        if hit is None:
            by = self.by[name]
            passed = unknown = 0
            for c in industry_ancestors(code):
                passed |= by.get(c, 0)
            if len(code) < 4:  # filed at a coarse level: finer targets are unknown
                for target, mask in by.items():
                    if industry_relation(code, target) == UNKNOWN:
                        unknown |= mask
            hit = self._industries[(name, code)] = (passed, unknown & ~passed)
        return hit

    def masks(self, facts: Facts) -> tuple[int, int, int]:
        """(eligible, unknown, near-miss) bitmasks over the rules."""
        has, by = self.has, self.by
        results: list[tuple[int, int]] = []  # (failed, unknown) per criterion
        if has["regions"]:
            if facts.region:
                results.append((has["regions"] & ~self._region_pass(facts.region), 0))
            else:
                results.append((0, has["regions"]))
        for name in ("industries", "industries_exclude"):
            if has[name]:
                if facts.industry is None:
                    results.append((0, has[name]))
                    continue
                passed, unknown = self._industry(name, facts.industry)
                if name == "industries":
                    results.append((has[name] & ~passed & ~unknown, has[name] & unknown))
                else:
                    results.append((has[name] & passed, has[name] & unknown))
        for name, value in (("sizes", facts.size), ("natures", facts.nature)):
            if has[name]:
                if value is None:
                    results.append((0, has[name]))
                else:
                    results.append((has[name] & ~by[name].get(value, 0), 0))
        tags = facts.tags
        if has["tags_any"]:
            held = 0
            for tag in tags:
                held |= by["tags_any"].get(tag, 0)
            results.append((has["tags_any"] & ~held, 0))
        if has["tags_all"]:
            missing = 0
            for tag, mask in by["tags_all"].items():
                if tag not in tags:
                    missing |= mask
            results.append((missing, 0))
        if has["tags_none"]:
            present = 0
            for tag in tags:
                present |= by["tags_none"].get(tag, 0)
            results.append((present, 0))
        for check, mask in self.ranges:
            result = check(facts)
            if result == FAILED:
                results.append((mask, 0))
            elif result == UNKNOWN:
                results.append((0, mask))
        once = twice = unknown = 0
        for failed, unsure in results:
            twice |= once & failed
            once |= failed
            unknown |= unsure
        eligible = self.full & ~once & ~unknown
        return eligible, unknown & ~once, once & ~twice & ~unknown

    def decide(self, facts: Facts) -> list[tuple[str, bool]]:
        """(outcome, near_miss) per rule, in order (the slow path, for checking)."""
        eligible, unknown, near = self.masks(facts)
        out = []
        for i in range(self.size):
            bit = 1 << i
            if eligible & bit:
                out.append(("eligible", False))
            elif unknown & bit:
                out.append(("unknown", False))
            else:
                out.append(("not_eligible", bool(near & bit)))
        return out


def bits(mask: int) -> list[int]:
    """Indices of the set bits of ``mask``, ascending."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
