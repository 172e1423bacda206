"""The search query mix the load generator rotates through.

Queries are grouped by kind because the index treats them differently (see
``server.policies.search_text``): a one-character query is an FTS5 prefix term, a two-character
query a single bigram, a longer one a phrase of bigrams, a document number a phrase mixing
CJK bigrams and number tokens. Kinds are repeated roughly in proportion to how often users
type them (two-character words dominate); one query deliberately finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

__all__ = ["FIXED_DOC_NUMBERS", "QUERY_MIX", "search_paths"]

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
