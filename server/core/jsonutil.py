"""The one JSON encoder of the API: Chinese stays readable, dates become ISO strings."""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:
    """Used by Sanic for every ``json()`` response and for cached response bodies."""
    return json.dumps(value, ensure_ascii=False, default=str)
