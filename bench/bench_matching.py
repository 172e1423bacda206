"""Matching benchmark: eligibility decisions per second against a naive baseline.

Targets (issue 8, at 1M enterprises / 5,000 policies): one new policy against all
enterprises ≤ 1 s; one enterprise against all policies ≤ 5 ms; import of 1M rows ≤ 120 s;
matching worker peak memory ≤ 1 GiB. This run uses a SMALLER scale (default 20k and 100k
enterprises in memory, 20k rows through SQLite) so it finishes in a couple of minutes;
the 1M figures are extrapolated linearly from the two in-memory scales, whose ratio shows
whether growth is linear.

Baselines, measured in the same run:

* decisions: the naive evaluator (:func:`server.enterprises.rules.explain`: every
  criterion, every text, no memoised industry/region look-ups) over the same facts;
* import: one ORM ``Enterprise.create`` per row (the obvious implementation).

Usage::

    python -m bench.bench_matching [--small 20000] [--large 100000] [--policies 5000]
                                   [--db-rows 20000] [--out bench/out/matching.json]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_enterprises import DIVISIONS, HEADER, rows
from server.enterprises.rules import (
    DEFAULT_TAGS,
    CompiledRule,
    EligibilityRule,
    Facts,
    RuleSet,
    bits,
    explain,
)

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 3)
NATURE_CODES = {"民营": "private", "个体工商户": "individual", "国有": "state_owned"}


def facts_from(row: list[str]) -> Facts:
    from server.enterprises.sizes import derive_size

    employees = int(row[9]) if row[9] else None
    revenue = float(row[10]) if row[10] else None
    return Facts(
        region=row[3],
        industry=row[4],
        size=derive_size(row[4], employees, revenue),
        nature=NATURE_CODES.get(row[5], "foreign"),
        established_on=date.fromisoformat(row[7]),
        registered_capital=float(row[8]),
        employees=employees,
        annual_revenue=revenue,
        tags=frozenset(t for t in row[11].split(";") if t),
    )


def random_rule(rng: random.Random) -> EligibilityRule:
    raw: dict[str, Any] = {}
    if rng.random() < 0.7:
        raw["regions"] = [rng.choice(["320000", "320600", "320682"])]
    if rng.random() < 0.6:
        raw["industries"] = rng.sample(["C", "I", "M", "F", *DIVISIONS], rng.randint(1, 3))
    if rng.random() < 0.2:
        raw["industries_exclude"] = [rng.choice(list(DIVISIONS))]
    if rng.random() < 0.5:
        raw["sizes"] = rng.sample(["large", "medium", "small", "micro"], rng.randint(1, 3))
    if rng.random() < 0.2:
        raw["natures"] = ["private"]
    if rng.random() < 0.4:
        raw["years_established"] = {"min": rng.randint(1, 5)}
    if rng.random() < 0.5:
        raw["employees"] = {"min": rng.choice([5, 10, 20, 50])}
    if rng.random() < 0.3:
        raw["annual_revenue"] = {"min": rng.choice([100, 500, 2000])}
    if rng.random() < 0.2:
        raw["tags_all"] = [rng.choice(DEFAULT_TAGS[:5])]
    if rng.random() < 0.5:
        raw["tags_none"] = ["失信被执行人"]
    return EligibilityRule.model_validate(raw)


POLICY_RULE = EligibilityRule.model_validate(
    {
        "regions": ["320600"],
        "industries": ["C", "65"],
        "industries_exclude": ["39"],
        "sizes": ["small", "micro"],
        "years_established": {"min": 2},
        "employees": {"min": 10},
        "tags_none": ["失信被执行人"],
    }
)


def time_policy(facts: list[Facts]) -> tuple[float, float, dict[str, int]]:
    """(compiled s, naive s, outcome counts) for one policy against ``facts``."""
    compiled = CompiledRule(POLICY_RULE, TODAY)
    counts: dict[str, int] = {}
    t0 = time.perf_counter()
    for f in facts:
        outcome, near = compiled.decide(f)
        key = "near_miss" if near else outcome
        counts[key] = counts.get(key, 0) + 1
    fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    for f in facts:
        explain(POLICY_RULE, f, TODAY)
    naive = time.perf_counter() - t0
    return fast, naive, counts


def time_enterprise(facts: list[Facts], rules: list[EligibilityRule]) -> tuple[float, float]:
    """(bitset ms, naive ms) per enterprise against every rule."""
    rule_set = RuleSet(rules, TODAY)
    t0 = time.perf_counter()
    for f in facts:
        eligible, unknown, near = rule_set.masks(f)
        bits(eligible | unknown | near)
    fast = (time.perf_counter() - t0) * 1000 / len(facts)
    sample = facts[: max(1, len(facts) // 10)]
    t0 = time.perf_counter()
    for f in sample:
        for r in rules:
            explain(r, f, TODAY)
    naive = (time.perf_counter() - t0) * 1000 / len(sample)
    return fast, naive


async def db_figures(n: int, workdir: Path) -> dict[str, float]:
    """Import ``n`` rows into SQLite, then one policy against them (stored matches)."""
    from server.config import DatabaseSettings
    from server.core.db import close_db, init_db, migrate
    from server.enterprises.importer import import_rows, read_rows
    from server.enterprises.matching import ActiveRule, evaluate_rules_over_enterprises
    from server.enterprises.models import Enterprise

    db = DatabaseSettings(url=f"sqlite://{workdir / 'bench.db'}")
    await migrate(db)
    await init_db(db)
    try:
        buf = io.StringIO()
        import csv

        w = csv.writer(buf)
        w.writerow(HEADER)
        w.writerows(rows(n, seed=11))
        buf.seek(0)
        t0 = time.perf_counter()
        report = await import_rows(read_rows(buf))
        imported = time.perf_counter() - t0
        assert report.created == n, report.rejected[:3]
        # Baseline: one ORM create per row, on a sample.
        sample = [r for r in rows(min(2000, n), seed=12)]
        t0 = time.perf_counter()
        for r in sample:
            await Enterprise.create(
                uscc="X" + r[0][1:], name=r[1], legal_representative=r[2], region=r[3]
            )
        naive_rate = len(sample) / (time.perf_counter() - t0)
        await Enterprise.filter(uscc__startswith="X").delete()
        rule = ActiveRule(0, 1, "bench", None, None, CompiledRule(POLICY_RULE, TODAY))
        t0 = time.perf_counter()
        stats = await evaluate_rules_over_enterprises([rule], chunk_size=5000)
        stored = time.perf_counter() - t0
        return {
            "import_rows_per_s": n / imported,
            "import_naive_rows_per_s": naive_rate,
            "import_1m_s_extrapolated": 1_000_000 / (n / imported),
            "store_policy_s": stored,
            "stored_matches": stats.stored,
        }
    finally:
        await close_db()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench_matching")
    p.add_argument("--small", type=int, default=20_000)
    p.add_argument("--large", type=int, default=100_000)
    p.add_argument("--policies", type=int, default=5_000)
    p.add_argument("--db-rows", type=int, default=20_000)
    p.add_argument("--out", default=str(REPO / "bench" / "out" / "matching.json"))
    args = p.parse_args(argv or [])
    started = time.perf_counter()
    print(f"generating {args.large} enterprises (如皋市 distributions)…", flush=True)
    all_facts = [facts_from(r) for r in rows(args.large)]
    results: dict[str, Any] = {"scale": {"small": args.small, "large": args.large}}
    per_scale = {}
    for n in (args.small, args.large):
        fast, naive, counts = time_policy(all_facts[:n])
        per_scale[n] = fast
        results[f"policy_vs_{n}"] = {
            "compiled_s": round(fast, 4),
            "naive_s": round(naive, 4),
            "decisions_per_s": round(n / fast),
            "naive_decisions_per_s": round(n / naive),
            "speedup": round(naive / fast, 2),
            "outcomes": counts,
        }
        print(
            f"one policy vs {n:>8} enterprises: {fast:.3f} s ({n / fast:,.0f} decisions/s), "
            f"naive {naive:.3f} s → ×{naive / fast:.1f}",
            flush=True,
        )
    growth = (per_scale[args.large] / per_scale[args.small]) / (args.large / args.small)
    one_m = per_scale[args.large] * 1_000_000 / args.large
    results["growth_factor_vs_linear"] = round(growth, 3)
    results["policy_vs_1m_s_extrapolated"] = round(one_m, 3)
    print(f"growth vs linear: {growth:.2f} (1.0 = linear); 1M extrapolated: {one_m:.2f} s")

    rng = random.Random(5)
    rules = [random_rule(rng) for _ in range(args.policies)]
    fast_ms, naive_ms = time_enterprise(all_facts[:200], rules)
    results["enterprise_vs_policies"] = {
        "policies": args.policies,
        "compiled_ms": round(fast_ms, 3),
        "naive_ms": round(naive_ms, 3),
        "speedup": round(naive_ms / fast_ms, 2),
    }
    print(
        f"one enterprise vs {args.policies} policies: {fast_ms:.2f} ms, "
        f"naive {naive_ms:.2f} ms → ×{naive_ms / fast_ms:.1f}",
        flush=True,
    )
    del all_facts
    with tempfile.TemporaryDirectory() as tmp:
        db = asyncio.run(db_figures(args.db_rows, Path(tmp)))
    results["sqlite"] = {k: round(v, 2) for k, v in db.items()}
    print(
        f"import {args.db_rows} rows: {db['import_rows_per_s']:,.0f} rows/s "
        f"(naive ORM {db['import_naive_rows_per_s']:,.0f} rows/s → "
        f"×{db['import_rows_per_s'] / db['import_naive_rows_per_s']:.1f}); "
        f"1M extrapolated {db['import_1m_s_extrapolated']:.0f} s"
    )
    print(
        f"one policy stored against {args.db_rows} enterprises in SQLite: "
        f"{db['store_policy_s']:.2f} s ({int(db['stored_matches'])} matches written)"
    )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["peak_rss_mib"] = round(peak_mib, 1)
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    print(f"peak RSS {peak_mib:.0f} MiB; total {results['elapsed_s']} s")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
