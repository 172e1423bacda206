"""The staff side of the policy library over HTTP: drafts, edits, publishing, permissions,
rich-text sanitising, validation, the three versions, links and classification admin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from server.core.clock import local_today
from server.core.outbox import OutboxEvent
from server.core.permissions import Role
from server.policies.models import (
    GlossaryTerm,
    IllustratedCard,
    Policy,
    PolicyLink,
    PolicyQuestion,
    PolicyRevision,
)
from tests.helpers import bearer, wx_login
from tests.policies.conftest import make_pdf, make_png, upload

ADMIN = "/api/v1/admin"
PUBLIC = "/api/v1/policies"
# A word that appears in no policy but the ones these tests write.
WORD = "鹦鹉螺"


def draft(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": f"如皋市人力资源和社会保障局关于{WORD}养殖就业补贴的通知",
        "doc_number": "皋人社发〔2026〕99号",
        "issuer": "如皋市人力资源和社会保障局",
        "publish_date": "2026-05-01",
        "effective_date": "2026-05-01",
        "audience": "both",
        "stage": "service",
        "summary": "对从事特色水产养殖的就业困难人员给予一次性补贴。",
        "body": "<p>一、补贴对象。</p><p>二、补贴标准：每人3000元。</p>",
        "topics": ["employment.subsidy"],
        "categories": ["employment"],
        "industries": ["04"],
        "regions": ["320682"],
    }
    body.update(overrides)
    return body


@pytest.fixture
async def people(client, emulator, staff_login) -> dict[str, dict[str, str]]:
    """Bearer headers: two departments' staff, an admin, a grid worker and a resident."""
    return {
        "staff": bearer(await staff_login("rs.li", [Role.STAFF], "rgrsj")),
        "other": bearer(await staff_login("mz.wang", [Role.STAFF], "rgmzj")),
        "admin": bearer(await staff_login("root", [Role.ADMIN], None)),
        "grid": bearer(await staff_login("grid.zhao", [Role.GRID_WORKER], None)),
        "resident": bearer(await wx_login(client, emulator, "o-policy-reader")),
    }


async def create(client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> dict:
    r = await client.post(f"{ADMIN}/policies", json=draft(**overrides), headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


async def act(client: httpx.AsyncClient, headers: dict[str, str], pid: int, action: str):
    return await client.post(f"{ADMIN}/policies/{pid}/{action}", headers=headers)


async def search_ids(client: httpx.AsyncClient, q: str, **params: Any) -> list[int]:
    """Policies the query finds as written (results of a relaxed query, labelled
    ``related``, are not matches of the query)."""
    r = await client.get(f"{PUBLIC}/search", params={"q": q, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    if body["match"] == "related":
        return []
    return [i["id"] for i in body["items"]]


def assert_error(r: httpx.Response, status: int, field: str | None = None) -> dict:
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert set(error) == {"code", "message", "field"} and error["message"]
    if field is not None:
        assert error["field"] == field, error
    return error


# --------------------------------------------------------------------------- lifecycle


async def test_draft_is_private_to_its_department(client, people):
    p = await create(client, people["staff"])
    pid = p["id"]
    assert (p["status"], p["version"]) == ("draft", 1)
    assert p["versions"]["full_text"] == "<p>一、补贴对象。</p><p>二、补贴标准：每人3000元。</p>"

    assert_error(await client.get(f"{PUBLIC}/{pid}"), 404)
    assert_error(await client.get(f"{PUBLIC}/{pid}", headers=people["resident"]), 404)
    assert_error(await client.get(f"{ADMIN}/policies/{pid}", headers=people["other"]), 404)
    assert (await client.get(f"{ADMIN}/policies/{pid}", headers=people["staff"])).status_code == 200
    assert (await client.get(f"{ADMIN}/policies/{pid}", headers=people["admin"])).status_code == 200
    assert await search_ids(client, WORD) == []
    assert (await client.get(PUBLIC, params={"topic": "employment"})).json()["total"] == 0

    mine = (await client.get(f"{ADMIN}/policies", headers=people["staff"])).json()
    theirs = (await client.get(f"{ADMIN}/policies", headers=people["other"])).json()
    everyone = (await client.get(f"{ADMIN}/policies", headers=people["admin"])).json()
    assert [i["id"] for i in mine["items"]] == [pid] and mine["total"] == 1
    assert theirs == {"items": [], "total": 0}
    assert [i["id"] for i in everyone["items"]] == [pid]


async def test_publish_withdraw_expire_lifecycle(client, people):
    staff = people["staff"]
    pid = (await create(client, staff))["id"]
    assert await search_ids(client, WORD) == []  # this empty page is now cached

    r = await act(client, staff, pid, "publish")
    assert r.status_code == 200, r.text
    assert r.json() == {"id": pid, "status": "published", "version": 2}
    events = await OutboxEvent.filter(topic="policy.published", subject_id=str(pid))
    assert len(events) == 1
    assert events[0].subject_type == "policy"
    assert events[0].payload["policy_id"] == pid and events[0].payload["version"] == 2
    assert events[0].payload["topics"] == ["employment.subsidy"]
    # Visible at once: writes invalidate the search cache.
    assert await search_ids(client, WORD) == [pid]
    assert await search_ids(client, "皋人社发〔2026〕99号") == [pid]
    detail = (await client.get(f"{PUBLIC}/{pid}")).json()
    assert detail["status"] == "published" and detail["publish_date"] == "2026-05-01"

    assert_error(await act(client, staff, pid, "publish"), 409, "status")
    r = await act(client, staff, pid, "expire")
    assert r.json()["status"] == "expired"
    assert await search_ids(client, WORD) == []
    assert await search_ids(client, WORD, status="expired") == [pid]
    assert (await client.get(f"{PUBLIC}/{pid}")).json()["status"] == "expired"
    assert_error(await act(client, staff, pid, "expire"), 409, "status")
    assert_error(await act(client, staff, pid, "withdraw"), 409, "status")

    assert (await act(client, staff, pid, "publish")).json()["status"] == "published"
    assert await search_ids(client, WORD) == [pid]
    assert (await act(client, staff, pid, "withdraw")).json()["status"] == "withdrawn"
    assert await search_ids(client, WORD) == []
    assert await search_ids(client, WORD, status="expired") == []
    assert_error(await client.get(f"{PUBLIC}/{pid}"), 404)
    assert_error(await act(client, staff, pid, "withdraw"), 409, "status")
    assert await OutboxEvent.filter(topic="policy.published", subject_id=str(pid)).count() == 2
    assert await OutboxEvent.filter(topic="policy.withdrawn", subject_id=str(pid)).count() == 1
    assert await OutboxEvent.filter(topic="policy.expired", subject_id=str(pid)).count() == 1

    history = (await client.get(f"{ADMIN}/policies/{pid}/revisions", headers=staff)).json()
    assert [(h["version"], h["action"]) for h in history["items"]] == [
        (1, "create"),
        (2, "publish"),
        (3, "expire"),
        (4, "publish"),
        (5, "withdraw"),
    ]
    assert history["items"][2]["changes"] == {"status": ["published", "expired"]}

    other = (await create(client, staff, title="另一份草稿通知"))["id"]
    assert_error(await act(client, staff, other, "withdraw"), 409, "status")
    assert_error(await act(client, staff, other, "expire"), 409, "status")
    assert (await act(client, staff, other, "archive")).status_code == 404
    assert (await act(client, staff, 999999, "publish")).status_code == 404
    assert await OutboxEvent.filter(subject_id=str(other)).count() == 0


async def test_publishing_needs_a_body_or_summary(client, people):
    pid = (await create(client, people["staff"], body="", summary=""))["id"]
    assert_error(await act(client, people["staff"], pid, "publish"), 422, "body")
    assert (await Policy.get(id=pid)).status == "draft"
    assert await OutboxEvent.all().count() == 0


async def test_publish_without_a_date_gets_today(client, people):
    pid = (await create(client, people["staff"], publish_date=None))["id"]
    await act(client, people["staff"], pid, "publish")
    detail = (await client.get(f"{PUBLIC}/{pid}")).json()
    # Today in China, where the publishing clerk is (UTC is a day behind before 08:00).
    assert detail["publish_date"] == local_today().isoformat()


async def test_edits_of_a_published_policy_are_recorded(client, people):
    staff = people["staff"]
    pid = (await create(client, staff))["id"]
    await act(client, staff, pid, "publish")
    assert await search_ids(client, WORD) == [pid]
    old = await Policy.get(id=pid)

    new_title = "如皋市人力资源和社会保障局关于海马养殖就业补贴的通知"
    r = await client.patch(
        f"{ADMIN}/policies/{pid}",
        headers=staff,
        json={
            "title": new_title,
            "summary": "补贴标准调整为每人5000元。",
            "topics": ["employment.subsidy", "agriculture.specialty"],
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["title"] == new_title and r.json()["version"] == 3
    history = (await client.get(f"{ADMIN}/policies/{pid}/revisions", headers=staff)).json()
    last = history["items"][-1]
    me = (await client.get("/api/v1/me", headers=staff)).json()
    assert (last["version"], last["action"], last["editor_id"]) == (3, "edit", me["id"])
    assert last["changes"] == {
        "title": [old.title, new_title],
        "summary": [old.summary, "补贴标准调整为每人5000元。"],
        "topics": [["employment.subsidy"], ["employment.subsidy", "agriculture.specialty"]],
    }
    updated = await OutboxEvent.filter(topic="policy.updated", subject_id=str(pid))
    assert len(updated) == 1 and updated[0].payload["fields"] == ["summary", "title", "topics"]
    # The index and the cached pages follow the edit.
    assert await search_ids(client, WORD) == []
    assert await search_ids(client, "海马养殖") == [pid]
    assert await search_ids(client, "每人5000元") == [pid]
    browse = await client.get(PUBLIC, params={"topic": "agriculture"})
    assert [i["id"] for i in browse.json()["items"]] == [pid]

    # An edit that changes nothing records nothing.
    same = await client.patch(f"{ADMIN}/policies/{pid}", headers=staff, json={"title": new_title})
    assert same.status_code == 200 and same.json()["version"] == 3
    assert await PolicyRevision.filter(policy_id=pid).count() == 3


async def test_null_clears_optional_text_fields(client, people):
    staff = people["staff"]
    pid = (await create(client, staff))["id"]
    await act(client, staff, pid, "publish")
    assert await search_ids(client, "皋人社发〔2026〕99号", scope="title") == [pid]
    r = await client.patch(
        f"{ADMIN}/policies/{pid}",
        headers=staff,
        json={"summary": None, "doc_number": None, "publish_date": None},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["versions"]["summary"] == ""
    assert (body["doc_number"], body["publish_date"]) == ("", None)
    revision = await PolicyRevision.filter(policy_id=pid).order_by("-version").first()
    assert revision is not None
    assert revision.changes["doc_number"] == ["皋人社发〔2026〕99号", ""]
    assert revision.changes["summary"] == [draft()["summary"], ""]
    assert await search_ids(client, "皋人社发〔2026〕99号", scope="title") == []
    assert await search_ids(client, WORD) == [pid]


async def test_only_the_owning_department_or_an_admin_may_edit(client, people):
    staff = people["staff"]
    pid = (await create(client, staff))["id"]
    await act(client, staff, pid, "publish")
    edit = {"title": "被越权修改的标题"}
    assert_error(
        await client.patch(f"{ADMIN}/policies/{pid}", json=edit, headers=people["other"]), 403
    )
    assert_error(await act(client, people["other"], pid, "withdraw"), 403)
    assert_error(
        await client.get(f"{ADMIN}/policies/{pid}/revisions", headers=people["other"]), 403
    )
    for who in ("resident", "grid"):
        assert_error(
            await client.patch(f"{ADMIN}/policies/{pid}", json=edit, headers=people[who]), 403
        )
        assert_error(await act(client, people[who], pid, "withdraw"), 403)
        assert_error(await client.post(f"{ADMIN}/policies", json=draft(), headers=people[who]), 403)
    assert_error(await client.patch(f"{ADMIN}/policies/{pid}", json=edit), 401)
    policy = await Policy.get(id=pid)
    assert (policy.title, policy.status, policy.version) == (draft()["title"], "published", 2)
    assert await Policy.all().count() == 1

    r = await client.patch(
        f"{ADMIN}/policies/{pid}", json={"title": "管理员修改后的标题"}, headers=people["admin"]
    )
    assert r.status_code == 200 and r.json()["title"] == "管理员修改后的标题"
    assert (await act(client, people["admin"], pid, "withdraw")).status_code == 200


# --------------------------------------------------------------------------- rich text


async def test_unsafe_html_is_stripped_from_the_full_text(client, people):
    staff = people["staff"]
    body = (
        '<p onclick="steal()">第一条 本办法适用于全市。<script>alert("x")</script></p>'
        '<img src=x onerror="alert(1)">'
        '<p><a href="javascript:alert(2)">点击办理</a> '
        '<a href="https://zwfw.rugao.gov.cn/apply">网上办理</a></p>'
        '<iframe src="https://evil.example"></iframe><style>p{display:none}</style>'
        f"<p>示例 &lt;script&gt;alert(3)&lt;/script&gt; {WORD}</p>"
    )
    p = await create(client, staff, body=body)
    stored = p["versions"]["full_text"]
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "<img",
        "alert(1)",
        "alert(2)",
        "steal",
    ):
        assert bad not in stored, (bad, stored)
    assert "<p>第一条 本办法适用于全市。</p>" in stored
    assert 'href="https://zwfw.rugao.gov.cn/apply"' in stored and "网上办理" in stored
    assert "&lt;script&gt;" in stored  # text that merely mentions a tag stays text

    await act(client, staff, p["id"], "publish")
    r = await client.get(f"{PUBLIC}/search", params={"q": WORD})
    item = r.json()["items"][0]
    assert "<script" not in item["snippet"] and "&lt;script&gt;" in item["snippet"]
    assert f"<em>{WORD}</em>" in item["snippet"]

    r = await client.patch(
        f"{ADMIN}/policies/{p['id']}",
        headers=staff,
        json={"body": '<p>修订</p><script>alert(4)</script><a href="javascript:void(0)">x</a>'},
    )
    stored = r.json()["versions"]["full_text"]
    assert "<script" not in stored and "javascript:" not in stored and "<p>修订</p>" in stored

    # Plain text is escaped into paragraphs, never interpreted.
    p = await create(client, staff, body="第一行 a < b\n\n第二行 & 第三项")
    assert p["versions"]["full_text"] == "<p>第一行 a &lt; b</p><p>第二行 &amp; 第三项</p>"

    # Titles are shown verbatim but highlighted titles are escaped.
    p = await create(client, staff, title=f"<b onmouseover=x>{WORD}</b>通知")
    await act(client, staff, p["id"], "publish")
    r = await client.get(f"{PUBLIC}/search", params={"q": f"{WORD} 通知", "scope": "title"})
    item = next(i for i in r.json()["items"] if i["id"] == p["id"])
    assert (
        item["title_highlighted"]
        == f"&lt;b onmouseover=x&gt;<em>{WORD}</em>&lt;/b&gt;<em>通知</em>"
    )


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"topics": ["employment.subsidy", "no-such-topic"]}, "topics"),
        ({"categories": ["rainbows"]}, "categories"),
        ({"industries": ["Z"]}, "industries"),
        ({"industries": ["9999"]}, "industries"),
        ({"regions": ["12345"]}, "regions"),
        ({"publish_date": "2026-02-30"}, "publish_date"),
        ({"publish_date": "2026/05/01"}, "publish_date"),
        ({"effective_date": "yesterday"}, "effective_date"),
        ({"effective_date": "2026-05-01", "expiry_date": "2026-04-01"}, None),
        ({"title": ""}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"stage": "planning"}, "stage"),
        ({"audience": "aliens"}, "audience"),
        ({"status": "published"}, "status"),
        ({"guide": {"online_url": "javascript:alert(1)"}}, "guide.online_url"),
        ({"guide": {"phone": "call me"}}, "guide.phone"),
        ({"guide": {"window_start": "2026-06-01", "window_end": "2026-05-01"}}, "guide"),
        ({"illustrated": [{"caption": "图一", "image": "424242"}]}, "illustrated.0.image"),
        ({"related": ["no-such-policy"]}, "related"),
        # Found fuzzing (were 500): "²" passes isdigit() but not int(); 20 digits overflow.
        ({"illustrated": [{"caption": "图一", "image": "²"}]}, "illustrated.0.image"),
        ({"related": ["²"]}, "related"),
        ({"related": ["99999999999999999999"]}, "related"),
        ({"colour": "red"}, "colour"),
    ],
)
async def test_bad_policies_are_rejected_and_nothing_is_saved(client, people, overrides, field):
    before = await Policy.all().count()
    r = await client.post(f"{ADMIN}/policies", json=draft(**overrides), headers=people["staff"])
    error = assert_error(r, 422, field)
    assert error["code"] == "validation_error"
    assert await Policy.all().count() == before
    assert await PolicyRevision.all().count() == 0
    assert await GlossaryTerm.all().count() == await IllustratedCard.all().count() == 0


async def test_bad_edits_change_nothing(client, people):
    staff = people["staff"]
    pid = (await create(client, staff, glossary=[{"term": "稳岗", "definition": "稳定岗位"}]))["id"]
    await act(client, staff, pid, "publish")
    before = await Policy.get(id=pid)
    for patch, field in [
        ({"title": "新标题通知", "topics": ["no-such-topic"]}, "topics"),
        ({"title": "新标题通知", "publish_date": "2026-13-01"}, "publish_date"),
        ({"title": "新标题通知", "expiry_date": "2026-01-01"}, "expiry_date"),
        ({"title": "新标题通知", "glossary": [], "related": ["no-such-policy"]}, "related"),
        (
            {"title": "新标题通知", "illustrated": [{"caption": "图", "image": "abc"}]},
            "illustrated.0.image",
        ),
        ({"title": None}, "title"),
        ({"status": "draft"}, "status"),
    ]:
        r = await client.patch(f"{ADMIN}/policies/{pid}", json=patch, headers=staff)
        assert_error(r, 422, field)
    after = await Policy.get(id=pid)
    assert (after.title, after.version, after.publish_date) == (
        before.title,
        before.version,
        before.publish_date,
    )
    assert await GlossaryTerm.filter(policy_id=pid).count() == 1
    assert await PolicyRevision.filter(policy_id=pid).count() == 2
    assert await search_ids(client, "新标题") == []
    assert_error(
        await client.patch(f"{ADMIN}/policies/999999", json={"title": "无此政策"}, headers=staff),
        404,
    )
    r = await client.patch(
        f"{ADMIN}/policies/{pid}",
        content=b"{oops",
        headers={**staff, "content-type": "application/json"},
    )
    assert_error(r, 400)


# --------------------------------------------------------------------------- three versions


async def test_illustrated_cards_with_an_uploaded_image(client, people):
    staff = people["staff"]
    pid = (await create(client, staff))["id"]
    png = make_png(4, 3)
    image = await upload(client, staff, "图解1.png", png, purpose="image", policy_id=pid)
    pdf = await upload(client, staff, "原文.pdf", make_pdf(), policy_id=pid)
    cards = [
        {"caption": "一图读懂：补贴对象", "image": str(image["id"])},
        {"caption": "一图读懂：申领流程"},
    ]
    r = await client.patch(f"{ADMIN}/policies/{pid}", json={"illustrated": cards}, headers=staff)
    assert r.status_code == 200, r.text
    assert r.json()["versions"]["illustrated"] == [
        {
            "position": 0,
            "caption": "一图读懂：补贴对象",
            "image_url": f"/api/v1/attachments/{image['id']}",
        },
        {"position": 1, "caption": "一图读懂：申领流程", "image_url": None},
    ]
    # Only images may illustrate; the PDF stays a plain attachment.
    bad = await client.patch(
        f"{ADMIN}/policies/{pid}",
        headers=staff,
        json={"illustrated": [{"caption": "x", "image": str(pdf["id"])}]},
    )
    assert_error(bad, 422, "illustrated.0.image")
    assert await IllustratedCard.filter(policy_id=pid).count() == 2

    image_url = f"/api/v1/attachments/{image['id']}"
    assert (await client.get(image_url)).status_code == 404  # the policy is a draft
    await act(client, staff, pid, "publish")
    detail = (await client.get(f"{PUBLIC}/{pid}")).json()
    assert [c["caption"] for c in detail["versions"]["illustrated"]] == [
        c["caption"] for c in cards
    ]
    assert [a["id"] for a in detail["attachments"]] == [pdf["id"]]
    got = await client.get(image_url)
    assert got.status_code == 200 and got.content == png
    assert got.headers["content-type"] == "image/png"


async def test_glossary_qa_and_guide_round_trip(client, people):
    staff = people["staff"]
    sample = await upload(client, staff, "申请表样表.pdf", make_pdf(), purpose="sample")
    today = datetime.now(UTC).date()
    guide = {
        "conditions": ["如皋市户籍", "登记失业半年以上"],
        "materials": [
            {"name": "居民身份证", "description": "原件"},
            {"name": "补贴申请表", "description": "一式两份", "sample_attachment_id": sample["id"]},
        ],
        "steps": ["网上申请", "窗口审核", "资金发放"],
        "window_start": (today - timedelta(days=1)).isoformat(),
        "window_end": (today + timedelta(days=30)).isoformat(),
        "online_url": "/pages/apply/index?policy=test",
        "offline_place": "如皋市政务服务中心二楼人社窗口",
        "hours": "工作日9:00-17:00",
        "phone": "0513-87658512",
    }
    glossary = [
        {"term": "就业困难人员", "definition": "因身体状况等原因难以实现就业的人员"},
        {"term": "灵活就业", "definition": "非全日制、临时性就业"},
    ]
    qa = [
        {"question": "补贴多久到账？", "answer": "审核通过后15个工作日内。"},
        {"question": "可以委托办理吗？", "answer": "可以，需携带委托书。"},
    ]
    p = await create(client, staff, glossary=glossary, qa=qa, guide=guide)
    await act(client, staff, p["id"], "publish")
    detail = (await client.get(f"{PUBLIC}/{p['id']}")).json()
    assert detail["glossary"] == glossary
    assert detail["qa"] == qa
    g = detail["guide"]
    assert {
        k: g[k]
        for k in (
            "conditions",
            "steps",
            "window_start",
            "window_end",
            "online_url",
            "offline_place",
            "hours",
            "phone",
        )
    } == {
        k: guide[k]
        for k in (
            "conditions",
            "steps",
            "window_start",
            "window_end",
            "online_url",
            "offline_place",
            "hours",
            "phone",
        )
    }
    assert g["window_open"] is True
    assert [m["name"] for m in g["materials"]] == ["居民身份证", "补贴申请表"]
    assert g["materials"][0]["sample_url"] is None
    assert g["materials"][1]["sample_url"] == f"/api/v1/attachments/{sample['id']}"
    assert (await client.get(g["materials"][1]["sample_url"])).content == make_pdf()
    assert detail["versions"]["summary"] == draft()["summary"]

    # Replacing one list leaves the others alone; the window can close.
    closed = {
        **guide,
        "window_end": (today - timedelta(days=1)).isoformat(),
        "window_start": (today - timedelta(days=10)).isoformat(),
    }
    r = await client.patch(
        f"{ADMIN}/policies/{p['id']}", headers=staff, json={"qa": qa[1:], "guide": closed}
    )
    assert r.status_code == 200
    assert r.json()["qa"] == qa[1:] and r.json()["glossary"] == glossary
    assert r.json()["guide"]["window_open"] is False
    assert await PolicyQuestion.filter(policy_id=p["id"]).count() == 1


async def test_related_links_show_both_ways(client, people):
    staff = people["staff"]
    a = await create(
        client, staff, title="如皋市关于就业补贴的通知", doc_number="皋人社发〔2026〕1号"
    )
    b = await create(
        client,
        staff,
        title="《如皋市关于就业补贴的通知》政策解读",
        doc_number="",
        related=[str(a["id"])],
    )
    c = await create(
        client,
        staff,
        title="如皋市关于就业补贴的补充通知",
        doc_number="",
        related=[str(a["id"]), str(a["id"])],
    )
    link = await PolicyLink.get(source_id=b["id"], target_id=a["id"])
    assert link.relation == "interpretation"
    assert await PolicyLink.filter(source_id=c["id"]).count() == 1  # duplicates collapse
    for p in (a, b):
        await act(client, staff, p["id"], "publish")
    detail_a = (await client.get(f"{PUBLIC}/{a['id']}")).json()
    detail_b = (await client.get(f"{PUBLIC}/{b['id']}")).json()
    assert detail_a["related"] == [
        {"id": b["id"], "title": b["title"], "doc_number": "", "relation": "interpretation"}
    ]  # draft c is not shown
    assert detail_b["related"] == [
        {
            "id": a["id"],
            "title": a["title"],
            "doc_number": "皋人社发〔2026〕1号",
            "relation": "interpretation",
        }
    ]
    await act(client, staff, c["id"], "publish")
    detail_a = (await client.get(f"{PUBLIC}/{a['id']}")).json()
    assert {r["id"] for r in detail_a["related"]} == {b["id"], c["id"]}
    # Unlinking from one side removes the link from both.
    await client.patch(f"{ADMIN}/policies/{b['id']}", json={"related": []}, headers=staff)
    detail_a = (await client.get(f"{PUBLIC}/{a['id']}")).json()
    assert [r["id"] for r in detail_a["related"]] == [c["id"]]


# --------------------------------------------------------------------------- classifications


def _flat(trees: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}

    def walk(scheme: str, nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            out[(scheme, n["code"])] = n
            walk(scheme, n["children"])

    for scheme, nodes in trees.items():
        walk(scheme, nodes)
    return out


async def test_classification_admin_and_counts(client, people):
    admin, staff = people["admin"], people["staff"]
    new_topic = {
        "scheme": "topic",
        "code": "environment.noise",
        "name": "噪声污染防治",
        "parent_code": "environment",
    }
    # Unknown until an admin adds it.
    assert_error(
        await client.post(
            f"{ADMIN}/policies", headers=staff, json=draft(topics=["environment.noise"])
        ),
        422,
        "topics",
    )
    assert_error(await client.post(f"{ADMIN}/classifications", json=new_topic, headers=staff), 403)
    r = await client.post(f"{ADMIN}/classifications", json=new_topic, headers=admin)
    assert r.status_code == 201, r.text
    assert_error(
        await client.post(f"{ADMIN}/classifications", json=new_topic, headers=admin), 409, "code"
    )
    assert_error(
        await client.post(
            f"{ADMIN}/classifications",
            headers=admin,
            json={**new_topic, "code": "x.y", "parent_code": "nope"},
        ),
        400,
        "parent_code",
    )
    assert_error(
        await client.post(
            f"{ADMIN}/classifications", headers=admin, json={**new_topic, "code": "Bad Code"}
        ),
        422,
        "code",
    )
    assert_error(
        await client.post(
            f"{ADMIN}/classifications",
            headers=admin,
            json={**new_topic, "scheme": "stage", "code": "x"},
        ),
        422,
        "scheme",
    )

    flat = _flat((await client.get(f"{PUBLIC}/classifications")).json())
    assert flat[("topic", "environment.noise")] == {
        "code": "environment.noise",
        "name": "噪声污染防治",
        "count": 0,
        "children": [],
    }

    r = await client.patch(
        f"{ADMIN}/classifications/topic/environment.noise",
        headers=admin,
        json={"name": "噪声与光污染防治"},
    )
    assert r.status_code == 200 and r.json()["name"] == "噪声与光污染防治"
    assert_error(
        await client.patch(
            f"{ADMIN}/classifications/topic/nope", headers=admin, json={"name": "无"}
        ),
        404,
    )
    assert_error(
        await client.patch(
            f"{ADMIN}/classifications/topic/environment", headers=staff, json={"name": "无"}
        ),
        403,
    )

    before = _flat((await client.get(f"{PUBLIC}/classifications")).json())
    p = await create(
        client,
        staff,
        topics=["environment.noise"],
        categories=["green"],
        industries=["0412"],
        stage="decision",
    )
    after_draft = _flat((await client.get(f"{PUBLIC}/classifications")).json())
    # Drafts are not counted (a new issuer name adds its node, with no policies yet).
    assert {k: v["count"] for k, v in after_draft.items() if k in before} == {
        k: v["count"] for k, v in before.items()
    }
    assert all(v["count"] == 0 for k, v in after_draft.items() if k not in before)
    await act(client, staff, p["id"], "publish")
    after = _flat((await client.get(f"{PUBLIC}/classifications")).json())
    assert after[("topic", "environment.noise")]["name"] == "噪声与光污染防治"
    for key in [
        ("topic", "environment.noise"),
        ("topic", "environment"),
        ("category", "green"),
        ("stage", "decision"),
        ("region", "320682"),
        ("issuer", (await Policy.get(id=p["id"])).issuer_code),
        ("industry", "0412"),
        ("industry", "041"),
        ("industry", "04"),
        ("industry", "A"),
    ]:
        old = before[key]["count"] if key in before else 0
        assert after[key]["count"] == old + 1, key
    assert after[("topic", "employment")]["count"] == before[("topic", "employment")]["count"]
    # The region tree comes from GB/T 2260: the county is shown under its city and province.
    (jiangsu,) = [n for n in (await client.get(f"{PUBLIC}/classifications")).json()["region"]]
    assert (jiangsu["code"], jiangsu["name"]) == ("320000", "江苏省")
    (nantong,) = jiangsu["children"]
    assert nantong["name"] == "南通市" and nantong["children"][0]["name"] == "如皋市"
    browse = await client.get(PUBLIC, params={"topic": "environment.noise"})
    assert [i["id"] for i in browse.json()["items"]] == [p["id"]]
    await act(client, staff, p["id"], "withdraw")
    final = _flat((await client.get(f"{PUBLIC}/classifications")).json())
    assert final[("topic", "environment.noise")]["count"] == 0


async def test_a_new_node_is_nested_under_its_parent(client, people):
    r = await client.post(
        f"{ADMIN}/classifications",
        headers=people["admin"],
        json={
            "scheme": "topic",
            "code": "environment.noise",
            "name": "噪声污染防治",
            "parent_code": "environment",
        },
    )
    assert r.status_code == 201
    trees = (await client.get(f"{PUBLIC}/classifications")).json()
    assert "environment.noise" not in [n["code"] for n in trees["topic"]]
    env = next(n for n in trees["topic"] if n["code"] == "environment")
    assert "environment.noise" in [n["code"] for n in env["children"]]


async def test_a_page_beyond_the_last_is_422_not_500(client, people):
    # Found fuzzing the OpenAPI document: page * page_size overflowed the database's OFFSET.
    r = await client.get(f"{ADMIN}/policies?page=99999999999999999999", headers=people["admin"])
    assert r.status_code == 422 and r.json()["error"]["field"] == "page", r.text
    r = await client.get(f"{ADMIN}/policies?page=10000", headers=people["admin"])
    assert r.json() == {"items": [], "total": 0}
