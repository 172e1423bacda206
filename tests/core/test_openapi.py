"""/docs/openapi.json is a valid OpenAPI 3 document whose every reference resolves."""

from __future__ import annotations

import json
import os
from typing import Any

from openapi_spec_validator import validate


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


async def test_openapi_document_is_valid_and_resolvable(client):
    r = await client.get("/docs/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    if os.environ.get("ZWGK_DUMP_OPENAPI"):
        with open(os.environ["ZWGK_DUMP_OPENAPI"], "w") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
    validate(doc)
    refs = _refs(doc)
    assert refs, "nested models are referenced, not inlined"
    schemas = doc["components"]["schemas"]
    for ref in refs:
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[1] in schemas, ref
    assert "$defs" not in json.dumps(doc)
    # The bodies the issue found unresolvable are there, with their nested models.
    policy_in = schemas["PolicyIn"]["properties"]
    assert policy_in["guide"] == {
        "allOf": [{"$ref": "#/components/schemas/GuideIn"}],
        "nullable": True,
        "default": None,
    }
    assert policy_in["illustrated"]["items"] == {"$ref": "#/components/schemas/CardIn"}
    assert "model_config" not in policy_in
    create = doc["paths"]["/api/v1/admin/policies"]["post"]
    body = create["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/PolicyIn"}
    # Secured operations name a scheme that exists.
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            for requirement in operation.get("security", []):
                assert set(requirement) <= set(doc["components"]["securitySchemes"]), (path, method)
    # Query parameters carry their real schema, not a mangled object.
    params = {p["name"]: p for p in doc["paths"]["/api/v1/policies/search"]["get"]["parameters"]}
    assert params["q"]["schema"]["type"] == "string" and params["q"]["required"] is True
    assert "enum" in params["sort"]["schema"]


def test_openapi30_schema_rewrites_2020_12_constructs():
    from server.core.openapi import openapi30_schema

    assert openapi30_schema(
        {
            "anyOf": [{"type": "integer", "exclusiveMinimum": 0}, {"type": "null"}],
            "const": "x",
            "examples": ["a", "b"],
            "$ref": "#/$defs/Thing",
        }
    ) == {
        "type": "integer",
        "minimum": 0,
        "exclusiveMinimum": True,
        "nullable": True,
        "enum": ["x"],
        "example": "a",
        "$ref": "#/components/schemas/Thing",
    }
    assert openapi30_schema({"anyOf": [{"type": "string"}, {"type": "integer"}]}) == {
        "anyOf": [{"type": "string"}, {"type": "integer"}]
    }
