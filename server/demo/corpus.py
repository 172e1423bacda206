"""The demo content, read from data files: ``data/policies.jsonl`` and ``data/demo.json``.

``policies.jsonl`` holds 290+ realistic policies of the demo county 如皋市 (320682) in the
JSONL import format (``docs/import-format.md``); ``demo.json`` holds what only the demo
needs: the county and its towns, the provincial, city and county issuing bodies, and the
demo departments. None of it is installed by ``zwgk migrate``: a real deployment starts
with the generic trees of :mod:`server.policies.taxonomy` and its own data.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any, cast

from server.policies.taxonomy import ISSUERS, Issuer, IssuerLevel, Region, region_by_code

__all__ = [
    "DEMO_ISSUERS",
    "DEMO_REGION",
    "DEMO_TOWNS",
    "REFERENCE_DATE",
    "demo_departments",
    "demo_policies",
    "issuer_by_code",
    "issuer_by_name",
    "load_demo_classifications",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
POLICIES_FILE = DATA_DIR / "policies.jsonl"
DEMO_FILE = DATA_DIR / "demo.json"


@cache
def _demo() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(DEMO_FILE.read_text(encoding="utf-8")))


@cache
def _policy_lines() -> tuple[str, ...]:
    with POLICIES_FILE.open(encoding="utf-8") as f:
        return tuple(line for line in f if line.strip())


#: "Today" of the demo corpus: statuses and dates were written relative to it.
REFERENCE_DATE: dt.date = dt.date.fromisoformat(_demo()["reference_date"])

#: The demo county (如皋市), as the GB/T 2260 list has it (parent 320600 南通市).
DEMO_REGION: Region = region_by_code(_demo()["region"]["code"]) or Region(
    _demo()["region"]["code"], _demo()["region"]["name"], "county", None
)

#: Towns and streets of the demo county, by name (GB/T 2260 stops at county level).
DEMO_TOWNS: tuple[str, ...] = tuple(_demo()["towns"])

#: Issuing bodies of the demo below national level (the national ones are built in).
DEMO_ISSUERS: tuple[Issuer, ...] = tuple(
    Issuer(i["code"], i["name"], cast(IssuerLevel, i["level"]), tuple(i["regions"]))
    for i in _demo()["issuers"]
)

_ALL_ISSUERS: tuple[Issuer, ...] = (*ISSUERS, *DEMO_ISSUERS)
_BY_CODE: dict[str, Issuer] = {i.code: i for i in _ALL_ISSUERS}
_BY_NAME: dict[str, Issuer] = {i.name: i for i in _ALL_ISSUERS}


def all_issuers() -> tuple[Issuer, ...]:
    """Built-in (national) and demo issuing bodies."""
    return _ALL_ISSUERS


def issuer_by_code(code: str) -> Issuer:
    """The built-in or demo issuer with this slug; ``KeyError`` if there is none."""
    return _BY_CODE[code]


def issuer_by_name(name: str) -> Issuer:
    """The built-in or demo issuer with this exact name; ``KeyError`` if there is none."""
    return _BY_NAME[name]


def demo_departments() -> list[tuple[str, str]]:
    """(code, name) of the demo's back-office departments."""
    return [(d["code"], d["name"]) for d in _demo()["departments"]]


def demo_policies() -> list[dict[str, Any]]:
    """The demo corpus as import records; a fresh list of fresh dicts on every call."""
    return [cast(dict[str, Any], json.loads(line)) for line in _policy_lines()]


async def load_demo_classifications() -> int:
    """Add the demo's issuing bodies to the issuer tree (idempotent); returns how many."""
    from server.policies.models import Classification, Scheme

    existing = {c.code for c in await Classification.filter(scheme=Scheme.ISSUER).only("code")}
    new = [
        Classification(
            scheme=Scheme.ISSUER, code=i.code, name=i.name, parent_code=None, sort_order=n
        )
        for n, i in enumerate(DEMO_ISSUERS, start=len(ISSUERS))
        if i.code not in existing
    ]
    if new:
        await Classification.bulk_create(new)
    return len(new)
