"""网格员: my cells, households, offline visit sync, my tasks."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("mp_visits", url_prefix="/api/v1")
