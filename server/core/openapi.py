"""One decorator to document an endpoint in the OpenAPI 3 document (sanic-ext)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sanic_ext.extensions.openapi import openapi
from sanic_ext.extensions.openapi.definitions import Parameter, Response

F = TypeVar("F", bound=Callable[..., Any])


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None


class ErrorOut(BaseModel):
    """Every 4xx/5xx body."""

    error: ErrorDetail


def _query_parameters(model: type[BaseModel]) -> list[Parameter]:
    params = []
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        description = prop.pop("description", None)
        prop.pop("title", None)
        params.append(
            Parameter(
                name,
                prop,  # type: ignore[arg-type]
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
    responses: list[Response] = []
    if response is not None:
        responses.append(Response({content_type: response}, status=status))
    else:
        responses.append(Response({content_type: {"type": "object"}}, status=status))
    responses.append(
        Response({"application/json": ErrorOut}, status="default", description="error")
    )
    return openapi.definition(
        summary=summary,
        tag=tag,
        body={"application/json": body} if body is not None else None,
        parameter=_query_parameters(query) if query is not None else None,  # type: ignore[arg-type]
        response=responses,
        secured={"bearer": []} if secured else None,
    )
