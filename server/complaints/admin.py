"""Staff API for complaints, dispatch, deadlines, ratings and statistics (后台: 诉求办理)."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("admin_complaints", url_prefix="/api/v1/admin")
