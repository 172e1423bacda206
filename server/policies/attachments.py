"""Storing uploaded files for policies: type and size judged by content, not by name."""

from __future__ import annotations

import hashlib

from server.core.errors import (
    Forbidden,
    NotFound,
    PayloadTooLarge,
    UnsupportedMedia,
    ValidationFailed,
)
from server.core.permissions import Principal, Role
from server.policies.filetypes import (
    FileRejected,
    FileTooLarge,
    MismatchedFile,
    safe_filename,
    sniff,
)
from server.policies.models import ApplicationGuide, Attachment, IllustratedCard
from server.policies.service import get_policy, require_editor
from server.policies.storage import FileStorage

#: What each purpose accepts: illustration cards take images only.
PURPOSES: dict[str, frozenset[str]] = {
    "attachment": frozenset({"pdf", "docx", "doc", "xlsx", "xls", "png", "jpeg", "webp", "gif"}),
    "image": frozenset({"png", "jpeg", "webp", "gif"}),
    "sample": frozenset({"pdf", "docx", "doc", "xlsx", "xls", "png", "jpeg"}),
}


async def store_attachment(
    storage: FileStorage,
    *,
    policy_id: int | None,
    purpose: str,
    filename: str,
    data: bytes,
    principal: Principal,
) -> Attachment:
    """Check and store one upload; nothing is written unless every check passes."""
    if purpose not in PURPOSES:
        raise ValidationFailed("purpose must be attachment, image or sample", field="purpose")
    if policy_id is not None:
        policy = await get_policy(policy_id, principal)
        require_editor(principal, policy)
        department_id = policy.department_id
    else:
        require_editor(principal, None)
        # An unattached upload belongs to the uploader's department (admins: none, so
        # only admins see it until a policy of some department uses it).
        department_id = principal.department_id if principal.has(Role.STAFF) else None
    try:
        detected = sniff(data, filename)
    except FileTooLarge as exc:
        raise PayloadTooLarge(str(exc), field="file") from None
    except MismatchedFile as exc:
        raise UnsupportedMedia(str(exc), field="file", code="mismatched_file") from None
    except FileRejected as exc:
        raise UnsupportedMedia(str(exc), field="file") from None
    if detected.kind not in PURPOSES[purpose]:
        raise UnsupportedMedia(f"a {detected.kind} file cannot be used as {purpose}", field="file")
    key = await storage.save(data)
    return await Attachment.create(
        policy_id=policy_id,
        department_id=department_id,
        purpose=purpose,
        filename=safe_filename(filename),
        content_type=detected.mime,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=key,
    )


async def delete_attachment(storage: FileStorage, attachment_id: int, principal: Principal) -> None:
    """Delete a file: only its owning department's staff or an admin may."""
    attachment = await Attachment.get_or_none(id=attachment_id)
    if attachment is None or (
        attachment.policy_id is None and not may_see_unattached(attachment, principal)
    ):
        raise NotFound("no such attachment")
    if not principal.can_manage_department(attachment.department_id):
        raise Forbidden("this file belongs to another department")
    if attachment.policy_id is not None:
        require_editor(principal, await get_policy(attachment.policy_id, principal))
    await attachment.delete()
    # Content-addressed: another row may share the file.
    if not await Attachment.filter(storage_key=attachment.storage_key).exists():
        await storage.delete(attachment.storage_key)


def may_see_unattached(attachment: Attachment, principal: Principal | None) -> bool:
    """Staff of the owning department and admins see every file of that department."""
    return principal is not None and principal.can_manage_department(attachment.department_id)


async def _policies_using(attachment: Attachment) -> list[int]:
    """Policies whose cards show this image or whose guide offers it as a sample."""
    ids = set(
        await IllustratedCard.filter(image_id=attachment.id).values_list("policy_id", flat=True)
    )
    if attachment.purpose == "sample":
        guides = await ApplicationGuide.filter(
            policy__department_id=attachment.department_id
        ).values("policy_id", "materials")
        for guide in guides:
            if any(
                isinstance(m, dict) and m.get("sample_attachment_id") == attachment.id
                for m in guide["materials"] or []
            ):
                ids.add(guide["policy_id"])
    return sorted(ids)  # type: ignore[arg-type]


async def readable_attachment(attachment_id: int, principal: Principal | None) -> Attachment:
    """The attachment if ``principal`` may download it; 404 (not 403) otherwise.

    A file of a policy is readable as that policy is. An unattached file (an upload not
    given a policy) is readable by its department's staff and admins, and by anyone who
    may read a policy that shows it (a card image or a material sample).
    """
    attachment = await Attachment.get_or_none(id=attachment_id)
    if attachment is None:
        raise NotFound("no such attachment")
    if attachment.policy_id is not None:
        await get_policy(attachment.policy_id, principal)  # NotFound if not readable
        return attachment
    if may_see_unattached(attachment, principal):
        return attachment
    for policy_id in await _policies_using(attachment):
        try:
            await get_policy(policy_id, principal)
        except NotFound:
            continue
        return attachment
    raise NotFound("no such attachment")
