"""Admin-blocked hot words (table ``search_blocked_terms``).

A blocked term is never counted and never shown on the public hot-word list or in
suggestions. The table is merged with ``search.blocked_hot_words``; each API process
reloads it every ``search.synonyms_refresh_seconds`` (the process that saved it applies
it at once).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from server.core.db import insert_rows, placeholders
from server.core.errors import ValidationFailed
from server.search.analysis import normalize
from server.search.hotwords import is_countable

#: Longest blocked term, before and after normalization.
MAX_TERM_CHARS = 32


def clean_terms(terms: Sequence[str]) -> list[str]:
    """Normalized, trimmed, de-duplicated terms (empty ones dropped), in input order.

    Raises :class:`ValidationFailed` (field ``terms.<i>``) for a term that is too long or
    could never be a hot word.
    """
    for i, term in enumerate(terms):
        cleaned = normalize(term).strip()
        if len(term) > MAX_TERM_CHARS or len(cleaned) > MAX_TERM_CHARS:
            raise ValidationFailed(
                f"a blocked term has at most {MAX_TERM_CHARS} characters", field=f"terms.{i}"
            )
        if cleaned and not is_countable(cleaned):
            # Nothing else can ever be on the list (and NUL or lone surrogates cannot be
            # stored): say so instead of keeping a term that blocks nothing.
            raise ValidationFailed(
                "a blocked term is made of letters, digits, Chinese characters and single "
                "spaces (nothing else is ever a hot word)",
                field=f"terms.{i}",
            )
    return list(dict.fromkeys(t for t in (normalize(x).strip() for x in terms) if t))


async def load_blocked_terms() -> list[dict[str, object]]:
    """Every blocked term with who blocked it and when, alphabetically."""
    from server.core.db import connection

    rows = await connection().execute_query_dict(
        "SELECT term, created_by, created_at FROM search_blocked_terms ORDER BY term"
    )
    out: list[dict[str, object]] = []
    for r in rows:
        created = r["created_at"]
        if isinstance(created, datetime):
            created = (created if created.tzinfo else created.replace(tzinfo=UTC)).isoformat()
        out.append({"term": str(r["term"]), "created_by": r["created_by"], "created_at": created})
    return out


async def save_blocked_terms(terms: Sequence[str], created_by: int) -> list[str]:
    """Replace the blocked terms (one transaction); terms already blocked keep who blocked
    them and when. Returns the cleaned terms."""
    from tortoise.transactions import in_transaction

    cleaned = clean_terms(terms)
    wanted = set(cleaned)
    now = datetime.now(UTC)
    async with in_transaction() as conn:
        rows = await conn.execute_query_dict("SELECT term FROM search_blocked_terms")
        present = {str(r["term"]) for r in rows}
        (one,) = placeholders(1, conn)
        for term in sorted(present - wanted):
            await conn.execute_query(f"DELETE FROM search_blocked_terms WHERE term = {one}", [term])
        await insert_rows(
            conn,
            "search_blocked_terms",
            ("term", "created_by", "created_at"),
            [(term, created_by, now) for term in cleaned if term not in present],
        )
    return cleaned
