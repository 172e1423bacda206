"""Delivery: claim due intents, resolve recipients, check credits, render, send, record.

Every intent goes ``queued → sending → sent``, or ``failed`` with a reason, or back to
``retrying`` with a backoff. A dispatcher claims a batch with one conditional UPDATE (a
claim token and a deadline), so two dispatchers never hold the same intent. Around each
HTTP call two Redis markers are written: ``try`` (this attempt may reach WeChat) before and
``done`` (WeChat's msgid) right after WeChat's answer, before the database write. When a
worker dies holding a claim, the sweeper reads them: ``done`` → sent (no second send), no
``try`` → queued again (it never left), ``try`` without ``done`` → failed ``expired`` (the
outcome is unknown; sending again could show the message twice).
"""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from typing import Any, cast

import redis.asyncio as aioredis
from redis.exceptions import RedisError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.config import PushSettings
from server.core.db import connection, placeholders
from server.core.outbox import record_event
from server.push import ledger
from server.push.intents import dedup_key_for
from server.push.models import FailReason, PushIntent, PushStatus
from server.push.recipients import Resolver
from server.push.templates import CHINA, TemplateDataError, render
from server.wechat import WeChatGateway
from server.wechat.errors import (
    InvalidTemplateData,
    NoSubscriptionCredit,
    WeChatError,
    WeChatUnavailable,
)

log = logging.getLogger("zwgk.push")

MARKER_TTL = 7 * 24 * 3600
#: How long a ``done`` marker waits for others to share its Redis round trip.
GROUP_COMMIT_SECONDS = 0.002
#: Reasons that mean "this person cannot be reached by message": grid visits them.
UNREACHABLE_REASONS = frozenset(
    {FailReason.NO_CREDIT, FailReason.UNREACHABLE, FailReason.USER_BLOCKED}
)
#: WeChat codes that mean the user cannot get messages from us.
_BLOCKED_CODES = frozenset({40003, 43101})

_BUCKET_SCRIPT = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local v = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(v[1]) or burst
local ts = tonumber(v[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local got = math.min(want, math.floor(tokens))
tokens = tokens - got
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
return got
"""


#: The intent fields delivery reads (``claim`` loads nothing else).
CLAIMED_FIELDS = (
    "id",
    "kind",
    "recipient_type",
    "recipient_id",
    "subject_type",
    "subject_id",
    "data",
    "urgent",
    "attempts",
    "claim_token",
    "user_id",
    "parent_id",
    "broadcast_id",
    "digest_id",
)


def try_key(intent_id: int, attempt: int) -> str:
    return f"zwgk:push:try:{intent_id}:{attempt}"


def done_key(intent_id: int) -> str:
    return f"zwgk:push:done:{intent_id}"


class DoneMarkers:
    """Writes ``done`` markers by group commit: one Redis round trip per loop turn.

    A send's marker must be in Redis before its outcome reaches the database (the
    sweeper trusts it), so :meth:`mark` returns only once the write is through; every
    send that finishes within :data:`GROUP_COMMIT_SECONDS` of the first joins the same
    pipeline. At two thousand sends a second this turns two thousand commands into a
    few hundred pipelines.
    """

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis
        self._items: dict[str, str] = {}
        self._write: asyncio.Task[None] | None = None

    async def mark(self, intent_id: int, msgid: str | None) -> None:
        """Record that WeChat accepted ``intent_id``; raises ``RedisError`` if Redis is down."""
        self._items[done_key(intent_id)] = msgid or ""
        if self._write is None or self._write.done():  # a cancelled write is replaced
            self._write = asyncio.create_task(self._flush())
        # Shielded: one caller's cancellation must not cancel the others' write.
        await asyncio.shield(self._write)

    async def _flush(self) -> None:
        # A short window lets the answers of one chunk, which arrive a few loop turns
        # apart, share one pipeline; a worker killed inside it leaves ``try`` without
        # ``done``, which the sweeper settles as ``expired`` (never as a second send).
        try:
            await asyncio.sleep(GROUP_COMMIT_SECONDS)
        finally:
            # Even when cancelled: the next mark must start a new write, not await this one.
            items, self._items, self._write = self._items, {}, None
        async with self._redis.pipeline(transaction=False) as pipe:
            for key, value in items.items():
                pipe.set(key, value, ex=MARKER_TTL)
            await pipe.execute()


class RateLimiter:
    """One token bucket in Redis shared by every worker (``sends_per_second``)."""

    def __init__(self, redis: aioredis.Redis, rate: float, key: str = "zwgk:push:bucket") -> None:
        self._redis = redis
        self._rate = rate
        self._burst = max(1.0, rate)
        self._key = key
        self._script = redis.register_script(_BUCKET_SCRIPT)

    async def acquire(self, n: int) -> None:
        """Wait until ``n`` sends may go out."""
        while n > 0:
            got = int(await self._script(keys=[self._key], args=[self._rate, self._burst, n]))
            n -= got
            if n > 0:
                await asyncio.sleep(min(1.0, max(0.005, n / self._rate)))


def parse_quiet_hours(value: str) -> tuple[dtime, dtime] | None:
    if not value:
        return None
    start, end = value.split("-")
    h1, m1 = start.split(":")
    h2, m2 = end.split(":")
    return dtime(int(h1), int(m1)), dtime(int(h2), int(m2))


def in_quiet_hours(value: str, now: datetime) -> bool:
    """Whether ``now`` (any zone) falls in ``quiet_hours`` China time."""
    window = parse_quiet_hours(value)
    if window is None:
        return False
    start, end = window
    local = now.astimezone(CHINA).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def backoff(settings: PushSettings, attempts: int) -> float:
    """Exponential backoff with full jitter, capped."""
    ceiling = min(
        settings.retry_max_seconds, settings.retry_base_seconds * 2 ** max(0, attempts - 1)
    )
    return float(ceiling / 2 + random.uniform(0, ceiling / 2))


@dataclass
class Outcome:
    """What happened to one intent in this round."""

    intent: PushIntent
    status: str
    reason: str | None = None
    error: str | None = None
    msgid: str | None = None
    retry_at: datetime | None = None


@dataclass
class RoundStats:
    claimed: int = 0
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    expanded: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)


class Dispatcher:
    """Delivers due intents; one instance per worker process (see ``workers/push.py``)."""

    def __init__(
        self,
        settings: PushSettings,
        gateway: WeChatGateway,
        redis: aioredis.Redis,
        resolvers: Mapping[str, Resolver] | None = None,
    ) -> None:
        self.settings = settings
        self.gateway = gateway
        self.redis = redis
        self.resolvers = dict(resolvers or {})
        self.limiter = RateLimiter(redis, settings.sends_per_second)
        self.done_markers = DoneMarkers(redis)
        #: Claim token → when it was taken (monotonic), while its batch is delivered.
        self._claimed_at: dict[str, float] = {}

    # -- claiming ---------------------------------------------------------------

    async def claim(self, limit: int, now: datetime | None = None) -> list[PushIntent]:
        now = now or datetime.now(UTC)
        query = PushIntent.filter(
            status__in=[PushStatus.QUEUED, PushStatus.RETRYING],
        ).filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        if in_quiet_hours(self.settings.quiet_hours, now):
            query = query.filter(urgent=True)
        ids = await query.order_by("-urgent", "id").limit(limit).values_list("id", flat=True)
        if not ids:
            return []
        token = secrets.token_hex(8)
        taken = time.monotonic()  # before the claim: its age is never underestimated
        await PushIntent.filter(
            id__in=list(ids), status__in=[PushStatus.QUEUED, PushStatus.RETRYING]
        ).update(
            status=PushStatus.SENDING,
            claim_token=token,
            claimed_until=now + timedelta(seconds=self.settings.claim_seconds),
        )
        # Only what delivery reads (no datetimes: on SQLite each is parsed from text, and
        # a dispatcher claims thousands of rows a second; expiry is asked of SQL).
        claimed = list(
            await PushIntent.filter(claim_token=token, status=PushStatus.SENDING).only(
                *CLAIMED_FIELDS
            )
        )
        if claimed:  # another dispatcher may have taken them all: then nothing to remember
            self._claimed_at[token] = taken
        return claimed

    # -- one round ----------------------------------------------------------------

    async def run_once(self, limit: int | None = None) -> RoundStats:
        """Claim one batch and deliver it; returns what happened."""
        intents = await self.claim(limit or self.settings.batch_size)
        stats = RoundStats(claimed=len(intents))
        if intents:
            await self.deliver(intents, stats)
        return stats

    async def run_until_idle(self, budget_seconds: float | None = None) -> RoundStats:
        """Rounds until nothing is due or the time budget is spent."""
        total = RoundStats()
        deadline = time.monotonic() + (budget_seconds or self.settings.dispatch_seconds)
        while time.monotonic() < deadline:
            stats = await self.run_once()
            total.claimed += stats.claimed
            total.sent += stats.sent
            total.failed += stats.failed
            total.retrying += stats.retrying
            total.expanded += stats.expanded
            for k, v in stats.by_reason.items():
                total.by_reason[k] = total.by_reason.get(k, 0) + v
            if stats.claimed == 0:
                break
        return total

    async def deliver(self, intents: list[PushIntent], stats: RoundStats) -> None:
        try:
            await self._deliver(intents, stats)
        finally:
            if intents:
                self._claimed_at.pop(intents[0].claim_token or "", None)
        parents = {i.parent_id for i in intents if i.parent_id is not None}
        if parents:
            await settle_parents(parents)

    async def _deliver(self, intents: list[PushIntent], stats: RoundStats) -> None:
        now = datetime.now(UTC)
        outcomes: list[Outcome] = []
        users: list[PushIntent] = []
        others: list[PushIntent] = []
        expired = await self._expired({i.id for i in intents}, now)
        for intent in intents:
            if intent.id in expired:
                outcomes.append(Outcome(intent, PushStatus.FAILED, FailReason.EXPIRED))
            elif intent.recipient_type == "user":
                users.append(intent)
            else:
                others.append(intent)
        if others:
            outcomes.extend(await self._expand(others, stats))
        try:
            outcomes.extend(await self._send_to_users(users, now, stats))
        finally:
            await self._record(outcomes, stats)

    async def _expired(self, ids: set[int], now: datetime) -> set[int]:
        """Non-urgent intents older than ``expire_hours``; a dead letter queued again by
        staff counts from then (``next_attempt_at``)."""
        if not ids:
            return set()
        before = now - timedelta(hours=self.settings.expire_hours)
        found = await (
            PushIntent.filter(id__in=sorted(ids), urgent=False, created_at__lt=before)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lt=before))
            .values_list("id", flat=True)
        )
        return set(cast(list[int], found))  # flat ids (the stubs type rows as tuples)

    # -- fan-out of household / enterprise intents ----------------------------------

    async def _expand(self, intents: list[PushIntent], stats: RoundStats) -> list[Outcome]:
        outcomes: list[Outcome] = []
        by_type: dict[str, list[PushIntent]] = defaultdict(list)
        for intent in intents:
            by_type[intent.recipient_type].append(intent)
        for rtype, group in by_type.items():
            resolver = self.resolvers.get(rtype)
            resolved: dict[str, list[int]] = {}
            if resolver is not None:
                resolved = await resolver(sorted({i.recipient_id for i in group}))
            for intent in group:
                user_ids = sorted(set(resolved.get(intent.recipient_id) or []))
                if not user_ids:
                    error = None if resolver else f"no resolver for {rtype}"
                    outcomes.append(
                        Outcome(intent, PushStatus.FAILED, FailReason.UNREACHABLE, error)
                    )
                    continue
                children = [
                    PushIntent(
                        kind=intent.kind,
                        recipient_type="user",
                        recipient_id=str(uid),
                        subject_type=intent.subject_type,
                        subject_id=intent.subject_id,
                        data=intent.data,
                        urgent=intent.urgent,
                        # Per user: nobody gets the same push twice through two households.
                        dedup_key=dedup_key_for(
                            "user", uid, intent.kind, intent.subject_type, intent.subject_id
                        ),
                        parent_id=intent.id,
                        broadcast_id=intent.broadcast_id,
                    )
                    for uid in user_ids
                ]
                async with in_transaction() as conn:
                    await PushIntent.bulk_create(children, ignore_conflicts=True, using_db=conn)
                    created = await PushIntent.filter(parent_id=intent.id).using_db(conn).count()
                    if created:
                        await (
                            PushIntent.filter(id=intent.id, claim_token=intent.claim_token)
                            .using_db(conn)
                            .update(
                                status=PushStatus.EXPANDED, claim_token=None, claimed_until=None
                            )
                        )
                        stats.expanded += 1
                if not created:
                    outcomes.append(Outcome(intent, PushStatus.FAILED, FailReason.DUPLICATE))
        return outcomes

    # -- sending ------------------------------------------------------------------------

    async def _send_to_users(
        self, intents: list[PushIntent], now: datetime, stats: RoundStats
    ) -> list[Outcome]:
        if not intents:
            return []
        outcomes: list[Outcome] = []
        ids = sorted({int(i.recipient_id) for i in intents if i.recipient_id.isdigit()})
        openids: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            for uid, openid in await User.filter(
                id__in=ids[start : start + 500], is_active=True, openid__isnull=False
            ).values_list("id", "openid"):
                openids[int(uid)] = str(openid)
        ready: list[tuple[PushIntent, str]] = []
        for intent in intents:
            uid = int(intent.recipient_id) if intent.recipient_id.isdigit() else -1
            intent.user_id = uid if uid > 0 else None
            openid = openids.get(uid)
            if openid is None:
                outcomes.append(
                    Outcome(intent, PushStatus.FAILED, FailReason.UNREACHABLE, "no WeChat account")
                )
            else:
                ready.append((intent, openid))
        ready = self._fold_digests(ready, outcomes)
        # Render, then check credits, before anything costs a send.
        rendered: list[tuple[PushIntent, str, Any]] = []
        for intent, openid in ready:
            kind = "digest" if intent.data.get("_digest_count") else intent.kind
            template = self.settings.templates.get(kind) or self.settings.templates.get(intent.kind)
            if template is None:
                outcomes.append(
                    Outcome(intent, PushStatus.FAILED, FailReason.INVALID_DATA, "no template")
                )
                continue
            data = dict(intent.data)
            if kind == "digest":
                data["count"] = data["_digest_count"]
            try:
                message = render(kind, template, data, push_id=intent.id, now=now)
            except TemplateDataError as exc:
                log.info("push %s: invalid template data (%s)", intent.id, exc.field)
                outcomes.append(
                    Outcome(intent, PushStatus.FAILED, FailReason.INVALID_DATA, str(exc)[:300])
                )
                continue
            rendered.append((intent, openid, message))
        long_term = ledger.long_term_templates(self.settings)
        rows = await ledger.credits_for((o, m.template_id) for _, o, m in rendered)
        available = {key: (row.credits, row.status) for key, row in rows.items()}
        sendable: list[tuple[PushIntent, str, Any, int | None]] = []
        for intent, openid, message in rendered:
            key = (openid, message.template_id)
            credits, status = available.get(key, (0, "accept"))
            if status in ("reject", "ban"):
                outcomes.append(
                    Outcome(
                        intent, PushStatus.FAILED, FailReason.USER_BLOCKED, f"template {status}"
                    )
                )
                continue
            if message.template_id in long_term:
                sendable.append((intent, openid, message, None))
                continue
            if credits <= 0:
                outcomes.append(Outcome(intent, PushStatus.FAILED, FailReason.NO_CREDIT))
                continue
            available[key] = (credits - 1, status)
            sendable.append((intent, openid, message, rows[key].id))
        step = self.settings.concurrency
        claimed_at = self._claimed_at.get(intents[0].claim_token or "", 0.0)
        for start in range(0, len(sendable), step):
            chunk = sendable[start : start + step]
            await self.limiter.acquire(len(chunk))
            held = await self._hold([item[0] for item in chunk], claimed_at)
            lost = [item for item in chunk if item[0].id not in held]
            if lost:
                # The sweeper took these back (this round ran past its claim): whoever
                # claims them next sends them; sending here too could show them twice.
                log.warning("push: %d claims lapsed before sending; left to others", len(lost))
                chunk = [item for item in chunk if item[0].id in held]
            await self._mark_tries([i for i, *_ in chunk])
            # Credits are spent per chunk, after the try markers and just before the
            # sends: an intent a dead worker claimed but never tried keeps its credit.
            uses: dict[int, int] = defaultdict(int)
            for *_, row_id in chunk:
                if row_id is not None:
                    uses[row_id] += 1
            await ledger.consume(uses)
            results = await asyncio.gather(*(self._send_one(*item) for item in chunk))
            chunk_outcomes = list(results)
            refunds: dict[int, int] = defaultdict(int)
            for outcome, (_, _, _, row_id) in zip(chunk_outcomes, chunk, strict=True):
                if row_id is not None and outcome.status == PushStatus.RETRYING:
                    refunds[row_id] += 1
            if refunds:
                await ledger.refund(refunds)
            await self._record(chunk_outcomes, stats)
        return outcomes

    def _fold_digests(
        self, ready: list[tuple[PushIntent, str]], outcomes: list[Outcome]
    ) -> list[tuple[PushIntent, str]]:
        """Several pending policy matches for one user become one digest message."""
        groups: dict[int, list[tuple[PushIntent, str]]] = defaultdict(list)
        for intent, openid in ready:
            if intent.kind == "policy_match" and not intent.urgent and intent.user_id:
                groups[intent.user_id].append((intent, openid))
        folded: set[int] = set()
        for group in groups.values():
            if len(group) < self.settings.digest_threshold:
                continue
            carrier = group[0][0]
            carrier.data = {**carrier.data, "_digest_count": len(group)}
            for intent, _ in group[1:]:
                folded.add(intent.id)
                intent.digest_id = carrier.id
                outcomes.append(Outcome(intent, PushStatus.SENT, "digest"))
        return [(i, o) for i, o in ready if i.id not in folded]

    async def _hold(self, intents: Sequence[PushIntent], claimed_at: float) -> set[int]:
        """Extend our claim on ``intents``; returns the ids we still hold.

        A claim younger than a third of ``claim_seconds`` is still ours (the sweeper
        takes back only lapsed claims), so the two queries are spared: at full speed a
        batch is sent long before that.
        """
        if not intents:
            return set()
        if time.monotonic() - claimed_at < self.settings.claim_seconds / 3:
            return {i.id for i in intents}
        token = intents[0].claim_token
        ids = [i.id for i in intents]
        until = datetime.now(UTC) + timedelta(seconds=self.settings.claim_seconds)
        await PushIntent.filter(id__in=ids, claim_token=token, status=PushStatus.SENDING).update(
            claimed_until=until
        )
        held = await PushIntent.filter(
            id__in=ids, claim_token=token, status=PushStatus.SENDING
        ).values_list("id", flat=True)
        return {int(str(i)) for i in held}

    async def _mark_tries(self, intents: Sequence[PushIntent]) -> None:
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for intent in intents:
                    pipe.set(try_key(intent.id, intent.attempts), "1", ex=MARKER_TTL)
                await pipe.execute()
        except RedisError:
            log.warning("push: could not write send markers; continuing")

    async def _send_one(
        self, intent: PushIntent, openid: str, message: Any, row_id: int | None
    ) -> Outcome:
        try:
            msgid = await self.gateway.send_subscribe_message(
                touser=openid,
                template_id=message.template_id,
                data=message.data,
                page=message.page,
                miniprogram_state=self.settings.miniprogram_state,
            )
        except NoSubscriptionCredit as exc:
            await ledger.zero_credit(openid, message.template_id)
            return Outcome(intent, PushStatus.FAILED, FailReason.NO_CREDIT, str(exc)[:300])
        except InvalidTemplateData as exc:
            log.warning("push %s: WeChat refused field %s", intent.id, exc.field)
            return Outcome(intent, PushStatus.FAILED, FailReason.INVALID_DATA, str(exc)[:300])
        except WeChatError as exc:
            if exc.errcode in _BLOCKED_CODES:
                return Outcome(intent, PushStatus.FAILED, FailReason.USER_BLOCKED, str(exc)[:300])
            if not exc.retryable and not isinstance(exc, WeChatUnavailable):
                return Outcome(intent, PushStatus.FAILED, FailReason.INVALID_DATA, str(exc)[:300])
            return self._retry(intent, str(exc))
        except Exception as exc:
            log.exception("push %s: unexpected send failure", intent.id)
            return self._retry(intent, f"{type(exc).__name__}")
        try:
            await self.done_markers.mark(intent.id, msgid)
        except RedisError:
            log.warning("push %s: could not write the done marker", intent.id)
        return Outcome(intent, PushStatus.SENT, msgid=msgid)

    def _retry(self, intent: PushIntent, error: str) -> Outcome:
        if intent.attempts + 1 >= self.settings.max_attempts:
            return Outcome(intent, PushStatus.FAILED, FailReason.RETRIES_EXHAUSTED, error[:300])
        delay = backoff(self.settings, intent.attempts + 1)
        return Outcome(
            intent,
            PushStatus.RETRYING,
            error=error[:300],
            retry_at=datetime.now(UTC) + timedelta(seconds=delay),
        )

    # -- recording --------------------------------------------------------------------

    async def _record(self, outcomes: list[Outcome], stats: RoundStats) -> None:
        if not outcomes:
            return
        await record_outcomes(outcomes)
        for o in outcomes:
            if o.status == PushStatus.SENT:
                stats.sent += 1
            elif o.status == PushStatus.RETRYING:
                stats.retrying += 1
            else:
                stats.failed += 1
                key = o.reason or "unknown"
                stats.by_reason[key] = stats.by_reason.get(key, 0) + 1
        outcomes.clear()


async def record_outcomes(outcomes: Sequence[Outcome]) -> None:
    """Write final or retry states; only rows still claimed by the same token change."""
    now = datetime.now(UTC)
    client = connection()
    m = placeholders(9)
    sql = (
        f'UPDATE "push_intents" SET "status" = {m[0]}, "reason" = {m[1]}, "last_error" = {m[2]}, '
        f'"msgid" = {m[3]}, "sent_at" = {m[4]}, "next_attempt_at" = {m[5]}, '
        f'"attempts" = "attempts" + 1, "claim_token" = NULL, "claimed_until" = NULL, '
        f'"user_id" = {m[6]}, "digest_id" = {m[7]} '
        f'WHERE "id" = {m[8]} AND "status" = \'sending\''
    )
    rows = []
    for o in outcomes:
        i = o.intent
        rows.append(
            [
                str(o.status),
                o.reason,
                o.error,
                o.msgid,
                now if o.status == PushStatus.SENT else None,
                o.retry_at,
                i.user_id,
                i.digest_id,
                i.id,
            ]
        )
    await client.execute_many(sql, rows)
    unreachable = [
        o for o in outcomes if o.status == PushStatus.FAILED and o.reason in UNREACHABLE_REASONS
    ]
    for o in unreachable:
        await report_unreachable(o.intent, str(o.reason))


async def report_unreachable(intent: PushIntent, reason: str) -> None:
    """Tell the grid (outbox ``push.unreachable``) that this recipient needs a visit."""
    await record_event(
        "push.unreachable",
        intent.recipient_type,
        intent.recipient_id,
        {
            "intent_id": intent.id,
            "kind": intent.kind,
            "recipient_type": intent.recipient_type,
            "recipient_id": intent.recipient_id,
            "subject_type": intent.subject_type,
            "subject_id": intent.subject_id,
            "reason": reason,
        },
        dedup_key=f"push.unreachable:{intent.id}",
    )


async def settle_parents(parent_ids: set[int] | None = None) -> int:
    """Household/enterprise intents take their children's result once those are final:
    ``sent`` if any contact got it, else ``failed`` (reported unreachable)."""
    query = PushIntent.filter(status=PushStatus.EXPANDED)
    if parent_ids is not None:
        query = query.filter(id__in=sorted(parent_ids))
    settled = 0
    for parent in await query.limit(1000):
        children = await PushIntent.filter(parent_id=parent.id).values_list("status", "reason")
        statuses = [s for s, _ in children]
        if any(s == PushStatus.SENT for s in statuses):
            sent_at = datetime.now(UTC)
            await PushIntent.filter(id=parent.id, status=PushStatus.EXPANDED).update(
                status=PushStatus.SENT, sent_at=sent_at
            )
            settled += 1
        elif statuses and all(s == PushStatus.FAILED for s in statuses):
            reason = next((r for _, r in children if r), FailReason.UNREACHABLE)
            changed = await PushIntent.filter(id=parent.id, status=PushStatus.EXPANDED).update(
                status=PushStatus.FAILED, reason=reason
            )
            if changed and reason in UNREACHABLE_REASONS:
                await report_unreachable(parent, str(reason))
            settled += 1
    return settled


async def sweep(redis: aioredis.Redis, settings: PushSettings) -> dict[str, int]:
    """Recover intents whose dispatcher died (claim lapsed) and settle fanned-out parents."""
    now = datetime.now(UTC)
    result = {"recovered_sent": 0, "requeued": 0, "expired": 0}
    stale = await PushIntent.filter(status=PushStatus.SENDING, claimed_until__lt=now).limit(5000)
    for intent in stale:
        done: bytes | None = None
        tried = False
        try:
            done = await redis.get(done_key(intent.id))
            tried = bool(await redis.exists(try_key(intent.id, intent.attempts)))
        except RedisError:
            log.warning("push sweep: Redis unavailable; will try again")
            return result
        where = PushIntent.filter(
            id=intent.id, status=PushStatus.SENDING, claim_token=intent.claim_token
        )
        if done is not None:
            msgid = done.decode() or None
            await where.update(
                status=PushStatus.SENT,
                msgid=msgid,
                sent_at=now,
                claim_token=None,
                claimed_until=None,
                attempts=intent.attempts + 1,
            )
            result["recovered_sent"] += 1
        elif tried:
            await where.update(
                status=PushStatus.FAILED,
                reason=FailReason.EXPIRED,
                last_error="worker stopped during the send; outcome unknown",
                claim_token=None,
                claimed_until=None,
                attempts=intent.attempts + 1,
            )
            result["expired"] += 1
        else:
            await where.update(status=PushStatus.QUEUED, claim_token=None, claimed_until=None)
            result["requeued"] += 1
    await settle_parents()
    return result
