"""Matching benchmark: eligibility decisions per second against a naive baseline.

Targets (issue 8, at 1M enterprises / 5,000 policies): one new policy against all
enterprises ≤ 1 s; one enterprise against all policies ≤ 5 ms; import of 1M rows ≤ 120 s;
matching worker peak memory ≤ 1 GiB. This run uses a SMALLER scale (default 20k and 100k
enterprises in memory, 20k rows through SQLite) so it finishes in a couple of minutes;
the policy path is then measured directly at 1M enterprises in memory (the ``--large``
registry repeated, ``--direct`` enterprises in all), the other 1M figures are extrapolated
linearly from the smaller scales, whose ratio shows whether growth is linear.

One policy against all enterprises is timed three ways over the same facts:

* columnar (:class:`server.enterprises.columnar.ColumnarRule`, the path the matching jobs
  take), over columns built beforehand (building them is timed on its own: in the jobs it
  is part of reading a chunk); best of five runs, as a run takes milliseconds;
* ``CompiledRule.decide`` per enterprise (the previous bulk path), a second reference;
* the naive baseline (:func:`server.enterprises.rules.explain`: every criterion, every
  text, no memoised industry/region look-ups).

The three must agree on every outcome (checked). Other baselines, same run: one
enterprise against all rules, naive ``explain`` per rule; import, one ORM
``Enterprise.create`` per row (the obvious implementation).

Usage::

    python -m bench.bench_matching [--small 20000] [--large 100000] [--direct 1000000]
                                   [--policies 5000] [--db-rows 20000]
                                   [--out bench/out/matching.json]
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
from server.enterprises.columnar import ColumnarRule, EnterpriseColumns, Verdicts
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


def time_columnar(columns: EnterpriseColumns, repeat: int = 5) -> tuple[float, float, Verdicts]:
    """(first s, best s of ``repeat``, verdicts) for the policy against ``columns``.

    The first run of a fresh ColumnarRule also computes its per-code tables (region and
    industry coverage); the jobs pay that once per policy, not per chunk.
    """
    columnar = ColumnarRule(POLICY_RULE, TODAY)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        verdicts = columnar.evaluate(columns)
        times.append(time.perf_counter() - t0)
    return times[0], min(times), verdicts


def exclusive(tally: dict[str, int]) -> dict[str, int]:
    """Verdicts.tally() as this bench counts: a near miss is not also not_eligible."""
    counts = dict(tally)
    counts["not_eligible"] -= counts["near_miss"]
    return {k: v for k, v in counts.items() if v}


def time_policy(facts: list[Facts]) -> dict[str, Any]:
    """One policy against ``facts``: columnar, CompiledRule and naive, in seconds."""
    t0 = time.perf_counter()
    columns = EnterpriseColumns.from_facts(facts)
    build = time.perf_counter() - t0
    first_s, columnar_s, verdicts = time_columnar(columns)
    compiled = CompiledRule(POLICY_RULE, TODAY)
    counts: dict[str, int] = {}
    decisions = []
    t0 = time.perf_counter()
    for f in facts:
        outcome, near = compiled.decide(f)
        key = "near_miss" if near else outcome
        counts[key] = counts.get(key, 0) + 1
        decisions.append((outcome, near))
    compiled_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for f in facts:
        explain(POLICY_RULE, f, TODAY)
    naive_s = time.perf_counter() - t0
    assert exclusive(verdicts.tally()) == counts, (verdicts.tally(), counts)
    assert [verdicts.outcome(i) for i in range(len(facts))] == decisions
    # What the matching job does next: the texts of the decisions worth storing.
    kept = verdicts.kept_indices()
    t0 = time.perf_counter()
    for i in kept:
        explain(POLICY_RULE, facts[i], TODAY)
    explain_kept_s = time.perf_counter() - t0
    return {
        "columnar_s": columnar_s,
        "columnar_first_s": first_s,
        "build_columns_s": build,
        "compiled_s": compiled_s,
        "naive_s": naive_s,
        "kept": len(kept),
        "explain_kept_s": explain_kept_s,
        "outcomes": counts,
    }


def time_chunked(facts: list[Facts], chunk: int = 1000) -> tuple[float, float]:
    """(columnar s, CompiledRule s) deciding ``facts`` chunk by chunk, as the job does:
    the columnar side builds each chunk's columns from its Facts, then evaluates."""
    columnar = ColumnarRule(POLICY_RULE, TODAY)
    compiled = CompiledRule(POLICY_RULE, TODAY)
    chunks = [facts[i : i + chunk] for i in range(0, len(facts), chunk)]
    t0 = time.perf_counter()
    by_columns = [columnar.evaluate(EnterpriseColumns.from_facts(c)).kept_indices() for c in chunks]
    columnar_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    by_compiled = []
    for c in chunks:
        decisions = [compiled.decide(f) for f in c]
        by_compiled.append(
            [i for i, (o, near) in enumerate(decisions) if o != "not_eligible" or near]
        )
    compiled_s = time.perf_counter() - t0
    assert by_columns == by_compiled
    return columnar_s, compiled_s


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
    p.add_argument("--direct", type=int, default=1_000_000)
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
        t = time_policy(all_facts[:n])
        per_scale[n] = t["columnar_s"]
        fast, compiled, naive = t["columnar_s"], t["compiled_s"], t["naive_s"]
        results[f"policy_vs_{n}"] = {
            "columnar_s": round(fast, 5),
            "columnar_first_s": round(t["columnar_first_s"], 5),
            "compiled_s": round(compiled, 4),
            "naive_s": round(naive, 4),
            "build_columns_s": round(t["build_columns_s"], 4),
            "decisions_per_s": round(n / fast),
            "compiled_decisions_per_s": round(n / compiled),
            "naive_decisions_per_s": round(n / naive),
            "speedup": round(naive / fast, 1),
            "speedup_vs_compiled": round(compiled / fast, 1),
            "kept": t["kept"],
            "explain_kept_s": round(t["explain_kept_s"], 4),
            "outcomes": t["outcomes"],
        }
        print(
            f"one policy vs {n:>8} enterprises: columnar {fast * 1000:.1f} ms "
            f"({n / fast:,.0f} decisions/s); CompiledRule {compiled:.3f} s "
            f"(×{compiled / fast:.0f}); naive {naive:.3f} s → ×{naive / fast:.0f}",
            flush=True,
        )
        print(
            f"  first run {t['columnar_first_s'] * 1000:.1f} ms; columns built in "
            f"{t['build_columns_s']:.3f} s; texts of the {t['kept']} "
            f"decisions worth storing: {t['explain_kept_s']:.3f} s",
            flush=True,
        )
    growth = (per_scale[args.large] / per_scale[args.small]) / (args.large / args.small)
    results["growth_factor_vs_linear"] = round(growth, 3)
    chunked, chunked_compiled = time_chunked(all_facts[: args.large])
    results[f"policy_vs_{args.large}_in_chunks_of_1000"] = {
        "columnar_with_columns_s": round(chunked, 4),
        "compiled_s": round(chunked_compiled, 4),
        "speedup": round(chunked_compiled / chunked, 2),
    }
    print(
        f"  as the job decides it, in chunks of 1,000 (columns built per chunk): "
        f"{chunked:.3f} s; CompiledRule {chunked_compiled:.3f} s "
        f"(×{chunked_compiled / chunked:.1f})",
        flush=True,
    )

    # 1M measured, not extrapolated: the large registry repeated up to --direct.
    repeat = max(1, args.direct // args.large)
    t0 = time.perf_counter()
    columns = EnterpriseColumns.from_facts(all_facts[: args.large] * repeat)
    build = time.perf_counter() - t0
    direct_first_s, direct_s, verdicts = time_columnar(columns)
    n = columns.count
    assert exclusive(verdicts.tally()) == {
        k: v * repeat for k, v in results[f"policy_vs_{args.large}"]["outcomes"].items()
    }
    direct_growth = (direct_s / per_scale[args.large]) / (n / args.large)
    compiled_1m = results[f"policy_vs_{args.large}"]["compiled_s"] * 1_000_000 / args.large
    results["policy_vs_direct"] = {
        "enterprises": n,
        "columnar_s": round(direct_s, 4),
        "columnar_first_s": round(direct_first_s, 4),
        "build_columns_s": round(build, 3),
        "columns_mib": round(columns.nbytes / 2**20, 1),
        "growth_factor_vs_linear": round(direct_growth, 3),
    }
    results["policy_vs_1m_s"] = round(direct_s * 1_000_000 / n, 4)
    results["policy_vs_1m_compiled_s_extrapolated"] = round(compiled_1m, 3)
    print(
        f"growth {args.small} → {args.large} vs linear: {growth:.2f} (1.0 = linear); "
        f"{args.large} → {n}: {direct_growth:.2f}"
    )
    print(
        f"one policy vs {n:,} enterprises, measured: {direct_s:.3f} s (first run "
        f"{direct_first_s:.3f} s; columns {columns.nbytes / 2**20:.0f} MiB, built in "
        f"{build:.1f} s); CompiledRule extrapolated {compiled_1m:.2f} s",
        flush=True,
    )
    del columns, verdicts

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
