"""Request bodies and query strings of the enterprises API."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Nature = Literal["state_owned", "collective", "private", "foreign", "hmt", "individual"]


class BindIn(BaseModel):
    """``POST /api/v1/enterprise/bind``: what the contact knows of the enterprise."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    uscc: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    legal_representative: str = Field(min_length=1, max_length=64)


class RuleIn(BaseModel):
    """A rule to save (``null`` removes it) or to preview."""

    model_config = ConfigDict(extra="forbid")
    rule: dict[str, Any] | None = None


class MatchQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["eligible", "near_miss", "unknown"] = "eligible"
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)


class PageQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str | None = Field(None, max_length=100)
    status: str | None = Field(None, max_length=16)
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: Literal["applied", "receiving", "not_interested"]


class TagIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    tag: str = Field(min_length=1, max_length=32)


class CorrectionChanges(BaseModel):
    """Profile fields a contact may ask to correct (staff check and apply them)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str | None = Field(None, min_length=1, max_length=200)
    industry: str | None = Field(None, max_length=8)
    nature: Nature | None = None
    size: Literal["large", "medium", "small", "micro"] | None = None
    established_on: date | None = None
    registered_capital: float | None = Field(None, ge=0)
    # A 32-bit column: a wider count is a 422 here, not an overflow when staff apply it.
    employees: int | None = Field(None, ge=0, le=2**31 - 1)
    annual_revenue: float | None = Field(None, ge=0)
    tags: list[str] | None = Field(None, max_length=20)


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    changes: CorrectionChanges
    note: str = Field("", max_length=500)


class PolicyFinder(BaseModel):
    """``GET /api/v1/enterprise/policies``: by industry, enterprise type and category."""

    model_config = ConfigDict(extra="forbid")
    q: str = Field("", max_length=64)
    industry: list[str] = Field(default_factory=list)
    category: list[str] = Field(default_factory=list)
    nature: Nature | None = None
    size: Literal["large", "medium", "small", "micro"] | None = None
    page: int = Field(1, ge=1, le=500)
    page_size: int = Field(10, ge=1, le=50)
