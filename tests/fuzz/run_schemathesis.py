"""Fuzz the whole OpenAPI document against a live server; any 5xx fails.

Starts its own stack in a temporary directory (SQLite, embedded Redis, the WeChat
emulator, ``zwgk serve``), signs in a resident (wx.login through the emulator) and an
admin, and runs schemathesis over every operation as each of them (logouts excluded, so
the sessions stay valid). Exit status 1 if any response was a 5xx.

Knobs: ``ZWGK_FUZZ_EXAMPLES`` (examples per operation and role, default 20) and
``ZWGK_FUZZ_TIMEOUT`` (seconds for the whole run, default 200; operations not reached by
then are skipped and reported). Run from the repository root::

    .venv/bin/python tests/fuzz/run_schemathesis.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port  # noqa: E402
from tests.helpers import running_emulator  # noqa: E402

ADMIN_USER, ADMIN_PASSWORD = "fuzz.admin", "fuzz-admin-password-1"
BIN = Path(sys.executable).parent


def _zwgk(env: dict[str, str], cwd: Path, *args: str) -> None:
    subprocess.run([str(BIN / "zwgk"), *args], env=env, cwd=cwd, check=True)


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the API did not start:\n{log.read_text()[-3000:]}")


def _sign_in(url: str, emulator: str) -> dict[str, str]:
    code = httpx.post(f"{emulator}/_emulator/login-codes", json={"openid": "o-fuzz-resident"})
    code.raise_for_status()
    r = httpx.post(f"{url}/api/v1/auth/wx-login", json={"code": code.json()["code"]})
    r.raise_for_status()
    resident = r.json()["token"]
    r = httpx.post(
        f"{url}/api/v1/admin/auth/login",
        json={"username": ADMIN_USER, "password": ADMIN_PASSWORD},
        timeout=30,
    )
    r.raise_for_status()
    return {"resident": resident, "admin": r.json()["token"]}


def fuzz(url: str, tokens: dict[str, str], examples: int, budget: float) -> list[str]:
    """Run schemathesis once per role; returns a description of every 5xx found."""
    import hypothesis
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.runner import events, from_schema

    failures: list[str] = []
    deadline = time.monotonic() + budget
    for role, token in tokens.items():
        schema = schemathesis.from_uri(f"{url}/docs/openapi.json", base_url=url).exclude(
            path_regex=r".*/logout$"
        )
        runner = from_schema(
            schema,
            checks=[not_a_server_error],
            headers={"Authorization": f"Bearer {token}"},
            hypothesis_settings=hypothesis.settings(
                max_examples=examples,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(hypothesis.HealthCheck),
            ),
            request_timeout=20_000,
        )
        tested = skipped = 0
        for event in runner.execute():
            if isinstance(event, events.AfterExecution):
                tested += 1
                label = f"{role}: {event.result.verbose_name}"
                for check in event.result.checks:
                    if check.value.name == "failure":
                        response = check.response
                        status = response.status_code if response is not None else "?"
                        where = check.example.url if check.example else ""
                        failures.append(f"{label} -> {status} {where}")
                for error in event.result.errors:
                    print(f"  note: {label}: {error.exception.splitlines()[0][:200]}")
                print(f"  {label}: {event.status.name}", flush=True)
            if time.monotonic() > deadline:
                skipped += 1
                runner.stop_event.set() if hasattr(runner, "stop_event") else None
                break
        print(f"{role}: {tested} operations fuzzed", flush=True)
        if skipped:
            print(f"{role}: time budget used up; the rest was not fuzzed", flush=True)
    return sorted(set(failures))


def main() -> int:
    examples = int(os.environ.get("ZWGK_FUZZ_EXAMPLES", "20"))
    budget = float(os.environ.get("ZWGK_FUZZ_TIMEOUT", "200"))
    with tempfile.TemporaryDirectory(prefix="zwgk-fuzz-") as tmp_name:
        tmp = Path(tmp_name)
        with running_emulator(tmp / "emulator.log") as emulator:
            port = free_port()
            env = {
                **{k: v for k, v in os.environ.items() if not k.startswith("ZWGK_")},
                "ZWGK_ENV": "development",
                "ZWGK_DATABASE__URL": f"sqlite://{tmp / 'zwgk.db'}",
                "ZWGK_REDIS__URL": "embedded",
                "ZWGK_PATHS__VAR_DIR": str(tmp / "var"),
                "ZWGK_PATHS__FILES_DIR": str(tmp / "var" / "files"),
                "ZWGK_HTTP__PORT": str(port),
                # One process: it writes its own search index (no `zwgk indexer` needed).
                "ZWGK_SEARCH__INDEXER": "embedded",
                "ZWGK_HTTP__PUBLIC_URL": f"http://127.0.0.1:{port}",
                "ZWGK_WECHAT__BASE_URL": emulator,
                "ZWGK_LOGGING__LEVEL": "WARNING",
                "ZWGK_LOGGING__FORMAT": "console",
                "ZWGK_NEW_PASSWORD": ADMIN_PASSWORD,
            }
            _zwgk(env, tmp, "migrate")
            _zwgk(env, tmp, "create-user", "--username", ADMIN_USER, "--role", "admin")
            log = tmp / "api.log"
            with log.open("wb") as out:
                api = subprocess.Popen(
                    [str(BIN / "zwgk"), "serve", "--no-migrate", "--single-process"],
                    env=env,
                    cwd=tmp,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            url = f"http://127.0.0.1:{port}"
            try:
                _wait_ready(url, api, log)
                started = time.monotonic()
                failures = fuzz(url, _sign_in(url, emulator), examples, budget)
                print(f"fuzzing took {time.monotonic() - started:.0f} s")
            finally:
                api.terminate()
                try:
                    api.wait(15)
                except subprocess.TimeoutExpired:
                    api.kill()
            if failures:
                print("5xx responses found:")
                for line in failures:
                    print("  " + line)
                print("--- API log (tail) ---")
                print(log.read_text(errors="replace")[-6000:])
                return 1
            print("no 5xx responses")
            return 0


if __name__ == "__main__":
    sys.exit(main())
