"""我要订阅 (seed 003 如皋): topic subscriptions and the pushes a published policy causes."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from tortoise.transactions import in_transaction

from server.push.intents import queue_push
from server.push.models import TopicSubscription

log = logging.getLogger("zwgk.push")


async def get_topics(user_id: int) -> dict[str, list[str]]:
    row = await TopicSubscription.get_or_none(user_id=user_id)
    if row is None:
        return {"topics": [], "categories": [], "regions": []}
    return {"topics": row.topics, "categories": row.categories, "regions": row.regions}


async def set_topics(
    user_id: int, topics: list[str], categories: list[str], regions: list[str]
) -> dict[str, list[str]]:
    """Replace the user's subscription (codes are checked by the caller)."""
    values = {
        "topics": sorted(set(topics)),
        "categories": sorted(set(categories)),
        "regions": sorted(set(regions)),
    }
    row = await TopicSubscription.get_or_none(user_id=user_id)
    if row is None:
        await TopicSubscription.create(
            user_id=user_id,
            topics=values["topics"],
            categories=values["categories"],
            regions=values["regions"],
        )
    else:
        await TopicSubscription.filter(id=row.id).update(**values)
    return values


def _regions_overlap(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    theirs = list(theirs)
    if not theirs:
        return True  # a policy without regions applies everywhere
    return any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)


def matches(sub: TopicSubscription, policy: Mapping[str, Any]) -> bool:
    """A subscription matches a policy when one of its topics or categories does (or it
    follows regions only), and, if it names regions, the policy's regions overlap them."""
    topics = set(policy.get("topics") or [])
    categories = set(policy.get("categories") or [])
    wants = bool(sub.topics or sub.categories)
    hit = bool(topics & set(sub.topics) or categories & set(sub.categories))
    if wants and not hit:
        return False
    if not wants and not sub.regions:
        return False
    return not sub.regions or _regions_overlap(sub.regions, policy.get("regions") or [])


async def queue_topic_updates(payload: Mapping[str, Any]) -> int:
    """Queue one ``topic_update`` per subscriber of a published policy (idempotent)."""
    from server.policies.models import Policy

    policy_id = payload.get("policy_id")
    policy = await Policy.get_or_none(id=policy_id) if policy_id is not None else None
    if policy is None:
        return 0
    info = {
        "topics": policy.topics,
        "categories": policy.categories,
        "regions": policy.regions,
    }
    data = {
        "title": policy.title,
        "issuer": policy.issuer,
        "date": policy.publish_date.isoformat() if policy.publish_date else None,
        "tip": "您订阅的主题有新政策",
        "policy_id": policy.id,
    }
    queued = 0
    async with in_transaction() as conn:
        async for sub in TopicSubscription.all().using_db(conn):
            if matches(sub, info):
                intent = await queue_push(
                    "topic_update",
                    "user",
                    sub.user_id,
                    "policy",
                    policy.id,
                    data,
                    using_db=conn,
                )
                queued += intent is not None
    return queued
