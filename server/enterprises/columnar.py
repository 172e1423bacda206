"""One eligibility rule against many enterprises at once: enterprises held as columns.

:class:`EnterpriseColumns` holds the facts of many enterprises as numpy arrays, one per
figure; :class:`ColumnarRule` evaluates a rule over them with a handful of vectorised
operations per criterion and returns :class:`Verdicts` (per enterprise: how many criteria
failed, whether any is unknown). Outcome and near miss follow exactly as in
:func:`server.enterprises.rules.outcome_of`; only the enterprises worth keeping (eligible,
unknown, near miss) then need :func:`server.enterprises.rules.explain` for their texts.

How each criterion stays identical to :func:`~server.enterprises.rules.explain`:

* region, industry, size, nature: the column holds category ids (id 0 = ``None``); the
  rule becomes a lookup table over the column's distinct values, each entry computed by
  the shared per-code functions of ``rules`` (door letters and region levels by the
  tables, memoised per code across chunks), applied with one ``take``;
* registered capital, employees, annual revenue: float64 with NaN where unknown and a
  separate unknown mask (so a figure that *is* NaN compares like in Python: it passes);
  whole numbers up to 2**53 are exact in float64 (``employees`` is a 32-bit column);
* years established: full years ≥ K ⇔ founded on or before the date K years before
  today (the greatest valid date, for 29 February), so the rule becomes day cutoffs
  against a column of day ordinals (0 = unknown);
* tags: a bitmask per enterprise in 64-bit words, as many words as the tags seen (the
  vocabulary is admin-editable, so there may be more than 64); a tag no enterprise holds
  has no bit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date

import numpy as np
import numpy.typing as npt

from server.enterprises.rules import (
    FAILED,
    PASSED,
    UNKNOWN,
    EligibilityRule,
    Facts,
    Range,
    choice_result,
    industry_result,
    outcome_of,
    region_result,
)

Ids = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Counts = npt.NDArray[np.uint8]
Words = npt.NDArray[np.uint64]

#: A criterion's result as one small integer: bit 0 failed, bit 1 unknown.
_CODE = {PASSED: 0, FAILED: 1, UNKNOWN: 2}
_WORD = 64


def _categories(
    values: Iterable[str | None], count: int, known: Sequence[str | None] = (None,)
) -> tuple[Ids, list[str | None]]:
    """(id per value, distinct values by id) with id 0 reserved for ``None``; values
    already in ``known`` keep their ids there."""
    ids: dict[str | None, int] = {v: i for i, v in enumerate(known)}
    column = np.fromiter((ids.setdefault(v, len(ids)) for v in values), dtype=np.int32, count=count)
    return column, list(ids)


def _figures(values: Sequence[float | None]) -> tuple[Floats, Mask]:
    """(figures, unknown mask): NaN stands in for unknown, the mask says which is which."""
    column = np.array([math.nan if v is None else v for v in values], dtype=np.float64)
    unknown = np.fromiter((v is None for v in values), dtype=np.bool_, count=len(values))
    return column, unknown


@dataclass(frozen=True, slots=True)
class EnterpriseColumns:
    """The facts of many enterprises, in order, one array per figure.

    Built once for a registry (or one chunk of it); any number of rules are then
    evaluated against it. ``nbytes`` is its memory (tens of MB for a million).
    """

    count: int
    region: Ids
    regions: list[str | None]
    industry: Ids
    industries: list[str | None]
    size: Ids
    sizes: list[str | None]
    nature: Ids
    natures: list[str | None]
    #: ``date.toordinal()`` of the founding date; 0 = unknown (ordinals start at 1).
    established: npt.NDArray[np.int32]
    registered_capital: Floats
    registered_capital_unknown: Mask
    employees: Floats
    employees_unknown: Mask
    annual_revenue: Floats
    annual_revenue_unknown: Mask
    #: shape (words, count): bit ``i % 64`` of word ``i // 64`` is tag ``i`` of ``tag_ids``.
    tags: Words
    tag_ids: dict[str, int]

    @classmethod
    def from_facts(
        cls, facts: Sequence[Facts], *, like: EnterpriseColumns | None = None
    ) -> EnterpriseColumns:
        """Columns of ``facts``; with ``like``, codes and tags keep ``like``'s ids (its
        vocabularies, extended), so the two can be merged (:meth:`with_rows`)."""
        n = len(facts)
        none: list[str | None] = [None]
        region, regions = _categories((f.region for f in facts), n, like.regions if like else none)
        industry, industries = _categories(
            (f.industry for f in facts), n, like.industries if like else none
        )
        size, sizes = _categories((f.size for f in facts), n, like.sizes if like else none)
        nature, natures = _categories((f.nature for f in facts), n, like.natures if like else none)
        established = np.fromiter(
            (0 if f.established_on is None else f.established_on.toordinal() for f in facts),
            dtype=np.int32,
            count=n,
        )
        capital, capital_unknown = _figures([f.registered_capital for f in facts])
        employees, employees_unknown = _figures([f.employees for f in facts])
        revenue, revenue_unknown = _figures([f.annual_revenue for f in facts])
        tag_ids: dict[str, int] = dict(like.tag_ids) if like else {}
        masks = [0] * n
        for i, f in enumerate(facts):
            if f.tags:  # most enterprises hold none
                held = 0
                for tag in f.tags:
                    held |= 1 << tag_ids.setdefault(tag, len(tag_ids))
                masks[i] = held
        words = np.zeros(((len(tag_ids) + _WORD - 1) // _WORD, n), dtype=np.uint64)
        if len(words) == 1:  # the usual case: the masks fit one word as they are
            words[0] = np.array(masks, dtype=np.uint64)
        else:
            low = (1 << _WORD) - 1
            for w in range(len(words)):
                shift = w * _WORD
                words[w] = np.fromiter(((m >> shift) & low for m in masks), np.uint64, n)
        return cls(
            n,
            region,
            regions,
            industry,
            industries,
            size,
            sizes,
            nature,
            natures,
            established,
            capital,
            capital_unknown,
            employees,
            employees_unknown,
            revenue,
            revenue_unknown,
            words,
            tag_ids,
        )

    @classmethod
    def concatenate(cls, parts: Sequence[EnterpriseColumns]) -> EnterpriseColumns:
        """One set of columns of ``parts`` in order; each part must have been built
        ``like`` the one before it, so the last part's vocabularies hold every code.

        Loading a registry page by page this way keeps one page of ``Facts`` in memory at
        a time instead of a million of them."""
        if not parts:
            return cls.from_facts([])
        last = parts[-1]
        merged: dict[str, object] = {"count": sum(p.count for p in parts)}
        for f in fields(last):
            if f.name == "count":
                continue
            value = getattr(last, f.name)
            if f.name == "tags":
                height = max(p.tags.shape[0] for p in parts)
                merged["tags"] = np.concatenate(
                    [
                        np.vstack(
                            [p.tags, np.zeros((height - p.tags.shape[0], p.count), np.uint64)]
                        )
                        for p in parts
                    ],
                    axis=1,
                )
            elif isinstance(value, np.ndarray):
                merged[f.name] = np.concatenate([getattr(p, f.name) for p in parts])
            else:
                merged[f.name] = value  # the vocabularies: the last part's hold them all
        return cls(**merged)  # type: ignore[arg-type]

    def with_rows(
        self, facts: Sequence[Facts], positions: npt.NDArray[np.int64]
    ) -> EnterpriseColumns:
        """A copy with enterprise ``positions[i]`` replaced by ``facts[i]``; positions
        from ``count`` on append (they must be ``count``, ``count + 1``, … in some order).
        ``self`` is left as it was (a job may still be reading it)."""
        delta = EnterpriseColumns.from_facts(facts, like=self)
        total = self.count + int(np.count_nonzero(positions >= self.count))
        merged: dict[str, object] = {"count": total}
        for f in fields(self):
            old, new = getattr(self, f.name), getattr(delta, f.name)
            if f.name == "tags":
                words = np.zeros((max(old.shape[0], new.shape[0]), total), dtype=np.uint64)
                words[: old.shape[0], : self.count] = old
                words[:, positions] = 0
                words[: new.shape[0], positions] = new
                merged["tags"] = words
            elif isinstance(old, np.ndarray):
                column = np.zeros(total, dtype=old.dtype)
                column[: self.count] = old
                column[positions] = new
                merged[f.name] = column
            elif f.name != "count":
                merged[f.name] = new  # the vocabularies: ``like``'s, extended
        return EnterpriseColumns(**merged)  # type: ignore[arg-type]

    @property
    def nbytes(self) -> int:
        values = (getattr(self, f.name) for f in fields(self))
        return sum(v.nbytes for v in values if isinstance(v, np.ndarray))

    def tag_words(self, tags: Iterable[str]) -> list[int] | None:
        """``tags`` as one bitmask per word, or ``None`` if one of them no enterprise holds."""
        words = [0] * self.tags.shape[0]
        for tag in tags:
            bit = self.tag_ids.get(tag)
            if bit is None:
                return None
            words[bit // _WORD] |= 1 << (bit % _WORD)
        return words


@dataclass(frozen=True, slots=True)
class Verdicts:
    """Per enterprise (in column order): failed criteria, and whether any was unknown."""

    failed: Counts
    unknown: Mask

    def _failing(self, failures: int) -> Mask:
        exactly: Mask = self.failed == failures
        return exactly

    @property
    def eligible(self) -> Mask:
        return self._failing(0) & ~self.unknown

    @property
    def undecided(self) -> Mask:
        """Outcome ``unknown``: nothing failed, something could not be judged."""
        return self._failing(0) & self.unknown

    @property
    def near_miss(self) -> Mask:
        """差一项: exactly one failed criterion and no unknown."""
        return self._failing(1) & ~self.unknown

    @property
    def kept(self) -> Mask:
        """Decisions worth storing: eligible, unknown or near miss."""
        return self._failing(0) | self.near_miss

    def kept_indices(self) -> list[int]:
        """Positions (in column order) of the decisions worth storing, ascending."""
        return [int(i) for i in np.flatnonzero(self.kept)]

    def outcome(self, index: int) -> tuple[str, bool]:
        """(outcome, near_miss) of one enterprise, as ``CompiledRule.decide`` gives it."""
        return outcome_of(int(self.failed[index]), int(self.unknown[index]))

    def tally(self) -> dict[str, int]:
        """Enterprises per outcome; ``near_miss`` counts a subset of ``not_eligible``."""
        eligible = int(np.count_nonzero(self.eligible))
        undecided = int(np.count_nonzero(self.undecided))
        return {
            "eligible": eligible,
            "unknown": undecided,
            "not_eligible": len(self.failed) - eligible - undecided,
            "near_miss": int(np.count_nonzero(self.near_miss)),
        }


def _age_cutoff(today: date, years: int) -> int:
    """Ordinal of the last founding day that has ``years`` full years today; 0 if none.

    ``years_between(s, today) >= K`` ⇔ ``(s.year, s.month, s.day) <= (today.year - K,
    today.month, today.day)``; for 29 February in a common year the last valid date
    before that is the 28th.
    """
    year = today.year - years
    if year < 1:
        return 0
    day = today.day
    if (today.month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
        day = 28
    return date(year, today.month, day).toordinal()


ResultOf = Callable[[str | None], str]


class _Table:
    """A categorical criterion: its result per value, memoised across columns."""

    def __init__(self, result_of: ResultOf) -> None:
        self.result_of = result_of
        self.cache: dict[str | None, int] = {}

    def over(self, values: list[str | None]) -> npt.NDArray[np.uint8]:
        cache, result_of = self.cache, self.result_of
        codes = []
        for v in values:
            code = cache.get(v)
            if code is None:
                code = cache[v] = _CODE[result_of(v)]
            codes.append(code)
        return np.array(codes, dtype=np.uint8)


class ColumnarRule:
    """An :class:`EligibilityRule` compiled for :class:`EnterpriseColumns` (one ``today``)."""

    def __init__(self, rule: EligibilityRule, today: date) -> None:
        self.rule = rule
        self.today = today
        # (column attribute, vocabulary attribute, table), in explain()'s order.
        self.categorical: list[tuple[str, str, _Table]] = []
        if rule.regions is not None:
            regions = frozenset(rule.regions)
            self._add("region", "regions", lambda v: region_result(v, regions))
        if rule.industries is not None:
            targets = list(rule.industries)
            self._add(
                "industry", "industries", lambda v: industry_result(v, targets, exclude=False)
            )
        if rule.industries_exclude:
            excluded = list(rule.industries_exclude)
            self._add(
                "industry", "industries", lambda v: industry_result(v, excluded, exclude=True)
            )
        if rule.sizes is not None:
            sizes = frozenset(rule.sizes)
            self._add("size", "sizes", lambda v: choice_result(v, sizes))
        if rule.natures is not None:
            natures = frozenset(rule.natures)
            self._add("nature", "natures", lambda v: choice_result(v, natures))
        # Founded after ``young`` fails the minimum age; on or before ``old`` (and known)
        # fails the maximum. ``None``: that end does not constrain.
        self.ages = rule.years_established is not None
        self.young: int | None = None
        self.old: int | None = None
        if rule.years_established is not None:
            self.young, self.old = self._age_cutoffs(rule.years_established, today)
        self.ranges: list[tuple[str, float | None, float | None]] = [
            (name, rng.min, rng.max)
            for name in ("registered_capital", "employees", "annual_revenue")
            if (rng := getattr(rule, name)) is not None
        ]

    def _add(self, column: str, values: str, result_of: ResultOf) -> None:
        self.categorical.append((column, values, _Table(result_of)))

    @staticmethod
    def _age_cutoffs(rng: Range, today: date) -> tuple[int | None, int | None]:
        # Full years are at most today.year - 1 (founded in year 1 or later), so a bound
        # beyond that (or infinite) is settled without math.ceil/floor on it.
        top = today.year - 1
        young = old = None
        if rng.min is not None:
            # years < min ⇔ years < ceil(min) ⇔ founded after the ceil(min)-year cutoff
            young = 0 if rng.min > top else _age_cutoff(today, math.ceil(rng.min))
        if rng.max is not None and rng.max < top:
            # years > max ⇔ years >= floor(max) + 1
            old = _age_cutoff(today, math.floor(rng.max) + 1)
        return young, old

    def evaluate(self, columns: EnterpriseColumns) -> Verdicts:
        """Failed count and unknown flag of every enterprise of ``columns``."""
        n = columns.count
        failed = np.zeros(n, dtype=np.uint8)
        flags = np.zeros(n, dtype=np.uint8)  # bit 1: some criterion unknown
        for column, values, table in self.categorical:
            results = table.over(getattr(columns, values)).take(getattr(columns, column))
            failed += results & 1
            flags |= results
        unknown = (flags & 2).astype(np.bool_)
        if self.ages:  # unknown even when no bound can fail (max beyond any age)
            established = columns.established
            unknown |= established == 0
            if self.young is not None:
                failed += established > self.young  # unknown (0) is never after a cutoff
            if self.old is not None:
                failed += (established > 0) & (established <= self.old)
        for name, lo, hi in self.ranges:
            figures: Floats = getattr(columns, name)
            unknown |= getattr(columns, f"{name}_unknown")
            # NaN (unknown, or a NaN figure) compares false both ways: never failed here.
            if lo is not None and hi is not None:
                failed += (figures < lo) | (figures > hi)
            elif lo is not None:
                failed += figures < lo
            elif hi is not None:
                failed += figures > hi
        self._tags(columns, failed)
        return Verdicts(failed, unknown)

    def _tags(self, columns: EnterpriseColumns, failed: Counts) -> None:
        rule, words = self.rule, columns.tags
        if rule.tags_all:
            need = columns.tag_words(rule.tags_all)
            if need is None:  # a tag nobody holds: everybody misses it
                failed += 1
            else:
                missing = np.zeros(columns.count, dtype=np.bool_)
                for w, bitmask in enumerate(need):
                    if bitmask:
                        wanted = np.uint64(bitmask)
                        missing |= (words[w] & wanted) != wanted
                failed += missing
        if rule.tags_any is not None:
            failed += ~self._holds_any(columns, rule.tags_any)
        if rule.tags_none:
            failed += self._holds_any(columns, rule.tags_none)

    @staticmethod
    def _holds_any(columns: EnterpriseColumns, tags: list[str]) -> Mask:
        """Which enterprises hold at least one of ``tags``."""
        held = np.zeros(columns.count, dtype=np.bool_)
        # Tags nobody holds can be left out: they match nobody.
        known = [t for t in tags if t in columns.tag_ids]
        for w, bitmask in enumerate(columns.tag_words(known) or []):
            if bitmask:
                held |= (columns.tags[w] & np.uint64(bitmask)) != 0
        return held


def evaluate(rule: EligibilityRule, facts: Sequence[Facts], today: date) -> Verdicts:
    """Convenience: ``rule`` against ``facts`` (columns built on the spot)."""
    return ColumnarRule(rule, today).evaluate(EnterpriseColumns.from_facts(facts))
