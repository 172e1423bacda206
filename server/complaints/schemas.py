"""Request bodies and query strings of the complaints API (pydantic)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from server.complaints.models import Kind, Mode

#: An id or number stored in a 32-bit column: wider is a 422, not a database overflow.
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubmitIn(_Strict):
    kind: Kind
    category: str = Field(min_length=1, max_length=64, description="category code")
    content: str = Field(min_length=5, max_length=2000)
    images: list[Int32] = Field(default_factory=list, max_length=9)
    lat: float | None = Field(None, ge=-90, le=90)
    lng: float | None = Field(None, ge=-180, le=180)
    address: str = Field("", max_length=200)
    related_case_no: str | None = Field(None, max_length=64)
    is_public: bool = False
    contact_name: str = Field("", max_length=32)
    contact_phone: str = Field("", max_length=20, pattern=r"^(|1\d{10}|0\d{2,3}-?\d{7,8})$")

    @field_validator("content")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("content must not be blank")
        return value.strip()


class MineQuery(_Strict):
    status: str | None = None
    before_id: int | None = Field(None, ge=1, le=2**31 - 1)
    limit: int = Field(20, ge=1, le=100)


class SimilarQuery(_Strict):
    category: str = Field(min_length=1, max_length=64)
    lat: float = Field(ge=-90, le=90)
    lng: float = Field(ge=-180, le=180)


class QueueQuery(_Strict):
    status: str | None = None
    department: int | None = Field(None, ge=1, le=2**31 - 1)
    due_before: date | None = None
    overdue: bool = False
    before_id: int | None = Field(None, ge=1, le=2**31 - 1)
    limit: int = Field(50, ge=1, le=200)


class ActionIn(_Strict):
    note: str = Field("", max_length=2000)
    internal: bool = False
    answer: str = Field("", max_length=4000)
    mode: Mode | None = None
    department: int | None = Field(None, ge=1, le=2**31 - 1)
    co_departments: list[Int32] = Field(default_factory=list, max_length=10)
    due: date | None = None
    into: str | None = Field(None, max_length=24, description="tracking number to merge into")
    resolved: bool | None = None


class FeedbackIn(_Strict):
    resolved: bool
    note: str = Field("", max_length=500)


class RatingIn(_Strict):
    level: int = Field(ge=1, le=5, description="5 非常满意 … 1 非常不满意")
    tags: list[str] = Field(default_factory=list, max_length=10)
    comment: str = Field("", max_length=500)


class SubjectRatingIn(RatingIn):
    subject_type: str = Field(pattern=r"^(service|department)$")
    subject_id: str = Field(min_length=1, max_length=64)


class StatsQuery(_Strict):
    department: int | None = Field(None, ge=1, le=2**31 - 1)
    start: str | None = Field(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", alias="from")
    end: str | None = Field(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", alias="to")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CategoryIn(_Strict):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=64)
    parent_code: str | None = Field(None, max_length=64)
    department: int | None = Field(None, ge=1, le=2**31 - 1)
    reply_days: int | None = Field(None, ge=1, le=60)
    sort_order: Int32 = 0
    active: bool = True


class CategoryPatch(_Strict):
    name: str | None = Field(None, min_length=1, max_length=64)
    department: int | None = Field(None, ge=1, le=2**31 - 1)
    reply_days: int | None = Field(None, ge=1, le=60)
    sort_order: Int32 | None = None
    active: bool | None = None


class HolidayItem(_Strict):
    date: date
    kind: str = Field(pattern=r"^(holiday|workday)$")
    name: str = Field("", max_length=32)


class HolidayYearIn(_Strict):
    days: list[HolidayItem] = Field(max_length=200)


class AppealIn(_Strict):
    reason: str = Field(min_length=2, max_length=1000)


class ReviewIn(_Strict):
    exclude: bool
    note: str = Field(min_length=2, max_length=1000)


class RectifyIn(_Strict):
    text: str = Field(min_length=2, max_length=2000)
