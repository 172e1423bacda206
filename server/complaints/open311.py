"""Open311 GeoReport v2 over the same cases (service_request_id = tracking number).

Spec: http://wiki.open311.org/GeoReport_v2. Every resource exists as ``.json`` and
``.xml``; errors are a list of ``{code, description}`` (``<errors><error>`` in XML).
Services are the active leaf categories. ``POST requests`` needs an ``api_key`` created
with ``zwgk create-api-key --name NAME``. Only public cases are listed; personal data
(names, phone numbers) is never returned.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from xml.etree import ElementTree as ET

from pydantic import ValidationError
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json, text

from server.accounts.models import Department
from server.complaints import service
from server.complaints.models import Complaint, ComplaintCategory, Open311Key, Status
from server.complaints.schemas import SubmitIn
from server.config import ComplaintSettings
from server.core.clock import CHINA
from server.core.errors import AppError
from server.core.permissions import public

bp = Blueprint("open311", url_prefix="/open311/v2")

SPEC_URL = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-01T00:00:00+08:00"
_CLOSED = {Status.CLOSED.value, Status.REJECTED.value, Status.MERGED.value}


class Open311Error(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


# --------------------------------------------------------------------------- API keys


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


async def create_api_key(name: str) -> tuple[Open311Key, str]:
    """A new key: the plain key is returned once; only its hash is stored."""
    key = "o311_" + secrets.token_urlsafe(24)
    row = await Open311Key.create(name=name[:64], key_hash=hash_key(key))
    return row, key


async def revoke_api_key(name_or_id: str) -> int:
    query = Open311Key.filter(revoked_at__isnull=True)
    if name_or_id.isdigit():
        query = query.filter(id=int(name_or_id))
    else:
        query = query.filter(name=name_or_id)
    return await query.update(revoked_at=datetime.now(UTC))


async def _check_key(key: str | None) -> None:
    if not key:
        raise Open311Error(403, "api_key is required")
    if not await Open311Key.exists(key_hash=hash_key(key), revoked_at__isnull=True):
        raise Open311Error(403, "api_key is invalid or revoked")


# --------------------------------------------------------------------------- rendering


def _xml_value(parent: ET.Element, key: str, value: Any) -> None:
    child = ET.SubElement(parent, key)
    if isinstance(value, list):
        singular = {"endpoints": "endpoint", "formats": "format", "attributes": "attribute"}
        for item in value:
            if isinstance(item, dict):
                node = ET.SubElement(child, singular.get(key, "item"))
                for k, v in item.items():
                    _xml_value(node, k, v)
            else:
                ET.SubElement(child, singular.get(key, "item")).text = _scalar(item)
    elif isinstance(value, dict):
        for k, v in value.items():
            _xml_value(child, k, v)
    else:
        child.text = _scalar(value)


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render(
    fmt: str, data: Any, *, root: str, item: str | None = None, status: int = 200
) -> HTTPResponse:
    """JSON as is; XML with ``root`` and one ``item`` element per list entry."""
    if fmt == "json":
        return json(data, status=status)
    top = ET.Element(root)
    if isinstance(data, list):
        for entry in data:
            node = ET.SubElement(top, item or "item")
            for k, v in entry.items():
                _xml_value(node, k, v)
    else:
        for k, v in data.items():
            _xml_value(top, k, v)
    body = '<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(top, encoding="unicode")
    return text(body, status=status, content_type="text/xml; charset=utf-8")


def _errors(fmt: str, status: int, description: str) -> HTTPResponse:
    return render(
        fmt,
        [{"code": status, "description": description}],
        root="errors",
        item="error",
        status=status,
    )


Handler = Callable[..., Awaitable[HTTPResponse]]


def endpoint(handler: Handler) -> Handler:
    """Public Open311 route; errors in the spec's shape and in the requested format."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        fmt = kwargs.get("ext", "json")
        try:
            return await handler(request, *args, **kwargs)
        except Open311Error as exc:
            return _errors(fmt, exc.status, exc.description)
        except AppError as exc:
            status = exc.status if exc.status != 422 else 400
            where = f"{exc.field}: " if exc.field else ""
            return _errors(fmt, status, where + exc.message)

    return public(wrapper)


def _settings(request: Request) -> ComplaintSettings:
    settings: ComplaintSettings = request.app.ctx.settings.complaints
    return settings


def _arg(request: Request, name: str) -> str | None:
    value = request.args.get(name)
    if value is None and request.form:
        value = request.form.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


# --------------------------------------------------------------------------- resources


async def _services() -> list[dict[str, Any]]:
    cats = await ComplaintCategory.filter(active=True).order_by("sort_order", "id")
    parents = {c.code for c in cats if c.parent_code is None}
    names = {c.code: c.name for c in cats}
    with_children = {c.parent_code for c in cats if c.parent_code}
    out = []
    for c in cats:
        if c.code in parents and c.code in with_children:
            continue  # a group, not a service
        out.append(
            {
                "service_code": c.code,
                "service_name": c.name,
                "description": f"{names.get(c.parent_code or '', c.name)}：{c.name}",
                "metadata": False,
                "type": "realtime",
                "keywords": c.name,
                "group": names.get(c.parent_code or "", c.name),
            }
        )
    return out


async def _request_view(case: Complaint) -> dict[str, Any]:
    category = await ComplaintCategory.get_or_none(id=case.category_id)
    agency = None
    if case.department_id:
        agency = await Department.filter(id=case.department_id).values_list("name", flat=True)
    notes = ""
    if case.status == Status.MERGED and case.merged_into_id:
        target = await Complaint.get_or_none(id=case.merged_into_id)
        notes = f"duplicate of {target.tracking_no}" if target else "duplicate"
    elif case.status == Status.REPLIED or case.status == Status.CLOSED:
        notes = case.answer
    return {
        "service_request_id": case.tracking_no,
        "status": "closed" if case.status in _CLOSED else "open",
        "status_notes": notes or service.STATUS_NAMES[Status(case.status)],
        "service_name": category.name if category else "",
        "service_code": category.code if category else "",
        "description": case.content,
        "agency_responsible": agency[0] if agency else "",
        "service_notice": "",
        "requested_datetime": _dt(case.submitted_at),
        "updated_datetime": _dt(case.updated_at),
        "expected_datetime": _due(case.reply_due or case.accept_due),
        "address": case.address,
        "address_id": "",
        "zipcode": "",
        "lat": case.lat,
        "long": case.lng,
        "media_url": "",
    }


def _dt(value: datetime | None) -> str | None:
    return value.astimezone(CHINA).isoformat(timespec="seconds") if value else None


def _due(value: date | None) -> str | None:
    if value is None:
        return None
    return datetime(value.year, value.month, value.day, 23, 59, 59, tzinfo=CHINA).isoformat()


def _parse_dt(raw: str | None, name: str) -> datetime | None:
    if raw is None:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} must be a W3C datetime") from None
    return value if value.tzinfo else value.replace(tzinfo=CHINA)


@bp.get("/<name:ext=json|xml>")
@endpoint
async def collection(request: Request, name: str, ext: str) -> HTTPResponse:
    if name == "discovery":
        base = f"{request.scheme}://{request.host}/open311/v2"
        return render(
            ext,
            {
                "changeset": CHANGESET,
                "contact": "如皋市政务公开办公室 12345",
                "key_service": "zwgk create-api-key --name NAME",
                "endpoints": [
                    {
                        "specification": SPEC_URL,
                        "url": base,
                        "changeset": CHANGESET,
                        "type": "production",
                        "formats": ["application/json", "text/xml"],
                    }
                ],
            },
            root="discovery",
        )
    if name == "services":
        return render(ext, await _services(), root="services", item="service")
    if name == "requests":
        return await _list_requests(request, ext)
    raise Open311Error(404, f"no resource {name}")


async def _list_requests(request: Request, fmt: str) -> HTTPResponse:
    query = Complaint.filter(is_public=True).exclude(status=Status.HELD.value)
    ids = _arg(request, "service_request_id")
    if ids:
        wanted = [i.strip()[:24] for i in ids.split(",") if i.strip()][:100]
        query = query.filter(tracking_no__in=wanted)
    else:
        code = _arg(request, "service_code")
        if code:
            codes = [c.strip() for c in code.split(",") if c.strip()]
            cat_ids = await ComplaintCategory.filter(code__in=codes).values_list("id", flat=True)
            query = query.filter(category_id__in=list(cat_ids))
        start = _parse_dt(_arg(request, "start_date"), "start_date")
        end = _parse_dt(_arg(request, "end_date"), "end_date")
        if start is None and end is None:
            start = datetime.now(UTC) - timedelta(days=90)
        if start is not None:
            query = query.filter(submitted_at__gte=start)
        if end is not None:
            query = query.filter(submitted_at__lte=end)
        status = _arg(request, "status")
        if status:
            wanted_status = {s.strip() for s in status.split(",")}
            if not wanted_status <= {"open", "closed"}:
                raise Open311Error(400, "status must be open, closed or both")
            if wanted_status == {"open"}:
                query = query.exclude(status__in=list(_CLOSED))
            elif wanted_status == {"closed"}:
                query = query.filter(status__in=list(_CLOSED))
    rows = await query.order_by("-id").limit(1000)
    items = [await _request_view(c) for c in rows]
    return render(fmt, items, root="service_requests", item="request")


@bp.get("/services/<code:ext=json|xml>")
@endpoint
async def service_definition(request: Request, code: str, ext: str) -> HTTPResponse:
    if not any(s["service_code"] == code for s in await _services()):
        raise Open311Error(404, f"no service {code}")
    return render(ext, {"service_code": code, "attributes": []}, root="service_definition")


@bp.get("/requests/<rid:ext=json|xml>")
@endpoint
async def one_request(request: Request, rid: str, ext: str) -> HTTPResponse:
    case = await Complaint.get_or_none(tracking_no=rid[:24], is_public=True)
    if case is None or case.status == Status.HELD:
        raise Open311Error(404, f"no service request {rid}")
    return render(ext, [await _request_view(case)], root="service_requests", item="request")


@bp.get("/tokens/<token:ext=json|xml>")
@endpoint
async def token_lookup(request: Request, token: str, ext: str) -> HTTPResponse:
    case = await Complaint.get_or_none(open311_token=token[:40])
    if case is None:
        raise Open311Error(404, "no such token")
    return render(
        ext,
        [{"service_request_id": case.tracking_no, "token": token}],
        root="service_requests",
        item="request",
    )


@bp.post("/<name:ext=json|xml>")
@endpoint
async def post_request(request: Request, name: str, ext: str) -> HTTPResponse:
    if name != "requests":
        raise Open311Error(404, f"cannot POST {name}")
    await _check_key(_arg(request, "api_key"))
    code = _arg(request, "service_code")
    if not code:
        raise Open311Error(400, "service_code is required")
    lat, lng = _arg(request, "lat"), _arg(request, "long")
    address = _arg(request, "address_string")
    if not address and (lat is None or lng is None):
        raise Open311Error(400, "a location is required: lat and long, or address_string")
    description = _arg(request, "description")
    if not description:
        raise Open311Error(400, "description is required")
    name_parts = [_arg(request, "last_name") or "", _arg(request, "first_name") or ""]
    try:
        data = SubmitIn.model_validate(
            {
                "kind": "complaint",
                "category": code,
                "content": description,
                "lat": float(lat) if lat else None,
                "lng": float(lng) if lng else None,
                "address": (address or "")[:200],
                "is_public": True,
                "contact_name": "".join(name_parts)[:32],
                "contact_phone": _arg(request, "phone") or "",
            }
        )
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise Open311Error(400, f"{field}: {first['msg']}") from None
        raise Open311Error(400, "lat and long must be numbers") from None
    if not await ComplaintCategory.exists(code=code, active=True):
        raise Open311Error(404, f"no service {code}")
    token = uuid.uuid4().hex
    case = await service.create_case(
        data, _settings(request), user_id=None, source="open311", open311_token=token
    )
    return render(
        ext,
        [
            {
                "service_request_id": case.tracking_no,
                "token": token,
                "service_notice": f"预计{_due(case.accept_due)}前受理",
                "account_id": "",
            }
        ],
        root="service_requests",
        item="request",
        status=201,
    )
