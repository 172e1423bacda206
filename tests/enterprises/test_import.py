"""``zwgk import-enterprises``: credit codes, per-line rejects, idempotent upsert, encodings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from server.core.errors import ValidationFailed
from server.core.outbox import OutboxEvent
from server.enterprises.models import Enterprise
from server.enterprises.service import check_uscc, mask_name
from tests.enterprises.conftest import CSV_HEADER, csv_line, import_csv, make_uscc


def test_credit_code_check_character() -> None:
    good = make_uscc(1)
    assert check_uscc(good.lower()) == good
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationFailed) as err:
        check_uscc(wrong)
    assert "校验位" in str(err.value)
    with pytest.raises(ValidationFailed):
        check_uscc("91320682")


def test_mask_name() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("") == ""


async def test_import_upsert_and_rejects(app: Any, sample_csv: str) -> None:
    bad_check = make_uscc(90)[:-1] + ("0" if make_uscc(90)[-1] != "0" else "1")
    text = "\n".join(
        [
            CSV_HEADER,
            csv_line(1),
            csv_line(2, employees="", annual_revenue="", tags=""),
            csv_line(3, uscc=bad_check),
            csv_line(4, region="999999"),
            csv_line(5, industry="3X11"),
            csv_line(6, employees="十二"),
            csv_line(7, established_on="2020/01/01"),
            csv_line(8, nature="合资"),
            csv_line(9, tags="高新技术企业;虚构资质"),
            csv_line(1),
            csv_line(10, size="中型", nature="state_owned"),
        ]
    )
    report = await import_csv(text)
    assert report.created == 3
    reasons = {r.line: r.reason for r in report.rejected}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9, 10, 11]
    assert "校验位" in reasons[4]
    assert reasons[5].startswith("region:")
    assert reasons[6].startswith("industry:")
    assert reasons[7].startswith("employees:")
    assert reasons[8].startswith("established_on:")
    assert reasons[9].startswith("nature:")
    assert reasons[10].startswith("tags:")
    assert reasons[11] == "uscc: repeated in this file"
    e1 = await Enterprise.get(uscc=make_uscc(1))
    assert (e1.size, e1.size_declared, e1.nature) == ("small", False, "private")
    assert e1.tags == ["高新技术企业", "科技型中小企业"]
    assert e1.anniversary == "03-15"
    e2 = await Enterprise.get(uscc=make_uscc(2))
    # Empty cells are unknown, never zero; no figures → size unknown; empty tags → none.
    assert (e2.employees, e2.annual_revenue, e2.size, e2.tags) == (None, None, None, [])
    e10 = await Enterprise.get(uscc=make_uscc(10))
    assert (e10.size, e10.size_declared, e10.nature) == ("medium", True, "state_owned")
    events = await OutboxEvent.filter(topic="enterprise.changed").count()
    assert events == 1

    # Re-import: nothing changes, no new events; one changed row is updated.
    again = await import_csv(text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert await OutboxEvent.filter(topic="enterprise.changed").count() == 1
    changed = await import_csv("\n".join([CSV_HEADER, csv_line(1, employees="12")]))
    assert (changed.created, changed.updated) == (0, 1)
    e1 = await Enterprise.get(uscc=make_uscc(1))
    assert (e1.employees, e1.version, e1.size) == (12, 2, "micro")
    assert await Enterprise.all().count() == 3


async def test_chinese_header_and_batches(app: Any) -> None:
    header = (
        "统一社会信用代码,企业名称,法定代表人,所在地区,行业代码,企业性质,企业规模,成立日期,"
        "注册资本,从业人员,营业收入,资质标签"
    )
    lines = [header, *(csv_line(i) for i in range(1, 26))]
    report = await import_csv("\n".join(lines), batch_size=10)
    assert report.created == 25 and not report.rejected
    events = await OutboxEvent.filter(topic="enterprise.changed").order_by("id")
    assert [len(e.payload["enterprise_ids"]) for e in events] == [10, 10, 5]


async def test_cli_bom_and_gb18030(app: Any, settings: Any, tmp_path: Path) -> None:
    """The command over real files: UTF-8 with BOM, then the same rows in GB18030."""
    import asyncio
    import os

    env = {
        **os.environ,
        "ZWGK_DATABASE__URL": settings.database.url,
        "ZWGK_REDIS__URL": settings.redis.url,
        "ZWGK_ENV": "test",
    }
    cmd = [sys.executable, "-m", "server.cli", "import-enterprises"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cmd, *args], env=env, capture_output=True, text=True, check=False, timeout=120
        )

    text = "\n".join([CSV_HEADER, *(csv_line(i) for i in range(1, 4))]) + "\n"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    out = await asyncio.to_thread(run, str(bom))
    assert out.returncode == 0, out.stderr + out.stdout
    assert "created 3" in out.stdout
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(text.replace("测试机械", "测试机电").encode("gb18030"))
    out = await asyncio.to_thread(run, str(gbk), "--encoding", "gb18030")
    assert out.returncode == 0, out.stderr + out.stdout
    assert "updated 3" in out.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_HEADER + "\n" + csv_line(50, region="110000x") + "\n", encoding="utf-8")
    out = await asyncio.to_thread(run, str(bad))
    assert out.returncode == 1
    assert "line 2" in out.stdout and "region" in out.stdout
    names = [e.name for e in await Enterprise.all().order_by("id")]
    assert names[0] == "如皋市测试机电有限公司1"


async def test_policy_import_carries_eligibility(app: Any) -> None:
    import json

    from server.enterprises.models import PolicyEligibility
    from server.policies.importer import import_lines

    def line(ext: str, rule: object) -> str:
        return json.dumps(
            {
                "external_id": ext,
                "title": "如皋市科技型中小企业研发费用补助办法",
                "issuer": "如皋市科学技术局",
                "status": "published",
                "summary": "对科技型中小企业研发投入给予补助。",
                "eligibility": rule,
            },
            ensure_ascii=False,
        )

    report = await import_lines(
        [
            line("kj-001", {"tags_all": ["科技型中小企业"], "employees": {"min": 5}}),
            line("kj-002", {"industries": ["ZZ"]}),
        ]
    )
    assert report.created == 1
    assert [(r.line, r.reason.split(":")[0]) for r in report.rejected] == [
        (2, "eligibility.industries")
    ]
    saved = await PolicyEligibility.all()
    assert [s.rule for s in saved] == [{"tags_all": ["科技型中小企业"], "employees": {"min": 5.0}}]
