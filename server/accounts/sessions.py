"""Sessions in Redis: an opaque bearer token maps to a user id, with expiry.

Only an HMAC of the token (keyed with ``security.secret_key``) is stored, so a Redis
dump does not hand out live sessions.
A per-user index lets an admin revoke every session of an account at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

from redis.asyncio import Redis

_PREFIX = "zwgk:session:"
_USER_INDEX = "zwgk:user-sessions:"


@dataclass(frozen=True, slots=True)
class Session:
    user_id: int
    kind: str  # "wechat" or "staff"


class SessionStore:
    """Create, read and revoke bearer-token sessions."""

    def __init__(self, redis: Redis, secret_key: str) -> None:
        self._redis = redis
        self._secret = secret_key.encode()

    def _key(self, token: str) -> str:
        return _PREFIX + hmac.new(self._secret, token.encode(), hashlib.sha256).hexdigest()

    async def create(self, user_id: int, kind: str, ttl_seconds: int) -> str:
        token = secrets.token_urlsafe(32)
        key = self._key(token)
        index = f"{_USER_INDEX}{user_id}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(key, json.dumps({"uid": user_id, "kind": kind}), ex=ttl_seconds)
            pipe.sadd(index, key)
            pipe.expire(index, ttl_seconds)
            await pipe.execute()
        return token

    async def get(self, token: str) -> Session | None:
        raw = await self._redis.get(self._key(token))
        if raw is None:
            return None
        data = json.loads(raw)
        return Session(user_id=int(data["uid"]), kind=str(data["kind"]))

    async def revoke(self, token: str) -> None:
        key = self._key(token)
        session = await self.get(token)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            if session is not None:
                pipe.srem(f"{_USER_INDEX}{session.user_id}", key)
            await pipe.execute()

    async def revoke_all(self, user_id: int) -> None:
        index = f"{_USER_INDEX}{user_id}"
        keys = await self._redis.smembers(index)  # type: ignore[misc]
        if keys:
            await self._redis.delete(*keys)
        await self._redis.delete(index)
