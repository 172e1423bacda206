"""Who a non-user recipient is: resolvers from the other domains, found by import.

``server.enterprises.recipients`` (matching stream) and ``server.grid.recipients`` (grid
stream) export ``RECIPIENT_RESOLVERS`` (recipient type → ``async (ids) -> {id: [user ids]}``)
and ``REGION_AUDIENCES`` (audience name → ``(region code) -> async iterator of user ids``:
grid's residents linked to households in the region, enterprises' contacts of enterprises
registered there), which emergency broadcasts reach besides the region's subscribers.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

log = logging.getLogger("zwgk.push")

Resolver = Callable[[list[str]], Awaitable[dict[str, list[int]]]]
RegionAudience = Callable[[str], AsyncIterator[int]]

_MODULES = ("server.enterprises.recipients", "server.grid.recipients")


def _gather(name: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for module_name in _MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found = getattr(module, name, None)
        if isinstance(found, dict):
            merged.update(found)
    return merged


def load_resolvers() -> dict[str, Resolver]:
    """Every recipient resolver the installed domains export."""
    return _gather("RECIPIENT_RESOLVERS")


def load_region_audiences() -> dict[str, RegionAudience]:
    """Every domain's ``REGION_AUDIENCES``: audience name → (region code → user ids)."""
    return _gather("REGION_AUDIENCES")
