"""The credit ledger: what each user allowed for each template (订阅额度).

Credits come from two sources, both idempotent: the mini-program's report of what
``wx.requestSubscribeMessage`` answered (once per ``request_id``) and WeChat's own event
pushes (``subscribe_msg_popup_event``/``_change_event``/``_sent_event``, de-duplicated by
the callback). The ledger is our estimate; WeChat is the arbiter: a 43101 answer zeroes
the credit, so an over-count costs one refused send and never a duplicate.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.config import PushSettings
from server.push.models import GrantReport, SubscriptionCredit

log = logging.getLogger("zwgk.push")

#: What wx.requestSubscribeMessage may answer per template.
GRANT_RESULTS = frozenset({"accept", "reject", "ban", "filter"})


def long_term_templates(settings: PushSettings) -> frozenset[str]:
    """Template ids configured as long-term (长期订阅)."""
    return frozenset(t.template_id for t in settings.templates.values() if t.long_term)


def known_templates(settings: PushSettings) -> frozenset[str]:
    return frozenset(t.template_id for t in settings.templates.values())


async def _row(openid: str, template_id: str, conn: BaseDBAsyncClient | None) -> SubscriptionCredit:
    row = (
        await SubscriptionCredit.filter(openid=openid, template_id=template_id)
        .using_db(conn)
        .first()
    )
    if row is not None:
        return row
    try:
        return await SubscriptionCredit.create(
            openid=openid, template_id=template_id, credits=0, status="accept", using_db=conn
        )
    except IntegrityError:
        found = (
            await SubscriptionCredit.filter(openid=openid, template_id=template_id)
            .using_db(conn)
            .first()
        )
        assert found is not None
        return found


async def apply_result(
    openid: str,
    template_id: str,
    result: str,
    *,
    long_term: bool,
    conn: BaseDBAsyncClient | None = None,
) -> None:
    """Record one answer for one template: ``accept`` adds a credit (one-time) or turns the
    template on (long-term); ``reject`` turns a long-term template off; ``ban`` (WeChat
    blocked the template for this user) zeroes everything; ``filter`` changes nothing."""
    if result == "filter":
        return
    row = await _row(openid, template_id, conn)
    query = SubscriptionCredit.filter(id=row.id).using_db(conn)
    if result == "accept":
        if long_term:
            await query.update(status="accept")
        else:
            await query.update(status="accept", credits=F("credits") + 1)
    elif result == "reject":
        if long_term:
            await query.update(status="reject")
    elif result == "ban":
        await query.update(status="ban", credits=0)


async def report_grants(
    settings: PushSettings, user_id: int, openid: str, request_id: str, results: Mapping[str, str]
) -> bool:
    """The mini-program's report of one ``wx.requestSubscribeMessage`` call.

    Idempotent by ``request_id``: returns ``False`` (and changes nothing) for a repeat.
    Unknown template ids are ignored (they are not ours to count).
    """
    ours = known_templates(settings)
    long_term = long_term_templates(settings)
    async with in_transaction() as conn:
        if await GrantReport.filter(request_id=request_id).using_db(conn).exists():
            return False
        try:
            await GrantReport.create(
                request_id=request_id, user_id=user_id, results=dict(results), using_db=conn
            )
        except IntegrityError:
            return False
        for template_id, result in results.items():
            if template_id in ours:
                await apply_result(
                    openid, template_id, result, long_term=template_id in long_term, conn=conn
                )
    return True


async def apply_wechat_event(settings: PushSettings, payload: Mapping[str, Any]) -> None:
    """Apply a ``wechat.subscribe_msg_*`` outbox event (the callback's parsed event)."""
    event = str(payload.get("event") or "")
    openid = str(payload.get("openid") or "")
    items: Iterable[Any] = payload.get("items") or []
    if not openid:
        return
    ours = known_templates(settings)
    long_term = long_term_templates(settings)
    async with in_transaction() as conn:
        for item in items:
            if not isinstance(item, Mapping):
                continue
            template_id = str(item.get("template_id") or "")
            status = str(item.get("status") or "")
            if template_id not in ours:
                continue
            lt = template_id in long_term
            if event == "subscribe_msg_popup_event" and status in GRANT_RESULTS:
                await apply_result(openid, template_id, status, long_term=lt, conn=conn)
            elif event == "subscribe_msg_change_event":
                # The user flipped the switch in the settings page.
                row = await _row(openid, template_id, conn)
                if status == "reject":
                    await (
                        SubscriptionCredit.filter(id=row.id)
                        .using_db(conn)
                        .update(status="reject", credits=0)
                    )
                elif status == "accept":
                    await (
                        SubscriptionCredit.filter(id=row.id).using_db(conn).update(status="accept")
                    )
            elif event == "subscribe_msg_sent_event":
                error_code = item.get("error_code")
                if error_code not in (None, 0, "0"):
                    await zero_credit(openid, template_id, conn=conn)


async def zero_credit(
    openid: str, template_id: str, *, conn: BaseDBAsyncClient | None = None
) -> None:
    """WeChat refused a send for lack of credit (43101): we have none left."""
    await (
        SubscriptionCredit.filter(openid=openid, template_id=template_id)
        .using_db(conn)
        .update(credits=0)
    )


async def set_enabled(openid: str, template_id: str, *, enabled: bool) -> None:
    """The user's own switch in our mini-program: off means we do not send this template."""
    row = await _row(openid, template_id, None)
    updates: dict[str, Any] = {"status": "accept" if enabled else "reject"}
    await SubscriptionCredit.filter(id=row.id).update(**updates)


@dataclass(frozen=True, slots=True)
class CreditBalance:
    """What one ledger row allows: its id, unspent credits and the user's choice."""

    id: int
    credits: int
    status: str


async def credits_for(
    pairs: Iterable[tuple[str, str]],
) -> dict[tuple[str, str], CreditBalance]:
    """Ledger balances for (openid, template) pairs, in one query per template.

    Plain tuples rather than models: a dispatcher reads thousands of rows a second.
    """
    by_template: dict[str, set[str]] = {}
    for openid, template_id in pairs:
        by_template.setdefault(template_id, set()).add(openid)
    found: dict[tuple[str, str], CreditBalance] = {}
    for template_id, openids in by_template.items():
        ids = sorted(openids)
        for start in range(0, len(ids), 500):
            rows = await SubscriptionCredit.filter(
                template_id=template_id, openid__in=ids[start : start + 500]
            ).values_list("id", "openid", "credits", "status")
            for row_id, openid, credits, status in rows:
                found[(str(openid), template_id)] = CreditBalance(
                    int(row_id), int(credits), str(status)
                )
    return found


async def consume(uses: Mapping[int, int], conn: BaseDBAsyncClient | None = None) -> None:
    """Spend credits: ledger row id → how many sends it pays for."""
    if not uses:
        return
    from tortoise import Tortoise

    client = conn or Tortoise.get_connection("default")
    if str(client.capabilities.dialect) == "sqlite":
        sql = 'UPDATE "push_credits" SET "credits" = MAX(0, "credits" - ?) WHERE "id" = ?'
    else:
        sql = 'UPDATE "push_credits" SET "credits" = GREATEST(0, "credits" - $1) WHERE "id" = $2'
    await client.execute_many(sql, [[n, row_id] for row_id, n in uses.items()])


async def refund(uses: Mapping[int, int]) -> None:
    """Give back credits for sends that did not happen (retryable failures)."""
    for row_id, n in uses.items():
        await SubscriptionCredit.filter(id=row_id).update(credits=F("credits") + n)
