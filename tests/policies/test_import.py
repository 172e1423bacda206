"""JSONL import: every bad line reported with its number and the field at fault, good lines
imported, re-runs idempotent by external_id, ``--update`` recorded as revisions, and the
``zwgk import-policies`` command end to end."""

from __future__ import annotations

import asyncio
import importlib
import json
import sqlite3
import zlib
from typing import Any

import pytest

from server.core.outbox import OutboxEvent
from server.policies.importer import ImportReport, import_lines
from server.policies.models import GlossaryTerm, Policy, PolicyLink, PolicyRevision, PolicyTag
from tests.conftest import PG_URL
from tests.helpers import run_zwgk


def record(ext: str, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "external_id": ext,
        "title": f"如皋市民政局关于{ext}事项的通知",
        "doc_number": f"皋民发〔2024〕{zlib.crc32(ext.encode()) % 1000}号",
        "issuer": "如皋市民政局",
        "publish_date": "2024-03-01",
        "status": "published",
        "audience": "residents",
        "stage": "service",
        "summary": "为老年人提供助餐服务。",
        "body": "一、服务对象。\n二、服务内容。",
        "topics": ["elderly-care.home-care"],
        "regions": ["320682"],
    }
    data.update(overrides)
    return data


def line(ext: str, **overrides: Any) -> str:
    return json.dumps(record(ext, **overrides), ensure_ascii=False)


def reasons(report: ImportReport) -> dict[int, str]:
    return {r.line: r.reason for r in report.rejected}


GOOD_AND_BAD = [
    line("imp-a", title="如皋市民政局关于老年助餐点建设的通知", related=["imp-c"]),  # 1
    '{"external_id": "imp-x", "title": ',  # 2: bad JSON
    line(
        "imp-c",
        title="如皋市民政局关于老年助餐补贴标准的通知",  # 3
        glossary=[{"term": "助餐点", "definition": "为老年人提供就餐服务的场所"}],
    ),
    line("imp-t", topics=["elderly-care", "no-such-topic"]),  # 4: unknown topic
    line("imp-d", publish_date="2024-02-30"),  # 5: malformed date
    json.dumps({k: v for k, v in record("imp-n").items() if k != "title"}),  # 6: no title
    line("imp-a", title="重复的外部编号"),  # 7: duplicate external_id
    "   ",  # 8: blank lines are skipped
    line("imp-k", categories=["rainbows"]),  # 9: unknown category
    line("", title="没有外部编号的政策"),  # 10: no external_id
    line(
        "imp-e", status="draft", title="如皋市民政局关于老年助餐服务规范的通知（征求意见稿）"
    ),  # 11
    line("imp-i", industries=["Q99"]),  # 12: unknown industry
    line("imp-r", regions=["12"]),  # 13: bad region code
    line("imp-s", stage="planning"),  # 14: unknown stage
]
GOOD = {"imp-a", "imp-c", "imp-e"}


async def test_bad_lines_are_reported_and_good_lines_imported(app, client):
    report = await import_lines(GOOD_AND_BAD)
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    got = reasons(report)
    assert sorted(got) == [2, 4, 5, 6, 7, 9, 10, 12, 13, 14], report.rejected
    assert got[2].startswith("not valid JSON")
    expected_fields = {
        4: "topics",
        5: "publish_date",
        6: "title",
        7: "external_id",
        9: "categories",
        10: "external_id",
        12: "industries",
        13: "regions",
        14: "stage",
    }
    for number, field in expected_fields.items():
        assert got[number].startswith(f"{field}:"), (number, got[number])
    assert "no-such-topic" in got[4] and "rainbows" in got[9] and "repeated" in got[7]
    by_line = {r.line: r.external_id for r in report.rejected}
    assert (by_line[4], by_line[7]) == ("imp-t", "imp-a")

    # Only the good lines exist, complete; nothing of a bad line was half-saved.
    stored = {p.external_id: p for p in await Policy.all()}
    assert set(stored) == GOOD
    a, c, e = stored["imp-a"], stored["imp-c"], stored["imp-e"]
    assert a.title == "如皋市民政局关于老年助餐点建设的通知"  # the first imp-a line wins
    assert (a.status, e.status) == ("published", "draft")
    assert a.body_html == "<p>一、服务对象。</p><p>二、服务内容。</p>"
    assert await GlossaryTerm.filter(policy_id=c.id).count() == 1
    tags = set(await PolicyTag.filter(policy_id=a.id).values_list("scheme", "code"))
    assert {
        ("topic", "elderly-care"),
        ("topic", "elderly-care.home-care"),
        ("region", "320682"),
        ("stage", "service"),
    } <= tags
    # 如皋市民政局 is not built in (only national bodies are): it got a stable generated code.
    (issuer_tag,) = [code for scheme, code in tags if scheme == "issuer"]
    assert issuer_tag == a.issuer_code and issuer_tag.startswith("org-")
    # The forward reference of line 1 to line 3 is resolved.
    assert await PolicyLink.filter(source_id=a.id, target_id=c.id).count() == 1
    events = await OutboxEvent.filter(topic="policy.published").values_list("subject_id", flat=True)
    assert sorted(events) == sorted([str(a.id), str(c.id)])
    assert await PolicyRevision.all().count() == 3
    # Imported policies are searchable at once; the draft is not.
    r = await client.get("/api/v1/policies/search", params={"q": "老年助餐"})
    assert {i["id"] for i in r.json()["items"]} == {a.id, c.id}
    detail = (await client.get(f"/api/v1/policies/{c.id}")).json()
    assert [x["id"] for x in detail["related"]] == [a.id]

    # A second run changes nothing and reports the same bad lines.
    again = await import_lines(GOOD_AND_BAD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert reasons(again) == got
    assert {p.external_id: p.version for p in await Policy.all()} == dict.fromkeys(GOOD, 1)
    assert await PolicyRevision.all().count() == 3
    assert await OutboxEvent.all().count() == 2
    assert await PolicyLink.all().count() == 1


async def test_unknown_related_policy_skips_the_link_only(app):
    report = await import_lines([line("imp-a", related=["imp-zzz", "imp-b"]), line("imp-b")])
    assert report.created == 2
    # The policy is saved, so the skipped link is a warning, not a rejected line.
    assert report.rejected == []
    assert [(r.line, r.external_id) for r in report.warnings] == [(1, "imp-a")]
    assert (
        report.warnings[0].reason.startswith("related:") and "imp-zzz" in report.warnings[0].reason
    )
    assert await PolicyLink.all().count() == 1


async def test_small_batches_are_written_in_order_while_later_lines_are_checked(app):
    """Batches are written while the next lines are validated: every good line lands once,
    in file order, bad lines between batches are still reported, and links may point to a
    policy of a later batch."""
    lines = []
    for i in range(11):
        lines.append(line(f"imp-{i:02d}", related=["imp-10"] if i == 0 else []))
        if i % 4 == 1:
            lines.append('{"external_id": ')  # bad JSON between batches
    seen: list[int] = []
    report = await import_lines(lines, batch_size=3, progress=seen.append)
    assert report.created == 11 and len(report.rejected) == 3
    assert seen == [3, 3, 3, 2]
    ids = await Policy.all().order_by("id").values_list("external_id", flat=True)
    assert ids == [f"imp-{i:02d}" for i in range(11)]
    assert await PolicyRevision.all().count() == 11
    assert await PolicyLink.all().count() == 1
    again = await import_lines(lines, batch_size=3)
    assert (again.created, again.unchanged) == (0, 11)


async def test_a_failing_batch_stops_the_import_and_keeps_earlier_batches(app, monkeypatch):
    from server.policies import service

    real = service.create_many
    calls = 0

    async def fail_second(items, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("disk full")
        return await real(items, **kwargs)

    monkeypatch.setattr(service, "create_many", fail_second)
    with pytest.raises(RuntimeError, match="disk full"):
        await import_lines([line(f"imp-{i}") for i in range(7)], batch_size=2)
    # No write is left pending behind the error: the ones after it were stopped and
    # have unwound.
    pending = [t for t in asyncio.all_tasks() if "import_lines" in repr(t.get_coro())]
    assert not [t for t in pending if not t.done()]
    # The first batch committed; the failed one left nothing; none after it ran.
    assert await Policy.all().values_list("external_id", flat=True) == ["imp-0", "imp-1"]
    assert calls == 2


async def test_update_changes_an_edited_title_and_records_a_revision(app, client):
    lines = [line("imp-a"), line("imp-b"), line("imp-c")]
    assert (await import_lines(lines)).created == 3
    old = await Policy.get(external_id="imp-b")
    # Shown once before the edit: its list item is now in the engine's document cache.
    r = await client.get("/api/v1/policies", params={"page_size": 50})
    assert old.title in [i["title"] for i in r.json()["items"]]
    edited = [lines[0], line("imp-b", title="如皋市民政局关于老年助餐事项的补充通知"), lines[2]]

    plain = await import_lines(edited)  # without --update, existing policies stay as they are
    assert (plain.created, plain.updated, plain.unchanged) == (0, 0, 3)
    assert (await Policy.get(id=old.id)).title == old.title

    report = await import_lines(edited, update_existing=True)
    assert report.created == 0 and report.updated >= 1 and not report.rejected
    new = await Policy.get(id=old.id)
    assert new.title == "如皋市民政局关于老年助餐事项的补充通知"
    assert new.version == 2
    revision = await PolicyRevision.get(policy_id=old.id, version=2)
    assert revision.action == "edit" and revision.editor_id is None
    assert revision.changes["title"] == [old.title, new.title]
    updated = await OutboxEvent.filter(topic="policy.updated", subject_id=str(old.id)).count()
    assert updated == 1
    r = await client.get("/api/v1/policies/search", params={"q": "补充通知"})
    assert [i["id"] for i in r.json()["items"]] == [old.id]
    assert r.json()["items"][0]["title"] == new.title
    r = await client.get("/api/v1/policies", params={"page_size": 50})
    titles = {i["id"]: i["title"] for i in r.json()["items"]}
    assert titles[old.id] == new.title  # the edit, not the cached item


async def test_update_leaves_unedited_lines_unchanged(app):
    lines = [line("imp-a"), line("imp-b"), line("imp-c")]
    await import_lines(lines)
    edited = [lines[0], line("imp-b", title="如皋市民政局关于老年助餐事项的补充通知"), lines[2]]
    report = await import_lines(edited, update_existing=True)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    versions = dict(await Policy.all().values_list("external_id", "version"))
    assert versions == {"imp-a": 1, "imp-b": 2, "imp-c": 1}
    revision = await PolicyRevision.get(
        policy_id=(await Policy.get(external_id="imp-b")).id, version=2
    )
    assert set(revision.changes) == {"title"}


async def test_a_line_referencing_an_uploaded_image_is_rejected_alone(app):
    report = await import_lines(
        [
            line("imp-a"),
            line("imp-b", illustrated=[{"caption": "一图读懂", "image": "1"}]),
            line("imp-c"),
        ]
    )
    assert report.created == 2
    assert [r.line for r in report.rejected] == [2]
    assert report.rejected[0].reason.startswith("illustrated")


async def test_imported_interpretations_are_linked_as_interpretations(app):
    await import_lines(
        [
            line("rg-x", title="如皋市民政局关于老年助餐服务的通知"),
            line(
                "jd-x",
                title="《如皋市民政局关于老年助餐服务的通知》政策解读",
                doc_number="",
                related=["rg-x"],
            ),
        ]
    )
    link = await PolicyLink.get(source__external_id="jd-x")
    assert link.relation == "interpretation"


# --------------------------------------------------------------------------- the command


@pytest.mark.skipif(bool(PG_URL), reason="the command runs against its own SQLite file")
def test_import_policies_command_end_to_end(tmp_path):
    assert run_zwgk(tmp_path, "migrate").returncode == 0
    source = tmp_path / "policies.jsonl"
    source.write_text(
        "\n".join(
            [
                line("cli-a", title="如皋市民政局关于社区助浴服务的通知"),
                "{oops",
                line("cli-b", topics=["unknown-topic"]),
                line("cli-c", related=["cli-a"]),
                # Written by a clerk: labels, not codes.
                line("cli-d", stage="服务", audience="居民", topics=["养老服务/居家社区养老"]),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    run = run_zwgk(tmp_path, "import-policies", str(source))
    assert run.returncode == 1, run.stderr
    assert "created 3, updated 0, unchanged 0, rejected 2" in run.stdout
    assert "line 2 (-): not valid JSON" in run.stdout
    assert "line 3 (cli-b): topics: unknown topic code 'unknown-topic'" in run.stdout

    source.write_text(
        line("cli-a", title="如皋市民政局关于社区助浴服务的补充通知")
        + "\n"
        + line("cli-c", related=["cli-a"])
        + "\n",
        encoding="utf-8",
    )
    again = run_zwgk(tmp_path, "import-policies", str(source))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "created 0, updated 0, unchanged 2, rejected 0" in again.stdout

    source.write_text(
        line("cli-a", title="如皋市民政局关于社区助浴服务的补充通知") + "\n", encoding="utf-8"
    )
    update = run_zwgk(tmp_path, "import-policies", "--update", str(source))
    assert update.returncode == 0, update.stdout + update.stderr
    assert "created 0, updated 1, unchanged 0, rejected 0" in update.stdout

    missing = run_zwgk(tmp_path, "import-policies", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "no such file" in missing.stderr

    with sqlite3.connect(tmp_path / "cli.db") as db:
        rows = dict(db.execute("SELECT external_id, title FROM policies").fetchall())
        labelled = db.execute(
            "SELECT stage, audience, topics FROM policies WHERE external_id = 'cli-d'"
        ).fetchone()
        links = db.execute("SELECT COUNT(*) FROM policy_links").fetchone()[0]
        revisions = db.execute("SELECT COUNT(*) FROM policy_revisions").fetchone()[0]
    assert rows == {
        "cli-a": "如皋市民政局关于社区助浴服务的补充通知",
        "cli-c": record("cli-c")["title"],
        "cli-d": record("cli-d")["title"],
    }
    assert labelled[:2] == ("service", "residents")
    assert json.loads(labelled[2]) == ["elderly-care.home-care"]
    assert links == 1 and revisions == 4


# A file as a clerk writes it: labels instead of codes (issue 6).
CHINESE_LABELS = [
    line(
        "lbl-a",
        stage="服务",
        audience="居民",
        topics=["居家社区养老", "社会保障/养老保险"],
    ),
    line(
        "lbl-b",
        title="如皋市人力资源和社会保障局关于稳岗返还的通知",
        stage="执行",
        audience="企业",
        topics=["就业补贴", "employment"],  # labels and codes mix
        categories=["稳岗就业", "纾困帮扶"],
    ),
    line(
        "lbl-c",
        title="如皋市关于征求意见的公告",
        stage="决策",
        audience="通用",
        topics=["政务公开"],
    ),
    line("lbl-d", stage="规划"),  # 4: unknown stage label
    line("lbl-e", audience="老人"),  # 5: unknown audience label
    line("lbl-f", topics=["噪音管理"]),  # 6: unknown topic label
    line("lbl-g", categories=["彩虹"]),  # 7: unknown category label
    line("lbl-h", topics=["补贴"]),  # 8: ambiguous (two nodes named 补贴, see below)
    line("lbl-i", topics=["养老服务/补贴"]),  # 9: the path form disambiguates
]


async def test_chinese_labels_are_accepted_as_codes(app):
    from server.policies.models import Classification, Scheme

    for parent in ("elderly-care", "agriculture"):
        await Classification.create(
            scheme=Scheme.TOPIC, code=f"{parent}.aid", name="补贴", parent_code=parent
        )
    report = await import_lines(CHINESE_LABELS)
    got = reasons(report)
    assert report.created == 4, report.rejected
    assert sorted(got) == [4, 5, 6, 7, 8]
    assert got[4].startswith("stage: unknown stage '规划'") and "决策" in got[4]
    assert got[5].startswith("audience: unknown audience '老人'") and "居民" in got[5]
    assert got[6].startswith("topics: unknown topic '噪音管理'")
    assert got[7].startswith("categories: unknown category '彩虹'")
    assert got[8].startswith("topics: '补贴' names several topics")
    assert "agriculture.aid" in got[8] and "elderly-care.aid" in got[8]

    stored = {p.external_id: p for p in await Policy.all()}
    a, b, c, i = stored["lbl-a"], stored["lbl-b"], stored["lbl-c"], stored["lbl-i"]
    assert (a.stage, a.audience) == ("service", "residents")
    assert a.topics == ["elderly-care.home-care", "social-security.pension"]
    assert (b.stage, b.audience) == ("execution", "enterprises")
    assert b.topics == ["employment.subsidy", "employment"]
    assert b.categories == ["employment", "relief"]
    assert (c.stage, c.audience, c.topics) == ("decision", "both", ["grassroots.openness"])
    assert i.topics == ["elderly-care.aid"]


async def test_writes_maintain_no_index_that_no_query_reads(app):
    """Migration 0012 dropped the policy indexes nothing reads any more; the database's
    classification counts (the fallback while the engine is not ready) still agree with
    the engine's without them."""
    from server.core.db import connection, dialect
    from server.policies.service import tag_counts

    migration = importlib.import_module("server.migrations.0012_policy_write_indexes")

    conn = connection()
    if dialect() == "sqlite":
        rows = await conn.execute_query_dict("SELECT name FROM sqlite_master WHERE type = 'index'")
    else:
        rows = await conn.execute_query_dict("SELECT indexname AS name FROM pg_indexes")
    names = {r["name"] for r in rows}
    assert not names & set(migration.INDEXES)
    assert "idx_policies_status_9dfe5d" in names  # the admin list's filter keeps its index

    report = await import_lines(
        [
            line("idx-a", topics=["elderly-care.home-care"], categories=["稳岗就业"]),
            line("idx-b", topics=["elderly-care.home-care"], regions=["320682", "320600"]),
            line("idx-c", status="draft", regions=["320681"]),
        ]
    )
    assert report.created == 3 and not report.rejected
    engine = app.ctx.search_engine
    await app.ctx.indexer.catch_up()
    engine.refresh(force=True)
    counts = await tag_counts()
    assert counts == engine.facet_counts()
    assert counts[("topic", "elderly-care.home-care")] == 2
    assert counts[("region", "320600")] == 1
    assert ("region", "320681") not in counts  # only the draft has it
