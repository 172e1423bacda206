"""The policy job over the registry in memory: texts as explain() writes them, the same
stored matches as the per-chunk path, only the diff written, and columns that catch up
with every change of the registry."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import numpy as np
import pytest

from server.core.db import connection, dialect
from server.enterprises import matching
from server.enterprises.columnar import ColumnarRule, EnterpriseColumns
from server.enterprises.models import Enterprise, EnterpriseMatch, PolicyEligibility
from server.enterprises.reasons import ColumnarTexts, encode, reasons_digest
from server.enterprises.registry import REGISTRY, read_state
from server.enterprises.rules import EligibilityRule, explain
from server.enterprises.service import apply_changes, save_rule
from tests.enterprises.conftest import CSV_HEADER, csv_line, import_csv, published_policy
from tests.enterprises.test_columnar import TODAYS, random_facts, random_rule


def texts_agree(rule: EligibilityRule, facts: list[Any], today: date) -> None:
    columns = EnterpriseColumns.from_facts(facts)
    positions = np.arange(len(facts), dtype=np.int64)[::-1].copy()  # any order
    texts = ColumnarTexts(ColumnarRule(rule, today), columns, positions)
    for i, p in enumerate(positions):
        reasons = [r.as_dict() for r in explain(rule, facts[p], today).reasons]
        assert texts.reasons_json(i) == encode(reasons), (rule.compact(), facts[p], today)
        assert int(texts.digests[i]) == reasons_digest(reasons)
        assert texts.failed_texts(i) == [r["text"] for r in reasons if r["result"] == "failed"]


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_texts_are_explains(today: date) -> None:
    """Every criterion's text, per distinct value, is the one explain() writes: awkward
    days, unknowns, more than 64 tags, figures on the bounds."""
    rng = random.Random(today.toordinal() + 1)
    facts = [random_facts(rng, today) for _ in range(300)]
    for _ in range(60):
        texts_agree(random_rule(rng), facts, today)


def test_texts_of_the_bench_registry() -> None:
    from bench.bench_matching import POLICY_RULE, TODAY, facts_from
    from bench.bench_matching import random_rule as bench_rule
    from bench.gen_enterprises import rows

    facts = [facts_from(r) for r in rows(800, seed=3)]
    texts_agree(POLICY_RULE, facts, TODAY)
    rng = random.Random(3)
    for _ in range(10):
        texts_agree(bench_rule(rng), facts, TODAY)


def test_digest_tells_lists_apart() -> None:
    a = {
        "criterion": "employees",
        "result": "passed",
        "text": "从业人员 45 人，满足「不少于 10 人」",
    }
    b = {"criterion": "regions", "result": "passed", "text": "所在地区 如皋市（320682）"}
    assert reasons_digest([a, b]) != reasons_digest([b, a])
    assert reasons_digest([a]) != reasons_digest([a, a])
    assert reasons_digest([a, b]) == reasons_digest([dict(a), dict(b)])
    assert encode([a, b]) == "[" + ",".join([encode(a), encode(b)]) + "]"


# --------------------------------------------------------------------------- in the database

RULES = [
    {"regions": ["320600"], "industries": ["C"], "employees": {"min": 10}},
    {"sizes": ["small", "micro"], "years_established": {"min": 3}, "tags_none": ["失信被执行人"]},
    {"industries": ["34", "65"], "annual_revenue": {"min": 500}, "tags_any": ["高新技术企业"]},
]


async def _registry(n: int, seed: int = 21) -> None:
    import csv
    import io

    from bench.gen_enterprises import HEADER, rows

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    writer.writerows(rows(n, seed=seed))
    report = await import_csv(buf.getvalue(), batch_size=97)
    assert report.created == n, report.rejected[:3]


async def _stored(policy_id: int) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in await EnterpriseMatch.filter(policy_id=policy_id)
        .order_by("enterprise_id")
        .values_list("enterprise_id", "outcome", "near_miss", "active", "reasons", "reasons_digest")
    ]


async def _per_chunk(policy_id: int) -> list[tuple[Any, ...]]:
    """What the previous per-chunk path (reads rows, explain() per kept decision) stores,
    from nothing; the policy's matches are restored afterwards."""
    saved = await _stored(policy_id)
    await EnterpriseMatch.filter(policy_id=policy_id).delete()
    await matching.evaluate_rules_over_enterprises(
        await matching.active_rules(policy_ids=[policy_id]), chunk_size=64
    )
    expected = await _stored(policy_id)
    await EnterpriseMatch.filter(policy_id=policy_id).delete()
    await EnterpriseMatch.bulk_create(
        [
            EnterpriseMatch(
                enterprise_id=e, policy_id=policy_id, outcome=o, near_miss=n, active=a,
                reasons=r, reasons_digest=d,
            )
            for e, o, n, a, r, d in saved
        ]
    )  # fmt: skip
    return expected


async def test_policy_job_stores_what_the_per_chunk_path_stores(app: Any) -> None:
    REGISTRY.clear()
    await _registry(400)
    for number, rule in enumerate(RULES):
        pid = await published_policy(f"rg-pm-{number}", rule)
        stats = await matching.recompute_policy(pid, chunk_size=37)
        assert stats.stored > 0 and stats.chunks == 11
        got = await _stored(pid)
        assert got == await _per_chunk(pid)
        assert all(d is not None for *_, d in got)
        # Run again: nothing written.
        again = await matching.recompute_policy(pid, chunk_size=50)
        assert (again.stored, again.revoked, again.pushed) == (0, 0, 0)
        assert await _stored(pid) == got


async def test_a_rule_change_writes_only_what_changed(app: Any) -> None:
    REGISTRY.clear()
    await _registry(300)
    pid = await published_policy("rg-pm-diff", RULES[0])
    await matching.recompute_policy(pid)
    before = {row[0]: row for row in await _stored(pid)}
    # One more industry: the new door's enterprises become eligible; manufacturers'
    # passed texts name their own door and stay; failed texts list the doors and change.
    await save_rule(pid, {**RULES[0], "industries": ["C", "F"]}, editor_id=None)
    stats = await matching.recompute_policy(pid, chunk_size=64)
    after = {row[0]: row for row in await _stored(pid)}
    changed = [e for e in after if before.get(e) != after[e]]
    assert 0 < stats.stored + stats.revoked == len(changed) < len(after)
    versions = dict(
        await EnterpriseMatch.filter(policy_id=pid).values_list("enterprise_id", "rule_version")
    )
    assert {versions[e] for e in changed} == {2}
    assert {versions[e] for e in after if e not in changed} == {1}  # untouched
    assert after == {row[0]: row for row in await _per_chunk(pid)}


async def test_rows_without_a_digest_are_rewritten_once(app: Any) -> None:
    REGISTRY.clear()
    await _registry(120)
    pid = await published_policy("rg-pm-legacy", RULES[1])
    first = await matching.recompute_policy(pid)
    got = await _stored(pid)
    await EnterpriseMatch.filter(policy_id=pid).update(reasons_digest=None)
    again = await matching.recompute_policy(pid)
    assert again.stored == first.stored and again.pushed == 0
    assert await _stored(pid) == got
    assert (await matching.recompute_policy(pid)).stored == 0


async def test_registry_columns_catch_up_with_changes(app: Any) -> None:
    REGISTRY.clear()
    await _registry(200)
    pid = await published_policy("rg-pm-live", RULES[0])
    await matching.recompute_policy(pid)
    assert REGISTRY.last.full and REGISTRY.last.rows == 200
    epoch, generation = await read_state(connection())
    assert generation == 3  # one per import batch of 97

    # Nothing changed: nothing read.
    await matching.recompute_policy(pid)
    assert (REGISTRY.last.full, REGISTRY.last.rows) == (False, 0)

    ids = sorted(i for (i,) in await Enterprise.all().values_list("id"))
    await apply_changes(ids[3], {"industry": "3422", "employees": 500}, reason="test")
    await apply_changes(ids[150], {"employees": None}, reason="test")
    lines = [CSV_HEADER, *(csv_line(9000 + i, employees=str(5 * i)) for i in range(4))]
    assert (await import_csv("\n".join(lines))).created == 4
    stamped = await Enterprise.filter(registry_generation__gt=generation).count()
    assert stamped == 6
    # Written behind the service's back (no generation): found by its greater id.
    await Enterprise.create(
        uscc="91320682MA0000BC0X", name="如皋某公司", region="320682", industry="3422",
        employees=80,
    )  # fmt: skip
    await matching.recompute_policy(pid)
    assert (REGISTRY.last.full, REGISTRY.last.rows) == (False, 7)
    assert REGISTRY._snapshot is not None and REGISTRY._snapshot.count == 205
    assert await _stored(pid) == await _per_chunk(pid)

    # Another database (a copy, a restore, a re-created one): a new epoch, a full load.
    await connection().execute_query("DELETE FROM enterprise_registry")
    await matching.recompute_policy(pid)
    assert REGISTRY.last.full and (await read_state(connection()))[0] != epoch


async def test_stored_rule_loaded_leniently_in_the_policy_job(app: Any) -> None:
    REGISTRY.clear()
    await _registry(60)
    pid = await published_policy("rg-pm-lenient", {"employees": {"min": 10}})
    # PostgreSQL's JSON has no infinity: only SQLite can hold the non-finite bound.
    capital = {"min": 10, "max": float("inf")} if dialect() == "sqlite" else {"min": 10}
    await PolicyEligibility.filter(policy_id=pid).update(
        rule={"employees": {}, "registered_capital": capital}
    )
    await matching.recompute_policy(pid)
    assert await _stored(pid) == await _per_chunk(pid)
