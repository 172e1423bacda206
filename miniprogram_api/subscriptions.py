"""我要订阅: subscription grants, templates, topics, push opens."""

from __future__ import annotations

from sanic import Blueprint

bp = Blueprint("mp_subscriptions", url_prefix="/api/v1")
