"""Staff API for enterprises, eligibility rules and matches (后台: 企业与惠企政策匹配)."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("admin_enterprises", url_prefix="/api/v1/admin")
