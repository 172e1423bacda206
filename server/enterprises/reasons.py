"""The texts of many decisions of one rule, written once per distinct value.

A criterion's reason depends on one thing about the enterprise: its region, industry,
size or nature code; its years since founding; the figure compared; the tags among the
rule's. So :class:`ColumnarTexts` keys every decision, criterion by criterion, by that
value (the column's category id, or ``numpy.unique`` over the figures, years or masked
tag words), and asks the very functions :func:`~server.enterprises.rules.explain` calls
(``_check_regions``, ``_check_range``, …) for one :class:`Reason` per distinct key. A
decision's stored reasons are then those reasons in ``explain()``'s order: the same
texts, written a few thousand times instead of once per criterion per enterprise.

Each reason is kept as its JSON text (the stored column's encoder) and a 64-bit hash;
:func:`reasons_digest` combines a decision's hashes with one odd multiplier per position,
so the policy job compares stored and fresh decisions by digest (stored in
``enterprise_matches.reasons_digest``) without reading or writing unchanged texts. Two
different reason lists share a digest with probability about 2⁻⁶⁴.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from server.enterprises.columnar import ColumnarRule, EnterpriseColumns, _age_cutoff
from server.enterprises.rules import (
    FAILED,
    NATURES,
    SIZES,
    Range,
    Reason,
    _check_choice,
    _check_excluded,
    _check_industries,
    _check_range,
    _check_regions,
    _check_tags_all,
    _check_tags_any,
    _check_tags_none,
    years_reason,
)

Keys = npt.NDArray[np.int64]
Hashes = npt.NDArray[np.uint64]
_MASK64 = (1 << 64) - 1


def encode(value: Any) -> str:
    """JSON as ``enterprise_matches.reasons`` stores it (that field's own encoder)."""
    from server.enterprises.models import EnterpriseMatch

    encoder: Callable[[Any], str] = EnterpriseMatch._meta.fields_map["reasons"].encoder  # type: ignore[attr-defined]
    return encoder(value)


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


#: One odd multiplier per position in the list (a rule has at most 12 criteria).
_POSITIONS = [_hash(f"zwgk reasons position {k}") | 1 for k in range(16)]


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def reasons_digest(reasons: Sequence[dict[str, str]]) -> int:
    """The digest of a stored reason list (signed 64-bit, as the column holds it)."""
    total = 0
    for k, reason in enumerate(reasons):
        total = (total + _POSITIONS[k] * _hash(encode(reason))) & _MASK64
    return _signed(total)


class _Criterion:
    """One criterion over the selected decisions: a key per decision and, per key, the
    reason (as JSON, its hash, its text and result)."""

    def __init__(self, keys: Keys, reasons: Sequence[Reason]) -> None:
        self.keys = keys
        self.json = [encode(r.as_dict()) for r in reasons]
        self.hashes: Hashes = np.array([_hash(j) for j in self.json], dtype=np.uint64)
        self.failed = [r.text if r.result == FAILED else None for r in reasons]


def _unique(values: npt.NDArray[Any], unknown: npt.NDArray[np.bool_]) -> tuple[Keys, list[Any]]:
    """(key per decision, distinct known values); key ``len(values)`` is unknown."""
    known = ~unknown
    distinct, inverse = np.unique(values[known], return_inverse=True)
    keys = np.full(values.shape[-1], len(distinct), dtype=np.int64)
    keys[known] = inverse.reshape(-1)
    return keys, list(distinct)


class ColumnarTexts:
    """The reasons of ``rule`` for the enterprises at ``positions`` of ``columns``,
    exactly as :func:`~server.enterprises.rules.explain` writes them."""

    def __init__(
        self, rule: ColumnarRule, columns: EnterpriseColumns, positions: npt.NDArray[np.int64]
    ) -> None:
        self.count = int(positions.size)
        r, today = rule.rule, rule.today
        crit: list[_Criterion] = []

        def categorical(column: str, vocab: str, check: Callable[[str | None], Reason]) -> None:
            ids = getattr(columns, column)[positions].astype(np.int64)
            used = np.unique(ids)
            table = np.zeros(len(getattr(columns, vocab)), dtype=np.int64)
            table[used] = np.arange(used.size)
            values = getattr(columns, vocab)
            crit.append(_Criterion(table[ids], [check(values[int(i)]) for i in used]))

        if r.regions is not None:
            regions = list(r.regions)
            categorical("region", "regions", lambda v: _check_regions(v, regions))
        if r.industries is not None:
            industries = list(r.industries)
            categorical("industry", "industries", lambda v: _check_industries(v, industries))
        if r.industries_exclude:
            excluded = list(r.industries_exclude)
            categorical("industry", "industries", lambda v: _check_excluded(v, excluded))
        if r.sizes is not None:
            sizes: list[str] = list(r.sizes)
            categorical(
                "size", "sizes", lambda v: _check_choice("sizes", "企业规模", v, sizes, SIZES)
            )
        if r.natures is not None:
            natures: list[str] = list(r.natures)
            categorical(
                "nature",
                "natures",
                lambda v: _check_choice("natures", "企业性质", v, natures, NATURES),
            )
        if r.years_established is not None:
            crit.append(self._years(columns, positions, r.years_established, today))
        for name in ("registered_capital", "employees", "annual_revenue"):
            rng = getattr(r, name)
            if rng is not None:
                figures = getattr(columns, name)[positions]
                keys, distinct = _unique(figures, getattr(columns, f"{name}_unknown")[positions])
                # Texts go through _num(), which writes 45 and 45.0 alike.
                reasons = [_check_range(name, float(v), rng) for v in distinct]
                crit.append(_Criterion(keys, [*reasons, _check_range(name, None, rng)]))
        for name, check in (
            ("tags_all", _check_tags_all),
            ("tags_any", _check_tags_any),
            ("tags_none", _check_tags_none),
        ):
            targets = getattr(r, name)
            if targets is None or (name != "tags_any" and not targets):
                continue
            crit.append(self._tags(columns, positions, list(targets), check))
        self.criteria = crit
        total = np.zeros(self.count, dtype=np.uint64)
        for k, c in enumerate(crit):
            total += np.uint64(_POSITIONS[k]) * c.hashes[c.keys]  # wraps modulo 2**64
        #: Digest of each decision's reasons (as :func:`reasons_digest` computes it).
        self.digests: npt.NDArray[np.int64] = total.view(np.int64)

    @staticmethod
    def _years(
        columns: EnterpriseColumns, positions: npt.NDArray[np.int64], rng: Range, today: date
    ) -> _Criterion:
        ordinals = columns.established[positions].astype(np.int64)
        # Full years ≥ K ⇔ founded on or before cutoff(K) (as ColumnarRule decides ages):
        # the years are the number of cutoffs on or after the founding day.
        ascending = np.array(
            [_age_cutoff(today, k) for k in range(today.year - 1, 0, -1)], dtype=np.int64
        )
        years = ascending.size - np.searchsorted(ascending, ordinals, side="left")
        future = ordinals > today.toordinal()  # not imported, but explain() counts them
        for i in np.flatnonzero(future & (ordinals > 0)):
            start = date.fromordinal(int(ordinals[i]))
            years[i] = (
                today.year - start.year - ((today.month, today.day) < (start.month, start.day))
            )
        keys, distinct = _unique(years, ordinals == 0)
        reasons = [years_reason(int(y), rng) for y in distinct]
        return _Criterion(keys, [*reasons, years_reason(None, rng)])

    @staticmethod
    def _tags(
        columns: EnterpriseColumns,
        positions: npt.NDArray[np.int64],
        targets: list[str],
        check: Callable[[frozenset[str], list[str]], Reason],
    ) -> _Criterion:
        # Only the rule's tags matter to its texts: key by the words masked to them.
        held = [t for t in targets if t in columns.tag_ids]
        masks = columns.tag_words(held) or [0] * columns.tags.shape[0]
        words = columns.tags[:, positions] & np.array(masks, dtype=np.uint64)[:, None]
        distinct, inverse = np.unique(words, axis=1, return_inverse=True)
        names = {bit: tag for tag, bit in columns.tag_ids.items()}
        reasons = []
        for j in range(distinct.shape[1]):
            tags = frozenset(
                names[w * 64 + b]
                for w in range(distinct.shape[0])
                for b in range(64)
                if int(distinct[w, j]) >> b & 1
            )
            reasons.append(check(tags, targets))
        if not reasons:  # no decision selected (np.unique of nothing)
            return _Criterion(np.zeros(0, dtype=np.int64), [])
        return _Criterion(inverse.reshape(-1).astype(np.int64), reasons)

    def reasons_json(self, i: int) -> str:
        """The stored JSON of decision ``i`` (``i`` counts the selected positions)."""
        return "[" + ",".join(c.json[c.keys[i]] for c in self.criteria) + "]"

    def failed_texts(self, i: int) -> list[str]:
        """Texts of the failed criteria of decision ``i`` (a push's ``missing``)."""
        return [t for c in self.criteria if (t := c.failed[c.keys[i]]) is not None]
