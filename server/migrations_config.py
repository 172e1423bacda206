"""Config for Tortoise's ``makemigrations`` tool (developers only).

``tortoise --config server.migrations_config.TORTOISE_ORM makemigrations``
"""

from server.config import DatabaseSettings
from server.core.db import tortoise_config

TORTOISE_ORM = tortoise_config(DatabaseSettings(url="sqlite://:memory:"))
