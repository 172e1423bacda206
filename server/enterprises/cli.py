"""``zwgk`` commands of the enterprises domain; :func:`register` adds them to the parser."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from server.config import Settings


def cmd_import_enterprises(settings: Settings, args: argparse.Namespace) -> int:
    """``zwgk import-enterprises FILE.csv [--encoding gb18030]``."""
    from rich.progress import Progress

    from server.cli import run_db
    from server.core.errors import AppError
    from server.enterprises.importer import import_rows, read_rows

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    plain = args.encoding.lower().replace("-", "").replace("_", "")
    encoding = "utf-8-sig" if plain in ("utf8", "utf8sig") else args.encoding
    try:
        with path.open(encoding=encoding, newline="") as f:
            total = max(0, sum(1 for _ in f) - 1)
    except (UnicodeDecodeError, LookupError) as exc:
        print(f"cannot read {path} as {args.encoding}: {exc}", file=sys.stderr)
        return 2
    started = time.monotonic()

    handle = path.open(encoding=encoding, newline="")

    async def work() -> Any:
        with Progress(transient=False) as progress:
            task = progress.add_task("importing enterprises", total=total)
            return await import_rows(
                read_rows(handle), progress=lambda n: progress.advance(task, n)
            )

    try:
        report = run_db(settings, work)
    except AppError as exc:
        print(f"{exc.field}: {exc.message}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"cannot read {path} as {args.encoding}: {exc}", file=sys.stderr)
        return 2
    finally:
        handle.close()
    elapsed = time.monotonic() - started
    print(
        f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
        f"rejected {len(report.rejected)} in {elapsed:.1f}s"
    )
    for r in report.rejected:
        print(f"  line {r.line} ({r.uscc or '-'}): {r.reason}")
    return 1 if report.rejected else 0


def cmd_match(settings: Settings, args: argparse.Namespace) -> int:
    """``zwgk match-policy ID``: re-evaluate one policy against every enterprise now."""
    from server.cli import run_db
    from server.enterprises.matching import recompute_policy

    async def work() -> Any:
        return await recompute_policy(args.policy_id)

    stats = run_db(settings, work)
    print(
        f"evaluated {stats.evaluated}, stored {stats.stored}, revoked {stats.revoked}, "
        f"push intents {stats.pushed}"
    )
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this domain's sub-commands (each sets ``func(settings, args) -> int``)."""
    p = sub.add_parser("import-enterprises", help="import the enterprise registry (CSV)")
    p.add_argument("file")
    p.add_argument("--encoding", default="utf-8", help="utf-8 (BOM optional) or gb18030")
    p.set_defaults(func=cmd_import_enterprises)
    m = sub.add_parser("match-policy", help="re-evaluate one policy against all enterprises")
    m.add_argument("policy_id", type=int)
    m.set_defaults(func=cmd_match)
