"""Seed the demo: departments, the demo accounts and the demo policies (idempotent).

The refusal to seed a production deployment lives here, in the seeding function itself,
so no command path (``zwgk up --demo``, ``zwgk seed --demo``, a script) can bypass it.
"""

from __future__ import annotations

import json
import sys

from server.config import Settings

#: The demo back-office admin (username, password). Demo only: refused in production.
DEMO_ADMIN = ("admin", "zwgk-demo-admin")
DEMO_STAFF = ("rs-staff", "zwgk-demo-staff")


class DemoDataRefused(RuntimeError):
    """Demo data (and its well-known admin password) must never reach a production database."""

    def __init__(self, env: str) -> None:
        super().__init__(
            f"refusing to load demo data with env={env}: the demo admin has a published "
            "password; create real accounts with `zwgk create-user`"
        )


def refuse_in_production(settings: Settings) -> None:
    """Raise :class:`DemoDataRefused` unless ``settings`` is a development or test setup."""
    if settings.env not in ("development", "test"):
        raise DemoDataRefused(settings.env)


async def seed_demo(settings: Settings) -> str:
    """Demo departments, accounts and the 200+ demo policies (idempotent).

    Raises :class:`DemoDataRefused` for ``env = "production"`` before writing anything.
    """
    refuse_in_production(settings)
    from server.accounts.models import User
    from server.accounts.service import create_back_office_user, ensure_department
    from server.core.permissions import Role
    from server.demo.corpus import demo_departments, demo_policies
    from server.policies.importer import import_lines
    from server.policies.service import load_taxonomy

    await load_taxonomy()
    from server.demo.corpus import load_demo_classifications

    await load_demo_classifications()
    for code, name in demo_departments():
        await ensure_department(code, name)
    if not await User.exists(username=DEMO_ADMIN[0]):
        await create_back_office_user(
            username=DEMO_ADMIN[0],
            password=DEMO_ADMIN[1],
            roles=[Role.ADMIN],
            display_name="演示管理员",
        )
    if not await User.exists(username=DEMO_STAFF[0]):
        await create_back_office_user(
            username=DEMO_STAFF[0],
            password=DEMO_STAFF[1],
            roles=[Role.STAFF],
            display_name="人社局工作人员",
            department_code="rgrsj",
        )
    lines = (json.dumps(p, ensure_ascii=False, default=str) for p in demo_policies())
    report = await import_lines(lines)
    for r in [*report.rejected, *report.warnings]:
        print(f"demo line {r.line}: {r.reason}", file=sys.stderr)
    summaries = [f"demo data: {report.created} policies added, {report.unchanged} already present"]
    # Each domain's demo, after the policies and departments it refers to.
    from server.complaints.seed import seed_demo_cases
    from server.enterprises.demo import seed_demo_enterprises
    from server.grid.demo import seed_grid_demo

    summaries.append(await seed_demo_enterprises())
    summaries.append(f"demo complaints: {await seed_demo_cases(settings.complaints)} added")
    summaries.append(await seed_grid_demo(settings))
    summaries.append(f"admin sign-in {DEMO_ADMIN[0]} / {DEMO_ADMIN[1]}")
    return "; ".join(summaries)
