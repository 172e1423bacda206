"""The baseline of every HTTP benchmark: a bare Sanic app answering ``{"hello": "world"}``.

It runs on the same Sanic version, the same number of worker processes and the same
machine as the API, with the access log off (as the API has it), so the ratio
``API rate / hello rate`` measures what our code costs on top of the framework and the
machine. Any path is answered through the single route's query string being ignored,
which lets a dry run point the search query mix at it.

Usage::

    python bench/hello.py --port 8099 [--host 127.0.0.1] [--workers 2]
"""

from __future__ import annotations

import argparse
import logging

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json

# Created at import time: Sanic's worker processes re-import this module and look the
# app up by name.
app = Sanic("zwgk_bench_hello")
app.config.ACCESS_LOG = False
# Bare means bare: sanic-ext is installed in the venv and would otherwise attach itself.
app.config.AUTO_EXTEND = False


@app.get("/")
async def hello(request: Request) -> HTTPResponse:
    """The whole baseline: one small JSON object."""
    return json({"hello": "world"})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="bare Sanic JSON hello-world (benchmark baseline)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    logging.getLogger("sanic").setLevel(logging.WARNING)
    app.run(
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,
        debug=False,
        motd=False,
        auto_reload=False,
    )


if __name__ == "__main__":
    main()
