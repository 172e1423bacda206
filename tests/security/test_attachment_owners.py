"""Attachments have an owning department: who sees unattached files, who deletes, who uses."""

from __future__ import annotations

import pytest

from server.core.permissions import Principal, Role
from server.policies.models import Attachment
from tests.helpers import bearer, wx_login
from tests.policies.conftest import make_pdf, make_png, upload

ADMIN = "/api/v1/admin"


@pytest.fixture
async def people(client, emulator, staff_login) -> dict[str, dict[str, str]]:
    return {
        "rs": bearer(await staff_login("rs.owner", [Role.STAFF], "rgrsj")),
        "mz": bearer(await staff_login("mz.owner", [Role.STAFF], "rgmzj")),
        "admin": bearer(await staff_login("root.owner", [Role.ADMIN])),
        "resident": bearer(await wx_login(client, emulator, "o-owner")),
        "anonymous": {},
    }


async def _policy(client, headers, *, publish: bool) -> int:
    r = await client.post(
        f"{ADMIN}/policies",
        headers=headers,
        json={
            "title": "关于开展2026年创业担保贷款贴息申报的通知",
            "issuer": "县人力资源和社会保障局",
            "summary": "创业担保贷款贴息申报。",
            "body": "正文。",
        },
    )
    assert r.status_code == 201, r.text
    pid = int(r.json()["id"])
    if publish:
        assert (await client.post(f"{ADMIN}/policies/{pid}/publish", headers=headers)).is_success
    return pid


async def test_unattached_uploads_are_visible_only_to_their_department_and_admins(client, people):
    pdf = make_pdf("unattached")
    a = await upload(client, people["rs"], "草稿材料.pdf", pdf)
    assert (await Attachment.get(id=a["id"])).department_id is not None
    for who in ("anonymous", "resident", "mz"):
        r = await client.get(a["url"], headers=people[who])
        assert r.status_code == 404, (who, r.text)
    for who in ("rs", "admin"):
        r = await client.get(a["url"], headers=people[who])
        assert r.status_code == 200 and r.content == pdf, who


async def test_only_the_owner_department_or_an_admin_deletes(client, people):
    first = await upload(client, people["rs"], "一.pdf", make_pdf("one"))
    second = await upload(client, people["rs"], "二.pdf", make_pdf("two"))
    r = await client.delete(f"{ADMIN}/attachments/{first['id']}", headers=people["mz"])
    assert r.status_code in (403, 404)
    assert await Attachment.exists(id=first["id"])
    assert (
        await client.delete(f"{ADMIN}/attachments/{first['id']}", headers=people["rs"])
    ).status_code == 200
    assert (
        await client.delete(f"{ADMIN}/attachments/{second['id']}", headers=people["admin"])
    ).status_code == 200


async def test_policies_may_only_use_their_own_departments_images_and_samples(client, people):
    mz_image = await upload(client, people["mz"], "图.png", make_png(), purpose="image")
    mz_sample = await upload(client, people["mz"], "样表.pdf", make_pdf("s"), purpose="sample")
    rs_image = await upload(client, people["rs"], "图.png", make_png(4, 4), purpose="image")
    rs_sample = await upload(client, people["rs"], "样表.pdf", make_pdf("t"), purpose="sample")
    pid = await _policy(client, people["rs"], publish=False)
    stolen = await client.patch(
        f"{ADMIN}/policies/{pid}",
        json={"illustrated": [{"caption": "借用的图", "image": str(mz_image["id"])}]},
        headers=people["rs"],
    )
    assert stolen.status_code == 422
    assert stolen.json()["error"]["field"] == "illustrated.0.image"
    guide = {"materials": [{"name": "申请表", "sample_attachment_id": mz_sample["id"]}]}
    stolen = await client.patch(
        f"{ADMIN}/policies/{pid}", json={"guide": guide}, headers=people["rs"]
    )
    assert stolen.status_code == 422
    assert stolen.json()["error"]["field"] == "guide.materials.0.sample_attachment_id"
    own = await client.patch(
        f"{ADMIN}/policies/{pid}",
        json={
            "illustrated": [{"caption": "流程图", "image": str(rs_image["id"])}],
            "guide": {"materials": [{"name": "申请表", "sample_attachment_id": rs_sample["id"]}]},
        },
        headers=people["rs"],
    )
    assert own.status_code == 200, own.text
    # Before publication the image is not public; once published, anyone may see it.
    assert (await client.get(rs_image["url"])).status_code == 404
    assert (await client.post(f"{ADMIN}/policies/{pid}/publish", headers=people["rs"])).is_success
    assert (await client.get(rs_image["url"])).status_code == 200
    assert (await client.get(rs_sample["url"])).status_code == 200
    r = await client.get(rs_image["url"])
    assert "public" not in r.headers["cache-control"]  # withdrawable: no shared caching
    await client.post(f"{ADMIN}/policies/{pid}/withdraw", headers=people["rs"])
    assert (await client.get(rs_image["url"])).status_code == 404


def test_no_department_never_matches_no_department():
    staff = Principal(
        user_id=1, roles=frozenset({Role.STAFF}), department_id=None, session_kind="staff"
    )
    assert not staff.can_manage_department(None)
    admin = Principal(
        user_id=2, roles=frozenset({Role.ADMIN}), department_id=None, session_kind="staff"
    )
    assert admin.can_manage_department(None)
