"""Fixtures of the enterprises tests: credit codes, enterprises, policies with rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from stdnum.cn import uscc as uscc_std

from server.enterprises.rules import Facts
from tests.helpers import sign_in_staff


def make_uscc(n: int, region: str = "320682") -> str:
    """A valid 统一社会信用代码 for serial ``n`` (check character computed)."""
    body = f"91{region}MA{n:07d}"
    return body + uscc_std.calc_check_digit(body)


def facts(**kw: Any) -> Facts:
    base: dict[str, Any] = {
        "region": "320682",
        "industry": "3911",
        "size": "small",
        "nature": "private",
        "established_on": date(2020, 5, 1),
        "registered_capital": 1000.0,
        "employees": 50,
        "annual_revenue": 3000.0,
        "tags": frozenset(),
    }
    base.update(kw)
    if not isinstance(base["tags"], frozenset):
        base["tags"] = frozenset(base["tags"])
    return Facts(**base)


CSV_HEADER = (
    "uscc,name,legal_representative,region,industry,nature,size,established_on,"
    "registered_capital,employees,annual_revenue,tags"
)


def csv_line(n: int, **kw: Any) -> str:
    row: dict[str, Any] = {
        "uscc": make_uscc(n),
        "name": f"如皋市测试机械有限公司{n}",
        "legal_representative": "张建国",
        "region": "320682",
        "industry": "3422",
        "nature": "民营",
        "size": "",
        "established_on": "2018-03-15",
        "registered_capital": "500",
        "employees": "45",
        "annual_revenue": "2600",
        "tags": "高新技术企业;科技型中小企业",
    }
    row.update(kw)
    return ",".join(str(row[c]) for c in CSV_HEADER.split(","))


@pytest.fixture
def sample_csv() -> str:
    return "\n".join([CSV_HEADER, *(csv_line(i) for i in range(1, 6))]) + "\n"


async def published_policy(
    ext: str, rule: dict[str, Any] | None, *, window_end: date | None = None
) -> int:
    """A published enterprise policy with ``rule`` (as the importer/system creates it)."""
    from server.enterprises.service import save_rule
    from server.policies.schemas import PolicyIn
    from server.policies.service import create_policy

    data = PolicyIn.model_validate(
        {
            "external_id": ext,
            "title": f"如皋市促进中小企业高质量发展若干措施（{ext}）",
            "issuer": "如皋市工业和信息化局",
            "status": "published",
            "audience": "enterprises",
            "summary": "对符合条件的中小企业给予奖励。",
            "body": "第一条 对符合条件的企业给予奖励。",
            "guide": {"window_end": window_end.isoformat()} if window_end else None,
        }
    )
    policy = await create_policy(data, principal=None)
    if rule is not None:
        await save_rule(policy.id, rule, editor_id=None)
    return policy.id


async def import_csv(text: str, **kw: Any) -> Any:
    import io

    from server.enterprises.importer import import_rows, read_rows

    return await import_rows(read_rows(io.StringIO(text)), **kw)


async def staff_token(client: Any, username: str, *, admin: bool = False) -> str:
    from server.core.permissions import Role

    roles = [Role.ADMIN] if admin else [Role.STAFF]
    return (await sign_in_staff(client, username, roles, None if admin else "rggxj"))[1]
