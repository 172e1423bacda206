"""Staff API for the grid, grid workers, visit tasks and coverage (后台: 网格化管理)."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("admin_grid", url_prefix="/api/v1/admin")
