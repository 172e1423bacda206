"""``zwgk`` commands of the grid domain; :func:`register` adds them to the parser."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this domain's sub-commands (each sets ``func(settings, args) -> int``)."""
