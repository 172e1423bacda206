"""Hot words through the API: only words count, each client a few times an hour, and
admins block terms from the public list (issue 6, security)."""

from __future__ import annotations

from typing import Any

import pytest

from server.core.permissions import Role
from tests.policies.test_search_engine import POLICIES, _import

SEARCH = "/api/v1/policies/search"
HOT = "/api/v1/policies/hot-words"
BLOCKED = "/api/v1/admin/search/blocked-terms"


@pytest.fixture
def settings(settings: Any) -> Any:
    """Behind a trusted proxy (so tests can be two clients), 3 counts a client an hour."""
    return settings.model_copy(
        update={
            "security": settings.security.model_copy(
                update={"client_ip_header": "x-forwarded-for", "trusted_proxies": ["127.0.0.1"]}
            ),
            "search": settings.search.model_copy(update={"hot_words_per_client_hour": 3}),
        }
    )


def _from(ip: str) -> dict[str, str]:
    return {"X-Forwarded-For": ip}


async def test_punctuation_and_urls_are_not_hot_words(client):
    await _import(POLICIES)
    for q in ["高龄老人津贴!!", "高龄老人津贴 http://t.cn", "高龄😀津贴", "高龄津贴"]:
        r = await client.get(SEARCH, params={"q": q}, headers=_from("203.0.113.1"))
        assert r.status_code == 200
    r = await client.get(SEARCH, params={"q": "高龄老人津贴!!"})
    assert r.json()["total"] >= 1 and r.json()["match"] == "exact"  # found, still not counted
    assert (await client.get(HOT)).json()["items"] == [{"term": "高龄津贴", "count": 1}]


async def test_one_client_cannot_push_a_term_up_the_list(client):
    await _import(POLICIES)
    for _ in range(10):  # every search answered, only the first 3 counted
        r = await client.get(SEARCH, params={"q": "高龄津贴"}, headers=_from("203.0.113.9"))
        assert r.status_code == 200 and r.json()["total"] == 1
    for _ in range(2):
        await client.get(SEARCH, params={"q": "社会保险"}, headers=_from("198.51.100.7"))
    assert (await client.get(HOT)).json()["items"] == [
        {"term": "高龄津贴", "count": 3},
        {"term": "社会保险", "count": 2},
    ]


async def test_admin_blocks_a_term(client, staff_login):
    await _import(POLICIES)
    for ip in ("203.0.113.1", "203.0.113.2"):
        await client.get(SEARCH, params={"q": "高龄津贴"}, headers=_from(ip))
        await client.get(SEARCH, params={"q": "社会保险"}, headers=_from(ip))
    terms = {i["term"] for i in (await client.get(HOT)).json()["items"]}
    assert terms == {"高龄津贴", "社会保险"}

    staff = {"Authorization": f"Bearer {await staff_login('clerk', department='hrss')}"}
    r = await client.put(BLOCKED, headers=staff, json={"terms": ["高龄津贴"]})
    assert r.status_code == 403
    assert (await client.get(BLOCKED, headers=staff)).status_code == 403
    admin = {"Authorization": f"Bearer {await staff_login('boss', [Role.ADMIN], 'office')}"}
    r = await client.put(BLOCKED, headers=admin, json={"terms": ["高龄津贴", "ＡＤ", "高龄津贴"]})
    assert r.status_code == 200, r.text
    assert [i["term"] for i in r.json()["items"]] == ["ad", "高龄津贴"]
    assert (await client.get(HOT)).json()["items"] == [{"term": "社会保险", "count": 2}]
    r = await client.get("/api/v1/policies/suggestions", params={"q": "高龄"})
    assert all(i["kind"] != "hot" for i in r.json()["items"])
    # Blocked terms are not counted either; the list survives a reload from the table.
    await client.get(SEARCH, params={"q": "高龄津贴"}, headers=_from("203.0.113.3"))
    r = await client.get(BLOCKED, headers=admin)
    assert r.status_code == 200
    items = r.json()["items"]
    assert [i["term"] for i in items] == ["ad", "高龄津贴"]
    assert all(i["created_by"] and i["created_at"] for i in items)
    # Unblocking brings the term back (its earlier counts were never lost).
    r = await client.put(BLOCKED, headers=admin, json={"terms": ["ad"]})
    assert r.status_code == 200
    assert {i["term"]: i["count"] for i in (await client.get(HOT)).json()["items"]} == {
        "高龄津贴": 2,
        "社会保险": 2,
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"terms": ["x" * 33]}, "terms.0"),
        ({"terms": ["ok", "ﷺ" * 2]}, "terms.1"),  # 36 characters once normalized
        ({"terms": ["广告", "加V：x"]}, "terms.1"),  # could never be a hot word anyway
        ({"terms": ["a\u0000b"]}, "terms.0"),  # NUL: PostgreSQL text cannot hold it
        ('{"terms": ["\\ud800"]}', "terms.0"),  # a lone surrogate, as raw JSON
        ({"terms": [str(i) for i in range(501)]}, "terms"),
        ({"terms": "高龄津贴"}, "terms"),
        ({}, "terms"),
    ],
)
async def test_bad_blocked_terms_body_is_422(client, staff_login, body, field):
    admin = {"Authorization": f"Bearer {await staff_login('boss', [Role.ADMIN], 'office')}"}
    if isinstance(body, str):
        headers = {**admin, "Content-Type": "application/json"}
        r = await client.put(BLOCKED, headers=headers, content=body.encode())
    else:
        r = await client.put(BLOCKED, headers=admin, json=body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["field"] == field
