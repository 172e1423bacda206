"""Open311 GeoReport v2 over the same cases (service_request_id = tracking number)."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("open311", url_prefix="/open311/v2")
