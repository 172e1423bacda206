"""``python -m server.wechat.emulator``: run the WeChat emulator from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from server.wechat.emulator import run_emulator
from server.wechat.emulator.settings import DEFAULT_APPID, DEFAULT_SECRET, EmulatorSettings


def build_parser() -> argparse.ArgumentParser:
    """The emulator's command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m server.wechat.emulator",
        description="Serve a local emulation of the WeChat mini-program server APIs.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--appid", default=DEFAULT_APPID)
    parser.add_argument("--secret", default=DEFAULT_SECRET)
    parser.add_argument(
        "--token-ttl", type=int, default=7200, help="access token lifetime in seconds"
    )
    parser.add_argument("--callback-url", default=None, help="where event pushes are POSTed")
    parser.add_argument("--callback-token", default=None, help="token that signs pushes")
    parser.add_argument(
        "--callback-aes-key", default=None, help="EncodingAESKey: encrypt pushes (safe mode)"
    )
    parser.add_argument("--access-log", action="store_true", help="log every request")
    return parser


def settings_from_args(args: argparse.Namespace) -> EmulatorSettings:
    """:class:`EmulatorSettings` from parsed command-line options."""
    return EmulatorSettings(
        appid=args.appid,
        secret=args.secret,
        token_ttl=args.token_ttl,
        callback_url=args.callback_url,
        callback_token=args.callback_token,
        callback_aes_key=args.callback_aes_key,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Parse ``argv`` and serve until interrupted."""
    args = build_parser().parse_args(argv)
    run_emulator(
        args.host, args.port, settings=settings_from_args(args), access_log=args.access_log
    )


if __name__ == "__main__":
    main()
