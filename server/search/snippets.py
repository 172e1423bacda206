"""Snippets and highlighted titles for result lists.

Matching is done as in :mod:`server.search.analysis`: on normalized text (NFKC, lower
case), leftmost first and longest term first, words only where whole tokens match, while
the output shows the original characters.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from server.search.analysis import (
    _CHAR_NORM_TABLE,
    _DIGIT,
    _LETTER,
    _LOWER_TABLE,
    ParsedQuery,
    _char_class,
    _is_han,
)

__all__ = ["Highlighter", "Known", "highlight", "known", "make_snippet", "plain", "prepare"]

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _CharTables:
    """What matching in text as written needs to know about characters (see
    :func:`_char_tables`)."""

    #: Characters that keep a term from being matched in the text as written.
    unsafe: re.Pattern[str]
    #: Per BMP code point: 1 when the character is safe and normalizes to itself.
    same: bytes
    #: Normalized character → the other safe characters that normalize to it (``Ｇ`` and
    #: ``G`` for ``g``).
    others: dict[str, str]


@functools.cache
def _char_tables() -> _CharTables:
    """The character tables, built once per process from :mod:`unicodedata` (~0.15 s).

    *Unsafe* characters are those whose normalization is not exactly themselves yet yields
    a Han character (compatibility ideographs, Kangxi radicals, ㈱ …), and those that shift
    positions: they normalize to no or several characters, or are marks that combine.
    Everything beyond the Basic Multilingual Plane counts as unsafe (not worth
    enumerating). A text free of them normalizes character for character, so a term
    occurs in it wherever each character of the text normalizes to the term's: matching
    needs no normalized copy of the text, only a pattern whose characters are the sets
    of their sources (nearly every policy text: full-width punctuation maps one to one
    onto non-Han characters, and a Han character is only its own source).
    """
    unsafe_cps: list[int] = []
    same = bytearray(0x10000)
    others: dict[str, list[str]] = {}
    for cp in range(0x10000):
        unsafe = True  # surrogates: never in stored text, and never trusted
        if not 0xD800 <= cp < 0xE000:
            ch = chr(cp)
            out = unicodedata.normalize("NFKC", ch).translate(_LOWER_TABLE)
            unsafe = (
                len(out) != 1
                or bool(unicodedata.combining(ch) or unicodedata.combining(out))
                or (out != ch and _is_han(ord(out)))
            )
            if not unsafe:
                if out == ch:
                    same[cp] = 1
                else:
                    others.setdefault(out, []).append(ch)
        if unsafe:
            unsafe_cps.append(cp)
    return _CharTables(
        re.compile("[" + _ranges(unsafe_cps) + "\\U00010000-\\U0010ffff]"),
        bytes(same),
        {out: "".join(chars) for out, chars in others.items()},
    )


def _ranges(code_points: list[int]) -> str:
    """Ascending ``code_points`` as the ranges of a regex character class."""
    parts: list[str] = []
    i = 0
    while i < len(code_points):
        j = i
        while j + 1 < len(code_points) and code_points[j + 1] == code_points[j] + 1:
            j += 1
        parts.append(f"\\U{code_points[i]:08x}-\\U{code_points[j]:08x}")
        i = j + 1
    return "".join(parts)


def prepare() -> None:
    """Build the tables computed on first use now (~0.15 s), so that an API process's first
    search does not pay for them."""
    _char_tables()


def plain(text: str) -> bool:
    """Whether terms can be matched in ``text`` as written (no character in it shifts
    positions or normalizes to a Han character; see :func:`_char_tables`). Scanning a
    700-character window for that costs ~4 µs: a caller that shows one text many times
    (the engine's document cache) checks once and passes the answer on."""
    return _char_tables().unsafe.search(text) is None


def _word_class(ch: str) -> str:
    """The tokenizer class of a normalized character when it is a letter or digit, else
    ``""`` (a term's edge that must not continue a word of the text)."""
    cls = _char_class(ch)
    return cls if cls in (_DIGIT, _LETTER) else ""


class _NormClassTable(dict[int, str]):
    """Code point → the tokenizer class of its normalization (safe characters)."""

    def __missing__(self, cp: int) -> str:
        out = _CHAR_NORM_TABLE[cp]
        cls = _char_class(out) if len(out) == 1 else ""
        if len(self) < 65536:  # bounded cache
            self[cp] = cls
        return cls


_NORM_CLASS = _NormClassTable()


@dataclass(frozen=True, slots=True)
class _Matcher:
    """A query's highlight terms, compiled once for every text of a result page."""

    terms: tuple[str, ...]
    #: Any term, in normalized text (alternatives in ``terms`` order: longest first).
    normalized: re.Pattern[str]
    #: Where the terms occur in a text free of unsafe characters, as written (the matches,
    #: but for the word checks). ``grouped``: group ``i + 1`` is ``terms[i]``; otherwise
    #: a match is its term (Chinese terms without word checks: ``direct`` is
    #: ``normalized``).
    direct: re.Pattern[str]
    grouped: bool
    #: Per term: the class of its first (last) character when a match there must not
    #: continue a word of the text (whole-token matching, as in search), else ``""``.
    #: A term that may continue (``open_terms``, prefix matching) has no end check.
    starts_word: tuple[str, ...]
    ends_word: tuple[str, ...]
    #: Whether any term has such a check.
    checked: bool
    longest: int
    #: Term → the query word it shows (see ``ParsedQuery.term_words``), and how many
    #: words the terms show: a snippet's window is the one showing the most words.
    word: dict[str, int]
    words: int
    #: The one term, when there is one, it is literal (Chinese) and has no word checks;
    #: else ``""``. Its matches in a plain text are then what ``str.replace`` finds
    #: (leftmost, non-overlapping), in C; a snippet's window starts at or before the
    #: first of them, so the window alone holds the same ones.
    only: str = ""


@functools.lru_cache(maxsize=1024)
def _matcher(
    terms: tuple[str, ...], open_terms: frozenset[str], words: tuple[int, ...]
) -> _Matcher | None:
    """The matcher of ``terms`` (cached: a result page cuts twenty snippets and titles with
    the same terms); ``words``: the query word of each term. ``None`` when there is
    nothing to match."""
    word = {t: w for t, w in zip(terms, words, strict=True) if t}
    kept = tuple(t for t in terms if t)
    if not kept:
        return None
    tables = _char_tables()
    starts_word = tuple(_word_class(t[0]) for t in kept)
    ends_word = tuple("" if t in open_terms else _word_class(t[-1]) for t in kept)
    normalized = re.compile("|".join(re.escape(t) for t in kept))
    sources = {c: _sources(c, tables) for t in kept for c in t}
    literal = all(sources[c] == c for c in sources)
    checked = any(starts_word) or any(ends_word)
    direct = normalized
    grouped = not literal or checked
    if grouped:
        direct = _grouped_pattern(kept, sources)
    return _Matcher(
        terms=kept,
        normalized=normalized,
        direct=direct,
        grouped=grouped,
        starts_word=starts_word,
        ends_word=ends_word,
        checked=checked,
        longest=max(map(len, kept)),
        word=word,
        words=len(set(word.values())),
        only=kept[0] if not grouped and len(kept) == 1 else "",
    )


def _grouped_pattern(terms: tuple[str, ...], sources: dict[str, str]) -> re.Pattern[str]:
    """The pattern finding where ``terms`` occur in a plain text: at each position the
    first term (in order) that occurs there.

    It consumes the first character from the class of all terms' first characters, then
    tries the terms in order (the first character's sources checked behind, then the
    rest, each term ending in an empty group: ``lastindex`` names the term). Starting
    with a character class lets the regex engine skip ahead in C to where a term may
    start: a 700-character window is searched several times faster than with a leading
    look-ahead or a group. (Word checks stay out of the pattern: the classes of every
    character that normalizes to a letter or a digit took milliseconds to compile for
    each new query.)
    """
    alternatives = []
    for term in terms:
        first = sources[term[0]]
        rest = "".join(_class_pattern(sources[c]) for c in term[1:])
        alternatives.append(f"(?<={_class_pattern(first)}){rest}()" if first else "(?!)")
    firsts = "".join(dict.fromkeys(c for t in terms for c in sources[t[0]]))
    if not firsts:
        return re.compile("(?!)")
    return re.compile(_class_pattern(firsts) + "(?:" + "|".join(alternatives) + ")")


def _sources(ch: str, tables: _CharTables) -> str:
    """The characters of a safe text that normalize to ``ch``."""
    cp = ord(ch)
    return (ch if cp < 0x10000 and tables.same[cp] else "") + tables.others.get(ch, "")


def _class_pattern(sources: str) -> str:
    """A regex matching any one of ``sources`` (never matching when there is none)."""
    if not sources:
        return "(?!)"
    if len(sources) == 1:
        return re.escape(sources)
    return "[" + "".join(map(re.escape, sources)) + "]"


Match = tuple[int, int, str]


def _direct_matches(text: str, m: _Matcher) -> Iterator[Match]:
    """Matches in a text free of unsafe characters, found in the text as written (lazily)."""
    found = m.direct.finditer(text)
    if not m.grouped:
        return ((hit.start(), hit.end(), hit.group()) for hit in found)
    if m.checked:
        return _checked_matches(text, m)
    terms = m.terms
    return ((hit.start(), hit.end(), terms[(hit.lastindex or 1) - 1]) for hit in found)


def _checked_matches(text: str, m: _Matcher) -> Iterator[Match]:
    """:func:`_direct_matches` of terms with word checks, done here on each occurrence."""
    terms = m.terms
    n = len(text)
    pos = 0
    while True:
        for hit in m.direct.finditer(text, pos):
            s, e = hit.span()
            k = (hit.lastindex or 1) - 1
            cls = m.starts_word[k]
            if not (cls and s > 0 and _NORM_CLASS[ord(text[s - 1])] == cls):
                cls = m.ends_word[k]
                if not (cls and e < n and _NORM_CLASS[ord(text[e])] == cls):
                    yield s, e, terms[k]
                    continue
            # The first term occurring at ``s`` would continue a word: try the later ones
            # there, as on normalized text, then go on after what was found (or at s + 1).
            later = _later_term(text, s, k, m)
            if later is not None:
                yield later
                pos = later[1]
            else:
                pos = s + 1
            break
        else:
            return


def _later_term(text: str, s: int, k: int, m: _Matcher) -> Match | None:
    """The first term after ``terms[k]`` occurring at ``s`` with its word checks passed."""
    n = len(text)
    local = text[s : s + m.longest].translate(_CHAR_NORM_TABLE)
    for j in range(k + 1, len(m.terms)):
        term = m.terms[j]
        if not local.startswith(term):
            continue
        cls = m.starts_word[j]
        if cls and s > 0 and _NORM_CLASS[ord(text[s - 1])] == cls:
            continue
        e = s + len(term)
        cls = m.ends_word[j]
        if cls and e < n and _NORM_CLASS[ord(text[e])] == cls:
            continue
        return s, e, term
    return None


def _normalized_matches(text: str, m: _Matcher) -> Iterator[Match]:
    """Matches found on the normalized text, mapped back to the original characters (any
    text; the general path)."""
    norm, starts, ends = _norm_with_map(text)
    last_end = 0
    i = 0
    n = len(norm)
    while i < n:
        found = m.normalized.search(norm, i)
        if found is None:
            break
        s = found.start()
        hit: str | None = None
        for j, term in enumerate(m.terms):
            if not norm.startswith(term, s):
                continue
            cls = m.starts_word[j]
            if cls and s > 0 and _char_class(norm[s - 1]) == cls:
                continue
            e = s + len(term)
            cls = m.ends_word[j]
            if cls and e < n and _char_class(norm[e]) == cls:
                continue
            hit = term
            break
        if hit is None:
            i = s + 1
            continue
        e = s + len(hit)
        os_, oe = (s, e) if starts is None or ends is None else (starts[s], ends[e - 1])
        if os_ >= last_end:
            yield os_, oe, hit
            last_end = oe
        i = e


def _find(text: str, m: _Matcher | None, is_plain: bool) -> Iterator[Match]:
    """``m``'s matches in ``text`` (see :meth:`Highlighter.matches`)."""
    if m is None or not text:
        return iter(())
    return _direct_matches(text, m) if is_plain else _normalized_matches(text, m)


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


_HTML_SPECIAL = re.compile("[&<>\"']")


def _render(
    text: str, start: int, end: int, matches: list[Match], clean: bool | None = None
) -> str:
    out: list[str] = []
    cur = start
    # Policy text rarely holds a character that needs escaping: then nothing is escaped.
    if clean is None:
        clean = _HTML_SPECIAL.search(text, start, end) is None
    escape: Callable[[str], str] = str if clean else html.escape
    for s, e, _ in matches:
        if s < start or e > end:
            continue
        out.append(escape(text[cur:s]))
        out.append("<em>" + escape(text[s:e]) + "</em>")
        cur = e
    out.append(escape(text[cur:end]))
    return "".join(out)


class Known(NamedTuple):
    """What a caller that shows a text many times knows of it (the engine's document
    cache, per stored item): whether it is :func:`plain`, and whether it holds none of the
    characters HTML escaping changes (``&<>"'``)."""

    plain: bool
    clean: bool


def known(text: str) -> Known:
    """:class:`Known` of ``text`` (~4 µs for a 700-character window)."""
    return Known(plain(text), _HTML_SPECIAL.search(text) is None)


@dataclass(frozen=True, slots=True)
class Highlighter:
    """A query's highlight terms, made ready once for every text of a result page."""

    _m: _Matcher | None

    @classmethod
    def of(cls, pq: ParsedQuery) -> Highlighter:
        return cls(_matcher(pq.highlight_terms, pq.open_terms, pq.term_words))

    def matches(self, text: str, known: Known | None = None) -> Iterator[Match]:
        """Non-overlapping ``(start, end, term)`` matches in ORIGINAL-text coordinates, in
        order (lazily: a snippet needs only those up to its window).

        Matching is done on the normalized text, leftmost first and longest term first. A
        term that starts (ends) with a letter or digit only matches where the text's token
        starts (ends) too, mirroring whole-token matching in search.
        """
        return _find(text, self._m, self._plain(text, known))

    def _plain(self, text: str, known: Known | None) -> bool:
        """Whether ``text`` is :func:`plain` (worked out only when there is something to
        match and the caller does not know)."""
        return self._m is not None and (plain(text) if known is None else known.plain)

    def title(self, text: str, known: Known | None = None) -> str:
        """The whole ``text`` HTML-escaped, with every match wrapped in ``<em>…</em>``."""
        m = self._m
        text_plain = self._plain(text, known)
        clean = None if known is None else known.clean
        if m is not None and not m.grouped and text_plain:
            return _mark(text, m, clean)
        return _render(text, 0, len(text), list(_find(text, m, text_plain)), clean)

    def snippet(
        self, text: str, width: int = 60, *, collapsed: bool = False, known: Known | None = None
    ) -> str:
        """:func:`make_snippet` with these terms."""
        if width < 1:
            raise ValueError("width must be positive")
        # ``collapsed``: the caller's text has single spaces only (the stored windows).
        text = text.strip() if collapsed else _WS.sub(" ", text).strip()
        n = len(text)
        m = self._m
        text_plain = self._plain(text, known)
        clean = None if known is None else known.clean
        if m is not None and m.only and text_plain:
            # One term: the best window is its first occurrence's (see ``_Matcher.only``).
            first = text.find(m.only) if n > width else -1
            start = 0 if first < 0 else _window_start(first, n, width)
            end = min(n, start + width)
            body = _mark(text[start:end], m, clean)
        else:
            found, most = _bounded_matches(text, m, text_plain)
            start = 0
            if n <= width:
                matches = list(found)
            else:
                matches, start = _best_window(n, width, found, most, m.word if m else {})
            end = min(n, start + width)
            body = _render(text, start, end, matches, clean)
        return ("…" if start > 0 else "") + body + ("…" if end < n else "")


def highlight(text: str, pq: ParsedQuery, *, known: Known | None = None) -> str:
    """The whole ``text`` HTML-escaped, with every match wrapped in ``<em>…</em>``
    (``known``: :func:`known` of ``text``, when known)."""
    return Highlighter.of(pq).title(text, known)


def _window_start(match_start: int, n: int, width: int) -> int:
    """Where a window around a match starting at ``match_start`` starts: a fifth of
    ``width`` before it, within ``[0, n - width]``."""
    return max(0, min(match_start - width // 5, n - width))


def _mark(text: str, m: _Matcher, clean: bool | None = None) -> str:
    """``text`` escaped, each match of ``m``'s Chinese terms (no word checks) wrapped in
    ``<em>``, in C: escaping creates no occurrence of such a term and splits none, and
    in a plain text the matches are what the regex engine (``str.replace`` for one term)
    finds. ``clean``: whether ``text`` needs no escaping, when known."""
    if not clean and (clean is False or _HTML_SPECIAL.search(text)):
        text = html.escape(text)
    if m.only:
        return text.replace(m.only, "<em>" + m.only + "</em>")
    return m.direct.sub(_em, text)


def _em(hit: re.Match[str]) -> str:
    # A function, not the template ``<em>\g<0></em>``: Python expands a template per match
    # more slowly than it calls this (1.3 against 0.5 µs for a title).
    return "<em>" + hit.group() + "</em>"


def make_snippet(
    text: str,
    pq: ParsedQuery,
    width: int = 60,
    *,
    collapsed: bool = False,
    known: Known | None = None,
) -> str:
    """An HTML-escaped window of about ``width`` characters of ``text`` around the best match.

    Runs of whitespace are collapsed to one space first (unless ``collapsed`` says the text
    has no runs: the index stores its windows so). The window is the one showing the
    most query words (``ParsedQuery.term_words``: a word's synonyms and pieces count as
    the word; earliest on ties), starting a little before its first match; without
    matches it is the start of the text. Matches are wrapped in ``<em>…</em>`` and ``…``
    marks a cut at either end. The output shows the original characters (e.g. full-width
    ``ＡＢ``) even though matching is done on normalized text. ``known`` is :func:`known` of
    ``text``, when known (collapsing white space keeps it).
    """
    return Highlighter.of(pq).snippet(text, width, collapsed=collapsed, known=known)


def _bounded_matches(text: str, m: _Matcher | None, is_plain: bool) -> tuple[Iterator[Match], int]:
    """The matches of ``m`` in ``text``, and at most how many query words they show.

    Matches are read lazily where the count is known: every word may occur, and with one
    word (a word and its synonyms, the pieces of ``5G基站``) the first window holding a
    match is the snippet's. Terms with letters or digits of several words are all matched
    first and their words counted (their matches nest, so a text rarely shows all the
    words); no window need be tried once one shows all that occur.
    """
    found = _find(text, m, is_plain)
    if m is None:
        return found, 0
    if not m.grouped or m.words == 1:
        return found, m.words
    matches = list(found)
    return iter(matches), len({m.word[term] for _, _, term in matches})


def _best_window(
    n: int, width: int, found: Iterator[Match], most: int, word: dict[str, int]
) -> tuple[list[Match], int]:
    """The start of the window showing the most query words (``word`` of a match's term;
    earliest on ties; 0 without matches), and the matches read to decide it (all those
    before the window's end).

    Each match starts a candidate window a little before it. A window holds the matches
    lying wholly inside it; as candidates move right, matches leave at the left and enter
    at the right, so each is counted in and out once. Matches are read only as far as the
    windows considered need them, and no later window is considered once one shows
    ``most`` words (no more occur in the text, so none could show more): with one word,
    matches are read up to its first window's end.
    """
    matches: list[Match] = []
    inside: dict[int, int] = {}  # word → its matches in the window, matches[lo:hi]
    held = 0  # words shown in the window
    lo = hi = 0
    exhausted = False
    best_count, best_start = -1, 0
    candidate = 0
    while True:
        if candidate == len(matches):
            nxt = None if exhausted else next(found, None)
            if nxt is None:
                break
            matches.append(nxt)
        ws = _window_start(matches[candidate][0], n, width)
        we = ws + width
        # Matches are ordered and disjoint, so their ends grow too: the window holds those
        # from the first starting at ``ws`` up to the first ending after ``we``. Both
        # bounds only move right. (Every match starting before ``ws`` precedes the
        # candidate's own, so it has been read.)
        while matches[lo][0] < ws:
            if lo < hi:
                w = word[matches[lo][2]]
                inside[w] -= 1
                held -= not inside[w]
            lo += 1
        hi = max(hi, lo)
        while True:
            if hi == len(matches):
                nxt = None if exhausted else next(found, None)
                if nxt is None:
                    exhausted = True
                    break
                matches.append(nxt)
            if matches[hi][1] > we:
                break
            w = word[matches[hi][2]]
            inside[w] = inside.get(w, 0) + 1
            held += inside[w] == 1
            hi += 1
        if held > best_count:
            best_count, best_start = held, ws
            if best_count >= most:
                break
        candidate += 1
    return matches, best_start
