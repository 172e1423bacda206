"""Enterprise registry: profiles, qualification tags, contacts and eligibility rules.

Every write that changes what an enterprise or a rule is records an outbox event in the
same transaction (``enterprise.changed``, ``policy.eligibility_changed``); the matching
jobs (:mod:`server.enterprises.matching`) consume them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from stdnum.cn import uscc as uscc_std
from stdnum.exceptions import InvalidChecksum, ValidationError
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from server.core.outbox import record_event
from server.core.permissions import Principal, Role
from server.enterprises.models import (
    Enterprise,
    EnterpriseContact,
    EnterpriseCorrection,
    EnterpriseMatch,
    PolicyEligibility,
    PolicyEligibilityRevision,
)
from server.enterprises.rules import (
    DEFAULT_TAGS,
    NATURES,
    SIZES,
    EligibilityRule,
    Facts,
    validate_rule,
)
from server.policies.models import Classification, Policy

TAG_SCHEME = "qualification"


# --------------------------------------------------------------------------- credit codes


def check_uscc(value: str, *, field: str = "uscc") -> str:
    """The normalised credit code; 422 naming ``field`` when malformed or the check fails."""
    code = value.strip().upper()
    try:
        return str(uscc_std.validate(code))
    except InvalidChecksum:
        raise ValidationFailed(
            "统一社会信用代码校验位错误 (check character does not match)", field=field
        ) from None
    except ValidationError:
        raise ValidationFailed(
            "统一社会信用代码格式错误 (not an 18-character GB 32100 code)", field=field
        ) from None


# --------------------------------------------------------------------------- masking


def mask_name(name: str) -> str:
    """``张三`` → ``张*``; ``欧阳娜娜`` → ``欧***``. Personal names never leave unmasked."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def facts_of(e: Enterprise) -> Facts:
    return Facts(
        region=e.region or None,
        industry=e.industry,
        size=e.size,
        nature=e.nature,
        established_on=e.established_on,
        registered_capital=e.registered_capital,
        employees=e.employees,
        annual_revenue=e.annual_revenue,
        tags=frozenset(e.tags or ()),
    )


def profile(e: Enterprise) -> dict[str, Any]:
    """An enterprise as every API shows it (legal representative masked)."""
    return {
        "id": e.id,
        "uscc": e.uscc,
        "name": e.name,
        "legal_representative": mask_name(e.legal_representative),
        "region": e.region,
        "industry": e.industry,
        "nature": e.nature,
        "nature_name": NATURES.get(e.nature or ""),
        "size": e.size,
        "size_name": SIZES.get(e.size or ""),
        "size_declared": e.size_declared,
        "established_on": e.established_on,
        "registered_capital": e.registered_capital,
        "employees": e.employees,
        "annual_revenue": e.annual_revenue,
        "tags": list(e.tags or []),
        "version": e.version,
    }


# --------------------------------------------------------------------------- tags


async def known_tags() -> list[str]:
    """The admin-editable list of qualification tags (seeded with the defaults once)."""
    rows = await Classification.filter(scheme=TAG_SCHEME).order_by("sort_order", "id")
    if not rows:
        for order, tag in enumerate(DEFAULT_TAGS):
            await Classification.get_or_create(
                scheme=TAG_SCHEME, code=tag, defaults={"name": tag, "sort_order": order}
            )
        rows = await Classification.filter(scheme=TAG_SCHEME).order_by("sort_order", "id")
    return [r.code for r in rows]


async def add_tag(tag: str) -> list[str]:
    tags = await known_tags()
    if tag in tags:
        raise Conflict("this qualification tag exists", field="tag")
    await Classification.create(scheme=TAG_SCHEME, code=tag, name=tag, sort_order=len(tags))
    return [*tags, tag]


async def remove_tag(tag: str) -> None:
    await known_tags()
    deleted = await Classification.filter(scheme=TAG_SCHEME, code=tag).delete()
    if not deleted:
        raise NotFound("no such qualification tag")


# --------------------------------------------------------------------------- lookups

MAX_ID = 2**31 - 1


def check_id(value: int, what: str = "record") -> int:
    """404 for ids no row can have (PostgreSQL integers are 32-bit)."""
    if not 0 < value <= MAX_ID:
        raise NotFound(f"no such {what}")
    return value


async def get_by_uscc(code: str) -> Enterprise:
    enterprise = await Enterprise.get_or_none(uscc=code.strip().upper())
    if enterprise is None:
        raise NotFound("no such enterprise")
    return enterprise


async def enterprise_ids_by_uscc(codes: Iterable[str]) -> dict[str, int]:
    """Credit code → enterprise id, for the codes that exist."""
    wanted = sorted({c.strip().upper() for c in codes})
    result: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        rows = await Enterprise.filter(uscc__in=wanted[i : i + 500]).values_list("uscc", "id")
        result.update({str(u): int(pk) for u, pk in rows})
    return result


async def eligible_enterprise_ids(policy_id: int) -> list[int]:
    """Enterprises whose stored match for ``policy_id`` is eligible and still holds."""
    rows = await EnterpriseMatch.filter(
        policy_id=policy_id, active=True, outcome="eligible"
    ).values_list("enterprise_id")
    return sorted(int(r[0]) for r in rows)


async def contact_user_ids(enterprise_ids: Iterable[int]) -> dict[int, list[int]]:
    """Enterprise id → user ids of its approved contacts."""
    ids = list(set(enterprise_ids))
    result: dict[int, list[int]] = {}
    for i in range(0, len(ids), 500):
        rows = await EnterpriseContact.filter(
            enterprise_id__in=ids[i : i + 500], status="approved"
        ).values_list("enterprise_id", "user_id")
        for eid, uid in rows:
            result.setdefault(int(eid), []).append(int(uid))
    return result


# --------------------------------------------------------------------------- edits


async def record_changed(
    enterprise_ids: list[int], conn: BaseDBAsyncClient, *, reason: str = "edit"
) -> None:
    """One ``enterprise.changed`` event (subject: the first id; payload: every id), and
    the next registry generation stamped on those rows (matching workers' columns catch
    up by it: :mod:`server.enterprises.registry`). Every write that changes enterprises
    ends with this call, in its transaction."""
    from server.enterprises.registry import stamp_changed

    if not enterprise_ids:
        return
    await stamp_changed(conn, enterprise_ids)
    await record_event(
        "enterprise.changed",
        "enterprise",
        enterprise_ids[0],
        {"enterprise_ids": enterprise_ids, "reason": reason},
        using_db=conn,
    )


EDITABLE = (
    "name",
    "industry",
    "nature",
    "size",
    "established_on",
    "registered_capital",
    "employees",
    "annual_revenue",
    "tags",
)


async def apply_changes(enterprise_id: int, changes: dict[str, Any], *, reason: str) -> Enterprise:
    """Apply validated profile changes (staff edits, approved corrections)."""
    from server.enterprises.sizes import derive_size

    async with in_transaction() as conn:
        e = await Enterprise.filter(id=enterprise_id).using_db(conn).select_for_update().first()
        if e is None:
            raise NotFound("no such enterprise")
        for key, value in changes.items():
            setattr(e, key, value)
        if "size" in changes:
            e.size_declared = changes["size"] is not None
        if not e.size_declared:
            e.size = derive_size(e.industry, e.employees, e.annual_revenue)
        e.anniversary = e.established_on.strftime("%m-%d") if e.established_on else None
        e.version += 1
        await e.save(using_db=conn)
        await record_changed([e.id], conn, reason=reason)
    return e


# --------------------------------------------------------------------------- contacts


async def bind(user_id: int, code: str, name: str, legal_rep: str) -> dict[str, Any]:
    """Bind a user to an enterprise: at once when all three agree with the registry,
    otherwise as a request waiting for staff approval."""
    code = check_uscc(code)
    enterprise = await Enterprise.get_or_none(uscc=code)
    if enterprise is None:
        raise NotFound("统一社会信用代码未在企业库中找到", code="enterprise_not_found")
    agrees = (
        enterprise.name.strip() == name.strip()
        and enterprise.legal_representative.strip() == legal_rep.strip()
    )
    role = (
        "legal_representative"
        if enterprise.legal_representative.strip() == legal_rep.strip()
        else "manager"
    )
    async with in_transaction() as conn:
        contact = (
            await EnterpriseContact.filter(enterprise_id=enterprise.id, user_id=user_id)
            .using_db(conn)
            .first()
        )
        if contact is not None and contact.status == "approved":
            return {"status": "approved", "enterprise": profile(enterprise)}
        status = "approved" if agrees else "pending"
        if contact is None:
            contact = await EnterpriseContact.create(
                enterprise_id=enterprise.id,
                user_id=user_id,
                role=role,
                status=status,
                decided_at=datetime.now(UTC) if agrees else None,
                using_db=conn,
            )
        else:
            contact.status, contact.role = status, role
            contact.decided_at = datetime.now(UTC) if agrees else None
            await contact.save(using_db=conn)
        if agrees:
            await _grant_enterprise_role(user_id, conn)
    result: dict[str, Any] = {"status": status, "contact_id": contact.id}
    if agrees:
        result["enterprise"] = profile(enterprise)
    return result


async def _grant_enterprise_role(user_id: int, conn: BaseDBAsyncClient) -> None:
    from server.accounts.models import User

    user = await User.filter(id=user_id).using_db(conn).first()
    if user is not None and Role.ENTERPRISE.value not in user.roles:
        user.roles = [*user.roles, Role.ENTERPRISE.value]
        await user.save(using_db=conn, update_fields=["roles"])


async def decide_contact(contact_id: int, approve: bool) -> EnterpriseContact:
    async with in_transaction() as conn:
        contact = await EnterpriseContact.filter(id=contact_id).using_db(conn).first()
        if contact is None:
            raise NotFound("no such contact request")
        if contact.status != "pending":
            raise Conflict(f"this request is already {contact.status}", field="status")
        contact.status = "approved" if approve else "rejected"
        contact.decided_at = datetime.now(UTC)
        await contact.save(using_db=conn)
        if approve:
            await _grant_enterprise_role(contact.user_id, conn)
    return contact


async def my_enterprise(principal: Principal) -> Enterprise:
    """The enterprise the caller is an approved contact of (403 otherwise)."""
    contact = (
        await EnterpriseContact.filter(user_id=principal.user_id, status="approved")
        .order_by("id")
        .first()
    )
    if contact is None:
        raise Forbidden("bind an enterprise first (我的企业 → 绑定企业)", code="not_bound")
    return await Enterprise.get(id=contact.enterprise_id)


async def contacts_of(enterprise_id: int) -> list[dict[str, Any]]:
    from server.accounts.models import User

    rows = await EnterpriseContact.filter(enterprise_id=enterprise_id).order_by("id")
    found = await User.filter(id__in=[r.user_id for r in rows]).only("id", "display_name")
    users = {u.id: u for u in found}
    return [
        {
            "id": r.id,
            "role": r.role,
            "status": r.status,
            "display_name": mask_name(users[r.user_id].display_name) if r.user_id in users else "",
            "created_at": r.created_at,
        }
        for r in rows
    ]


async def remove_contact(enterprise_id: int, contact_id: int) -> None:
    deleted = await EnterpriseContact.filter(id=contact_id, enterprise_id=enterprise_id).delete()
    if not deleted:
        raise NotFound("no such contact")


async def request_correction(
    enterprise: Enterprise, user_id: int, changes: dict[str, Any], note: str
) -> EnterpriseCorrection:
    return await EnterpriseCorrection.create(
        enterprise_id=enterprise.id, user_id=user_id, changes=changes, note=note
    )


async def decide_correction(correction_id: int, approve: bool) -> EnterpriseCorrection:
    correction = await EnterpriseCorrection.get_or_none(id=correction_id)
    if correction is None:
        raise NotFound("no such correction request")
    if correction.status != "pending":
        raise Conflict(f"this request is already {correction.status}", field="status")
    if approve:
        changes = dict(correction.changes)
        if isinstance(changes.get("established_on"), str):
            changes["established_on"] = date.fromisoformat(changes["established_on"])
        await apply_changes(correction.enterprise_id, changes, reason="correction")
    correction.status = "applied" if approve else "rejected"
    await correction.save()
    return correction


# --------------------------------------------------------------------------- rules


async def get_rule(policy_id: int) -> PolicyEligibility | None:
    return await PolicyEligibility.get_or_none(policy_id=policy_id)


async def save_rule(
    policy_id: int,
    raw: dict[str, Any] | None,
    *,
    editor_id: int | None,
    conn: BaseDBAsyncClient | None = None,
    tags: list[str] | None = None,
    field: str = "eligibility",
) -> PolicyEligibility | None:
    """Validate and store a policy's rule (a new version); ``None`` removes it.

    Records ``policy.eligibility_changed`` when the rule actually changed.
    """
    rule: EligibilityRule | None = None
    if raw is not None:
        rule = validate_rule(raw, tags if tags is not None else await known_tags(), prefix=field)
    if conn is None:
        async with in_transaction() as tx:
            return await _save_rule(policy_id, rule, editor_id, tx)
    return await _save_rule(policy_id, rule, editor_id, conn)


async def _save_rule(
    policy_id: int, rule: EligibilityRule | None, editor_id: int | None, conn: BaseDBAsyncClient
) -> PolicyEligibility | None:
    current = await PolicyEligibility.filter(policy_id=policy_id).using_db(conn).first()
    compact = rule.compact() if rule is not None else None
    if current is None and compact is None:
        return None
    if current is not None and compact == current.rule:
        return current
    version = (current.version + 1) if current is not None else 1
    if compact is None:
        assert current is not None
        await current.delete(using_db=conn)
        result = None
    elif current is None:
        result = await PolicyEligibility.create(
            policy_id=policy_id, rule=compact, version=version, using_db=conn
        )
    else:
        current.rule, current.version = compact, version
        await current.save(using_db=conn)
        result = current
    await PolicyEligibilityRevision.create(
        policy_id=policy_id, version=version, rule=compact or {}, editor_id=editor_id, using_db=conn
    )
    await record_event(
        "policy.eligibility_changed",
        "policy",
        policy_id,
        {"policy_id": policy_id, "version": version},
        using_db=conn,
    )
    return result


# --------------------------------------------------------------------------- policy import hook


class ImportedRules:
    """The ``eligibility`` field of policy import lines (hooked into the JSONL importer):
    checked per line, saved once every policy of the file exists."""

    def __init__(self) -> None:
        self.rules: dict[str, dict[str, Any]] = {}
        self._tags: list[str] | None = None

    async def check(self, external_id: str | None, raw: Any) -> None:
        """Raise 422 (field ``eligibility.…``) for a bad rule; keep a good one."""
        if self._tags is None:
            self._tags = await known_tags()
        rule = validate_rule(raw, self._tags, prefix="eligibility")
        if external_id:
            self.rules[external_id] = rule.compact()

    async def save(self) -> None:
        if not self.rules:
            return
        ids = dict(
            await Policy.filter(external_id__in=list(self.rules)).values_list("external_id", "id")
        )
        for ext, rule in self.rules.items():
            if ext in ids:
                await save_rule(int(ids[ext]), rule, editor_id=None, tags=self._tags)
