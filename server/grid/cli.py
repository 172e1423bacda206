"""``zwgk`` commands of the grid domain; :func:`register` adds them to the parser.

``import-grid``, ``import-households`` and ``import-enterprise-cells`` read CSV (UTF-8,
header row; formats in ``docs/grid.md``), show a progress bar, print one line per rejected
row and exit 1 when any row was rejected. Running the same file twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

from server.config import Settings


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this domain's sub-commands (each sets ``func(settings, args) -> int``)."""
    for name, help_text, func in (
        ("import-grid", "import grid cells from CSV (code,name,level,parent_code)", cmd_grid),
        (
            "import-households",
            "import households from CSV (external_id,cell_code,address,size,tags,phone)",
            cmd_households,
        ),
        (
            "import-enterprise-cells",
            "place enterprises in grid cells from CSV (uscc,name,cell_code,address)",
            cmd_enterprise_cells,
        ),
    ):
        parser = sub.add_parser(name, help=help_text)
        parser.add_argument("file")
        parser.set_defaults(func=func)


def _run(
    settings: Settings,
    args: argparse.Namespace,
    label: str,
    work: Callable[[Iterable[str], Callable[[int], None]], Awaitable[Any]],
) -> int:
    from rich.progress import Progress

    from server.cli import run_db

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8-sig") as f:
        total = max(0, sum(1 for line in f if line.strip()) - 1)
    started = time.monotonic()

    from server.core.errors import AppError

    try:
        # The CLI reads the file synchronously on purpose: one command, one import.
        with Progress(transient=False) as progress, path.open(encoding="utf-8-sig") as f:
            task = progress.add_task(label, total=total)

            async def go() -> Any:
                return await work(f, lambda n: progress.advance(task, n))

            report = run_db(settings, go)
    except AppError as exc:
        print(f"{path}: {exc.message}", file=sys.stderr)
        return 2
    print(f"{report.summary()} in {time.monotonic() - started:.1f}s")
    for r in report.rejected:
        print(f"  line {r.line} ({r.key or '-'}): {r.reason}")
    return 1 if report.rejected else 0


def cmd_grid(settings: Settings, args: argparse.Namespace) -> int:
    from server.grid.service import import_grid

    return _run(settings, args, "importing grid cells", import_grid)


def cmd_households(settings: Settings, args: argparse.Namespace) -> int:
    from server.grid.service import import_households

    key = settings.security.secret_key
    return _run(
        settings,
        args,
        "importing households",
        lambda lines, progress: import_households(lines, key, progress),
    )


def cmd_enterprise_cells(settings: Settings, args: argparse.Namespace) -> int:
    from server.grid.service import import_enterprise_cells

    return _run(settings, args, "placing enterprises", import_enterprise_cells)
