"""The ``zwgk`` command: run the embedded stack, serve, work, migrate, seed, import."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from server.config import ConfigError, Settings, load_settings
from server.core.embedded_redis import EmbeddedRedis, start_embedded_redis
from server.demo.seed import DEMO_ADMIN, DemoDataRefused, seed_demo

__all__ = ["DEMO_ADMIN", "DemoDataRefused", "main", "seed_demo"]


def run_db(settings: Settings, work: Callable[[], Awaitable[Any]]) -> Any:
    """Run ``work`` with the database open (for one-shot commands)."""
    from server.core.db import close_db, init_db

    async def main() -> Any:
        await init_db(settings.database)
        try:
            return await work()
        finally:
            await close_db()

    return asyncio.run(main())


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from server.core.db import migrate
    from server.policies.service import load_taxonomy

    asyncio.run(migrate(settings.database))
    added = run_db(settings, load_taxonomy)
    print(f"migrations applied; {added} classification nodes added")
    return 0


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from server.demo.seed import DemoDataRefused, seed_demo

    if not args.demo:
        print("nothing to seed: pass --demo", file=sys.stderr)
        return 2
    try:
        report = run_db(settings, partial(seed_demo, settings))
    except DemoDataRefused as exc:
        print(exc, file=sys.stderr)
        return 2
    print(report)
    return 0


def cmd_import(settings: Settings, args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from server.policies.importer import import_lines

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as f:
        total = sum(1 for line in f if line.strip())
    started = time.monotonic()

    async def work() -> Any:
        with Progress(transient=False) as progress, path.open(encoding="utf-8") as f:
            task = progress.add_task("importing policies", total=total)
            return await import_lines(
                f,
                update_existing=args.update,
                progress=lambda n: progress.advance(task, n),
            )

    report = run_db(settings, work)
    elapsed = time.monotonic() - started
    print(
        f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
        f"rejected {len(report.rejected)} in {elapsed:.1f}s"
    )
    for r in report.rejected:
        print(f"  line {r.line} ({r.external_id or '-'}): {r.reason}")
    for r in report.warnings:
        print(f"  warning, line {r.line} ({r.external_id or '-'}): {r.reason}")
    return 1 if report.rejected else 0


def cmd_create_user(settings: Settings, args: argparse.Namespace) -> int:
    from server.accounts.service import create_back_office_user
    from server.core.errors import AppError
    from server.core.permissions import Role

    password = os.environ.get("ZWGK_NEW_PASSWORD") or getpass.getpass("password: ")
    try:
        roles = [Role(r) for r in args.role]
    except ValueError as exc:
        print(f"unknown role: {exc}", file=sys.stderr)
        return 2
    try:
        user = run_db(
            settings,
            partial(
                create_back_office_user,
                username=args.username,
                password=password,
                roles=roles,
                display_name=args.display_name or args.username,
                department_code=args.department,
                department_name=args.department_name,
                create_department=True,
            ),
        )
    except AppError as exc:
        print(f"{exc.field or 'error'}: {exc.message}", file=sys.stderr)
        return 2
    print(f"created user {user.username} (id {user.id}) with roles {', '.join(user.roles)}")
    return 0


def ensure_redis(settings: Settings) -> tuple[Settings, EmbeddedRedis | None]:
    """Resolve ``redis.url = "embedded"``: reuse a running embedded server or start one."""
    if settings.redis.url != "embedded":
        return settings, None
    import redis

    socket_path = (settings.paths.var_dir / "redis.sock").resolve()
    if socket_path.exists():
        try:
            redis.Redis(unix_socket_path=str(socket_path)).ping()
            return _with_redis(settings, f"unix://{socket_path}"), None
        except redis.RedisError:
            pass
    server = start_embedded_redis(settings.paths.var_dir.resolve())
    return _with_redis(settings, server.url), server


def _with_redis(settings: Settings, url: str) -> Settings:
    return settings.model_copy(update={"redis": settings.redis.model_copy(update={"url": url})})


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    from server.app import create_app

    settings, embedded = ensure_redis(settings)
    loader = AppLoader(factory=partial(create_app, settings, run_migrations=not args.no_migrate))
    app = loader.load()
    app.prepare(
        host=settings.http.host,
        port=settings.http.port,
        workers=settings.http.workers,
        access_log=False,
        motd=False,
        single_process=settings.http.workers == 1 and args.single_process,
    )
    try:
        Sanic.serve(primary=app, app_loader=loader)
    finally:
        if embedded is not None:
            embedded.stop()
    return 0


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    from arq.worker import run_worker

    from workers.settings import WorkerSettings, redis_settings

    settings, embedded = ensure_redis(settings)
    try:
        run_worker(
            WorkerSettings,  # type: ignore[arg-type]
            redis_settings=redis_settings(settings),
            ctx={"settings": settings},
        )
    finally:
        if embedded is not None:
            embedded.stop()
    return 0


def cmd_emulator(settings: Settings, args: argparse.Namespace) -> int:
    from server.wechat.emulator import EmulatorSettings, run_emulator

    wechat = settings.wechat
    run_emulator(
        wechat.emulator_host,
        wechat.emulator_port,
        settings=EmulatorSettings(
            appid=wechat.appid,
            secret=wechat.secret,
            callback_url=f"{settings.http.public_url.rstrip('/')}/wechat/callback",
            callback_token=wechat.callback_token,
            callback_aes_key=wechat.encoding_aes_key or None,
        ),
    )
    return 0


def cmd_up(settings: Settings, args: argparse.Namespace) -> int:
    """The whole embedded stack in one process tree; Ctrl-C stops every child."""
    var = settings.paths.var_dir.resolve()
    var.mkdir(parents=True, exist_ok=True)
    settings, redis_server = ensure_redis(settings)
    env = {**os.environ, "ZWGK_REDIS__URL": settings.redis.url}
    children: list[tuple[str, subprocess.Popen[bytes]]] = []

    def spawn(name: str, *argv: str) -> None:
        # Own process group: a Ctrl-C in the terminal reaches only this supervisor, which
        # then stops each child once (a second signal makes Sanic abort its shutdown).
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", *argv],
            env={**env, "ZWGK_LOG_TAG": name},  # names the process on console lines
            start_new_session=True,
        )
        children.append((name, proc))

    stopping = False

    def stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        cmd_migrate(settings, args)
        if args.demo:
            try:
                print(run_db(settings, partial(seed_demo, settings)))
            except DemoDataRefused as exc:
                print(exc, file=sys.stderr)
                return 2
        if settings.wechat.mode == "emulator":
            spawn("emulator", "emulator")
        if settings.search.indexer == "process":
            spawn("indexer", "indexer")  # this host's one search-index writer
        spawn("api", "serve", "--no-migrate")
        spawn("worker", "worker")
        http = settings.http
        print(
            f"zwgk is up:\n  API        http://{http.host}:{http.port}  "
            f"(docs: http://{http.host}:{http.port}/docs)\n"
            + (
                f"  emulator   {settings.wechat.resolved_base_url}\n"
                if settings.wechat.mode == "emulator"
                else ""
            )
            + f"  redis      {settings.redis.url}\n  database   {settings.database.url}\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        while not stopping:
            for name, proc in children:
                if proc.poll() is not None:
                    print(f"{name} exited with {proc.returncode}; stopping", file=sys.stderr)
                    stopping = True
            time.sleep(0.3)
    finally:
        for _, proc in children:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 15
        for _, proc in children:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
        if redis_server is not None:
            redis_server.stop()
        print("zwgk stopped.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zwgk", description="政务公开 mini-program backend")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="run the whole embedded stack")
    up.add_argument("--demo", action="store_true", help="load demo data first")
    up.set_defaults(func=cmd_up)
    serve = sub.add_parser("serve", help="run the API server")
    serve.add_argument("--no-migrate", action="store_true")
    serve.add_argument("--single-process", action="store_true")
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("worker", help="run an arq worker").set_defaults(func=cmd_worker)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    sub.add_parser("emulator", help="run the WeChat API emulator").set_defaults(func=cmd_emulator)
    seed = sub.add_parser("seed", help="load data")
    seed.add_argument("--demo", action="store_true")
    seed.set_defaults(func=cmd_seed)
    user = sub.add_parser(
        "create-user",
        help="create a staff, grid-worker or admin account "
        "(password from $ZWGK_NEW_PASSWORD or prompt)",
    )
    user.add_argument("--username", required=True)
    user.add_argument(
        "--role", action="append", required=True, help="staff, grid_worker or admin (repeatable)"
    )
    user.add_argument("--department", help="department code (required for staff)")
    user.add_argument("--department-name")
    user.add_argument("--display-name")
    user.set_defaults(func=cmd_create_user)
    imp = sub.add_parser("import-policies", help="import policies from a JSONL file")
    imp.add_argument("file")
    imp.add_argument("--update", action="store_true", help="update existing external_ids")
    imp.set_defaults(func=cmd_import)
    # Each domain adds its own commands (import-enterprises, import-grid, …).
    from server.complaints import cli as complaints_cli
    from server.enterprises import cli as enterprises_cli
    from server.grid import cli as grid_cli
    from server.operations import cli as operations_cli
    from server.push import cli as push_cli
    from server.search import cli as search_cli

    domains = (enterprises_cli, push_cli, complaints_cli, grid_cli, operations_cli, search_cli)
    for domain_cli in domains:
        domain_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    from server.core.logging import configure_logging, log_format

    # Resolve the format once (console in development unless configured), so the API,
    # worker and children of `zwgk up` all log the same way.
    fmt = log_format(settings)
    settings = settings.model_copy(
        update={"logging": settings.logging.model_copy(update={"format": fmt})}
    )
    configure_logging(settings.logging.level, fmt)
    result: int = args.func(settings, args)
    return result


if __name__ == "__main__":
    sys.exit(main())
