"""Case photos: type and size checked by content, attached once, visible to who sees the case."""

from __future__ import annotations

import base64

import pytest

from server.complaints.models import ComplaintImage

pytestmark = pytest.mark.asyncio

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


async def _upload(world, headers, data=PNG, name="photo.png"):
    return await world.client.post(
        "/api/v1/complaint-images", files={"file": (name, data)}, headers=headers
    )


async def test_photos_are_checked_attached_and_protected(world, submit, app):
    r = await _upload(world, world.resident)
    assert r.status_code == 201, r.text
    image_id = r.json()["id"]
    fake = await _upload(world, world.resident, data=b"MZ\x90\x00 not a photo", name="photo.jpg")
    assert fake.status_code in (400, 415) and fake.json()["error"]["field"] == "file"
    pdf = await _upload(world, world.resident, data=b"%PDF-1.4\n%%EOF\n", name="a.pdf")
    assert pdf.status_code in (400, 415)
    app.ctx.settings.complaints.max_image_bytes = 10
    assert (await _upload(world, world.resident)).status_code == 413
    app.ctx.settings.complaints.max_image_bytes = 5 * 1024 * 1024

    # Someone else cannot use (or see) my upload.
    bad = await world.client.post(
        "/api/v1/complaints",
        json={
            "kind": "complaint",
            "category": "city.road",
            "content": "路面塌陷，请尽快处理。",
            "images": [image_id],
        },
        headers={**world.other_resident, "Idempotency-Key": "img-steal-0001"},
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "unknown_image"
    assert (
        await world.client.get(f"/api/v1/complaint-images/{image_id}", headers=world.other_resident)
    ).status_code == 404

    case = await submit(images=[image_id])
    assert case["images"] == [{"id": image_id, "url": f"/api/v1/complaint-images/{image_id}"}]
    assert (await ComplaintImage.get(id=image_id)).complaint_id == case["id"]
    # Used once only.
    again = await world.client.post(
        "/api/v1/complaints",
        json={
            "kind": "complaint",
            "category": "city.road",
            "content": "同一张照片再用一次。",
            "images": [image_id],
        },
        headers={**world.resident, "Idempotency-Key": "img-reuse-0001"},
    )
    assert again.status_code == 400
    got = await world.client.get(f"/api/v1/complaint-images/{image_id}", headers=world.chengguan)
    assert (
        got.status_code == 200 and got.content == PNG and got.headers["content-type"] == "image/png"
    )
    assert (
        await world.client.get(f"/api/v1/complaint-images/{image_id}", headers=world.zhujian)
    ).status_code == 404


async def test_a_photo_larger_than_the_default_body_limit_is_accepted(world):
    """Photos may be up to complaints.max_image_bytes (5 MiB): the route's body limit
    must not cut them at the 1 MiB default."""
    big = PNG + b"\0" * (3 * 1024 * 1024)
    r = await _upload(world, world.resident, data=big)
    assert r.status_code == 201, r.text
