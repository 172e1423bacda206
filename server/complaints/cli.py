"""``zwgk`` commands of the complaints domain; :func:`register` adds them to the parser.

* ``zwgk create-api-key --name NAME`` / ``zwgk revoke-api-key NAME|ID`` — Open311 keys
* ``zwgk complaints-load-holidays YEAR [--file days.json]`` — a year's holiday schedule
  (from chinese_calendar when no file is given); recomputes provisional deadlines
* ``zwgk complaints-rebuild-stats`` — recompute the pre-aggregated figures
* ``zwgk complaints-seed`` — 如皋 departments and the category tree (idempotent)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from server.config import Settings


def cmd_create_api_key(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.complaints.open311 import create_api_key

    row, key = run_db(settings, lambda: create_api_key(args.name))
    print(f"Open311 API key {row.id} ({row.name}): {key}")
    print("Store it now: only its hash is kept.", file=sys.stderr)
    return 0


def cmd_revoke_api_key(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.complaints.open311 import revoke_api_key

    n = run_db(settings, lambda: revoke_api_key(args.key))
    print(f"revoked {n} key(s)")
    return 0 if n else 1


def cmd_load_holidays(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.complaints import deadlines
    from server.complaints.recompute import recompute_provisional

    if args.file:
        items = json.loads(Path(args.file).read_text(encoding="utf-8"))
        holidays, workdays = deadlines.parse_schedule(items)
        source = "file"
    else:
        schedule = deadlines.package_schedule(args.year)
        if schedule is None:
            print(
                f"chinese_calendar does not know {args.year} yet: pass --file with the "
                "State Council schedule, or upgrade chinesecalendar",
                file=sys.stderr,
            )
            return 2
        holidays, workdays = schedule
        source = "chinese_calendar"
    if any(d.year != args.year for d in [*holidays, *workdays]):
        print(f"every date must be in {args.year}", file=sys.stderr)
        return 2

    async def work() -> int:
        await deadlines.store_year(args.year, holidays, workdays, source=source)
        return await recompute_provisional(settings.complaints)

    changed = run_db(settings, work)
    print(
        f"{args.year}: {len(holidays)} holidays, {len(workdays)} make-up days ({source}); "
        f"{changed} provisional deadlines recomputed"
    )
    return 0


def cmd_rebuild_stats(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.complaints.stats import rebuild

    started = time.monotonic()
    rows = run_db(settings, rebuild)
    print(f"rebuilt {rows} statistics rows in {time.monotonic() - started:.1f}s")
    return 0


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from server.cli import run_db
    from server.complaints.seed import seed_reference_data

    ids = run_db(settings, seed_reference_data)
    print(f"{len(ids)} departments and the complaint category tree are in place")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this domain's sub-commands (each sets ``func(settings, args) -> int``)."""
    p = sub.add_parser("create-api-key", help="create an Open311 API key (prints it once)")
    p.add_argument("--name", required=True, help="who the key is for")
    p.set_defaults(func=cmd_create_api_key)
    p = sub.add_parser("revoke-api-key", help="revoke Open311 API keys by name or id")
    p.add_argument("key", help="key name or id")
    p.set_defaults(func=cmd_revoke_api_key)
    p = sub.add_parser(
        "complaints-load-holidays", help="load a year's holiday schedule (working-day deadlines)"
    )
    p.add_argument("year", type=int)
    p.add_argument("--file", help='JSON list of {"date", "kind": holiday|workday, "name"}')
    p.set_defaults(func=cmd_load_holidays)
    p = sub.add_parser("complaints-rebuild-stats", help="recompute the complaint statistics")
    p.set_defaults(func=cmd_rebuild_stats)
    p = sub.add_parser("complaints-seed", help="如皋 departments and complaint categories")
    p.set_defaults(func=cmd_seed)
