"""Attachments over HTTP: real files in through multipart, the same bytes out, and every
file that lies about itself, is too large or comes from the wrong person refused."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from server.core.permissions import Role
from server.policies.models import Attachment
from tests.helpers import bearer, wx_login
from tests.policies.conftest import make_docx, make_pdf, make_png, post_file, upload

ADMIN = "/api/v1/admin"
MiB = 1024 * 1024

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.fixture
async def staff(staff_login) -> dict[str, str]:
    return bearer(await staff_login("rs.attach", [Role.STAFF], "rgrsj"))


@pytest.fixture
async def other_staff(staff_login) -> dict[str, str]:
    return bearer(await staff_login("mz.attach", [Role.STAFF], "rgmzj"))


async def _policy(client, headers: dict[str, str], *, publish: bool) -> int:
    r = await client.post(
        f"{ADMIN}/policies",
        headers=headers,
        json={
            "title": "如皋市关于做好2026年就业补贴申领工作的通知",
            "issuer": "如皋市人力资源和社会保障局",
            "summary": "就业补贴申领。",
            "body": "正文。",
            "topics": ["employment.subsidy"],
        },
    )
    assert r.status_code == 201, r.text
    pid = int(r.json()["id"])
    if publish:
        assert (
            await client.post(f"{ADMIN}/policies/{pid}/publish", headers=headers)
        ).status_code == 200
    return pid


def _stored_files(settings: Any) -> list[Path]:
    root = Path(settings.paths.files_dir)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _disposition_name(header: str) -> str:
    """The file name a browser would use: ``filename*`` when present (RFC 6266)."""
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "filename*":
            charset, _, encoded = value.partition("''")
            assert charset.upper() == "UTF-8"
            return urllib.parse.unquote(encoded, encoding="utf-8")
    raise AssertionError(f"no filename* in {header!r}")


FILES = [
    ("如皋市2026年就业补贴申请表.pdf", make_pdf("form"), "application/pdf"),
    (
        "附件2：申报材料清单.docx",
        make_docx(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("申领流程图.png", make_png(8, 6), "image/png"),
]


async def test_upload_and_download_byte_identical(client, staff, settings):
    pid = await _policy(client, staff, publish=True)
    uploaded = []
    for name, data, mime in FILES:
        # The client's claimed type is ignored: the content decides.
        body = await upload(
            client, staff, name, data, policy_id=pid, content_type="application/x-anything"
        )
        assert (body["filename"], body["content_type"], body["size"]) == (name, mime, len(data))
        assert body["url"] == f"/api/v1/attachments/{body['id']}"
        uploaded.append(body)
    detail = (await client.get(f"/api/v1/policies/{pid}")).json()
    assert [a["id"] for a in detail["attachments"]] == [u["id"] for u in uploaded]
    assert [a["filename"] for a in detail["attachments"]] == [n for n, _, _ in FILES]

    for (name, data, mime), body in zip(FILES, uploaded, strict=True):
        r = await client.get(body["url"])  # anonymous: the policy is public
        assert r.status_code == 200
        assert r.content == data
        assert r.headers["content-type"].split(";")[0] == mime
        disposition = r.headers["content-disposition"]
        assert disposition.startswith("attachment;")
        assert _disposition_name(disposition) == name
        assert "\n" not in disposition and "\r" not in disposition
    row = await Attachment.get(id=uploaded[0]["id"])
    import hashlib

    assert row.sha256 == hashlib.sha256(FILES[0][1]).hexdigest()


async def test_png_is_a_valid_attachment_but_a_pdf_is_not_an_image(client, staff, settings):
    pid = await _policy(client, staff, publish=False)
    png = await upload(client, staff, "照片.png", make_png(), purpose="attachment", policy_id=pid)
    assert png["content_type"] == "image/png"
    for name, data in [("图解.pdf", make_pdf()), ("图解.docx", make_docx())]:
        r = await post_file(client, staff, name, data, purpose="image", policy_id=pid)
        assert r.status_code == 415, r.text
        assert r.json()["error"]["field"] == "file"
    r = await post_file(client, staff, "x.png", make_png(), purpose="poster", policy_id=pid)
    assert r.status_code == 422 and r.json()["error"]["field"] == "purpose"
    sample = await upload(client, staff, "样表.pdf", make_pdf(), purpose="sample")
    assert sample["content_type"] == "application/pdf"
    assert await Attachment.all().count() == 2


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("通知.pdf", HTML, "unsupported_media_type"),  # an HTML page renamed .pdf
        ("通知.html", HTML, "unsupported_media_type"),
        ("通知.pdf", make_png(), "mismatched_file"),  # a PNG that claims to be a PDF
        ("附件.docx", make_pdf(), "mismatched_file"),
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 200, "unsupported_media_type"),
    ],
)
async def test_files_that_lie_about_their_type_are_415(client, staff, settings, name, data, code):
    pid = await _policy(client, staff, publish=False)
    r = await post_file(client, staff, name, data, policy_id=pid, content_type="application/pdf")
    assert r.status_code == 415, r.text
    assert r.json()["error"]["code"] == code and r.json()["error"]["field"] == "file"
    assert await Attachment.all().count() == 0
    assert _stored_files(settings) == []


async def test_oversize_files_are_413(client, staff, settings):
    pid = await _policy(client, staff, publish=False)
    png = make_png()
    big_png = png + b"\x00" * (5 * MiB + 1 - len(png))  # images: 5 MiB at most
    r = await post_file(client, staff, "大图.png", big_png, purpose="image", policy_id=pid)
    assert r.status_code == 413, r.text
    assert r.json()["error"] == {
        "code": "payload_too_large",
        "field": "file",
        "message": r.json()["error"]["message"],
    }
    assert await Attachment.all().count() == 0 and _stored_files(settings) == []
    pdf = make_pdf()
    ok = await upload(client, staff, "长文.pdf", pdf + b"%" * (6 * MiB), policy_id=pid)
    assert ok["size"] == len(pdf) + 6 * MiB  # documents may be larger than images


async def test_who_may_upload(client, emulator, staff, other_staff, settings):
    draft = await _policy(client, staff, publish=False)
    public = await _policy(client, staff, publish=True)
    resident = bearer(await wx_login(client, emulator, "o-uploader"))
    assert (
        await post_file(client, resident, "a.png", make_png(), policy_id=public)
    ).status_code == 403
    assert (await post_file(client, None, "a.png", make_png(), policy_id=public)).status_code == 401
    r = await post_file(client, other_staff, "a.png", make_png(), policy_id=public)
    assert r.status_code == 403
    r = await post_file(client, other_staff, "a.png", make_png(), policy_id=draft)
    assert r.status_code == 404  # another department's draft does not exist for them
    r = await post_file(client, staff, "a.png", make_png(), policy_id=999999)
    assert r.status_code == 404
    r = await post_file(client, staff, "a.png", make_png(), policy_id="abc")
    assert r.status_code == 400 and r.json()["error"]["field"] == "policy_id"
    r = await client.post(
        f"{ADMIN}/attachments",
        headers=staff,
        data={"purpose": "image"},
        files={"other": ("a.png", make_png(), "image/png")},
    )
    assert r.status_code == 400 and r.json()["error"]["field"] == "file"
    assert await Attachment.all().count() == 0 and _stored_files(settings) == []


async def test_attachments_of_drafts_are_not_public(client, emulator, staff, other_staff):
    pid = await _policy(client, staff, publish=False)
    pdf = make_pdf("draft")
    a = await upload(client, staff, "草稿附件.pdf", pdf, policy_id=pid)
    resident = bearer(await wx_login(client, emulator, "o-curious"))
    for headers in ({}, resident, other_staff):
        r = await client.get(a["url"], headers=headers)
        assert r.status_code == 404, r.text
        assert r.json()["error"]["code"] == "not_found"
    own = await client.get(a["url"], headers=staff)
    assert own.status_code == 200 and own.content == pdf
    await client.post(f"{ADMIN}/policies/{pid}/publish", headers=staff)
    assert (await client.get(a["url"])).content == pdf
    await client.post(f"{ADMIN}/policies/{pid}/withdraw", headers=staff)
    assert (await client.get(a["url"])).status_code == 404
    assert (await client.get("/api/v1/attachments/999999")).status_code == 404


async def test_delete_attachment(client, staff, other_staff, settings):
    pid = await _policy(client, staff, publish=True)
    pdf = make_pdf("shared")
    first = await upload(client, staff, "一.pdf", pdf, policy_id=pid)
    second = await upload(client, staff, "二.pdf", pdf, policy_id=pid)  # the same bytes
    assert len(_stored_files(settings)) == 1  # stored once

    r = await client.delete(f"{ADMIN}/attachments/{first['id']}", headers=other_staff)
    assert r.status_code == 403
    r = await client.delete(f"{ADMIN}/attachments/{first['id']}", headers=staff)
    assert r.status_code == 200
    assert (await client.get(first["url"])).status_code == 404
    assert (await client.get(second["url"])).content == pdf  # the shared file survives
    await client.delete(f"{ADMIN}/attachments/{second['id']}", headers=staff)
    assert _stored_files(settings) == []
    detail = (await client.get(f"/api/v1/policies/{pid}")).json()
    assert detail["attachments"] == []
    r = await client.delete(f"{ADMIN}/attachments/{first['id']}", headers=staff)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


async def test_missing_stored_file_is_404_not_500(client, staff, settings):
    pid = await _policy(client, staff, publish=True)
    body = await upload(client, staff, "通知.pdf", make_pdf("gone"), policy_id=pid)
    row = await Attachment.get(id=body["id"])
    (settings.paths.files_dir / row.storage_key).unlink()  # e.g. restored without var/files
    r = await client.get(body["url"])
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "file_missing"
