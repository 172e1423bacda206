"""The search query mix the load generator rotates through.

Queries are grouped by kind because the index treats them differently (see
``server.search.analysis``): a one-character query is a character term, a two-character
query a single bigram, a longer one a phrase of bigrams, a document number a phrase mixing
CJK bigrams and number tokens. Kinds are repeated roughly in proportion to how often users
type them (two-character words dominate); one query deliberately finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

__all__ = ["FIXED_DOC_NUMBERS", "QUERY_MIX", "search_paths", "zipf_queries"]

#: (kind, query). Document numbers sampled from the generated corpus are appended at run time.
QUERY_MIX: tuple[tuple[str, str], ...] = (
    ("1-char", "税"),
    ("1-char", "碳"),
    ("1-char", "补"),
    ("1-char", "医"),
    ("2-char", "补贴"),
    ("2-char", "企业"),
    ("2-char", "养老"),
    ("2-char", "社保"),
    ("2-char", "就业"),
    ("2-char", "医保"),
    ("2-char", "住房"),
    ("2-char", "低保"),
    ("2-char", "光伏"),
    ("2-char", "申报"),
    ("4-char", "稳岗返还"),
    ("4-char", "专精特新"),
    ("4-char", "高龄津贴"),
    ("4-char", "留抵退税"),
    ("4-char", "创业担保"),
    ("4-char", "秸秆禁烧"),
    ("mixed", "5G基站"),
    ("mixed", "A级纳税人"),
    ("mixed", "2023年度"),
    ("multi", "养老 补贴"),
    ("multi", "企业 稳岗"),
    ("miss", "量子计算"),
)

#: Document numbers that exist in every corpus of ≥ 20 000 policies from the default seed.
FIXED_DOC_NUMBERS: tuple[str, ...] = ("皋政发〔2023〕15号",)


def search_paths(
    queries: Iterable[str], *, path: str = "/api/v1/policies/search", page_size: int = 10
) -> list[str]:
    """Request paths (with URL-encoded query strings) for ``queries``, page 1 each."""
    return [f"{path}?q={quote(q, safe='')}&page=1&page_size={page_size}" for q in queries]


def zipf_queries(
    corpus: Path, distinct: int, draws: int, seed: int, exponent: float = 1.0
) -> list[str]:
    """A query log: ``draws`` queries over ``distinct`` different ones, Zipf-distributed.

    The distinct queries are substrings (2–6 characters) of the corpus's titles, so most
    find something; rank ``r`` is drawn with weight ``1 / r**exponent`` (real search logs
    look like this: a few queries are very common, most are rare).
    """
    import json
    import random

    rng = random.Random(seed)
    titles: list[str] = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            titles.append(str(json.loads(line)["title"]))
            if len(titles) >= 20_000:
                break
    seen: dict[str, None] = {}
    attempts = 0
    while len(seen) < distinct and attempts < distinct * 50:
        attempts += 1
        title = rng.choice(titles)
        n = rng.randint(2, 6)
        if len(title) <= n:
            continue
        start = rng.randrange(len(title) - n)
        q = title[start : start + n].strip()
        if len(q) >= 2 and not any(c in q for c in "〔〕（）《》，。、 "):
            seen[q] = None
    ranked = list(seen)
    weights = [1.0 / (r + 1) ** exponent for r in range(len(ranked))]
    return rng.choices(ranked, weights=weights, k=draws)
