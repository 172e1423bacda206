"""Keeping matches current: evaluate, diff against stored matches, queue pushes.

A decision worth keeping is ``eligible``, ``unknown`` or a near miss; plain
``not_eligible`` decisions are not stored, and a stored match that no longer holds is
revoked (``active`` false). A new eligible match or near miss of an enterprise with an
approved contact queues one ``policy_match`` push intent (dedup key per outcome), an
unchanged match produces nothing.

Work is chunked by enterprise id; each chunk is one transaction holding the match rows
and the push intents it caused, so a job killed mid-run and run again converges on the
same rows and never queues a push twice.

One policy against all enterprises (the "policy changed" path, and the preview) decides
each chunk at once with :class:`~server.enterprises.columnar.ColumnarRule`; several rules
against a few enterprises use :class:`~server.enterprises.rules.RuleSet`. Either way only
the decisions worth keeping are explained (texts) and diffed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.core.clock import local_today
from server.enterprises.columnar import ColumnarRule, EnterpriseColumns
from server.enterprises.models import Enterprise, EnterpriseMatch, PolicyEligibility
from server.enterprises.reasons import reasons_digest
from server.enterprises.rules import (
    FACT_FIELDS,
    CompiledRule,
    Decision,
    EligibilityRule,
    Facts,
    RuleSet,
    bits,
    explain,
)
from server.enterprises.service import contact_user_ids
from server.policies.models import ApplicationGuide, Policy, PolicyStatus

log = logging.getLogger("zwgk.matching")

FACT_COLUMNS = ("id", "uscc", *FACT_FIELDS)


@dataclass(slots=True)
class ActiveRule:
    policy_id: int
    version: int
    title: str
    external_id: str | None
    deadline: date | None
    compiled: CompiledRule


@dataclass
class RunStats:
    evaluated: int = 0
    stored: int = 0
    revoked: int = 0
    pushed: int = 0
    chunks: int = 0


def facts_row(row: Sequence[Any]) -> Facts:
    """Facts of a row of :data:`FACT_COLUMNS`."""
    return Facts.of(row[2:])


async def active_rules(
    today: date | None = None, policy_ids: Sequence[int] | None = None
) -> list[ActiveRule]:
    """Rules of published policies (optionally only ``policy_ids``)."""
    today = today or local_today()
    query = PolicyEligibility.all()
    if policy_ids is not None:
        query = query.filter(policy_id__in=list(policy_ids))
    rules = await query
    if not rules:
        return []
    policies = {
        p.id: p
        for p in await Policy.filter(
            id__in=[r.policy_id for r in rules], status=PolicyStatus.PUBLISHED.value
        ).only("id", "title", "external_id")
    }
    deadlines = dict(
        await ApplicationGuide.filter(policy_id__in=list(policies)).values_list(
            "policy_id", "window_end"
        )
    )
    return [
        ActiveRule(
            policy_id=r.policy_id,
            version=r.version,
            title=policies[r.policy_id].title,
            external_id=policies[r.policy_id].external_id,
            deadline=deadlines.get(r.policy_id),
            compiled=CompiledRule(EligibilityRule.model_validate(r.rule), today),
        )
        for r in rules
        if r.policy_id in policies
    ]


def _kind(outcome: str, near: bool) -> str:
    return "near_miss" if near else outcome


async def _apply(
    conn: BaseDBAsyncClient,
    pairs: list[tuple[int, str, ActiveRule, Decision | None]],
    existing: dict[tuple[int, int], EnterpriseMatch],
    stats: RunStats,
) -> None:
    """Write the diff of ``pairs`` (enterprise id, uscc, rule, decision or None = drop)."""
    contacts = await contact_user_ids([eid for eid, _, _, d in pairs if d is not None])
    fresh: list[EnterpriseMatch] = []
    for eid, uscc, rule, decision in pairs:
        old = existing.get((eid, rule.policy_id))
        if decision is None:
            if old is not None and old.active:
                old.active = False
                await old.save(using_db=conn, update_fields=["active", "updated_at"])
                stats.revoked += 1
            continue
        reasons = [r.as_dict() for r in decision.reasons]
        if old is None:
            old = EnterpriseMatch(enterprise_id=eid, policy_id=rule.policy_id)
            changed_kind = True
        else:
            changed_kind = (
                not old.active
                or old.outcome != decision.outcome
                or old.near_miss != decision.near_miss
            )
            # Same outcome and texts: unchanged, whatever the rule version (the stored
            # version is the one that last changed the decision, as in policy_matching).
            if not changed_kind and old.reasons == reasons:
                continue
        old.outcome, old.near_miss, old.reasons = decision.outcome, decision.near_miss, reasons
        old.reasons_digest = reasons_digest(reasons)
        old.rule_version, old.active = rule.version, True
        notify = (
            changed_kind
            and (decision.outcome == "eligible" or decision.near_miss)
            and old.answer is None
            and eid in contacts
        )
        if notify:
            missing = [r.text for r in decision.failed]
            if await queue_match_push(
                conn, uscc, rule, decision.outcome, decision.near_miss, missing
            ):
                old.pushed = True
                stats.pushed += 1
        if old.id is None:
            fresh.append(old)  # new rows: one bulk insert per chunk
        else:
            await old.save(using_db=conn)
        stats.stored += 1
    if fresh:
        await EnterpriseMatch.bulk_create(fresh, batch_size=500, using_db=conn)


async def queue_match_push(
    conn: BaseDBAsyncClient,
    uscc: str,
    rule: ActiveRule,
    outcome: str,
    near_miss: bool,
    missing: list[str],
) -> bool:
    """One ``policy_match`` push to an enterprise's contacts (once per outcome: the dedup
    key names it); whether it was queued now."""
    from server.push.intents import queue_push

    kind = _kind(outcome, near_miss)
    intent = await queue_push(
        "policy_match",
        "enterprise",
        uscc,
        "policy",
        rule.policy_id,
        {
            "policy_id": rule.policy_id,
            "title": rule.title,
            "outcome": outcome,
            "near_miss": near_miss,
            "missing": missing,
            "deadline": rule.deadline.isoformat() if rule.deadline else None,
        },
        dedup_key=f"enterprise:{uscc}:policy_match:policy:{rule.policy_id}:{kind}",
        using_db=conn,
    )
    return intent is not None


async def _existing(
    conn: BaseDBAsyncClient, enterprise_ids: list[int], policy_ids: list[int]
) -> dict[tuple[int, int], EnterpriseMatch]:
    rows = await EnterpriseMatch.filter(
        enterprise_id__in=enterprise_ids, policy_id__in=policy_ids
    ).using_db(conn)
    return {(m.enterprise_id, m.policy_id): m for m in rows}


ChunkHook = Callable[[int], Awaitable[None]]


async def evaluate_rules_over_enterprises(
    rules: list[ActiveRule],
    *,
    enterprise_ids: Sequence[int] | None = None,
    chunk_size: int = 1000,
    after_chunk: ChunkHook | None = None,
) -> RunStats:
    """Evaluate ``rules`` against enterprises (all, or ``enterprise_ids``), chunk by chunk."""
    stats = RunStats()
    if not rules:
        return stats
    policy_ids = [r.policy_id for r in rules]
    by_policy = {r.policy_id: r for r in rules}
    today = rules[0].compiled.today
    decider: RuleSet | ColumnarRule = (
        RuleSet([r.compiled.rule for r in rules], today)
        if len(rules) > 1
        else ColumnarRule(rules[0].compiled.rule, today)
    )
    last_id = 0
    wanted = sorted(set(enterprise_ids)) if enterprise_ids is not None else None
    while True:
        if wanted is not None:
            if not wanted:
                break
            batch, wanted = wanted[:chunk_size], wanted[chunk_size:]
            query = Enterprise.filter(id__in=batch)
        else:
            query = Enterprise.filter(id__gt=last_id)
        rows = await query.order_by("id").limit(chunk_size).values_list(*FACT_COLUMNS)
        if not rows:
            if wanted is not None:
                continue
            break
        last_id = int(rows[-1][0])
        kept: dict[tuple[int, int], tuple[int, str, ActiveRule, Decision | None]] = {}
        chunk = [facts_row(row) for row in rows]
        chosen: list[tuple[int, ActiveRule]] = []  # (position in chunk, rule) worth keeping
        if isinstance(decider, ColumnarRule):
            # One rule: the whole chunk at once, columns built from the same Facts.
            verdicts = decider.evaluate(EnterpriseColumns.from_facts(chunk))
            chosen = [(i, rules[0]) for i in verdicts.kept_indices()]
        else:
            for i, facts in enumerate(chunk):
                eligible, unknown, near = decider.masks(facts)
                chosen += [(i, rules[r]) for r in bits(eligible | unknown | near)]
        for i, rule in chosen:
            eid, uscc = int(rows[i][0]), str(rows[i][1])
            kept[(eid, rule.policy_id)] = (eid, uscc, rule, rule.compiled.explain(chunk[i]))
        stats.evaluated += len(rows) * len(rules)
        async with in_transaction() as conn:
            existing = await _existing(conn, [int(r[0]) for r in rows], policy_ids)
            # Kept decisions, and stored matches that no longer hold (to revoke).
            work = list(kept.values()) + [
                (eid, "", by_policy[pid], None)
                for (eid, pid) in existing
                if (eid, pid) not in kept and pid in by_policy
            ]
            await _apply(conn, work, existing, stats)
        stats.chunks += 1
        if after_chunk is not None:
            await after_chunk(stats.chunks)
    return stats


async def revoke_policy(policy_id: int) -> int:
    """A policy without a rule or no longer published matches nobody."""
    return await EnterpriseMatch.filter(policy_id=policy_id, active=True).update(active=False)


async def recompute_policy(
    policy_id: int, *, chunk_size: int = 10_000, after_chunk: ChunkHook | None = None
) -> RunStats:
    """Policy published, its rule or status changed: against every enterprise (the
    registry's columns in memory, only the diff written: :mod:`policy_matching`)."""
    from server.enterprises.policy_matching import match_policy

    rules = await active_rules(policy_ids=[policy_id])
    if not rules:
        stats = RunStats()
        stats.revoked = await revoke_policy(policy_id)
        return stats
    stats = await match_policy(rules[0], chunk_size=chunk_size, after_chunk=after_chunk)
    # Quiet unless something reached (or left) an enterprise: seeding the demo recomputes
    # hundreds of policies, which would bury the terminal otherwise.
    log.log(
        logging.INFO if stats.pushed or stats.revoked else logging.DEBUG,
        "policy %s matched: %s evaluated, %s stored, %s revoked, %s pushes",
        policy_id,
        stats.evaluated,
        stats.stored,
        stats.revoked,
        stats.pushed,
    )
    return stats


async def recompute_enterprises(enterprise_ids: Sequence[int]) -> RunStats:
    """Enterprise created or changed: against every active policy."""
    rules = await active_rules()
    stats = await evaluate_rules_over_enterprises(rules, enterprise_ids=list(enterprise_ids))
    # Matches of policies that lost their rule or were withdrawn.
    live = {r.policy_id for r in rules}
    stale = await EnterpriseMatch.filter(
        enterprise_id__in=list(enterprise_ids), active=True
    ).values_list("id", "policy_id")
    dead = [mid for mid, pid in stale if pid not in live]
    if dead:
        stats.revoked += await EnterpriseMatch.filter(id__in=dead).update(active=False)
    return stats


async def anniversaries(today: date | None = None) -> RunStats:
    """Daily: enterprises whose founding anniversary is today, against age-bound rules."""
    today = today or local_today()
    days = [today.strftime("%m-%d")]
    leap = today.year % 4 == 0 and (today.year % 100 != 0 or today.year % 400 == 0)
    if today.month == 3 and today.day == 1 and not leap:
        days.append("02-29")  # founded on 29 February: the year completes on 1 March
    rules = [r for r in await active_rules(today) if r.compiled.rule.years_established]
    if not rules:
        return RunStats()
    ids = await Enterprise.filter(anniversary__in=days).values_list("id")
    if not ids:
        return RunStats()
    return await evaluate_rules_over_enterprises(rules, enterprise_ids=[int(i[0]) for i in ids])


async def deadline_reminders(today: date | None = None, days: int = 7) -> int:
    """Daily: one ``policy_deadline`` intent per unanswered eligible match whose
    application window closes within ``days`` days."""
    from server.push.intents import queue_push

    today = today or local_today()
    guides = await ApplicationGuide.filter(
        window_end__gte=today, window_end__lte=today + timedelta(days=days)
    ).values_list("policy_id", "window_end")
    queued = 0
    for policy_id, window_end in guides:
        policy = await Policy.get_or_none(id=policy_id, status=PolicyStatus.PUBLISHED.value)
        if policy is None:
            continue
        matches = await EnterpriseMatch.filter(
            policy_id=policy_id, active=True, outcome="eligible", answer__isnull=True
        ).values_list("enterprise_id")
        ids = [int(m[0]) for m in matches]
        contacts = await contact_user_ids(ids)
        usccs = dict(
            await Enterprise.filter(id__in=[i for i in ids if i in contacts]).values_list(
                "id", "uscc"
            )
        )
        async with in_transaction() as conn:
            for uscc in usccs.values():
                intent = await queue_push(
                    "policy_deadline",
                    "enterprise",
                    uscc,
                    "policy",
                    policy_id,
                    {"policy_id": policy_id, "title": policy.title, "deadline": str(window_end)},
                    dedup_key=f"enterprise:{uscc}:policy_deadline:policy:{policy_id}:{window_end}",
                    using_db=conn,
                )
                queued += intent is not None
    return queued


# --------------------------------------------------------------------------- reading


async def evaluate_now(enterprise: Enterprise, today: date | None = None) -> list[dict[str, Any]]:
    """Every published policy with a rule against one enterprise, explained."""
    from server.enterprises.service import facts_of

    facts = facts_of(enterprise)
    items = []
    for rule in await active_rules(today):
        d = rule.compiled.explain(facts)
        items.append(
            {
                "policy_id": rule.policy_id,
                "external_id": rule.external_id,
                "title": rule.title,
                "outcome": d.outcome,
                "near_miss": d.near_miss,
                "reasons": [r.as_dict() for r in d.reasons],
            }
        )
    return items


async def preview(rule: EligibilityRule, *, sample: int = 20) -> dict[str, Any]:
    """What a rule would decide for every enterprise: counts per outcome and a sample."""
    columnar = ColumnarRule(rule, local_today())
    counts = {"eligible": 0, "unknown": 0, "not_eligible": 0, "near_miss": 0}
    samples: list[dict[str, Any]] = []
    last_id = 0
    while True:
        rows = (
            await Enterprise.filter(id__gt=last_id)
            .order_by("id")
            .limit(5000)
            .values_list(*FACT_COLUMNS, "name")
        )
        if not rows:
            break
        last_id = int(rows[-1][0])
        chunk = [facts_row(row[:-1]) for row in rows]
        verdicts = columnar.evaluate(EnterpriseColumns.from_facts(chunk))
        for outcome, count in verdicts.tally().items():
            counts[outcome] += count
        for i in verdicts.kept_indices()[: sample - len(samples)]:
            d = explain(rule, chunk[i], columnar.today)
            samples.append(
                {
                    "uscc": rows[i][1],
                    "name": rows[i][-1],
                    "outcome": d.outcome,
                    "near_miss": d.near_miss,
                    "reasons": [r.as_dict() for r in d.reasons],
                }
            )
    return {"counts": counts, "sample": samples}


def _kind_filter(kind: str) -> dict[str, Any]:
    if kind == "near_miss":
        return {"near_miss": True}
    return {"outcome": kind, "near_miss": False}


async def policy_matches(policy_id: int, kind: str, page: int, page_size: int) -> dict[str, Any]:
    query = EnterpriseMatch.filter(policy_id=policy_id, active=True, **_kind_filter(kind))
    total = await query.count()
    rows = await query.order_by("enterprise_id").offset((page - 1) * page_size).limit(page_size)
    names = {
        int(i): (str(u), str(n))
        for i, u, n in await Enterprise.filter(id__in=[m.enterprise_id for m in rows]).values_list(
            "id", "uscc", "name"
        )
    }
    return {
        "items": [
            {
                "uscc": names.get(m.enterprise_id, ("", ""))[0],
                "name": names.get(m.enterprise_id, ("", ""))[1],
                "outcome": m.outcome,
                "near_miss": m.near_miss,
                "answer": m.answer,
                "pushed": m.pushed,
                "reasons": m.reasons,
                "updated_at": m.updated_at,
            }
            for m in rows
        ],
        "total": total,
        "page": page,
        "page_size": page_size,
    }


async def policy_stats(policy_id: int) -> dict[str, Any]:
    """Eligible counts by region and industry division, and the funnel
    matched → pushed → opened → applied."""
    from server.push.models import PushIntent

    rows = await EnterpriseMatch.filter(policy_id=policy_id, active=True).values_list(
        "enterprise_id", "outcome", "near_miss", "pushed", "answer"
    )
    eligible = [r for r in rows if r[1] == "eligible"]
    info = {
        int(i): (str(reg), ind)
        for i, reg, ind in await Enterprise.filter(
            id__in=[int(r[0]) for r in eligible]
        ).values_list("id", "region", "industry")
    }
    by_region: dict[str, int] = {}
    by_industry: dict[str, int] = {}
    for eid, *_ in eligible:
        region, industry = info.get(int(eid), ("", None))
        by_region[region] = by_region.get(region, 0) + 1
        key = (industry or "")[:2] if industry and industry[:1].isdigit() else (industry or "")
        by_industry[key or "unknown"] = by_industry.get(key or "unknown", 0) + 1
    opened = await PushIntent.filter(
        kind="policy_match", subject_type="policy", subject_id=str(policy_id), status="opened"
    ).count()
    return {
        "policy_id": policy_id,
        "counts": {
            "eligible": len(eligible),
            "near_miss": sum(1 for r in rows if r[2]),
            "unknown": sum(1 for r in rows if r[1] == "unknown"),
        },
        "by_region": dict(sorted(by_region.items())),
        "by_industry": dict(sorted(by_industry.items())),
        "funnel": {
            "matched": len(eligible) + sum(1 for r in rows if r[2]),
            "pushed": sum(1 for r in rows if r[3]),
            "opened": opened,
            "applied": sum(1 for r in rows if r[4] in ("applied", "receiving")),
        },
    }


async def enterprise_matches(enterprise_id: int, *, near_miss: bool) -> list[dict[str, Any]]:
    """A contact's view: eligible matches (or near misses), soonest deadline first."""
    query = EnterpriseMatch.filter(enterprise_id=enterprise_id, active=True)
    query = query.filter(near_miss=True) if near_miss else query.filter(outcome="eligible")
    rows = await query
    policies = {
        p.id: p
        for p in await Policy.filter(
            id__in=[m.policy_id for m in rows], status=PolicyStatus.PUBLISHED.value
        ).only("id", "title", "external_id", "issuer")
    }
    deadlines = dict(
        await ApplicationGuide.filter(policy_id__in=list(policies)).values_list(
            "policy_id", "window_end"
        )
    )
    items = []
    for m in rows:
        policy = policies.get(m.policy_id)
        if policy is None:
            continue
        reasons = m.reasons
        items.append(
            {
                "policy_id": m.policy_id,
                "external_id": policy.external_id,
                "title": policy.title,
                "issuer": policy.issuer,
                "deadline": deadlines.get(m.policy_id),
                "outcome": m.outcome,
                "near_miss": m.near_miss,
                "answer": m.answer,
                "reasons": reasons,
                "missing": [r["text"] for r in reasons if r["result"] == "failed"],
            }
        )
    items.sort(key=lambda i: (i["deadline"] is None, i["deadline"] or date.max, i["policy_id"]))
    return items
