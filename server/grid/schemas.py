"""Request and query shapes of the grid API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: A policy or attachment id (32-bit column): wider is rejected, not a database overflow.
Id32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]

LevelName = Literal["community", "grid", "compound", "building", "unit"]


class CellsIn(BaseModel):
    cells: list[str] = Field(max_length=500)


class CellQuery(BaseModel):
    parent_code: str | None = Field(None, max_length=64)
    level: LevelName | None = None


class HouseholdQuery(BaseModel):
    cell_code: str | None = Field(None, max_length=64, description="any level")
    tag: str | None = Field(None, max_length=32)
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(50, ge=1, le=200)


class PhoneLinkIn(BaseModel):
    code: str = Field(min_length=1, max_length=128, description="getPhoneNumber button code")


class Location(BaseModel):
    lat: float = Field(ge=-90, le=90)
    lng: float = Field(ge=-180, le=180)


class ProblemIn(BaseModel):
    category: str = Field(min_length=1, max_length=32)
    text: str = Field(min_length=1, max_length=1000)


class VisitIn(BaseModel):
    """One offline-recorded visit. Unknown keys are refused (typos must not vanish)."""

    model_config = ConfigDict(extra="forbid")

    client_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9-]+$")
    revision: int = Field(1, ge=1, le=1_000_000)
    household_external_id: str | None = Field(None, max_length=64)
    enterprise_uscc: str | None = Field(None, max_length=18)
    visited_at: datetime
    type: Literal["home_visit", "phone", "other"]
    policy_ids: list[Id32] = Field(default_factory=list, max_length=50)
    materials: list[str] = Field(default_factory=list, max_length=50)
    problems: list[ProblemIn] = Field(default_factory=list, max_length=20)
    notes: str = Field("", max_length=2000)
    photos: list[Id32] = Field(default_factory=list, max_length=20)
    location: Location | None = None


class VisitBatchIn(BaseModel):
    # Items are validated one by one so one bad visit never sinks the batch.
    visits: list[Any] = Field(max_length=5000)


class PageQuery(BaseModel):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(50, ge=1, le=200)


class TaskIn(BaseModel):
    households: list[str] = Field(default_factory=list, max_length=1000)
    enterprises: list[str] = Field(default_factory=list, max_length=1000)
    policy_id: int | None = Field(None, ge=1, le=2**31 - 1)
    due_date: date
    note: str = Field("", max_length=200)


class TaskQuery(BaseModel):
    status: Literal["open", "done", "cancelled"] | None = "open"
    worker_id: int | None = Field(None, ge=1, le=2**31 - 1)
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(50, ge=1, le=200)


class PlanIn(BaseModel):
    tag: str = Field(min_length=1, max_length=32, description="household tag, or * for others")
    interval_days: int = Field(ge=1, le=3660)


class PlansIn(BaseModel):
    plans: list[PlanIn] = Field(max_length=100)


class TargetIn(BaseModel):
    regions: list[str] = Field(default_factory=list, max_length=100)
    household_tags_any: list[str] = Field(default_factory=list, max_length=20)


class CoverageQuery(BaseModel):
    level: LevelName = "grid"
    within: str | None = Field(None, max_length=64, description="only cells under this code")


class VisitStatsQuery(BaseModel):
    period: Literal["day", "week", "month"] = "month"
    since: date | None = None
    until: date | None = None
