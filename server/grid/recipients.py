"""Who a push to a household reaches, and who lives in a region (for the push stream).

``RECIPIENT_RESOLVERS["household"]`` maps household external ids to the users (residents
linked by a verified phone number) a push should go to. ``REGION_AUDIENCES[code]`` is an
async iterator over the users linked to households whose community lies in the region
(GB/T 2260 prefix, e.g. ``320682`` for 如皋市), for emergency broadcasts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from tortoise.expressions import Subquery

from server.grid.models import GridCell, Household, HouseholdMember, Level

Resolver = Callable[[list[str]], Awaitable[dict[str, list[int]]]]


async def resolve_households(recipient_ids: list[str]) -> dict[str, list[int]]:
    """Household external id → user ids of its linked residents (empty list: nobody)."""
    out: dict[str, list[int]] = {rid: [] for rid in recipient_ids}
    rows = await Household.filter(external_id__in=list(out)).values("id", "external_id")
    by_id = {int(r["id"]): str(r["external_id"]) for r in rows}
    members = (
        await HouseholdMember.filter(household_id__in=list(by_id))
        .order_by("household_id", "user_id")
        .values("household_id", "user_id")
    )
    for m in members:
        out[by_id[int(m["household_id"])]].append(int(m["user_id"]))
    return out


async def region_users(region_code: str, chunk: int = 1000) -> AsyncIterator[int]:
    """Distinct users linked to households in communities under ``region_code``."""
    communities = [
        str(c)
        for c in await GridCell.filter(
            level=Level.COMMUNITY.value, region_code__startswith=region_code
        ).values_list("code", flat=True)
    ]
    if not communities:
        return
    last = 0
    while True:
        rows = (
            await HouseholdMember.filter(
                user_id__gt=last,
                household_id__in=Subquery(
                    Household.filter(community_code__in=communities).values("id")
                ),
            )
            .order_by("user_id")
            .limit(chunk)
            .values_list("user_id", flat=True)
        )
        if not rows:
            return
        seen = sorted({int(str(u)) for u in rows})
        for user_id in seen:
            yield user_id
        last = seen[-1]


RECIPIENT_RESOLVERS: dict[str, Resolver] = {"household": resolve_households}
#: Audience name → users covered by a region code (GB/T 2260 prefix), for broadcasts.
REGION_AUDIENCES: dict[str, Callable[[str], AsyncIterator[int]]] = {"households": region_users}
