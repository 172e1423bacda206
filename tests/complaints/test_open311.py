"""Open311 GeoReport v2: discovery, services, definitions, POST with api_key, tokens,
GET requests with the spec's filters, one request; JSON and XML; spec-shaped errors."""

from __future__ import annotations

import pytest
import xmltodict

from server.complaints.models import Complaint, Open311Key
from server.complaints.open311 import create_api_key, revoke_api_key
from tests.complaints.conftest import act

pytestmark = pytest.mark.asyncio

REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


def xml(r):
    assert r.headers["content-type"].startswith("text/xml"), r.headers
    return xmltodict.parse(r.text)


async def test_discovery_services_and_definitions(world):
    c = world.client
    r0 = await c.get("/open311/v2/discovery.json")
    assert r0.status_code == 200, r0.text
    d = r0.json()
    assert d["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(d["endpoints"][0]["formats"]) == {"application/json", "text/xml"}
    dx = xml(await c.get("/open311/v2/discovery.xml"))["discovery"]
    assert dx["endpoints"]["endpoint"]["formats"]["format"] == ["application/json", "text/xml"]

    services = (await c.get("/open311/v2/services.json")).json()
    road = next(s for s in services if s["service_code"] == "city.road")
    assert set(road) == {
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    }
    assert (
        road["service_name"] == "道路破损"
        and road["group"] == "城市管理"
        and road["metadata"] is False
    )
    assert "city" not in {s["service_code"] for s in services}  # a group, not a service
    sx = xml(await c.get("/open311/v2/services.xml"))["services"]["service"]
    assert {s["service_code"] for s in sx} == {s["service_code"] for s in services}
    assert sx[0]["metadata"] == "false"

    definition = (await c.get("/open311/v2/services/city.road.json")).json()
    assert definition == {"service_code": "city.road", "attributes": []}
    assert (
        xml(await c.get("/open311/v2/services/city.road.xml"))["service_definition"]["service_code"]
        == "city.road"
    )
    missing = await c.get("/open311/v2/services/nope.json")
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    mx = xml(await c.get("/open311/v2/services/nope.xml"))
    assert mx["errors"]["error"]["code"] == "404"


async def test_post_requests_with_api_key_and_read_back(world):
    c = world.client
    _, key = await create_api_key("如皋市数字城管平台")
    form = {
        "service_code": "city.lighting",
        "lat": "32.3841",
        "long": "120.5718",
        "address_string": "如皋市如城街道万寿路",
        "description": "万寿路花园小区北门外路灯一周不亮。",
        "first_name": "秀英",
        "last_name": "王",
        "phone": "13912340000",
    }
    no_key = await c.post("/open311/v2/requests.json", data=form)
    assert no_key.status_code == 403 and no_key.json() == [
        {"code": 403, "description": "api_key is required"}
    ]
    bad = await c.post("/open311/v2/requests.xml", data={**form, "api_key": "wrong"})
    assert bad.status_code == 403 and xml(bad)["errors"]["error"]["code"] == "403"
    r = await c.post("/open311/v2/requests.json", data={**form, "api_key": key})
    assert r.status_code == 201, r.text
    created = r.json()[0]
    no = created["service_request_id"]
    assert no.startswith("TS") and created["token"]
    case = await Complaint.get(tracking_no=no)
    assert case.source == "open311" and case.user_id is None and case.is_public

    tok = (await c.get(f"/open311/v2/tokens/{created['token']}.json")).json()
    assert tok == [{"service_request_id": no, "token": created["token"]}]

    one = (await c.get(f"/open311/v2/requests/{no}.json")).json()
    assert len(one) == 1 and set(one[0]) == REQUEST_FIELDS
    item = one[0]
    assert item["status"] == "open" and item["service_code"] == "city.lighting"
    assert item["agency_responsible"] == "如皋市城市管理局"
    assert item["expected_datetime"].endswith("23:59:59+08:00")
    assert "13912340000" not in r.text + str(one) and "王秀英" not in str(one)
    ox = xml(await c.get(f"/open311/v2/requests/{no}.xml"))["service_requests"]["request"]
    assert ox["service_request_id"] == no and ox["status"] == "open"

    # Missing fields and unknown services are spec errors, not 422/500.
    for patch, status in (
        ({"service_code": ""}, 400),
        ({"service_code": "nope"}, 404),
        ({"description": ""}, 400),
    ):
        r = await c.post("/open311/v2/requests.json", data={**form, "api_key": key, **patch})
        assert r.status_code == status, (patch, r.text)
        assert set(r.json()[0]) == {"code", "description"}
    r = await c.post("/open311/v2/requests.json", data={**form, "api_key": key, "lat": "north"})
    assert r.status_code == 400

    assert await revoke_api_key("如皋市数字城管平台") == 1
    r = await c.post("/open311/v2/requests.json", data={**form, "api_key": key})
    assert r.status_code == 403
    assert (await Open311Key.get(name="如皋市数字城管平台")).revoked_at is not None


async def test_get_requests_filters_and_status_mapping(world, submit):
    c = world.client
    a = await submit()
    b = await submit(category="city.lighting", content="万寿路路灯不亮，晚上出行不安全。")
    private = await submit(is_public=False)
    await act(world, world.dispatcher, b["id"], "reject", note="重复反映，已在处理中")

    items = (await c.get("/open311/v2/requests.json")).json()
    ids = {i["service_request_id"] for i in items}
    assert ids == {a["tracking_no"], b["tracking_no"]}  # private case never listed
    by_code = (await c.get("/open311/v2/requests.json?service_code=city.lighting")).json()
    assert [i["service_request_id"] for i in by_code] == [b["tracking_no"]]
    assert by_code[0]["status"] == "closed" and by_code[0]["status_notes"]
    opened = (await c.get("/open311/v2/requests.json?status=open")).json()
    assert [i["service_request_id"] for i in opened] == [a["tracking_no"]]
    both = (
        await c.get(
            f"/open311/v2/requests.json?service_request_id={a['tracking_no']},{b['tracking_no']}"
        )
    ).json()
    assert len(both) == 2
    future = (await c.get("/open311/v2/requests.json?start_date=2099-01-01T00:00:00Z")).json()
    assert future == []
    bad = await c.get("/open311/v2/requests.json?start_date=yesterday")
    assert bad.status_code == 400 and bad.json()[0]["code"] == 400
    bad = await c.get("/open311/v2/requests.xml?status=pending")
    assert bad.status_code == 400 and xml(bad)["errors"]["error"]["code"] == "400"
    lx = xml(await c.get("/open311/v2/requests.xml"))["service_requests"]["request"]
    assert {r["service_request_id"] for r in lx} == ids
    assert (await c.get(f"/open311/v2/requests/{private['tracking_no']}.json")).status_code == 404
    assert (await c.get("/open311/v2/requests.yaml")).status_code == 404
