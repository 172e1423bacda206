"""Request bodies of the push endpoints."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from server.core.routing import INT64_MAX, INT64_MIN


class GrantsIn(BaseModel):
    """What ``wx.requestSubscribeMessage`` answered (its success callback's shape)."""

    model_config = ConfigDict(extra="forbid")
    request_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9\-_]+$")
    results: dict[str, Literal["accept", "reject", "ban", "filter"]] = Field(max_length=20)


class TopicsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    topics: list[str] = Field(default_factory=list, max_length=50)
    categories: list[str] = Field(default_factory=list, max_length=50)
    regions: list[str] = Field(default_factory=list, max_length=50)


class TemplateSwitchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    template_id: str = Field(min_length=1, max_length=128)
    enabled: bool


class BroadcastIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["emergency_warning"] = "emergency_warning"
    regions: list[str] = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=60)
    content: str = Field(min_length=1, max_length=500)
    level: str = Field("", max_length=16)


class RetryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: push_intents.id is a BIGINT: a wider id is a 422, not a database overflow.
    ids: list[Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]] = Field(
        default_factory=list, max_length=10000
    )
    #: Without ids: every dead letter (failed after its retries) of this kind, or all.
    kind: str | None = None
