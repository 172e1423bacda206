"""Moved to :mod:`server.search.analysis`; kept so existing imports keep working."""

from server.search.analysis import *  # noqa: F403
from server.search.analysis import __all__  # noqa: F401
