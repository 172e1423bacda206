"""我要投诉/建议: complaints, suggestions, inquiries, ratings (好差评)."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("mp_complaints", url_prefix="/api/v1")
