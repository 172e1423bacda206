"""Policy library: every rule about creating, editing, publishing and reading policies.

Writes are one transaction each: the policy row, its classification tags, versions,
guide, links, search-index row, revision and outbox event commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model
from tortoise.transactions import in_transaction

from server.core.clock import local_today
from server.core.db import connection, insert_rows, placeholders
from server.core.errors import AppError, Conflict, Forbidden, NotFound, ValidationFailed
from server.core.jsonutil import dumps
from server.core.outbox import record_event
from server.core.permissions import Principal, Role
from server.core.routing import INT32_MAX
from server.policies.content import body_content
from server.policies.industries import industry_ancestors, is_valid_industry
from server.policies.models import (
    ApplicationGuide,
    Attachment,
    Classification,
    GlossaryTerm,
    IllustratedCard,
    Policy,
    PolicyLink,
    PolicyQuestion,
    PolicyRevision,
    PolicyStatus,
    PolicyTag,
    Scheme,
)
from server.policies.schemas import PolicyIn, PolicyPatch
from server.policies.taxonomy import (
    DISCLOSURE_STAGES,
    ENTERPRISE_CATEGORIES,
    ISSUERS,
    REGIONS,
    TOPICS,
    iter_nodes,
    region_ancestors,
    region_by_code,
)
from server.search.changes import record_changes

#: Scope tag of a policy that applies everywhere (no region codes given).
NATIONWIDE = "000000"
#: Tag of a policy for every industry (no industry codes given).
ALL_INDUSTRIES = "*"

#: Fields whose edits are recorded in a revision, in a stable order.
_TRACKED = (
    "title",
    "doc_number",
    "issuer",
    "publish_date",
    "effective_date",
    "expiry_date",
    "audience",
    "stage",
    "summary",
    "body_html",
    "topics",
    "industries",
    "categories",
    "regions",
)
_TRANSITIONS: dict[str, set[PolicyStatus]] = {
    "publish": {PolicyStatus.DRAFT, PolicyStatus.WITHDRAWN, PolicyStatus.EXPIRED},
    "withdraw": {PolicyStatus.PUBLISHED},
    "expire": {PolicyStatus.PUBLISHED},
}
_DONE = {"publish": "published", "withdraw": "withdrawn", "expire": "expired"}
_TARGET = {
    "publish": PolicyStatus.PUBLISHED,
    "withdraw": PolicyStatus.WITHDRAWN,
    "expire": PolicyStatus.EXPIRED,
}


# --------------------------------------------------------------------------- classifications


async def load_taxonomy() -> int:
    """Insert the built-in classification trees (idempotent). Returns how many were added."""
    rows: list[tuple[str, str, str, str | None, int]] = []
    for scheme, nodes in (
        (Scheme.TOPIC, TOPICS),
        (Scheme.CATEGORY, ENTERPRISE_CATEGORIES),
        (Scheme.STAGE, DISCLOSURE_STAGES),
    ):
        for order, node in enumerate(iter_nodes(nodes)):
            parent = node.code.rsplit(".", 1)[0] if "." in node.code else None
            rows.append((scheme.value, node.code, node.name, parent, order))
    for order, issuer in enumerate(ISSUERS):
        rows.append((Scheme.ISSUER.value, issuer.code, issuer.name, None, order))
    # Regions are not copied into the table: the complete GB/T 2260 list is reference data
    # (``taxonomy.REGIONS``), shown by ``classification_trees`` where policies use it.
    existing = {(c.scheme, c.code) for c in await Classification.all().only("scheme", "code")}
    new = [
        Classification(scheme=s, code=c, name=n, parent_code=p, sort_order=o)
        for s, c, n, p, o in rows
        if (s, c) not in existing
    ]
    if new:
        await Classification.bulk_create(new)
    return len(new)


@dataclass
class CodeBook:
    """Known classification codes, loaded once per request or import run."""

    topics: set[str]
    categories: set[str]
    issuers_by_name: dict[str, str]
    issuers_new: dict[str, str] = field(default_factory=dict)

    @classmethod
    async def load(cls) -> CodeBook:
        rows = await Classification.filter(
            scheme__in=[Scheme.TOPIC, Scheme.CATEGORY, Scheme.ISSUER]
        ).values_list("scheme", "code", "name")
        book = cls(topics=set(), categories=set(), issuers_by_name={})
        for scheme, code, name in rows:
            if scheme == Scheme.TOPIC:
                book.topics.add(code)
            elif scheme == Scheme.CATEGORY:
                book.categories.add(code)
            else:
                book.issuers_by_name[name] = code
        return book

    def issuer_code(self, name: str) -> str:
        """The issuing body's code; an unknown body gets a stable new code (机构 grows)."""
        known = self.issuers_by_name.get(name) or self.issuers_new.get(name)
        if known:
            return known
        code = "org-" + hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:10]
        self.issuers_new[name] = code
        return code

    async def save_new_issuers(self, conn: BaseDBAsyncClient) -> None:
        for name, code in self.issuers_new.items():
            await Classification.get_or_create(
                scheme=Scheme.ISSUER, code=code, defaults={"name": name}, using_db=conn
            )
            self.issuers_by_name[name] = code
        self.issuers_new.clear()


def check_codes(data: PolicyIn | PolicyPatch, book: CodeBook) -> None:
    for code in data.topics or []:
        if code not in book.topics:
            raise ValidationFailed(f"unknown topic code {code!r}", field="topics")
    for code in data.categories or []:
        if code not in book.categories:
            raise ValidationFailed(f"unknown category code {code!r}", field="categories")
    for code in data.industries or []:
        if not is_valid_industry(code):
            raise ValidationFailed(f"unknown GB/T 4754 industry code {code!r}", field="industries")
    for code in data.regions or []:
        if not (len(code) == 6 and code.isdigit() and code[:2] != "00"):
            raise ValidationFailed(f"not a GB/T 2260 region code: {code!r}", field="regions")


def link_relation(source_title: str) -> str:
    """A link from an interpretation (解读) is an interpretation; others are related."""
    return "interpretation" if "解读" in source_title else "related"


def _tags(policy: Policy | SimpleNamespace) -> list[tuple[str, str]]:
    """Every (scheme, code) a policy is filed under, ancestors included, for filters and counts."""
    tags: set[tuple[str, str]] = set()
    for code in policy.topics:
        parts = code.split(".")
        tags.update((Scheme.TOPIC.value, ".".join(parts[: i + 1])) for i in range(len(parts)))
    for code in policy.industries or [ALL_INDUSTRIES]:
        chain = [code] if code == ALL_INDUSTRIES else industry_ancestors(code)
        tags.update((Scheme.INDUSTRY.value, c) for c in chain)
    tags.update((Scheme.CATEGORY.value, c) for c in policy.categories)
    tags.update((Scheme.REGION.value, c) for c in (policy.regions or [NATIONWIDE]))
    tags.add((Scheme.STAGE.value, policy.stage))
    tags.add((Scheme.ISSUER.value, policy.issuer_code))
    return sorted(tags)


# --------------------------------------------------------------------------- writing


def require_editor(principal: Principal | None, policy: Policy | None) -> None:
    """Admins edit everything; staff only their department's policies."""
    if principal is None:  # the importer and demo seeding run as the system
        return
    if not principal.has(Role.STAFF, Role.ADMIN):
        raise Forbidden("only staff may edit policies")
    if policy is not None and not principal.can_manage_department(policy.department_id):
        raise Forbidden("this policy belongs to another department")


async def _resolve_related(refs: list[str], conn: BaseDBAsyncClient) -> list[int]:
    ids: list[int] = []
    for ref in refs:
        found = await Policy.filter(external_id=ref).using_db(conn).first()
        # ASCII digits in the id column's range only: "²" is a digit but no int, and a wider
        # number would overflow the database.
        if found is None and ref.isascii() and ref.isdigit() and int(ref) <= INT32_MAX:
            found = await Policy.filter(id=int(ref)).using_db(conn).first()
        if found is None:
            raise ValidationFailed(f"related policy {ref!r} does not exist", field="related")
        ids.append(found.id)
    return ids


def _child_rows(
    policy_id: int, data: PolicyIn | PolicyPatch, image_ids: list[int | None] | None = None
) -> dict[type[Model], list[Model]]:
    """New rows for the versions and guide present in ``data`` (one builder for the
    single and the bulk path). ``image_ids`` are the checked attachment ids of the cards."""
    rows: dict[type[Model], list[Model]] = {}
    if data.illustrated is not None:
        ids = image_ids or [None] * len(data.illustrated)
        rows[IllustratedCard] = [
            IllustratedCard(policy_id=policy_id, position=i, caption=c.caption, image_id=ids[i])
            for i, c in enumerate(data.illustrated)
        ]
    if data.glossary is not None:
        rows[GlossaryTerm] = [
            GlossaryTerm(policy_id=policy_id, position=i, term=g.term, definition=g.definition)
            for i, g in enumerate(data.glossary)
        ]
    if data.qa is not None:
        rows[PolicyQuestion] = [
            PolicyQuestion(policy_id=policy_id, position=i, question=q.question, answer=q.answer)
            for i, q in enumerate(data.qa)
        ]
    if data.guide is not None:
        g = data.guide
        rows[ApplicationGuide] = [
            ApplicationGuide(
                policy_id=policy_id,
                conditions=g.conditions,
                materials=[m.model_dump() for m in g.materials],
                steps=g.steps,
                window_start=g.window_start,
                window_end=g.window_end,
                online_url=g.online_url,
                offline_place=g.offline_place,
                hours=g.hours,
                phone=g.phone,
            )
        ]
    return rows


async def _usable_attachment(
    raw_id: object, purpose: str, department_id: int | None, conn: BaseDBAsyncClient
) -> bool:
    """Whether ``raw_id`` names an uploaded file of ``purpose`` owned by the department."""
    text = str(raw_id)
    if not (text.isascii() and text.isdigit()) or int(text) > INT32_MAX:
        return False
    return bool(
        await Attachment.filter(id=int(text), purpose=purpose, department_id=department_id)
        .using_db(conn)
        .exists()
    )


async def _checked_image_ids(
    data: PolicyIn | PolicyPatch, conn: BaseDBAsyncClient, department_id: int | None
) -> list[int | None] | None:
    """Card image ids, each an image uploaded by the policy's own department."""
    if data.guide is not None:
        for position, material in enumerate(data.guide.materials):
            sample = material.sample_attachment_id
            if sample is not None and not await _usable_attachment(
                sample, "sample", department_id, conn
            ):
                raise ValidationFailed(
                    "sample must be a sample file uploaded by this policy's department",
                    field=f"guide.materials.{position}.sample_attachment_id",
                )
    if data.illustrated is None:
        return None
    ids: list[int | None] = []
    for position, card in enumerate(data.illustrated):
        if not card.image:
            ids.append(None)
            continue
        if not await _usable_attachment(card.image, "image", department_id, conn):
            raise ValidationFailed(
                "image must be an image uploaded by this policy's department",
                field=f"illustrated.{position}.image",
            )
        ids.append(int(card.image))
    return ids


async def _insert_children(conn: BaseDBAsyncClient, rows: dict[type[Model], list[Model]]) -> None:
    for model, items in rows.items():
        if items:
            await model.bulk_create(items, using_db=conn)


async def _replace_children(
    policy: Policy, data: PolicyIn | PolicyPatch, conn: BaseDBAsyncClient
) -> None:
    """Rewrite the versions, guide and links present in ``data`` (absent ones stay)."""
    rows = _child_rows(policy.id, data, await _checked_image_ids(data, conn, policy.department_id))
    for model in rows:
        await model.filter(policy_id=policy.id).using_db(conn).delete()
    await _insert_children(conn, rows)
    if data.related is not None:
        targets = await _resolve_related(data.related, conn)
        await PolicyLink.filter(source_id=policy.id).using_db(conn).delete()
        for target in dict.fromkeys(targets):
            if target != policy.id:
                relation = link_relation(policy.title)
                await PolicyLink.create(
                    source_id=policy.id, target_id=target, relation=relation, using_db=conn
                )


async def _children_snapshot(policy_id: int, conn: BaseDBAsyncClient) -> dict[str, Any]:
    """The versions, guide and links of a policy in the shape a patch carries them."""
    cards = await IllustratedCard.filter(policy_id=policy_id).using_db(conn).order_by("position")
    terms = await GlossaryTerm.filter(policy_id=policy_id).using_db(conn).order_by("position")
    qs = await PolicyQuestion.filter(policy_id=policy_id).using_db(conn).order_by("position")
    guide = await ApplicationGuide.filter(policy_id=policy_id).using_db(conn).first()
    links = (
        await PolicyLink.filter(source_id=policy_id)
        .using_db(conn)
        .values_list("target_id", flat=True)
    )
    return {
        "illustrated": [
            {"caption": c.caption, "image": str(c.image_id) if c.image_id else None} for c in cards
        ],
        "glossary": [{"term": t.term, "definition": t.definition} for t in terms],
        "qa": [{"question": q.question, "answer": q.answer} for q in qs],
        "guide": None
        if guide is None
        else {
            "conditions": guide.conditions,
            "materials": guide.materials,
            "steps": guide.steps,
            "window_start": guide.window_start,
            "window_end": guide.window_end,
            "online_url": guide.online_url,
            "offline_place": guide.offline_place,
            "hours": guide.hours,
            "phone": guide.phone,
        },
        "related": sorted(set(links)),
    }


async def _proposed_children(patch: PolicyPatch, conn: BaseDBAsyncClient) -> dict[str, Any]:
    """The parts of ``patch`` that replace children, comparable with the snapshot."""
    out: dict[str, Any] = {}
    for name in ("illustrated", "glossary", "qa"):
        items = getattr(patch, name)
        if items is not None:
            out[name] = [item.model_dump() for item in items]
    if patch.guide is not None:
        out["guide"] = patch.guide.model_dump()
    if patch.related is not None:
        out["related"] = sorted(set(await _resolve_related(patch.related, conn)))
    return out


async def _write_tags(policy: Policy, conn: BaseDBAsyncClient) -> None:
    await PolicyTag.filter(policy_id=policy.id).using_db(conn).delete()
    await PolicyTag.bulk_create(
        [PolicyTag(policy_id=policy.id, scheme=s, code=c) for s, c in _tags(policy)],
        using_db=conn,
    )


def _snapshot(policy: Policy) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _TRACKED:
        value = getattr(policy, name)
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


@dataclass(frozen=True)
class PreparedContent:
    """Derived text of a policy: sanitised HTML and plain text (the search index is built
    by the indexer from the stored rows)."""

    body_html: str
    body_text: str


def prepare_content(body: str) -> PreparedContent:
    """The derived content of a write: sanitised HTML and its plain text (~10 µs for a
    plain-text body)."""
    return PreparedContent(*body_content(body))


def _policy_fields(
    data: PolicyIn, book: CodeBook, principal: Principal | None, content: PreparedContent
) -> dict[str, Any]:
    """The columns of a new policy: one list for the single and the bulk path."""
    return {
        "external_id": data.external_id,
        "title": data.title,
        "doc_number": data.doc_number,
        "issuer": data.issuer,
        "issuer_code": book.issuer_code(data.issuer),
        "publish_date": data.publish_date,
        "effective_date": data.effective_date,
        "expiry_date": data.expiry_date,
        "status": data.status,
        "audience": data.audience,
        "stage": data.stage,
        "summary": data.summary,
        "body_html": content.body_html,
        "body_text": content.body_text,
        "topics": data.topics,
        "industries": data.industries,
        "categories": data.categories,
        "regions": data.regions,
        "department_id": principal.department_id if principal else None,
        "published_at": (
            datetime.now(UTC) if data.status == PolicyStatus.PUBLISHED.value else None
        ),
    }


def _published_payload(policy: Policy | SimpleNamespace) -> dict[str, Any]:
    return {
        "policy_id": policy.id,
        "version": policy.version,
        "audience": policy.audience,
        "categories": policy.categories,
        "industries": policy.industries,
        "regions": policy.regions,
        "topics": policy.topics,
    }


async def create_many(
    items: list[tuple[PolicyIn, PreparedContent]], *, book: CodeBook, conn: BaseDBAsyncClient
) -> list[int]:
    """Bulk-create validated policies with external ids (the importer's fast path).

    Does in a handful of statements what :func:`create_policy` does per policy; related
    links are left to the caller, which resolves them once every policy exists.
    """
    if not items:
        return []
    now = datetime.now(UTC)
    # Plain rows, not ORM objects: at 100k policies the model layer's overhead dominates.
    policies = [
        SimpleNamespace(id=0, version=1, **_policy_fields(data, book, None, content))
        for data, content in items
    ]
    await book.save_new_issuers(conn)
    columns = (
        "external_id",
        "title",
        "doc_number",
        "issuer",
        "issuer_code",
        "publish_date",
        "effective_date",
        "expiry_date",
        "status",
        "audience",
        "stage",
        "summary",
        "body_html",
        "body_text",
        "version",
        "published_at",
    )
    json_columns = ("topics", "industries", "categories", "regions")
    await insert_rows(
        conn,
        "policies",
        (*columns, *json_columns, "created_at", "updated_at"),
        [
            (
                *(getattr(p, c) for c in columns),
                *(dumps(getattr(p, c)) for c in json_columns),
                now,
                now,
            )
            for p in policies
        ],
    )
    externals = [p.external_id for p in policies]
    marks = ", ".join(placeholders(len(externals), conn))
    _, found = await conn.execute_query(
        f'SELECT "external_id", "id" FROM "policies" WHERE "external_id" IN ({marks})', externals
    )
    ids = {row[0]: int(row[1]) for row in found}
    for policy in policies:
        policy.id = ids[policy.external_id]
    await insert_rows(
        conn,
        "policy_tags",
        ("policy_id", "scheme", "code"),
        [(p.id, s, c) for p in policies for s, c in _tags(p)],
    )
    children: dict[type[Model], list[Model]] = {}
    for policy, (data, _) in zip(policies, items, strict=True):
        if any(card.image for card in data.illustrated):
            raise ValidationFailed("imports cannot reference uploaded images", field="illustrated")
        for model, rows in _child_rows(policy.id, data).items():
            children.setdefault(model, []).extend(rows)
    await _insert_children(conn, children)
    now = datetime.now(UTC)
    await insert_rows(
        conn,
        "policy_revisions",
        ("policy_id", "version", "action", "changes", "created_at"),
        [(p.id, 1, "import", "{}", now) for p in policies],
    )
    await insert_rows(
        conn,
        "outbox_events",
        ("topic", "subject_type", "subject_id", "payload", "created_at", "attempts"),
        [
            ("policy.published", "policy", str(p.id), json.dumps(_published_payload(p)), now, 0)
            for p in policies
            if p.status == PolicyStatus.PUBLISHED
        ],
    )
    await record_changes(conn, [p.id for p in policies])
    return [p.id for p in policies]


async def create_policy(
    data: PolicyIn,
    *,
    principal: Principal | None,
    book: CodeBook | None = None,
    conn: BaseDBAsyncClient | None = None,
) -> Policy:
    """Create a policy (and publish it when ``status`` says so)."""
    require_editor(principal, None)
    book = book or await CodeBook.load()
    check_codes(data, book)
    if data.status != PolicyStatus.DRAFT.value and principal is not None:
        # Staff create drafts; publishing is its own, recorded step.
        raise ValidationFailed(
            "new policies start as drafts; publish them afterwards", field="status"
        )
    if conn is None:
        async with in_transaction() as tx:
            return await _create(data, principal, book, tx)
    return await _create(data, principal, book, conn)


async def _create(
    data: PolicyIn, principal: Principal | None, book: CodeBook, conn: BaseDBAsyncClient
) -> Policy:
    if (
        data.external_id
        and await Policy.filter(external_id=data.external_id).using_db(conn).exists()
    ):
        raise Conflict("a policy with this external_id exists", field="external_id")
    content = prepare_content(data.body)
    policy = Policy(**_policy_fields(data, book, principal, content))
    await policy.save(using_db=conn)
    await book.save_new_issuers(conn)
    await _write_tags(policy, conn)
    await _replace_children(policy, data, conn)
    await record_changes(conn, [policy.id])
    await PolicyRevision.create(
        policy=policy,
        version=1,
        action="create",
        editor_id=principal.user_id if principal else None,
        changes={},
        using_db=conn,
    )
    if policy.status == PolicyStatus.PUBLISHED:
        await _record_published(policy, conn)
    return policy


async def _record_published(policy: Policy, conn: BaseDBAsyncClient) -> None:
    await record_event(
        "policy.published", "policy", policy.id, _published_payload(policy), using_db=conn
    )


async def _get_for_update(policy_id: int, conn: BaseDBAsyncClient) -> Policy:
    policy = await Policy.filter(id=policy_id).using_db(conn).select_for_update().first()
    if policy is None:
        raise NotFound("no such policy")
    return policy


async def update_policy(
    policy_id: int, patch: PolicyPatch, *, principal: Principal | None
) -> Policy:
    """Edit a policy; edits of a published policy are kept as a revision."""
    book = await CodeBook.load()
    check_codes(patch, book)
    async with in_transaction() as conn:
        policy = await _get_for_update(policy_id, conn)
        require_editor(principal, policy)
        if patch.version is not None and patch.version != policy.version:
            raise Conflict(
                f"the policy changed since version {patch.version} (now {policy.version}); "
                "reload it and edit again",
                field="version",
                code="stale_version",
            )
        before = _snapshot(policy)
        fields = patch.model_dump(
            exclude_unset=True,
            exclude={"body", "illustrated", "glossary", "qa", "guide", "related", "version"},
        )
        for name, value in fields.items():
            if value is None and name in ("title", "issuer", "audience", "stage"):
                raise ValidationFailed(f"{name} may not be empty", field=name)
            setattr(policy, name, value if value is not None or name.endswith("date") else [])
        if patch.issuer is not None:
            policy.issuer_code = book.issuer_code(patch.issuer)
            await book.save_new_issuers(conn)
        if patch.body is not None:
            policy.body_html, policy.body_text = body_content(patch.body)
        if (
            policy.effective_date
            and policy.expiry_date
            and policy.expiry_date < policy.effective_date
        ):
            raise ValidationFailed("expiry_date is before effective_date", field="expiry_date")
        after = _snapshot(policy)
        changes: dict[str, Any] = {
            k: [before[k], after[k]] for k in _TRACKED if before[k] != after[k]
        }
        current = await _children_snapshot(policy.id, conn)
        proposed = await _proposed_children(patch, conn)
        child_changes = [k for k, v in proposed.items() if v != current[k]]
        if not changes and not child_changes:
            return policy
        policy.version += 1
        await policy.save(using_db=conn)
        await _write_tags(policy, conn)
        await _replace_children(policy, patch, conn)
        await record_changes(conn, [policy.id])
        for k in child_changes:
            changes[k] = "replaced"
        await PolicyRevision.create(
            policy=policy,
            version=policy.version,
            action="edit",
            editor_id=principal.user_id if principal else None,
            changes=changes,
            using_db=conn,
        )
        if policy.status == PolicyStatus.PUBLISHED:
            await record_event(
                "policy.updated",
                "policy",
                policy.id,
                {"policy_id": policy.id, "version": policy.version, "fields": sorted(changes)},
                using_db=conn,
            )
    return policy


async def transition(policy_id: int, action: str, *, principal: Principal | None) -> Policy:
    """``publish``, ``withdraw`` or ``expire`` a policy, recording who did it."""
    if action not in _TRANSITIONS:
        raise NotFound("no such action")
    async with in_transaction() as conn:
        policy = await _get_for_update(policy_id, conn)
        require_editor(principal, policy)
        current = PolicyStatus(policy.status)
        if current not in _TRANSITIONS[action]:
            raise Conflict(f"a {current.value} policy cannot be {_DONE[action]}", field="status")
        if action == "publish" and not policy.body_text and not policy.summary:
            raise ValidationFailed(
                "a policy needs a body or a summary to be published", field="body"
            )
        target = _TARGET[action]
        policy.status = target.value
        policy.version += 1
        if target == PolicyStatus.PUBLISHED:
            policy.published_at = datetime.now(UTC)
            policy.publish_date = policy.publish_date or local_today()
        await policy.save(using_db=conn)
        await record_changes(conn, [policy.id])
        await PolicyRevision.create(
            policy=policy,
            version=policy.version,
            action=action,
            editor_id=principal.user_id if principal else None,
            changes={"status": [current.value, target.value]},
            using_db=conn,
        )
        if target == PolicyStatus.PUBLISHED:
            await _record_published(policy, conn)
        else:
            await record_event(
                f"policy.{target.value}",
                "policy",
                policy.id,
                {"policy_id": policy.id},
                using_db=conn,
            )
    return policy


# --------------------------------------------------------------------------- reading


def _may_read(policy: Policy, principal: Principal | None) -> bool:
    if policy.status in (PolicyStatus.PUBLISHED, PolicyStatus.EXPIRED):
        return True
    return principal is not None and principal.can_manage_department(policy.department_id)


async def get_policy(policy_id: int, principal: Principal | None) -> Policy:
    policy = await Policy.get_or_none(id=policy_id)
    if policy is None or not _may_read(policy, principal):
        raise NotFound("no such policy")
    return policy


async def policy_detail(policy_id: int, principal: Principal | None) -> dict[str, Any]:
    """A policy with its three versions, glossary, Q&A, guide, attachments and links."""
    policy = await get_policy(policy_id, principal)
    cards = await IllustratedCard.filter(policy_id=policy.id).order_by("position")
    glossary = await GlossaryTerm.filter(policy_id=policy.id).order_by("position")
    questions = await PolicyQuestion.filter(policy_id=policy.id).order_by("position")
    guide = await ApplicationGuide.get_or_none(policy_id=policy.id)
    attachments = await Attachment.filter(policy_id=policy.id, purpose="attachment").order_by("id")
    links = await PolicyLink.filter(source_id=policy.id).values_list("target_id", "relation")
    back = await PolicyLink.filter(target_id=policy.id).values_list("source_id", "relation")
    linked_ids = {t for t, _ in links} | {s for s, _ in back}
    visible = {
        p.id: p
        for p in await Policy.filter(
            id__in=linked_ids, status__in=[PolicyStatus.PUBLISHED, PolicyStatus.EXPIRED]
        )
    }
    related = [
        {
            "id": pid,
            "title": visible[pid].title,
            "doc_number": visible[pid].doc_number,
            "relation": relation,
        }
        for pid, relation in [*links, *back]
        if pid in visible
    ]
    return {
        "id": policy.id,
        "title": policy.title,
        "doc_number": policy.doc_number,
        "issuer": policy.issuer,
        "publish_date": policy.publish_date,
        "effective_date": policy.effective_date,
        "expiry_date": policy.expiry_date,
        "status": policy.status,
        "audience": policy.audience,
        "stage": policy.stage,
        "topics": policy.topics,
        "industries": policy.industries,
        "categories": policy.categories,
        "regions": policy.regions,
        "version": policy.version,
        "versions": {
            "full_text": policy.body_html,
            "summary": policy.summary,
            "illustrated": [
                {
                    "position": c.position,
                    "caption": c.caption,
                    "image_url": f"/api/v1/attachments/{c.image_id}" if c.image_id else None,
                }
                for c in cards
            ],
        },
        "glossary": [{"term": g.term, "definition": g.definition} for g in glossary],
        "qa": [{"question": q.question, "answer": q.answer} for q in questions],
        "guide": None
        if guide is None
        else {
            "conditions": guide.conditions,
            "materials": [
                {
                    **m,
                    "sample_url": (
                        f"/api/v1/attachments/{m['sample_attachment_id']}"
                        if m.get("sample_attachment_id")
                        else None
                    ),
                }
                for m in guide.materials
            ],
            "steps": guide.steps,
            "window_start": guide.window_start,
            "window_end": guide.window_end,
            "window_open": _window_open(guide.window_start, guide.window_end),
            "online_url": guide.online_url,
            "offline_place": guide.offline_place,
            "hours": guide.hours,
            "phone": guide.phone,
        },
        "attachments": [
            {
                "id": a.id,
                "filename": a.filename,
                "content_type": a.content_type,
                "size": a.size,
                "url": f"/api/v1/attachments/{a.id}",
            }
            for a in attachments
        ],
        "related": related,
    }


def _window_open(start: date | None, end: date | None) -> bool | None:
    if start is None and end is None:
        return None
    today = local_today()
    return (start is None or start <= today) and (end is None or today <= end)


async def revisions(policy_id: int, principal: Principal) -> list[dict[str, Any]]:
    policy = await Policy.get_or_none(id=policy_id)
    if policy is None:
        raise NotFound("no such policy")
    require_editor(principal, policy)
    rows = await PolicyRevision.filter(policy_id=policy_id).order_by("version", "id")
    return [
        {
            "version": r.version,
            "action": r.action,
            "editor_id": r.editor_id,
            "changes": r.changes,
            "created_at": r.created_at.isoformat(),
        }
        for r in rows
    ]


async def tag_counts() -> dict[tuple[str, str], int]:
    """Published policies per (scheme, code), from the database (the search engine counts
    the same from its index: ``SearchEngine.facet_counts``)."""
    rows = await connection().execute_query_dict(
        "SELECT t.scheme AS scheme, t.code AS code, COUNT(DISTINCT t.policy_id) AS n "
        "FROM policy_tags t JOIN policies p ON p.id = t.policy_id "
        "WHERE p.status = 'published' GROUP BY t.scheme, t.code"
    )
    return {(r["scheme"], r["code"]): int(r["n"]) for r in rows}


async def classification_trees(
    counts: dict[tuple[str, str], int] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every classification tree with the number of published policies under each node
    (``counts`` from the search engine's facets; the database counts when not given)."""
    if counts is None:
        counts = await tag_counts()
    nodes = await Classification.all().order_by("scheme", "sort_order", "code")
    trees: dict[str, list[dict[str, Any]]] = {}
    by_key: dict[tuple[str, str], dict[str, Any]] = {
        (n.scheme, n.code): {
            "code": n.code,
            "name": n.name,
            "count": counts.get((n.scheme, n.code), 0),
            "children": [],
        }
        for n in nodes
    }
    # Two passes: a node added later may sort before its parent.
    for n in nodes:
        item = by_key[(n.scheme, n.code)]
        parent = by_key.get((n.scheme, n.parent_code)) if n.parent_code else None
        if parent is not None:
            parent["children"].append(item)
        else:
            trees.setdefault(n.scheme, []).append(item)
    trees[Scheme.INDUSTRY.value] = _industry_tree(counts)
    known = {r.code for r in REGIONS}
    added = [n for n in trees.get(Scheme.REGION.value, []) if n["code"] not in known]
    trees[Scheme.REGION.value] = [*_region_tree(counts), *added]
    return trees


def _region_tree(counts: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    """GB/T 2260 regions that policies are scoped to, under their province and city (the
    complete list has ~3,300 nodes; ancestors are shown with their own count)."""
    used = {code for scheme, code in counts if scheme == Scheme.REGION.value}
    shown: set[str] = set()
    for code in used:
        region = region_by_code(code)
        while region is not None and region.code not in shown:
            shown.add(region.code)
            region = region_by_code(region.parent) if region.parent else None
    items: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for region in REGIONS:  # parents come before children in code order
        if region.code not in shown:
            continue
        item = {
            "code": region.code,
            "name": region.name,
            "count": counts.get((Scheme.REGION.value, region.code), 0),
            "children": [],
        }
        items[region.code] = item
        parent = items.get(region.parent) if region.parent else None
        (parent["children"] if parent is not None else roots).append(item)
    return roots


def _industry_tree(counts: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    """Industries that have policies (the full GB/T 4754 tree has ~1,900 nodes)."""
    from server.policies.industries import industry_tree

    items: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for code, name, parent in industry_tree():
        count = counts.get((Scheme.INDUSTRY.value, code), 0)
        if not count:
            continue
        item = {"code": code, "name": name, "count": count, "children": []}
        items[code] = item
        if parent and parent in items:
            items[parent]["children"].append(item)
        else:
            roots.append(item)
    return roots


def region_scope(code: str) -> list[str]:
    """The scope codes that cover a resident of ``code``: its ancestors and nationwide."""
    try:
        return [*region_ancestors(code), NATIONWIDE]
    except ValueError:
        raise AppError("not a GB/T 2260 region code", field="region") from None
