"""Staff API for pushes: delivery stats, reach, unreachable list, broadcasts (后台: 推送)."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("admin_push", url_prefix="/api/v1/admin")
