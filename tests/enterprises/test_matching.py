"""Keeping matches current: stored decisions, diffs, push intents, restart safety."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from server.accounts.models import User
from server.core.clock import local_today
from server.core.outbox import relay_pending
from server.enterprises import matching
from server.enterprises.models import Enterprise, EnterpriseContact, EnterpriseMatch
from server.enterprises.recipients import RECIPIENT_RESOLVERS
from server.enterprises.service import (
    apply_changes,
    eligible_enterprise_ids,
    enterprise_ids_by_uscc,
    save_rule,
)
from server.push.models import PushIntent
from tests.enterprises.conftest import CSV_HEADER, csv_line, import_csv, make_uscc, published_policy

RULE = {"regions": ["320600"], "industries": ["C"], "employees": {"min": 10}}


async def _registry(n: int = 30) -> None:
    """n enterprises: employees 0..n-1 (so 10+ pass), every 7th without a figure."""
    lines = [CSV_HEADER]
    for i in range(n):
        lines.append(csv_line(i + 1, employees="" if i % 7 == 6 else str(i), annual_revenue=""))
    report = await import_csv("\n".join(lines), batch_size=8)
    assert report.created == n, report.rejected


async def _bind(*serials: int) -> list[int]:
    users = []
    for s in serials:
        user = await User.create(openid=f"wx-openid-{s}", roles=["resident", "enterprise"])
        e = await Enterprise.get(uscc=make_uscc(s))
        await EnterpriseContact.create(enterprise_id=e.id, user_id=user.id, status="approved")
        users.append(user.id)
    return users


async def _snapshot() -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in await EnterpriseMatch.all()
        .order_by("enterprise_id", "policy_id")
        .values_list("enterprise_id", "policy_id", "outcome", "near_miss", "active", "reasons")
    ]


async def test_policy_against_all_enterprises(app: Any) -> None:
    await _registry()
    await _bind(12, 3, 7)  # eligible, near miss (2 employees), unknown (no figure)
    pid = await published_policy("rg-2026-001", RULE)
    stats = await matching.recompute_policy(pid, chunk_size=7)
    rows = {m.enterprise_id: m for m in await EnterpriseMatch.filter(policy_id=pid)}
    ids = await enterprise_ids_by_uscc([make_uscc(i + 1) for i in range(30)])
    by_serial = {int(code[10:17]): eid for code, eid in ids.items()}
    # employees i = serial-1; 10+ eligible; 9 employees: near miss; unknown when empty
    assert rows[by_serial[12]].outcome == "eligible"
    assert rows[by_serial[10]].near_miss and rows[by_serial[10]].outcome == "not_eligible"
    assert rows[by_serial[7]].outcome == "unknown"  # i=6: no figure
    assert rows[by_serial[3]].near_miss  # 2 employees: one criterion failed, still a near miss
    texts = [r["text"] for r in rows[by_serial[3]].reasons]
    assert "从业人员 2 人，需不少于 10 人（差 8 人）" in texts
    eligible = await eligible_enterprise_ids(pid)
    assert by_serial[12] in eligible and by_serial[10] not in eligible
    assert len(eligible) == len([i for i in range(10, 30) if i % 7 != 6])
    # Pushes only for bound enterprises, eligible (12) or near miss (3); unknown (7): none.
    intents = await PushIntent.filter(kind="policy_match").order_by("recipient_id")
    assert sorted(i.recipient_id for i in intents) == sorted([make_uscc(12), make_uscc(3)])
    near = next(i for i in intents if i.recipient_id == make_uscc(3))
    assert near.data["near_miss"] is True and near.data["missing"]
    assert stats.pushed == 2

    # Unchanged: a second run writes nothing and queues nothing.
    before = await _snapshot()
    again = await matching.recompute_policy(pid)
    assert (again.stored, again.revoked, again.pushed) == (0, 0, 0)
    assert await _snapshot() == before
    assert await PushIntent.all().count() == 2

    # The recipients contract: credit code → bound users.
    users = await RECIPIENT_RESOLVERS["enterprise"]([make_uscc(12), make_uscc(13), "bogus"])
    assert list(users) == [make_uscc(12)]


async def test_killed_job_rerun_converges(app: Any) -> None:
    await _registry(40)
    await _bind(15, 20, 9)
    pid = await published_policy("rg-2026-002", RULE)

    class Killed(Exception):
        pass

    async def kill(chunk: int) -> None:
        if chunk == 2:
            raise Killed

    with pytest.raises(Killed):
        await matching.recompute_policy(pid, chunk_size=6, after_chunk=kill)
    partial = await EnterpriseMatch.all().count()
    assert 0 < partial < 40
    await matching.recompute_policy(pid, chunk_size=6)
    first = await _snapshot()
    intents = await PushIntent.all().count()
    assert intents == 3
    # A clean recomputation from nothing gives the very same matches.
    await EnterpriseMatch.all().delete()
    await matching.recompute_policy(pid, chunk_size=11)
    assert await _snapshot() == first
    assert await PushIntent.all().count() == 3  # dedup keys: no second push


async def test_changes_revoke_and_promote(app: Any) -> None:
    await _registry(15)
    await _bind(12, 10)
    pid = await published_policy("rg-2026-003", RULE)
    await matching.recompute_policy(pid)
    e12 = (await enterprise_ids_by_uscc([make_uscc(12)]))[make_uscc(12)]
    e10 = (await enterprise_ids_by_uscc([make_uscc(10)]))[make_uscc(10)]
    # Enterprise 12 moves out of manufacturing and shrinks: two criteria fail, revoked.
    await apply_changes(e12, {"industry": "6513", "employees": 3}, reason="test")
    # Enterprise 10 hires a tenth employee: the near miss becomes eligible, one more push.
    await apply_changes(e10, {"employees": 10}, reason="test")
    from workers.matching import EVENT_HANDLERS

    assert await relay_pending(EVENT_HANDLERS) >= 2
    m12 = await EnterpriseMatch.get(enterprise_id=e12, policy_id=pid)
    m10 = await EnterpriseMatch.get(enterprise_id=e10, policy_id=pid)
    assert m12.active is False
    assert (m10.outcome, m10.near_miss, m10.active) == ("eligible", False, True)
    keys = sorted(i.dedup_key for i in await PushIntent.filter(recipient_id=make_uscc(10)))
    assert [k.rsplit(":", 1)[1] for k in keys] == ["eligible", "near_miss"]

    # Rule changed through the service: the event re-evaluates the policy.
    await save_rule(pid, {**RULE, "employees": {"min": 20}}, editor_id=None)
    await relay_pending(EVENT_HANDLERS)
    m10 = await EnterpriseMatch.get(enterprise_id=e10, policy_id=pid)
    # 10 employees, 10 short of 20: back to a near miss (already pushed once: no new push)
    assert (m10.outcome, m10.near_miss, m10.rule_version) == ("not_eligible", True, 2)
    assert await PushIntent.filter(recipient_id=make_uscc(10)).count() == 2
    # Withdrawn: every match revoked.
    from server.policies.service import transition

    await transition(pid, "withdraw", principal=None)
    await relay_pending(EVENT_HANDLERS)
    assert not await EnterpriseMatch.filter(policy_id=pid, active=True).exists()


async def test_answered_matches_and_deadline_reminders(app: Any) -> None:
    await _registry(20)
    await _bind(12, 13, 16)
    today = local_today()
    pid = await published_policy("rg-2026-004", RULE, window_end=today + timedelta(days=7))
    far = await published_policy("rg-2026-005", RULE, window_end=today + timedelta(days=8))
    await matching.recompute_policy(pid)
    await matching.recompute_policy(far)
    e13 = (await enterprise_ids_by_uscc([make_uscc(13)]))[make_uscc(13)]
    await EnterpriseMatch.filter(enterprise_id=e13, policy_id=pid).update(answer="applied")
    assert await matching.deadline_reminders(today) == 2  # 12 and 16; 13 answered
    assert await matching.deadline_reminders(today) == 0  # once only
    reminders = await PushIntent.filter(kind="policy_deadline")
    assert {r.recipient_id for r in reminders} == {make_uscc(12), make_uscc(16)}
    assert all(r.subject_id == str(pid) for r in reminders)


async def test_anniversary_job(app: Any) -> None:
    today = local_today()
    founded = date(today.year - 2, today.month, min(today.day, 28))
    lines = [
        CSV_HEADER,
        csv_line(1, established_on=founded.isoformat()),
        csv_line(2, established_on=(founded + timedelta(days=1)).isoformat()),
    ]
    await import_csv("\n".join(lines))
    pid = await published_policy("rg-2026-006", {"years_established": {"min": 2}})
    when = date(today.year, founded.month, founded.day)
    # Evaluated the day before the anniversary (as the policy job did): not yet 2 years.
    rules = await matching.active_rules(when - timedelta(days=1), [pid])
    await matching.evaluate_rules_over_enterprises(rules)
    assert await eligible_enterprise_ids(pid) == []
    stats = await matching.anniversaries(when)
    assert stats.evaluated == 1
    e1 = (await enterprise_ids_by_uscc([make_uscc(1)]))[make_uscc(1)]
    assert await eligible_enterprise_ids(pid) == [e1]


async def test_enterprise_path_agrees_with_policy_path(app: Any) -> None:
    """Enterprises against all rules (bitsets) store what policies against all did."""
    await _registry(30)
    await published_policy("rg-2026-007", RULE)
    await published_policy("rg-2026-008", {"employees": {"max": 20}, "industries": ["34"]})
    await published_policy("rg-2026-009", {"sizes": ["micro"], "tags_none": ["失信被执行人"]})
    for rule in await matching.active_rules():
        await matching.evaluate_rules_over_enterprises([rule])
    by_policy = await _snapshot()
    assert len({row[1] for row in by_policy}) == 3
    await EnterpriseMatch.all().delete()
    ids = [e for (e,) in await Enterprise.all().values_list("id")]
    await matching.recompute_enterprises(ids)
    assert await _snapshot() == by_policy
    # Revocation through the bitset path: five enterprises grow out of the rules.
    for eid in ids[:5]:
        await apply_changes(
            eid, {"employees": 500, "industry": "6513", "size": "large"}, reason="test"
        )
    await matching.recompute_enterprises(ids[:5])
    revoked = await EnterpriseMatch.filter(enterprise_id__in=ids[:5], active=False).count()
    assert revoked > 0
