"""Synonyms and abbreviations (社保 ↔ 社会保险 …), applied at query time, and relaxation.

Groups are admin-editable (table ``search_synonyms``; the defaults below are inserted by
the migration). A query segment that contains a term of a group also matches, as an exact
result, the segment with that term replaced by each other term of its group.

A query that finds nothing as written is *relaxed*: segmented into words by jieba, each
word with its synonyms, all words required, then any word; such results are labelled
``related``, not ``exact``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from server.core.db import insert_rows
from server.core.errors import ValidationFailed
from server.search.analysis import Segment, normalize, parse_query
from server.search.hotwords import STOP_WORDS

log = logging.getLogger("zwgk.search")

DEFAULT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("社保", "社会保险"),
    ("医保", "医疗保险"),
    ("公积金", "住房公积金"),
    ("个税", "个人所得税"),
    ("低保", "最低生活保障"),
    ("高企", "高新技术企业"),
    ("双创", "大众创业万众创新"),
    ("农保", "农村社会养老保险"),
)
#: At most this many variants per segment (bounded query size whatever the table holds).
MAX_VARIANTS = 8


def clean_group(terms: Iterable[str]) -> tuple[str, ...]:
    """Normalized, de-duplicated terms of one group (empty and 1-term groups are useless)."""
    out = [normalize(t).strip() for t in terms]
    return tuple(dict.fromkeys(t for t in out if t))


@dataclass
class Synonyms:
    groups: tuple[tuple[str, ...], ...] = DEFAULT_GROUPS
    #: Changes whenever the groups change (part of the result cache's generation).
    version: int = 0
    _index: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.set(self.groups)

    def set(self, groups: Sequence[Sequence[str]]) -> None:
        cleaned = tuple(g for g in (clean_group(x) for x in groups) if len(g) >= 2)
        index: dict[str, tuple[str, ...]] = {}
        for group in cleaned:
            for term in group:
                index[term] = tuple(dict.fromkeys([*index.get(term, ()), *group]))
        if cleaned != self.groups:
            self.version += 1
        self.groups = cleaned
        # Longest terms first: 社会保险 is replaced before a shorter term inside it.
        self._index = dict(sorted(index.items(), key=lambda kv: -len(kv[0])))

    def variants(self, text: str) -> list[str]:
        """``text`` with each contained term replaced by each of its synonyms."""
        out: dict[str, None] = {}
        for term, group in self._index.items():
            if term in text:
                for other in group:
                    if other != term:
                        out[text.replace(term, other)] = None
            if len(out) >= MAX_VARIANTS:
                break
        out.pop(text, None)
        return list(out)[:MAX_VARIANTS]

    def expand(self, seg: Segment) -> list[Segment]:
        """The segment and its synonym variants (each a single phrase segment)."""
        alts = [seg]
        for variant in self.variants(seg.text):
            parsed = parse_query(variant)
            if len(parsed.segments) == 1 and parsed.segments[0] not in alts:
                alts.append(parsed.segments[0])
        return alts


_JIEBA_LOCK = threading.Lock()
_jieba_ready = False


def prepare_segmenter() -> None:
    """Load jieba's dictionary now (~0.5 s), not in the first search that finds nothing
    as written. Idempotent and thread-safe."""
    global _jieba_ready
    import jieba

    with _JIEBA_LOCK:
        if not _jieba_ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _jieba_ready = True


def segment_words(q: str) -> list[str]:
    """The query cut into words by jieba (stop words and separators dropped)."""
    import jieba

    prepare_segmenter()
    words = []
    for w in jieba.lcut(normalize(q), HMM=True):
        w = w.strip()
        if w and w not in STOP_WORDS and parse_query(w):
            words.append(w)
    return list(dict.fromkeys(words))


async def load_groups() -> list[tuple[str, ...]]:
    """The synonym groups as stored (admin-edited) in ``search_synonyms``."""
    from server.core.db import connection

    rows = await connection().execute_query_dict("SELECT terms FROM search_synonyms ORDER BY id")
    return [tuple(str(r["terms"]).split(",")) for r in rows]


#: Limits of one synonym group (what an admin may save).
MAX_GROUP_TERMS = 20
MAX_TERM_CHARS = 32


async def save_groups(groups: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """Replace every synonym group (one transaction); returns the cleaned groups.

    Raises :class:`ValidationFailed` (field ``groups.<i>``) for a group of more than
    ``MAX_GROUP_TERMS`` terms or with a term longer than ``MAX_TERM_CHARS``.
    """
    from tortoise.transactions import in_transaction

    for i, group in enumerate(groups):
        if len(group) > MAX_GROUP_TERMS or any(len(t) > MAX_TERM_CHARS for t in group):
            raise ValidationFailed(
                f"a group has at most {MAX_GROUP_TERMS} terms of at most {MAX_TERM_CHARS} "
                "characters",
                field=f"groups.{i}",
            )
    cleaned = [g for g in (clean_group(x) for x in groups) if len(g) >= 2]
    async with in_transaction() as conn:
        await conn.execute_query("DELETE FROM search_synonyms")
        groups = [(",".join(group),) for group in dict.fromkeys(cleaned)]
        await insert_rows(conn, "search_synonyms", ("terms",), groups)
    return list(dict.fromkeys(cleaned))
