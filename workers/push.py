"""Push delivery jobs (issue 9).

The composition root (:mod:`workers.settings`) reads the three names below.
"""

from __future__ import annotations

from typing import Any

from arq.typing import WorkerCoroutine

from server.core.outbox import EventHandler

#: arq functions enqueued by this domain.
FUNCTIONS: list[WorkerCoroutine] = []
#: arq cron jobs of this domain.
CRON_JOBS: list[Any] = []
#: Outbox topic → handlers of this domain.
EVENT_HANDLERS: dict[str, list[EventHandler]] = {}
