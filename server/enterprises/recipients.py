"""Push recipients of the enterprises domain: credit codes → users to message.

The push stream imports :data:`RECIPIENT_RESOLVERS` to deliver intents addressed to
``recipient_type="enterprise"`` (recipient id = 统一社会信用代码).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from server.enterprises.service import contact_user_ids, enterprise_ids_by_uscc


async def enterprise_contacts(recipient_ids: list[str]) -> dict[str, list[int]]:
    """Credit code → user ids of the enterprise's approved contacts (absent: nobody)."""
    ids = await enterprise_ids_by_uscc(recipient_ids)
    users = await contact_user_ids(ids.values())
    return {code: users[eid] for code, eid in ids.items() if users.get(eid)}


RECIPIENT_RESOLVERS: dict[str, Callable[[list[str]], Awaitable[dict[str, list[int]]]]] = {
    "enterprise": enterprise_contacts
}
