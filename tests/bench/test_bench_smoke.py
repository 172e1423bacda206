"""Smoke tests of the benchmark harness (``bench/``): correctness only, never timing.

The benchmarks themselves run with ``make bench``; these tests keep their pieces honest
(the generator still matches the import contract, the load generators count what they
claim) without measuring anything.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.gen_policies import BODY_MAX_BYTES, BODY_MIN_BYTES, generate, write_jsonl
from bench.loadgen import LoadResult, _lua_script, combine, percentile, run_python
from bench.queries import QUERY_MIX, search_paths
from server.demo.corpus import all_issuers
from server.policies import taxonomy
from server.policies.schemas import PolicyIn

IMPORT_KEYS = {
    "external_id", "title", "doc_number", "issuer", "publish_date", "effective_date",
    "expiry_date", "status", "audience", "body", "summary", "topics", "industries", "stage",
    "categories", "regions", "illustrated", "glossary", "qa", "guide", "related",
}  # fmt: skip


def test_generator_is_deterministic_and_matches_the_import_contract(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    stats = write_jsonl(a, 300, seed=7)
    write_jsonl(b, 300, seed=7)
    assert a.read_bytes() == b.read_bytes()
    assert stats.count == 300
    records = [json.loads(line) for line in a.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 300
    assert len({r["doc_number"] for r in records}) == 300
    assert len({r["external_id"] for r in records}) == 300
    issuers = {i.name for i in all_issuers()}
    top_topics = {n.code for n in taxonomy.TOPICS}
    for r in records:
        assert set(r) == IMPORT_KEYS
        assert BODY_MIN_BYTES <= len(r["body"].encode()) <= BODY_MAX_BYTES
        assert r["issuer"] in issuers
        assert set(r["topics"]) <= top_topics
        assert set(r["categories"]) <= taxonomy.category_codes()
        assert r["audience"] in taxonomy.audience_codes()
        assert r["stage"] in taxonomy.stage_codes()
        assert r["regions"] in ([], ["320682"], ["320600"])
        PolicyIn.model_validate(r)


def test_generator_seed_changes_the_corpus() -> None:
    first = next(iter(generate(1, seed=1)))
    other = next(iter(generate(1, seed=2)))
    assert first != other


def test_search_paths_are_url_encoded_ascii() -> None:
    paths = search_paths(q for _, q in QUERY_MIX)
    assert all(p.isascii() and " " not in p for p in paths)
    assert paths[0].startswith("/api/v1/policies/search?q=%E7%A8%8E&page=1")
    _lua_script(paths)  # accepted by the wrk script generator
    with pytest.raises(ValueError):
        _lua_script(['/"broken'])


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([], 99) == 0.0


def _result(rps: float, p99: float, requests: int) -> LoadResult:
    return LoadResult(
        tool="wrk", connections=64, duration_s=10.0, requests=requests, rps=rps, p50_ms=1.0,
        p90_ms=2.0, p99_ms=p99, mean_ms=1.0, max_ms=p99, non200=1, errors=0, unanswered=64,
    )  # fmt: skip


def test_combine_takes_medians_of_figures_and_sums_of_counts() -> None:
    runs = [_result(100.0, 9.0, 10), _result(300.0, 1.0, 30), _result(200.0, 5.0, 20)]
    both = combine(runs)
    assert both.rps == 200.0
    assert both.p99_ms == 5.0
    assert both.max_ms == 9.0
    assert (both.requests, both.non200, both.unanswered) == (60, 3, 192)
    assert combine(runs[:1]) is runs[0]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like Sanic

    def do_GET(self) -> None:
        status, body = (200, b'{"hello":"world"}') if self.path.startswith("/?") else (404, b"{}")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def tiny_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_python_load_client_counts_responses_and_non_200(tiny_server: str) -> None:
    res = run_python(tiny_server, ["/?q=a", "/missing"], connections=2, duration=0.5)
    assert res.tool == "python"
    assert res.requests > 0
    assert res.errors == 0
    # Each connection alternates between the two paths, so about half are 404s.
    assert 0 < res.non200 < res.requests


TINY_RUNS = {
    "grid": ["bench.bench_grid", "--households", "2000", "--repeat", "1"],
    "matching": ["bench.bench_matching", "--small", "300", "--large", "600", "--policies", "20",
                 "--db-rows", "300", "--db-large", "600"],
}  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    list(TINY_RUNS.values()),
    ids=list(TINY_RUNS),
)
def test_database_benchmarks_run_at_a_tiny_size(argv: list[str], tmp_path: Path) -> None:
    """The benchmarks write rows with raw SQL: a schema change that breaks them (a new NOT
    NULL column) fails here, not in the next ``make bench``. Figures are not checked."""
    import subprocess
    import sys

    extra = ["--out", str(tmp_path / "out.json")] if argv[0] == "bench.bench_matching" else []
    r = subprocess.run(
        [sys.executable, "-m", *argv, *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
