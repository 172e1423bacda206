"""The README's "Try it" commands work: each shell block is run, as written, against a live
`zwgk up --demo` (only the host:port of the API and the emulator are swapped for free ports).

The same stack shows what a developer's terminal gets from `zwgk up`: one readable line per
record (no JSON, nothing twice) and no outbox line every few seconds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from server.core.logging import QUIET_JOBS, _did_nothing
from tests.conftest import PG_URL
from tests.helpers import running_stack

README = Path(__file__).resolve().parents[1] / "README.md"


def try_it_blocks() -> list[str]:
    """The ``sh`` blocks of the README's "Try it" part (up to the next heading)."""
    text = README.read_text(encoding="utf-8")
    start = text.index("Try it")
    section = text[start : text.index("\n## ", start)]
    return re.findall(r"```sh\n(.*?)```", section, flags=re.S)


def test_readme_try_it_commands_are_found() -> None:
    (block,) = try_it_blocks()
    assert "--data-urlencode q=稳岗" in block
    assert "search?q=稳岗" not in block.replace("'search?q=稳岗'", "")  # only in the warning
    commands = [line for line in block.splitlines() if line.startswith(("curl", "code=", "token="))]
    assert len(commands) >= 6
    assert all("-fsS" in line for line in block.splitlines() if "curl " in line)


@pytest.mark.skipif(bool(PG_URL), reason="the embedded stack runs on SQLite")
@pytest.mark.skipif(shutil.which("curl") is None, reason="the README's commands use curl")
def test_readme_commands_run_against_a_live_stack(tmp_path: Path) -> None:
    (block,) = try_it_blocks()
    with running_stack(tmp_path, "--demo", env={"ZWGK_LOGGING__LEVEL": "INFO"}) as stack:
        script = block.replace("http://127.0.0.1:8000", stack.api).replace(
            "http://127.0.0.1:8001", stack.emulator
        )
        assert "127.0.0.1:800" not in script.replace(stack.api, "").replace(stack.emulator, "")
        result = subprocess.run(
            [shutil.which("bash") or "/bin/bash", "-euo", "pipefail", "-c", script],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"{result.stderr}\n{result.stdout[-2000:]}"
        out = result.stdout
        assert '"total":' in out and "稳岗" in out  # the search found demo policies
        assert '"roles": ["resident"]' in out or '"roles":["resident"]' in out
        assert '"status": "draft"' in out  # the admin sees the demo drafts
        # Let the worker's outbox relay (every few seconds) run a few idle rounds.
        time.sleep(7)
    log = stack.output()
    lines = [line for line in log.splitlines() if line.strip()]
    assert not [line for line in lines if line.lstrip().startswith("{")], "JSON in development"
    record_lines = [line for line in lines if re.match(r"\d\d:\d\d:\d\d ", line)]
    assert record_lines, log[-2000:]
    # Nothing twice: two handlers would print each record twice, in the same second, or
    # once in Sanic's own format ("Main  2026-… INFO: …").
    doubled = [line for line in set(record_lines) if record_lines.count(line) > 1]
    assert not doubled, "\n".join(doubled)
    assert not [line for line in lines if re.match(r"(Main|Srv \d+)\s+\d{4}-\d\d-\d\d", line)]
    # Periodic jobs (the outbox relay, the push dispatcher …) print a line only when they
    # did work: never their start, never an idle finish.
    job_lines = [
        (m.group(1), m.group(2), m.group(3))
        for line in lines
        if (m := re.search(r"s ([→←]) \S*?:?(\w+)(?:\(|\s|$)(.*)", line))
        and m.group(2) in QUIET_JOBS
    ]
    assert not [j for j in job_lines if j[0] == "→"], job_lines[:5]
    idle = [j for j in job_lines if j[0] == "←" and _did_nothing(j[2].strip().lstrip("●"))]
    assert not idle, idle[:5]
    assert not [line for line in lines if "RuntimeWarning" in line]
    assert any(" api " in line and "Worker ready" in line for line in record_lines)
