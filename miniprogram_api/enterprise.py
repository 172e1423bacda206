"""我的企业: binding, profile, matched policies and near misses."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("mp_enterprise", url_prefix="/api/v1")
