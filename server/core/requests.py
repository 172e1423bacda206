"""Parsing request bodies and query strings into pydantic models with our error shape."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sanic import Request

from server.core.errors import AppError, from_pydantic
from server.core.routing import check_text

M = TypeVar("M", bound=BaseModel)


def parse_body(request: Request, model: type[M]) -> M:
    """The JSON body as ``model``; 400 for malformed JSON, 422 naming the bad field."""
    if not request.body:
        raw: Any = {}
    else:
        try:
            raw = request.json
        except Exception:
            raise AppError("request body is not valid JSON", code="invalid_json") from None
    if not isinstance(raw, dict):
        raise AppError("request body must be a JSON object", code="invalid_json")
    check_text(raw)  # lone surrogates / NUL: 422 invalid_text, not a database error
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise from_pydantic(exc) from None


def parse_query(request: Request, model: type[M], *, lists: frozenset[str] = frozenset()) -> M:
    """The query string as ``model``. Names in ``lists`` keep every value; others the first."""
    raw: dict[str, Any] = {}
    for key, values in request.args.items():
        raw[key] = values if key in lists else values[0]
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise from_pydantic(exc) from None
