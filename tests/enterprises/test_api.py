"""Endpoints: binding, permission rules, masked profiles, matches, staff views."""

from __future__ import annotations

from typing import Any

import httpx

from server.enterprises import matching
from server.enterprises.models import EnterpriseContact
from tests.enterprises.conftest import (
    CSV_HEADER,
    csv_line,
    import_csv,
    make_uscc,
    published_policy,
    staff_token,
)
from tests.helpers import bearer, wx_login

NAME1 = "如皋市测试机械有限公司1"
RULE = {"regions": ["320682"], "industries": ["C"], "employees": {"min": 40}}


async def _setup() -> int:
    lines = [
        CSV_HEADER,
        csv_line(1, employees="45"),
        csv_line(2, employees="30"),
        csv_line(3, employees="", legal_representative="李秀英"),
    ]
    assert (await import_csv("\n".join(lines))).created == 3
    pid = await published_policy("rg-api-001", RULE)
    await matching.recompute_policy(pid)
    return pid


async def test_binding_and_contact_views(client: httpx.AsyncClient, emulator: httpx.Client) -> None:
    pid = await _setup()
    token = await wx_login(client, emulator, "wx-zhang")
    h = bearer(token)
    # Not bound yet: the enterprise screens refuse.
    assert (await client.get("/api/v1/enterprise", headers=h)).status_code == 403
    # Bad check character → 422 naming the field.
    bad = make_uscc(1)[:-1] + ("0" if make_uscc(1)[-1] != "0" else "1")
    r = await client.post(
        "/api/v1/enterprise/bind",
        headers=h,
        json={"uscc": bad, "name": "x", "legal_representative": "张建国"},
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "uscc"
    # All three agree with the registry → bound at once.
    r = await client.post(
        "/api/v1/enterprise/bind",
        headers=h,
        json={"uscc": make_uscc(1), "name": NAME1, "legal_representative": "张建国"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["enterprise"]["legal_representative"] == "张**"
    me = (await client.get("/api/v1/enterprise", headers=h)).json()
    assert me["uscc"] == make_uscc(1) and "张建国" not in str(me)
    matches = (await client.get("/api/v1/enterprise/matches", headers=h)).json()["items"]
    assert [m["policy_id"] for m in matches] == [pid]
    assert any("从业人员 45 人" in r["text"] for r in matches[0]["reasons"])
    r = await client.post(
        f"/api/v1/enterprise/matches/{pid}/answer", headers=h, json={"answer": "applied"}
    )
    assert r.status_code == 200
    r = await client.post(
        f"/api/v1/enterprise/matches/{pid}/answer", headers=h, json={"answer": "maybe"}
    )
    assert r.status_code == 422
    assert (
        await client.post(
            "/api/v1/enterprise/matches/99999999999/answer", headers=h, json={"answer": "applied"}
        )
    ).status_code == 404

    # A second user with the wrong legal representative waits for staff.
    other = bearer(await wx_login(client, emulator, "wx-wang"))
    r = await client.post(
        "/api/v1/enterprise/bind",
        headers=other,
        json={"uscc": make_uscc(1), "name": NAME1, "legal_representative": "王五"},
    )
    assert r.status_code == 202 and r.json()["status"] == "pending"
    assert (await client.get("/api/v1/enterprise", headers=other)).status_code == 403
    staff = bearer(await staff_token(client, "gxj-staff"))
    pending = (await client.get("/api/v1/admin/enterprise-contacts", headers=staff)).json()
    assert len(pending["items"]) == 1
    cid = pending["items"][0]["id"]
    # Residents cannot approve; staff can.
    r = await client.post(f"/api/v1/admin/enterprise-contacts/{cid}/approve", headers=other)
    assert r.status_code == 403
    r = await client.post(f"/api/v1/admin/enterprise-contacts/{cid}/approve", headers=staff)
    assert r.json()["status"] == "approved"
    # A second login picks up the enterprise role.
    other = bearer(await wx_login(client, emulator, "wx-wang"))
    me2 = (await client.get("/api/v1/enterprise", headers=other)).json()
    assert me2["uscc"] == make_uscc(1)
    # The manager cannot remove the legal representative; the legal representative can
    # remove the manager.
    contacts = (await client.get("/api/v1/enterprise/contacts", headers=h)).json()["items"]
    assert len(contacts) == 2
    legal = next(c for c in contacts if c["role"] == "legal_representative")
    manager = next(c for c in contacts if c["role"] == "manager")
    r = await client.delete(f"/api/v1/enterprise/contacts/{legal['id']}", headers=other)
    assert r.status_code == 403
    r = await client.delete(f"/api/v1/enterprise/contacts/{manager['id']}", headers=h)
    assert r.status_code == 200
    assert not await EnterpriseContact.filter(id=manager["id"]).exists()
    assert (await client.get("/api/v1/enterprise", headers=other)).status_code == 403

    # Corrections go to staff and, applied, change the profile.
    r = await client.post(
        "/api/v1/enterprise/corrections", headers=h, json={"changes": {"industry": "ZZ"}}
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "changes.industry"
    # Found fuzzing: a count no 32-bit column holds was accepted, and applying it was a 500.
    r = await client.post(
        "/api/v1/enterprise/corrections", headers=h, json={"changes": {"employees": 2**31}}
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "changes.employees"
    r = await client.post(
        "/api/v1/enterprise/corrections",
        headers=h,
        json={"changes": {"employees": 60}, "note": "2026年扩招"},
    )
    assert r.status_code == 202
    corrections = (await client.get("/api/v1/admin/enterprise-corrections", headers=staff)).json()
    r = await client.post(
        f"/api/v1/admin/enterprise-corrections/{corrections['items'][0]['id']}/apply",
        headers=staff,
    )
    assert r.json()["status"] == "applied"
    assert (await client.get("/api/v1/enterprise", headers=h)).json()["employees"] == 60


async def test_staff_rules_and_views(client: httpx.AsyncClient, emulator: httpx.Client) -> None:
    pid = await _setup()
    staff = bearer(await staff_token(client, "gxj-staff"))
    resident = bearer(await wx_login(client, emulator, "wx-li"))
    # Permissions: residents see none of the staff views.
    for path in (
        f"/api/v1/admin/enterprises/{make_uscc(1)}/eligibility",
        f"/api/v1/admin/policies/{pid}/matches",
        "/api/v1/admin/enterprises",
    ):
        assert (await client.get(path, headers=resident)).status_code == 403, path
        assert (await client.get(path)).status_code in (401, 403), path

    r = await client.get(f"/api/v1/admin/enterprises/{make_uscc(3)}/eligibility", headers=staff)
    assert r.status_code == 200
    item = r.json()["items"][0]
    assert set(item) >= {"policy_id", "external_id", "outcome", "near_miss", "reasons"}
    assert item["external_id"] == "rg-api-001" and item["outcome"] == "unknown"
    assert {x["result"] for x in item["reasons"]} == {"passed", "unknown"}
    assert (
        await client.get("/api/v1/admin/enterprises/91320682MA00000000/eligibility", headers=staff)
    ).status_code == 404
    listed = (await client.get("/api/v1/admin/enterprises", headers=staff)).json()
    assert listed["total"] == 3 and "李秀英" not in str(listed)

    r = await client.get(f"/api/v1/admin/policies/{pid}/matches?kind=eligible", headers=staff)
    assert [i["uscc"] for i in r.json()["items"]] == [make_uscc(1)]
    r = await client.get(f"/api/v1/admin/policies/{pid}/matches?kind=near_miss", headers=staff)
    assert [i["uscc"] for i in r.json()["items"]] == [make_uscc(2)]
    r = await client.get(f"/api/v1/admin/policies/{pid}/matches?kind=unknown", headers=staff)
    assert [i["uscc"] for i in r.json()["items"]] == [make_uscc(3)]
    assert (
        await client.get(f"/api/v1/admin/policies/{pid}/matches?kind=bogus", headers=staff)
    ).status_code == 422
    assert (
        await client.get("/api/v1/admin/policies/99999999999/matches", headers=staff)
    ).status_code == 404

    # Preview before saving: counts and a sample.
    r = await client.post(
        "/api/v1/admin/eligibility/preview",
        headers=staff,
        json={"rule": {"employees": {"min": 30}}},
    )
    assert r.status_code == 200
    counts = r.json()["counts"]
    assert (counts["eligible"], counts["unknown"], counts["not_eligible"]) == (2, 1, 0)
    assert len(r.json()["sample"]) == 3
    r = await client.post(
        "/api/v1/admin/eligibility/preview",
        headers=staff,
        json={"rule": {"employees": {"min": 30, "max": 10}}},
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "rule.employees"

    # Saving validates and versions the rule (admin: the policy has no department).
    admin = bearer(await staff_token(client, "root", admin=True))
    r = await client.put(
        f"/api/v1/admin/policies/{pid}/eligibility",
        headers=admin,
        json={"rule": {"industries": ["3X"]}},
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "rule.industries"
    r = await client.put(
        f"/api/v1/admin/policies/{pid}/eligibility",
        headers=admin,
        json={"rule": {**RULE, "employees": {"min": 30}}},
    )
    assert r.status_code == 200 and r.json()["version"] == 2
    got = (await client.get(f"/api/v1/admin/policies/{pid}/eligibility", headers=staff)).json()
    assert [v["version"] for v in got["revisions"]] == [2, 1]

    stats = (await client.get(f"/api/v1/admin/policies/{pid}/match-stats", headers=staff)).json()
    assert stats["counts"]["eligible"] == 1 and stats["by_region"] == {"320682": 1}
    assert set(stats["funnel"]) == {"matched", "pushed", "opened", "applied"}
    tags = (await client.get("/api/v1/admin/enterprise-tags", headers=staff)).json()["items"]
    assert "高新技术企业" in tags
    r = await client.post("/api/v1/admin/enterprise-tags", headers=staff, json={"tag": "绿色工厂"})
    assert r.status_code == 403
    r = await client.post("/api/v1/admin/enterprise-tags", headers=admin, json={"tag": "绿色工厂"})
    assert r.status_code == 201 and "绿色工厂" in r.json()["items"]
    # A Chinese tag in the path arrives percent-encoded (clients must encode non-ASCII).
    r = await client.delete(
        "/api/v1/admin/enterprise-tags/%E7%BB%BF%E8%89%B2%E5%B7%A5%E5%8E%82", headers=admin
    )
    assert r.status_code == 200 and "绿色工厂" not in r.json()["items"], r.text


async def test_policy_finder(app: Any, client: httpx.AsyncClient, emulator: httpx.Client) -> None:
    await _setup()
    await published_policy("rg-api-002", {"natures": ["state_owned"]})
    await app.ctx.indexer.catch_up()  # the search engine has seen both policies
    h = bearer(await wx_login(client, emulator, "wx-finder"))
    r = await client.get("/api/v1/enterprise/policies", headers=h)
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) == 2
    r = await client.get("/api/v1/enterprise/policies?nature=private", headers=h)
    assert [i["title"] for i in r.json()["items"]] == [
        "如皋市促进中小企业高质量发展若干措施（rg-api-001）"
    ]
    r = await client.get("/api/v1/enterprise/policies?q=中小企业&size=small", headers=h)
    assert r.status_code == 200 and r.json()["items"]


async def test_ranges_explain_cannot_write(
    client: httpx.AsyncClient, emulator: httpx.Client
) -> None:
    """Saving refuses an empty range or a non-finite bound (422 naming the field); a rule
    of that shape stored before the check loads leniently, so neither the matching job
    nor the eligibility endpoint breaks on it."""
    from server.enterprises.models import EnterpriseMatch, PolicyEligibility

    pid = await _setup()
    admin = bearer(await staff_token(client, "root", admin=True))
    headers = {**admin, "Content-Type": "application/json"}
    for body, field in (
        ('{"rule": {"employees": {}}}', "rule.employees"),
        ('{"rule": {"employees": {"min": null, "max": null}}}', "rule.employees"),
        # JSON has no infinity, but a parser reads 1e999 as one (and NaN as NaN)
        (
            '{"rule": {"registered_capital": {"min": 1, "max": 1e999}}}',
            "rule.registered_capital.max",
        ),
        ('{"rule": {"employees": {"min": NaN}}}', "rule.employees.min"),
    ):
        for method, path in (
            ("PUT", f"/api/v1/admin/policies/{pid}/eligibility"),
            ("POST", "/api/v1/admin/eligibility/preview"),
        ):
            r = await client.request(method, path, headers=headers, content=body)
            assert r.status_code == 422, (body, r.text)
            assert r.json()["error"]["field"] == field
    # Stored before saving refused it (written behind the service's back). PostgreSQL's
    # JSON has no infinity, so only SQLite can hold the non-finite bound.
    from server.core.db import dialect

    open_end = {"min": float("inf")} if dialect() == "sqlite" else {}
    await PolicyEligibility.filter(policy_id=pid).update(
        rule={**RULE, "employees": {}, "annual_revenue": open_end}, version=7
    )
    await matching.recompute_policy(pid)
    stored = await EnterpriseMatch.filter(policy_id=pid, active=True).count()
    assert stored == 3  # regions and industries only: everybody eligible
    staff = bearer(await staff_token(client, "clerk"))
    r = await client.get(f"/api/v1/admin/enterprises/{make_uscc(3)}/eligibility", headers=staff)
    assert r.status_code == 200
    (item,) = [i for i in r.json()["items"] if i["policy_id"] == pid]
    assert item["outcome"] == "eligible"
    assert [c["criterion"] for c in item["reasons"]] == ["regions", "industries"]
