"""pyproject declares every third-party library the code imports, and nothing it does not.

The import statements of ``server``, ``workers`` and ``miniprogram_api`` are read with
``ast`` and mapped to distributions with ``importlib.metadata``; every one must be a
runtime dependency. Tests may also use the ``dev`` extra. A declared runtime dependency
that no module imports must be listed below with the reason it is still needed.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_PARTY = {"server", "workers", "miniprogram_api", "tests", "bench"}

#: Declared but never imported by name: each needs a reason.
RUNTIME_ONLY = {
    # Tortoise's PostgreSQL backend (an optional extra of tortoise-orm) for postgres:// URLs.
    "asyncpg": "driver loaded by tortoise-orm",
    # wechatpy's AES for 安全模式 callbacks and the emulator (wechatpy's `cryptography` extra).
    "cryptography": "wechatpy.crypto backend",
}
#: Declared before branching for streams whose code lands at merge (search: tantivy,
#: jieba; complaints: chinesecalendar; matching: python-stdnum). Tolerated, not required.
PENDING_STREAMS = {"tantivy", "jieba", "chinesecalendar", "python-stdnum"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(requirements: list[str]) -> set[str]:
    names = set()
    for requirement in requirements:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, requirement
        names.add(_norm(match.group(1)))
    return names


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def _declared() -> tuple[set[str], set[str]]:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    runtime = _requirement_names(project["dependencies"])
    dev = _requirement_names(project["optional-dependencies"]["dev"])
    return runtime, dev


def _imported_modules(*dirs: str) -> dict[str, set[str]]:
    """Top-level module name → files importing it (absolute imports only)."""
    found: dict[str, set[str]] = {}
    for directory in dirs:
        for path in (ROOT / directory).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".", 1)[0]
                    if top in sys.stdlib_module_names or top in FIRST_PARTY:
                        continue
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def _distributions(modules: dict[str, set[str]]) -> dict[str, set[str]]:
    """Distribution name → files, for the imported modules."""
    mapping = packages_distributions()
    out: dict[str, set[str]] = {}
    for module, files in modules.items():
        dists = mapping.get(module)
        assert dists, f"{module} (imported by {sorted(files)}) is not installed"
        for dist in dists:
            out.setdefault(_norm(dist), set()).update(files)
    return out


def test_every_imported_library_is_a_runtime_dependency() -> None:
    runtime, _ = _declared()
    used = _distributions(_imported_modules("server", "workers", "miniprogram_api"))
    missing = {dist: sorted(files)[:3] for dist, files in used.items() if dist not in runtime}
    assert not missing, f"imported but not declared in [project].dependencies: {missing}"


def test_every_runtime_dependency_is_imported_or_explained() -> None:
    runtime, _ = _declared()
    used = set(_distributions(_imported_modules("server", "workers", "miniprogram_api")))
    unexplained = runtime - used - set(RUNTIME_ONLY) - PENDING_STREAMS
    assert not unexplained, f"declared but never imported (drop them): {sorted(unexplained)}"
    # The explanations stay honest: a library imported after all needs no excuse.
    assert not (set(RUNTIME_ONLY) & used), "imported now: remove it from RUNTIME_ONLY"
    assert set(RUNTIME_ONLY) <= runtime


def test_aiosqlite_comes_with_tortoise() -> None:
    """aiosqlite is not declared: nothing of ours imports it and tortoise-orm requires it."""
    from importlib.metadata import requires

    runtime, _ = _declared()
    assert "aiosqlite" not in runtime
    assert any(r.startswith("aiosqlite") for r in requires("tortoise-orm") or [])


def test_tests_use_only_declared_libraries() -> None:
    runtime, dev = _declared()
    used = _distributions(_imported_modules("tests"))
    missing = {d: sorted(f)[:3] for d, f in used.items() if d not in runtime | dev}
    assert not missing, f"imported by tests but not declared (dev extra): {missing}"
