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

The "policy changed" job end to end (import with the importer into SQLite, then from the
policy's id to every match stored) at ``--db-rows`` and ``--db-large`` enterprises, each
in a child process whose peak RSS is the worker's: first run (empty matches), re-run
unchanged, re-run after a small rule change, beside the previous per-chunk path in the
same database; 1M extrapolated from the growth (``--db-direct 1000000`` measures it,
without the baseline: minutes).

Usage::

    python -m bench.bench_matching [--small 20000] [--large 100000] [--direct 1000000]
                                   [--policies 5000] [--db-rows 20000] [--db-large 100000]
                                   [--db-direct 0] [--out bench/out/matching.json]
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
    keyed_s, joined_s = time_texts(columns, verdicts)
    return {
        "texts_keyed_s": keyed_s,
        "texts_joined_s": joined_s,
        "columnar_s": columnar_s,
        "columnar_first_s": first_s,
        "build_columns_s": build,
        "compiled_s": compiled_s,
        "naive_s": naive_s,
        "kept": len(kept),
        "explain_kept_s": explain_kept_s,
        "outcomes": counts,
    }


def time_texts(columns: EnterpriseColumns, verdicts: Verdicts) -> tuple[float, float]:
    """(s to key and digest the kept decisions' reasons, s to also join every JSON text):
    the job's texts (ColumnarTexts), beside explain() per kept decision."""
    import numpy as np

    from server.enterprises.reasons import ColumnarTexts

    t0 = time.perf_counter()
    texts = ColumnarTexts(ColumnarRule(POLICY_RULE, TODAY), columns, np.flatnonzero(verdicts.kept))
    keyed = time.perf_counter() - t0
    for i in range(texts.count):
        texts.reasons_json(i)
    return keyed, time.perf_counter() - t0


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


CHANGED_RULE = EligibilityRule.model_validate(
    {**POLICY_RULE.compact(), "industries": ["C", "65", "F"]}
)  # a small change: one more door (its enterprises join; other texts mostly stay)


async def _published_policy() -> int:
    from server.enterprises.service import save_rule
    from server.policies.schemas import PolicyIn
    from server.policies.service import create_policy

    data = PolicyIn.model_validate(
        {
            "external_id": "bench-policy",
            "title": "如皋市促进中小企业高质量发展若干措施",
            "issuer": "如皋市工业和信息化局",
            "status": "published",
            "audience": "enterprises",
            "summary": "对符合条件的中小企业给予奖励。",
            "body": "第一条 对符合条件的企业给予奖励。",
        }
    )
    policy = await create_policy(data, principal=None)
    await save_rule(policy.id, POLICY_RULE.compact(), editor_id=None)
    return policy.id


async def job_figures(n: int, workdir: Path, *, baseline: bool = True) -> dict[str, float]:
    """Import ``n`` rows into SQLite (the importer), then the "policy changed" job from
    the policy's id to every match stored: the previous per-chunk path (rows read and
    columns built per chunk of 1,000, ``explain()`` per kept decision) beside the job
    (registry in memory, texts per distinct value, only the diff written)."""
    from server.config import DatabaseSettings
    from server.core.db import close_db, connection, init_db, migrate
    from server.enterprises import matching
    from server.enterprises.importer import import_rows, read_rows
    from server.enterprises.models import Enterprise, EnterpriseMatch
    from server.enterprises.registry import REGISTRY
    from server.enterprises.service import apply_changes, save_rule

    db = DatabaseSettings(url=f"sqlite://{workdir / 'bench.db'}")
    await migrate(db)
    await init_db(db)
    out: dict[str, float] = {"enterprises": n}
    try:
        import csv

        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(HEADER)
        w.writerows(rows(n, seed=11))
        buf.seek(0)
        t0 = time.perf_counter()
        report = await import_rows(read_rows(buf))
        out["import_rows_per_s"] = n / (time.perf_counter() - t0)
        assert report.created == n, report.rejected[:3]
        del buf
        if baseline:
            # Baseline: one ORM create per row, on a sample.
            sample = [r for r in rows(min(2000, n), seed=12)]
            t0 = time.perf_counter()
            for r in sample:
                await Enterprise.create(
                    uscc="X" + r[0][1:], name=r[1], legal_representative=r[2], region=r[3]
                )
            out["import_naive_rows_per_s"] = len(sample) / (time.perf_counter() - t0)
            await Enterprise.filter(uscc__startswith="X").delete()
        pid = await _published_policy()

        async def timed(job: Any) -> tuple[float, Any]:
            t0 = time.perf_counter()
            stats = await job
            return time.perf_counter() - t0, stats

        if baseline:
            rules = await matching.active_rules(TODAY, [pid])
            out["previous_first_s"], stats = await timed(
                matching.evaluate_rules_over_enterprises(rules, chunk_size=1000)
            )
            out["previous_rerun_s"], _ = await timed(
                matching.evaluate_rules_over_enterprises(rules, chunk_size=1000)
            )
            out["previous_stored"] = stats.stored
            await EnterpriseMatch.filter(policy_id=pid).delete()
        REGISTRY.clear()
        out["registry_load_s"], snap = await timed(REGISTRY.current(connection()))
        out["registry_mib"] = snap.nbytes / 2**20
        out["first_s"], stats = await timed(matching.recompute_policy(pid))
        out["first_stored"] = stats.stored
        out["rerun_s"], stats = await timed(matching.recompute_policy(pid))
        assert stats.stored == 0
        await save_rule(pid, CHANGED_RULE.compact(), editor_id=None)
        out["changed_s"], stats = await timed(matching.recompute_policy(pid))
        out["changed_stored"] = stats.stored
        out["changed_revoked"] = stats.revoked
        # 100 enterprises edited: the columns catch up with their rows only.
        edited = min(100, n // 10)
        ids = [i for (i,) in await Enterprise.filter(id__lte=edited).values_list("id")]
        for eid in ids:
            await apply_changes(eid, {"employees": 123}, reason="bench")
        out["catch_up_100_s"], _ = await timed(REGISTRY.current(connection()))
        assert not REGISTRY.last.full and REGISTRY.last.rows == len(ids)
        out["matches_rows"] = await EnterpriseMatch.filter(policy_id=pid).count()
        out["db_mib"] = (workdir / "bench.db").stat().st_size / 2**20
        return out
    finally:
        await close_db()


def run_job_child(n: int, baseline: bool) -> dict[str, float]:
    """``job_figures`` in a child process: its peak RSS is a matching worker's."""
    import subprocess

    args = [sys.executable, "-m", "bench.bench_matching", "--job-child", str(n)]
    if not baseline:
        args.append("--no-baseline")
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _job_child(n: int, baseline: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        figures = asyncio.run(job_figures(n, Path(tmp), baseline=baseline))
    figures["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench_matching")
    p.add_argument("--small", type=int, default=20_000)
    p.add_argument("--large", type=int, default=100_000)
    p.add_argument("--direct", type=int, default=1_000_000)
    p.add_argument("--policies", type=int, default=5_000)
    p.add_argument("--db-rows", type=int, default=20_000)
    p.add_argument("--db-large", type=int, default=100_000)
    p.add_argument(
        "--db-direct", type=int, default=0, help="also the job at this size, no baseline"
    )
    p.add_argument("--job-child", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--no-baseline", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--out", default=str(REPO / "bench" / "out" / "matching.json"))
    args = p.parse_args(argv or [])
    if args.job_child:
        return _job_child(args.job_child, not args.no_baseline)
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
            "texts_keyed_s": round(t["texts_keyed_s"], 4),
            "texts_joined_s": round(t["texts_joined_s"], 4),
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
            f"decisions worth storing: explain() {t['explain_kept_s']:.3f} s; per distinct "
            f"value {t['texts_keyed_s']:.3f} s keyed and digested, "
            f"{t['texts_joined_s']:.3f} s with every JSON joined "
            f"(×{t['explain_kept_s'] / t['texts_joined_s']:.1f})",
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
    keyed_1m, joined_1m = time_texts(columns, verdicts)
    results["policy_vs_direct"]["texts_keyed_s"] = round(keyed_1m, 3)
    results["policy_vs_direct"]["texts_joined_s"] = round(joined_1m, 3)
    explain_1m = results[f"policy_vs_{args.large}"]["explain_kept_s"] * repeat
    print(
        f"  texts of its {int(verdicts.kept.sum()):,} decisions worth storing: keyed and "
        f"digested in {keyed_1m:.2f} s, every JSON joined {joined_1m:.2f} s "
        f"(explain() extrapolated {explain_1m:.1f} s)",
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
    # The job end to end in SQLite, each size in a child process (its peak RSS is a
    # matching worker's): the previous per-chunk path beside the job, same database.
    jobs = {}
    for n in (args.db_rows, args.db_large):
        job = jobs[n] = run_job_child(n, baseline=True)
        results[f"job_vs_{n}"] = {k: round(v, 3) for k, v in job.items()}
        print(
            f"job, one policy vs {n} enterprises in SQLite (from the policy to every match "
            f"stored): first run {job['first_s']:.2f} s ({int(job['first_stored'])} matches "
            f"written) — previous per-chunk path {job['previous_first_s']:.2f} s "
            f"(×{job['previous_first_s'] / job['first_s']:.1f}); re-run unchanged "
            f"{job['rerun_s']:.2f} s — previous {job['previous_rerun_s']:.2f} s "
            f"(×{job['previous_rerun_s'] / job['rerun_s']:.1f}); after a small rule change "
            f"{job['changed_s']:.2f} s ({int(job['changed_stored'])} written)",
            flush=True,
        )
        print(
            f"  registry loaded in {job['registry_load_s']:.2f} s "
            f"({job['registry_mib']:.1f} MiB), caught up with 100 edited enterprises in "
            f"{job['catch_up_100_s'] * 1000:.1f} ms; peak RSS of the job process "
            f"{job['peak_rss_mib']:.0f} MiB; import {job['import_rows_per_s']:,.0f} rows/s "
            f"(naive ORM {job['import_naive_rows_per_s']:,.0f} rows/s)",
            flush=True,
        )
    small, large = jobs[args.db_rows], jobs[args.db_large]
    scale = args.db_large / args.db_rows
    timed = ("first_s", "rerun_s", "changed_s", "previous_first_s", "previous_rerun_s")
    growth = {k: (large[k] / small[k]) / scale for k in timed}
    to_1m = 1_000_000 / args.db_large
    results["job_growth_vs_linear"] = {k: round(v, 2) for k, v in growth.items()}
    results["job_1m_extrapolated_s"] = {
        k: round(large[k] * to_1m * max(1.0, growth[k]), 1) for k in timed
    }
    print(
        f"growth {args.db_rows} → {args.db_large} vs linear: "
        + ", ".join(f"{k} {v:.2f}" for k, v in growth.items())
        + "; 1M extrapolated (linear, or the growth when worse): "
        + ", ".join(f"{k} {v} s" for k, v in results["job_1m_extrapolated_s"].items())
    )
    if args.db_direct:
        job = run_job_child(args.db_direct, baseline=False)
        results[f"job_vs_{args.db_direct}"] = {k: round(v, 3) for k, v in job.items()}
        print(
            f"job vs {args.db_direct} enterprises, measured: first run {job['first_s']:.2f} s, "
            f"re-run {job['rerun_s']:.2f} s, after a rule change {job['changed_s']:.2f} s; "
            f"registry {job['registry_mib']:.0f} MiB loaded in {job['registry_load_s']:.1f} s; "
            f"peak RSS {job['peak_rss_mib']:.0f} MiB",
            flush=True,
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
