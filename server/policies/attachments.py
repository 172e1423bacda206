"""Storing uploaded files for policies: type and size judged by content, not by name."""

from __future__ import annotations

import hashlib

from server.core.errors import NotFound, PayloadTooLarge, UnsupportedMedia, ValidationFailed
from server.core.permissions import Principal
from server.policies.filetypes import (
    FileRejected,
    FileTooLarge,
    MismatchedFile,
    safe_filename,
    sniff,
)
from server.policies.models import Attachment
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
    else:
        require_editor(principal, None)
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
        purpose=purpose,
        filename=safe_filename(filename),
        content_type=detected.mime,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=key,
    )


async def delete_attachment(storage: FileStorage, attachment_id: int, principal: Principal) -> None:
    attachment = await Attachment.get_or_none(id=attachment_id)
    if attachment is None:
        raise NotFound("no such attachment")
    if attachment.policy_id is not None:
        require_editor(principal, await get_policy(attachment.policy_id, principal))
    else:
        require_editor(principal, None)
    await attachment.delete()
    # Content-addressed: another row may share the file.
    if not await Attachment.filter(storage_key=attachment.storage_key).exists():
        await storage.delete(attachment.storage_key)
