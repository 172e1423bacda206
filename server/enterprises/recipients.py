"""Push recipients of the enterprises domain: credit codes → users to message.

The push stream imports :data:`RECIPIENT_RESOLVERS` to deliver intents addressed to
``recipient_type="enterprise"`` (recipient id = 统一社会信用代码).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from server.enterprises.models import Enterprise
from server.enterprises.service import contact_user_ids, enterprise_ids_by_uscc


async def enterprise_contacts(recipient_ids: list[str]) -> dict[str, list[int]]:
    """Credit code → user ids of the enterprise's approved contacts (absent: nobody)."""
    ids = await enterprise_ids_by_uscc(recipient_ids)
    users = await contact_user_ids(ids.values())
    return {code: users[eid] for code, eid in ids.items() if users.get(eid)}


RECIPIENT_RESOLVERS: dict[str, Callable[[list[str]], Awaitable[dict[str, list[int]]]]] = {
    "enterprise": enterprise_contacts
}


async def region_contacts(region_code: str, chunk: int = 2000) -> AsyncIterator[int]:
    """User ids of the approved contacts of enterprises registered under ``region_code``
    (a GB/T 2260 prefix), for emergency broadcasts."""
    last = 0
    while True:
        rows = (
            await Enterprise.filter(region__startswith=region_code, id__gt=last)
            .order_by("id")
            .limit(chunk)
            .values_list("id", flat=True)
        )
        ids = [int(str(i)) for i in rows]
        if not ids:
            return
        last = ids[-1]
        for users in (await contact_user_ids(ids)).values():
            for user_id in users:
                yield user_id


#: Audience name → users covered by a region code, for broadcasts (see server.push).
REGION_AUDIENCES: dict[str, Callable[[str], AsyncIterator[int]]] = {
    "enterprise_contacts": region_contacts
}
