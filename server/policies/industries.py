"""GB/T 4754-2017 industry codes (国民经济行业分类): validation and ancestors.

The table (``data/gbt4754-2017.csv``) is read once, lazily, on first use.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

_FORM = re.compile(r"^(?:[A-T]|\d{2}|\d{3}|\d{4})$")


@cache
def _table() -> dict[str, tuple[str, str]]:
    """code → (name, parent)."""
    text = resources.files("server.policies").joinpath("data/gbt4754-2017.csv").read_text("utf-8")
    return {row["code"]: (row["name"], row["parent"]) for row in csv.DictReader(text.splitlines())}


def industry_name(code: str) -> str | None:
    entry = _table().get(code)
    return entry[0] if entry else None


def is_valid_industry(code: str) -> bool:
    """Known codes, plus well-formed 3- or 4-digit codes whose division exists."""
    if not _FORM.match(code):
        return False
    if code in _table():
        return True
    return len(code) in (3, 4) and code[:2] in _table()


def industry_ancestors(code: str) -> list[str]:
    """``"3911"`` → ``["3911", "391", "39", "C"]`` (the code first, the door letter last)."""
    chain = [code]
    if len(code) >= 3:
        chain.extend(code[:n] for n in range(len(code) - 1, 1, -1))
    division = code if len(code) == 2 else (code[:2] if code[:1].isdigit() else None)
    if division is not None:
        door = _table().get(division, ("", ""))[1]
        if door:
            chain.append(door)
    return chain


def industry_tree() -> list[tuple[str, str, str | None]]:
    """Every (code, name, parent) in table order, doors first within their group."""
    return [(code, name, parent or None) for code, (name, parent) in _table().items()]
