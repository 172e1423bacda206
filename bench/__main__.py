"""Run the benchmarks: ``python -m bench [NAME ...]``.

With no argument every ``bench/bench_*.py`` runs in turn (each is its own module with a
``main()``); ``python -m bench search push`` runs ``bench_search`` and ``bench_push``.
Each benchmark prints its figure as a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def available() -> list[str]:
    """Names of the benchmark modules in this package, sorted."""
    here = Path(__file__).parent
    return sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available())}")
        return 2
    failed = 0
    for name in names:
        print(f"\n=== bench_{name} ===", flush=True)
        module = importlib.import_module(f"bench.bench_{name}")
        try:
            code = module.main([]) if _takes_argv(module) else module.main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        failed += 1 if code else 0
    return 1 if failed else 0


def _takes_argv(module: object) -> bool:
    import inspect

    return bool(inspect.signature(module.main).parameters)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
