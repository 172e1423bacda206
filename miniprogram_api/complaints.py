"""我要投诉/建议: complaints, suggestions, inquiries, ratings (好差评)."""

from __future__ import annotations

import logging

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json, raw

from server.accounts.models import User
from server.complaints import ratings, service, stats, workflow
from server.complaints.models import Complaint, ComplaintImage
from server.complaints.schemas import (
    ActionIn,
    FeedbackIn,
    MineQuery,
    RatingIn,
    SimilarQuery,
    StatsQuery,
    SubjectRatingIn,
    SubmitIn,
)
from server.config import ComplaintSettings
from server.core.errors import (
    AppError,
    NotFound,
    PayloadTooLarge,
    TooManyRequests,
    UnsupportedMedia,
)
from server.core.idempotency import idempotent
from server.core.limits import MIB, body_limit
from server.core.openapi import documented
from server.core.permissions import authenticated, public
from server.core.requests import parse_body, parse_query
from server.policies.filetypes import FileRejected, sniff
from server.policies.storage import LocalFileStorage
from server.wechat.errors import WeChatError

bp = Blueprint("mp_complaints", url_prefix="/api/v1")
log = logging.getLogger("zwgk.complaints")

_TAG = "complaints"


def _settings(request: Request) -> ComplaintSettings:
    settings: ComplaintSettings = request.app.ctx.settings.complaints
    return settings


@bp.get("/complaint-categories")
@public
@documented(
    summary="Category tree with routing department and expected reply time",
    tag=_TAG,
    secured=False,
)
async def category_tree(request: Request) -> HTTPResponse:
    items = await service.categories()
    default = _settings(request).reply_days
    for item in items:
        item["expected_reply_days"] = item.pop("reply_days") or default
    return json({"items": items})


@bp.get("/complaints/similar")
@authenticated
@documented(
    summary="Open cases of a category within 200 m (已有相似诉求)", tag=_TAG, query=SimilarQuery
)
async def similar(request: Request) -> HTTPResponse:
    q = parse_query(request, SimilarQuery)
    items = await service.similar_cases(q.category, q.lat, q.lng, _settings(request))
    return json({"items": items})


async def _rate_limit(request: Request, user_id: int) -> None:
    limit = _settings(request).submit_per_hour
    key = f"zwgk:complaints:submit:{user_id}"
    redis = request.app.ctx.redis
    count = await redis.incr(key)
    if count == 1:
        await redis.expire(key, 3600)
    if count > limit:
        raise TooManyRequests("too many submissions; try again later")


async def _content_verdict(request: Request, user_id: int, content: str) -> bool:
    """True when the content must be held for moderation; raises when it is refused."""
    user = await User.get_or_none(id=user_id)
    openid = user.openid if user else None
    if not openid:
        return False
    try:
        verdict = await request.app.ctx.wechat.msg_sec_check(
            content=content, openid=openid, scene=3
        )
    except WeChatError as exc:
        # The check is unavailable: keep the case, but a person must look at it first.
        log.warning(
            "msg_sec_check failed (%s); holding the case for moderation", type(exc).__name__
        )
        return True
    if verdict.suggest == "risky":
        raise AppError(
            "内容含有违法违规信息，无法提交，请修改后重试",
            field="content",
            code="content_risky",
        )
    return bool(verdict.suggest != "pass")


@bp.post("/complaint-images")
@authenticated
# A photo may be 5 MiB (complaints.max_image_bytes) plus the multipart envelope.
@body_limit(6 * MIB)
@documented(summary="Upload a photo for a case (multipart field 'file')", tag=_TAG, status=201)
async def upload_image(request: Request) -> HTTPResponse:
    upload = request.files.get("file") if request.files else None
    if upload is None:
        raise AppError("send the photo as multipart/form-data field 'file'", field="file")
    settings = _settings(request)
    try:
        detected = sniff(upload.body, upload.name or "photo")
    except FileRejected as exc:
        raise AppError(exc.message, field="file", code=exc.code) from None
    if not detected.is_image:
        raise UnsupportedMedia("only photos (JPEG, PNG, GIF, WebP) may be attached", field="file")
    if len(upload.body) > settings.max_image_bytes:
        raise PayloadTooLarge(
            f"a photo may be at most {settings.max_image_bytes // 1024} KiB", field="file"
        )
    storage = LocalFileStorage(request.app.ctx.settings.paths.files_dir)
    key = await storage.save(upload.body)
    image = await ComplaintImage.create(
        user_id=request.ctx.principal.user_id,
        content_type=detected.mime,
        size=len(upload.body),
        storage_key=key,
    )
    return json(
        {"id": image.id, "url": f"/api/v1/complaint-images/{image.id}", "size": image.size},
        status=201,
    )


@bp.get("/complaint-images/<image_id:int>")
@authenticated
@documented(summary="A case photo (its uploader, and whoever may see the case)", tag=_TAG)
async def get_image(request: Request, image_id: int) -> HTTPResponse:
    principal = request.ctx.principal
    image = await ComplaintImage.get_or_none(id=image_id) if 0 < image_id < 2**31 else None
    if image is None:
        raise NotFound("no such image")
    if image.user_id != principal.user_id:
        if image.complaint_id is None:
            raise NotFound("no such image")
        await service.visible_case(principal, _settings(request), case_id=image.complaint_id)
    storage = LocalFileStorage(request.app.ctx.settings.paths.files_dir)
    data = await storage.read(image.storage_key)
    return raw(data, content_type=image.content_type, headers={"Cache-Control": "private"})


@bp.post("/complaints")
@authenticated
@documented(
    summary="Submit a complaint, suggestion or inquiry", tag=_TAG, body=SubmitIn, status=201
)
@idempotent(required=True)
async def submit(request: Request) -> HTTPResponse:
    principal = request.ctx.principal
    data = parse_body(request, SubmitIn)
    await _rate_limit(request, principal.user_id)
    held = await _content_verdict(request, principal.user_id, data.content)
    case = await service.create_case(
        data, _settings(request), user_id=principal.user_id, source="miniprogram", held=held
    )
    log.info("complaint %s submitted (held=%s)", case.tracking_no, held)
    view = await service.case_view(case, staff=False)
    return json(view, status=201)


@bp.get("/complaints")
@authenticated
@documented(summary="My cases, newest first (cursor: before_id)", tag=_TAG, query=MineQuery)
async def mine(request: Request) -> HTTPResponse:
    q = parse_query(request, MineQuery)
    query = Complaint.filter(user_id=request.ctx.principal.user_id)
    if q.status:
        query = query.filter(status=q.status)
    if q.before_id:
        query = query.filter(id__lt=q.before_id)
    rows = await query.order_by("-id").limit(q.limit)
    items = [service.list_item(c) for c in rows]
    next_cursor = items[-1]["id"] if len(items) == q.limit else None
    return json({"items": items, "next_before_id": next_cursor})


@bp.get("/complaints/<tracking_no:str>")
@authenticated
@documented(summary="One case with its public timeline (submitter, departments, admins)", tag=_TAG)
async def detail(request: Request, tracking_no: str) -> HTTPResponse:
    case = await service.visible_case(
        request.ctx.principal, _settings(request), tracking_no=tracking_no
    )
    return json(await service.case_view(case, staff=False))


@bp.post("/complaints/<tracking_no:str>/feedback")
@authenticated
@documented(summary="Say whether a replied case is resolved (回访)", tag=_TAG, body=FeedbackIn)
async def feedback(request: Request, tracking_no: str) -> HTTPResponse:
    data = parse_body(request, FeedbackIn)
    case = await workflow.perform(
        request.ctx.principal,
        _settings(request),
        0,
        "feedback",
        ActionIn(resolved=data.resolved, note=data.note),
        tracking_no=tracking_no,
    )
    return json(await service.case_view(case, staff=False))


@bp.put("/complaints/<tracking_no:str>/rating")
@authenticated
@documented(summary="Rate a closed case (好差评; editable for 7 days)", tag=_TAG, body=RatingIn)
async def rate_case(request: Request, tracking_no: str) -> HTTPResponse:
    data = parse_body(request, RatingIn)
    rating = await ratings.rate_case(request.ctx.principal, _settings(request), tracking_no, data)
    return json(await ratings.rating_view(rating, for_rater=True))


@bp.get("/complaints/<tracking_no:str>/rating")
@authenticated
@documented(summary="My rating of a case, with the rectification answer", tag=_TAG)
async def my_case_rating(request: Request, tracking_no: str) -> HTTPResponse:
    rating = await ratings.my_case_rating(request.ctx.principal, _settings(request), tracking_no)
    return json(await ratings.rating_view(rating, for_rater=True))


@bp.put("/ratings")
@authenticated
@documented(summary="Rate a service item or a department (好差评)", tag=_TAG, body=SubjectRatingIn)
async def rate_subject(request: Request) -> HTTPResponse:
    data = parse_body(request, SubjectRatingIn)
    rating = await ratings.rate_subject(request.ctx.principal, _settings(request), data)
    return json(await ratings.rating_view(rating, for_rater=True))


@bp.get("/complaint-stats")
@public
@documented(
    summary="Public figures: on-the-spot, completion, on-time and satisfaction rates",
    tag=_TAG,
    query=StatsQuery,
    secured=False,
)
async def public_stats(request: Request) -> HTTPResponse:
    q = parse_query(request, StatsQuery)
    overall = await stats.figures(q.department, q.start, q.end)
    return json({"overall": overall, "departments": await stats.by_department(q.start, q.end)})
