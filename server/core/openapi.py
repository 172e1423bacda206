"""One decorator to document an endpoint in the OpenAPI 3 document (sanic-ext).

Request and response models are published as named schemas under
``components/schemas`` and referenced with ``$ref``. Pydantic writes JSON Schema 2020-12
with nested models under ``$defs``; sanic-ext emits an OpenAPI **3.0.3** document, so
:func:`openapi30_schema` hoists every ``$defs`` entry into ``components/schemas`` (refs
rewritten to ``#/components/schemas/<Model>``) and rewrites the few 2020-12 constructs 3.0
lacks (``anyOf`` with ``null`` → ``nullable``, ``const`` → ``enum``, numeric
``exclusiveMinimum``/``exclusiveMaximum`` → the 3.0 boolean form, ``examples`` →
``example``). The document is checked with openapi-spec-validator in
``tests/core/test_openapi.py``, so client generators and API fuzzers see every body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sanic_ext.extensions.openapi import openapi
from sanic_ext.extensions.openapi.builders import SpecificationBuilder
from sanic_ext.extensions.openapi.definitions import Parameter, Reference, Response
from sanic_ext.extensions.openapi.types import Schema

F = TypeVar("F", bound=Callable[..., Any])

REF_PREFIX = "#/components/schemas/"


class RawSchema(Schema):
    """A schema given as a finished dict: sanic-ext serialises it as it is."""

    def __init__(self, fields: dict[str, Any]) -> None:
        super().__init__(**fields)  # type: ignore[no-untyped-call]

    def guard(self, fields: dict[str, Any]) -> dict[str, Any]:
        return fields


#: The bearer-token scheme every secured operation names.
BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "a session token from POST /api/v1/auth/wx-login or /auth/staff-login",
}


def _is_null(option: Any) -> bool:
    return option in ({"type": "null"}, {"nullable": True})


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None


class ErrorOut(BaseModel):
    """Every 4xx/5xx body."""

    error: ErrorDetail


def openapi30_schema(schema: Any) -> Any:
    """A pydantic (JSON Schema 2020-12) fragment rewritten for OpenAPI 3.0.3."""
    if isinstance(schema, list):
        return [openapi30_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
            out[key] = REF_PREFIX + value.removeprefix("#/$defs/")
        elif key == "const":
            out["enum"] = [value]
        elif key == "examples" and isinstance(value, list):
            if value:
                out["example"] = openapi30_schema(value[0])
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and not isinstance(value, bool):
            out["minimum" if key == "exclusiveMinimum" else "maximum"] = value
            out[key] = True
        elif key in ("properties", "patternProperties", "$defs"):
            out[key] = {name: openapi30_schema(sub) for name, sub in value.items()}
        else:
            out[key] = openapi30_schema(value)
    for combinator in ("anyOf", "oneOf"):
        options = out.get(combinator)
        if not isinstance(options, list):
            continue
        rest = [o for o in options if not _is_null(o)]
        if len(rest) == len(options):
            continue
        del out[combinator]
        out["nullable"] = True
        if len(rest) == 1:
            (only,) = rest
            if "$ref" in only:
                out["allOf"] = [only]  # 3.0 ignores siblings of a $ref
            else:
                out.update({k: v for k, v in only.items() if k not in out})
        else:
            out[combinator] = rest
    if out.get("type") == "null":
        del out["type"]
        out["nullable"] = True
    return out


def component(model: type[BaseModel]) -> Reference:
    """Register ``model`` (and every model nested in it) under components/schemas."""
    spec = SpecificationBuilder()
    name = model.__name__
    if not spec.has_component("schemas", name):
        schema = model.model_json_schema(ref_template=REF_PREFIX + "{model}")
        for nested, definition in schema.pop("$defs", {}).items():
            spec.add_component("schemas", nested, openapi30_schema(definition))
        spec.add_component("schemas", name, openapi30_schema(schema))
    return Reference(REF_PREFIX + name)  # type: ignore[no-untyped-call]


def _query_parameters(model: type[BaseModel]) -> list[Parameter]:
    params = []
    schema = model.model_json_schema(ref_template=REF_PREFIX + "{model}")
    for nested, definition in schema.pop("$defs", {}).items():
        SpecificationBuilder().add_component("schemas", nested, openapi30_schema(definition))
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        prop = openapi30_schema(dict(prop))
        description = prop.pop("description", None)
        prop.pop("title", None)
        params.append(
            Parameter(
                name,
                RawSchema(prop),
                "query",
                required=name in required,
                description=description,
            )
        )
    return params


def documented(
    *,
    summary: str,
    tag: str,
    body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    status: int = 200,
    secured: bool = True,
    content_type: str = "application/json",
) -> Callable[[F], F]:
    """Attach summary, tag, body/query/response schemas and the error shape to a handler."""
    spec = SpecificationBuilder()
    if secured and not spec.has_component("securitySchemes", "bearer"):
        spec.add_component("securitySchemes", "bearer", BEARER_SCHEME)
    responses: list[Response] = []
    if response is not None:
        responses.append(Response({content_type: component(response)}, status=status))
    else:
        responses.append(Response({content_type: {"type": "object"}}, status=status))
    responses.append(
        Response({"application/json": component(ErrorOut)}, status="default", description="error")
    )
    return openapi.definition(
        summary=summary,
        tag=tag,
        body={"application/json": component(body)} if body is not None else None,
        parameter=_query_parameters(query) if query is not None else None,  # type: ignore[arg-type]
        response=responses,
        secured={"bearer": []} if secured else None,
    )
