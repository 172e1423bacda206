"""Enterprise size (大型/中型/小型/微型) derived by 工信部联企业〔2011〕300号.

The thresholds are data (``data/size_thresholds.csv``): a revision of the standard is a
change of that file. For each industry scope the rows say what a large, medium and small
enterprise needs (every given minimum at once); anything below ``small`` is micro. The most
specific scope among the industry's ancestors applies, ``*`` (其他未列明行业) otherwise.

Unknown figures make the answer unknown (``None``) only when they matter: 8 employees in
manufacturing is micro whatever the revenue. The profile holds no total assets, so scopes
that need them (建筑业, 房地产开发经营, 租赁和商务服务业) derive a size only when another
figure already decides it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from server.policies.industries import industry_ancestors

ORDER = ("large", "medium", "small")


@dataclass(frozen=True, slots=True)
class Threshold:
    size: str
    employees_min: int | None
    revenue_min: float | None
    total_assets_min: float | None


@cache
def thresholds() -> dict[str, list[Threshold]]:
    """scope → thresholds, large first."""
    text = (
        resources.files("server.enterprises")
        .joinpath("data/size_thresholds.csv")
        .read_text("utf-8")
    )
    table: dict[str, list[Threshold]] = {}
    for row in csv.DictReader(text.splitlines()):
        table.setdefault(row["scope"], []).append(
            Threshold(
                size=row["size"],
                employees_min=int(row["employees_min"]) if row["employees_min"] else None,
                revenue_min=float(row["revenue_min"]) if row["revenue_min"] else None,
                total_assets_min=(
                    float(row["total_assets_min"]) if row["total_assets_min"] else None
                ),
            )
        )
    for rows in table.values():
        rows.sort(key=lambda t: ORDER.index(t.size))
    return table


def _scope(industry: str) -> list[Threshold]:
    table = thresholds()
    for code in industry_ancestors(industry):
        if code in table:
            return table[code]
    return table["*"]


def _at_least(value: float | None, minimum: float | None) -> bool | None:
    if minimum is None:
        return True
    if value is None:
        return None
    return value >= minimum


def derive_size(
    industry: str | None,
    employees: int | None,
    revenue: float | None,
    total_assets: float | None = None,
) -> str | None:
    """``large``, ``medium``, ``small``, ``micro``, or ``None`` when a needed figure is missing."""
    if not industry:
        return None
    for row in _scope(industry):
        checks = (
            _at_least(employees, row.employees_min),
            _at_least(revenue, row.revenue_min),
            _at_least(total_assets, row.total_assets_min),
        )
        if False in checks:
            continue  # below this size: try the next smaller one
        if None in checks:
            return None
        return row.size
    return "micro"
