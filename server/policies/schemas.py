"""Request and response shapes of the policy endpoints and the JSONL import format."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from server.policies.models import Audience, PolicyStatus

Stage = Literal["decision", "execution", "management", "service", "result"]


class CardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    caption: str = Field(min_length=1, max_length=500)
    image: str | None = Field(None, description="attachment id (as text) of an uploaded image")


class GlossaryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=1, max_length=100)
    definition: str = Field(min_length=1, max_length=2000)


class QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=500)
    answer: str = Field(min_length=1, max_length=5000)


class MaterialIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=1000)
    sample_attachment_id: int | None = Field(None, ge=1, le=2**31 - 1)


class GuideIn(BaseModel):
    """申报指南."""

    model_config = ConfigDict(extra="forbid")
    conditions: list[str] = Field(default_factory=list, max_length=50)
    materials: list[MaterialIn] = Field(default_factory=list, max_length=50)
    steps: list[str] = Field(default_factory=list, max_length=50)
    window_start: date | None = None
    window_end: date | None = None
    online_url: str | None = Field(None, max_length=500)
    offline_place: str | None = Field(None, max_length=200)
    hours: str | None = Field(None, max_length=100)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9+\-() ]{3,40}$")

    @field_validator("online_url")
    @classmethod
    def _safe_url(cls, value: str | None) -> str | None:
        # Only web links or mini-program pages: never javascript: or data: URLs.
        if value and not value.startswith(("https://", "http://", "/pages/")):
            raise ValueError("must be an http(s) URL or a mini-program page path (/pages/…)")
        return value

    @model_validator(mode="after")
    def _window_order(self) -> GuideIn:
        if self.window_start and self.window_end and self.window_end < self.window_start:
            raise ValueError("window_end is before window_start")
        return self


class PolicyIn(BaseModel):
    """A policy as staff submit it and as one line of the JSONL import carries it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    external_id: str | None = Field(None, max_length=128)
    title: str = Field(min_length=2, max_length=300)
    doc_number: str = Field("", max_length=100)
    issuer: str = Field(min_length=2, max_length=128)
    publish_date: date | None = None
    effective_date: date | None = None
    expiry_date: date | None = None
    status: Literal["draft", "published", "expired", "withdrawn"] = "draft"
    audience: Literal["residents", "enterprises", "both"] = "both"
    body: str = Field("", max_length=200_000, description="full text: plain text or HTML")
    summary: str = Field("", max_length=2000)
    topics: list[str] = Field(default_factory=list, max_length=20)
    industries: list[str] = Field(default_factory=list, max_length=50)
    stage: Stage = "execution"
    categories: list[str] = Field(default_factory=list, max_length=14)
    regions: list[str] = Field(default_factory=list, max_length=50)
    illustrated: list[CardIn] = Field(default_factory=list, max_length=30)
    glossary: list[GlossaryIn] = Field(default_factory=list, max_length=50)
    qa: list[QuestionIn] = Field(default_factory=list, max_length=50)
    guide: GuideIn | None = None
    related: list[str] = Field(
        default_factory=list,
        max_length=30,
        description="external ids (or numeric ids) of related policies",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> PolicyIn:
        if self.effective_date and self.expiry_date and self.expiry_date < self.effective_date:
            raise ValueError("expiry_date is before effective_date")
        return self


class PolicyPatch(BaseModel):
    """Partial edit by staff: only the fields present change."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str | None = Field(None, min_length=2, max_length=300)
    doc_number: str | None = Field(None, max_length=100)
    issuer: str | None = Field(None, min_length=2, max_length=128)
    publish_date: date | None = None
    effective_date: date | None = None
    expiry_date: date | None = None
    audience: Literal["residents", "enterprises", "both"] | None = None
    body: str | None = Field(None, max_length=200_000)
    summary: str | None = Field(None, max_length=2000)
    topics: list[str] | None = Field(None, max_length=20)
    industries: list[str] | None = Field(None, max_length=50)
    stage: Stage | None = None
    categories: list[str] | None = Field(None, max_length=14)
    regions: list[str] | None = Field(None, max_length=50)
    illustrated: list[CardIn] | None = Field(None, max_length=30)
    glossary: list[GlossaryIn] | None = Field(None, max_length=50)
    qa: list[QuestionIn] | None = Field(None, max_length=50)
    guide: GuideIn | None = None
    related: list[str] | None = Field(None, max_length=30)
    #: The version this edit was based on (from the policy as read). When given and no
    #: longer current, the edit is refused (409 ``stale_version``) instead of silently
    #: overwriting someone else's change.
    version: int | None = Field(None, ge=1, le=2**31 - 1)

    @field_validator("doc_number", "summary", mode="before")
    @classmethod
    def _null_clears_text(cls, value: object) -> object:
        # These columns are never NULL: an explicit null clears the text.
        return "" if value is None else value


SortOrder = Literal["relevance", "date", "stage"]


class SearchParams(BaseModel):
    """Query string of ``GET /api/v1/policies/search``."""

    model_config = ConfigDict(extra="forbid")

    q: str = Field(description="1–64 characters: Chinese, document numbers, mixed")
    scope: Literal["all", "title"] = "all"
    sort: SortOrder = "relevance"
    topic: list[str] = Field(default_factory=list)
    industry: list[str] = Field(default_factory=list)
    issuer: list[str] = Field(default_factory=list)
    stage: list[Stage] = Field(default_factory=list)
    category: list[str] = Field(default_factory=list)
    region: str | None = Field(None, pattern=r"^\d{6}$", description="resident's region code")
    audience: Audience | None = None
    status: Literal["published", "expired"] = "published"
    date_from: date | None = None
    date_to: date | None = None
    page: int = Field(1, ge=1, le=500)
    page_size: int = Field(10, ge=1, le=50)

    @model_validator(mode="after")
    def _range(self) -> SearchParams:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("date_to is before date_from")
        return self


class BrowseParams(SearchParams):
    """``GET /api/v1/policies``: the same filters without a query, newest first."""

    q: str = ""
    sort: SortOrder = "date"


class SearchItem(BaseModel):
    id: int
    title: str
    title_highlighted: str
    doc_number: str
    issuer: str
    publish_date: date | None
    stage: str
    audience: str
    snippet: str


class SearchPage(BaseModel):
    items: list[SearchItem]
    total: int
    page: int
    page_size: int
    match: Literal["exact", "related", "none"] = Field(
        "exact",
        description="exact: matches as written (synonyms included); related: found only "
        "after relaxing the query into words; none: nothing found",
    )


class SuggestParams(BaseModel):
    q: str = Field(min_length=1, max_length=32)
    limit: int = Field(8, ge=1, le=20)


class StatusFilter(BaseModel):
    status: PolicyStatus | None = None
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)
