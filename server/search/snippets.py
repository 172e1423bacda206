"""Snippets and highlighted titles for result lists.

Matching is done as in :mod:`server.search.analysis`: on normalized text (NFKC, lower
case), leftmost first and longest term first, words only where whole tokens match, while
the output shows the original characters.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata

from server.search.analysis import (
    _CHAR_NORM_TABLE,
    _DIGIT,
    _LETTER,
    _LOWER_TABLE,
    ParsedQuery,
    _char_class,
    _is_han,
)

__all__ = ["highlight", "make_snippet", "prepare"]

_WS = re.compile(r"\s+")


@functools.cache
def _unsafe_for_han_terms() -> re.Pattern[str]:
    """Characters that keep Chinese-only terms from being matched in the text as written.

    Those whose normalization is not exactly themselves yet yields a Han character
    (compatibility ideographs, Kangxi radicals, ㈱ …), and those that shift positions: they
    normalize to no or several characters, or are marks that combine. Everything beyond
    the Basic Multilingual Plane counts as unsafe (not worth enumerating). A text free of
    them holds a Chinese term exactly where its normalized form does (nearly every policy
    text: full-width punctuation maps one to one onto non-Han characters).

    Built once per process from :mod:`unicodedata` (~0.1 s), on the first snippet.
    """
    parts: list[str] = []
    start: int | None = None
    for cp in range(0x80, 0x10000):
        unsafe = True  # surrogates: never in stored text, and never trusted
        if not 0xD800 <= cp < 0xE000:
            ch = chr(cp)
            out = unicodedata.normalize("NFKC", ch).translate(_LOWER_TABLE)
            unsafe = (
                len(out) != 1
                or bool(unicodedata.combining(ch) or unicodedata.combining(out))
                or (out != ch and _is_han(ord(out)))
            )
        if unsafe and start is None:
            start = cp
        elif not unsafe and start is not None:
            parts.append(f"\\U{start:08x}-\\U{cp - 1:08x}")
            start = None
    if start is not None:
        parts.append(f"\\U{start:08x}-\\U0000ffff")
    return re.compile("[" + "".join(parts) + "\\U00010000-\\U0010ffff]")


def prepare() -> None:
    """Build the tables computed on first use now (~0.1 s), so that an API process's first
    search does not pay for them."""
    _unsafe_for_han_terms()


@functools.lru_cache(maxsize=1024)
def _alternation(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``terms`` (compiled once per query's terms: a result page
    cuts twenty snippets and titles with the same terms)."""
    return re.compile("|".join(re.escape(t) for t in terms))


def _all_han(terms: list[str]) -> bool:
    return all(_is_han(ord(ch)) for term in terms for ch in term)


def _norm_with_map(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """Normalized text plus, per normalized char, the original span ``[start, end)``.

    The maps are ``None`` when normalization is character for character (position ``i``
    of the result is position ``i`` of ``text``): ASCII, and nearly all Chinese text.

    Otherwise characters are normalized one at a time — or, when the text has combining
    marks, one cluster (a character and its following marks) at a time — so every
    normalized character traces back to the original characters it came from. The result
    equals :func:`normalize` except for rare compositions across such units (conjoining
    Hangul jamo, half-width katakana voicing marks); it is only used to place highlights.
    """
    n = len(text)
    if text.isascii():
        return text.lower(), None, None
    norm = text.translate(_CHAR_NORM_TABLE)  # fills not_one_to_one for unseen characters
    if _CHAR_NORM_TABLE.not_one_to_one.isdisjoint(text):
        return norm, None, None
    if not any(map(unicodedata.combining, text)):
        clusters = [(i, i + 1, _CHAR_NORM_TABLE[ord(ch)]) for i, ch in enumerate(text)]
    else:
        clusters = []
        i = 0
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            out = unicodedata.normalize("NFKC", text[i:j]).translate(_LOWER_TABLE)
            clusters.append((i, j, out))
            i = j
    starts: list[int] = []
    ends: list[int] = []
    for i, j, out in clusters:
        starts.extend([i] * len(out))
        ends.extend([j] * len(out))
    return "".join(out for _, _, out in clusters), starts, ends


def _find_matches(text: str, pq: ParsedQuery) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, term)`` matches in ORIGINAL-text coordinates.

    Matching is done on the normalized text, leftmost first and longest term first. A term
    that starts (ends) with a letter or digit only matches where the text's token starts
    (ends) too, mirroring whole-token matching in search.
    """
    terms = [t for t in pq.highlight_terms if t]
    if not terms or not text:
        return []
    if _all_han(terms) and _unsafe_for_han_terms().search(text) is None:
        norm, starts, ends = text, None, None  # see _unsafe_for_han_terms
    else:
        norm, starts, ends = _norm_with_map(text)
    pattern = _alternation(tuple(terms))
    found: list[tuple[int, int, str]] = []
    last_end = 0
    i = 0
    n = len(norm)
    while i < n:
        m = pattern.search(norm, i)
        if m is None:
            break
        s = m.start()
        hit: str | None = None
        for term in terms:
            if not norm.startswith(term, s):
                continue
            first = _char_class(term[0])
            if first in (_DIGIT, _LETTER) and s > 0 and _char_class(norm[s - 1]) == first:
                continue
            e = s + len(term)
            lastc = _char_class(term[-1])
            if (
                lastc in (_DIGIT, _LETTER)
                and term not in pq.open_terms
                and e < n
                and _char_class(norm[e]) == lastc
            ):
                continue
            hit = term
            break
        if hit is None:
            i = s + 1
            continue
        e = s + len(hit)
        os_, oe = (s, e) if starts is None or ends is None else (starts[s], ends[e - 1])
        if os_ >= last_end:
            found.append((os_, oe, hit))
            last_end = oe
        i = e
    return found


def _render(text: str, start: int, end: int, matches: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    cur = start
    for s, e, _ in matches:
        if s < start or e > end:
            continue
        out.append(html.escape(text[cur:s]))
        out.append("<em>" + html.escape(text[s:e]) + "</em>")
        cur = e
    out.append(html.escape(text[cur:end]))
    return "".join(out)


def highlight(text: str, pq: ParsedQuery) -> str:
    """The whole ``text`` HTML-escaped, with every match wrapped in ``<em>…</em>``."""
    return _render(text, 0, len(text), _find_matches(text, pq))


def make_snippet(text: str, pq: ParsedQuery, width: int = 60, *, collapsed: bool = False) -> str:
    """An HTML-escaped window of about ``width`` characters of ``text`` around the best match.

    Runs of whitespace are collapsed to one space first (unless ``collapsed`` says the text
    has no runs: the index stores its windows so). The window is the one holding the
    most distinct highlight terms (earliest on ties), starting a little before its first
    match; without matches it is the start of the text. Matches are wrapped in
    ``<em>…</em>`` and ``…`` marks a cut at either end. The output shows the original
    characters (e.g. full-width ``ＡＢ``) even though matching is done on normalized text.
    """
    if width < 1:
        raise ValueError("width must be positive")
    # ``collapsed``: the caller's text has single spaces only (the stored windows).
    text = text.strip() if collapsed else _WS.sub(" ", text).strip()
    n = len(text)
    matches = _find_matches(text, pq)
    start = 0
    if matches and n > width:
        lead = width // 5
        match_starts = [s for s, _, _ in matches]
        best_count, best_start = -1, 0
        for s in match_starts:
            ws = max(0, min(s - lead, n - width))
            we = ws + width
            terms: set[str] = set()
            for ms, me, term in matches[bisect.bisect_left(match_starts, ws) :]:
                if ms >= we:
                    break
                if me <= we:
                    terms.add(term)
            if len(terms) > best_count:
                best_count, best_start = len(terms), ws
        start = best_start
    end = min(n, start + width)
    body = _render(text, start, end, matches)
    return ("…" if start > 0 else "") + body + ("…" if end < n else "")
