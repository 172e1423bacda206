"""The text layer of the policy search: normalization, tokens, query parsing, snippets.

Why this exists
---------------
General-purpose analyzers do not segment Chinese well and depend on locale and
dictionaries. So we tokenize in Python, once, and hand the search engine (Tantivy, see
:mod:`server.search.engine`) pre-tokenized text with positions. Every host, on SQLite and
PostgreSQL deployments alike, sees exactly the same tokens.

Tokenization
------------
Text is normalized (:func:`normalize`) and split into *runs*:

* a **CJK run** is a maximal sequence of Han ideographs (Ext-A U+3400–4DBF, URO
  U+4E00–9FFF, compatibility U+F900–FAFF, Ext-B and later U+20000–3FFFF, and ``〇``);
  ``c1..cn`` is indexed as the overlapping bigrams ``c1c2 … c(n-1)cn`` followed by the
  terminal unigram ``cn`` (a one-character run yields just that character);
* a **word run** is a maximal sequence of other letters and digits (ASCII and other
  scripts); it is split where letters and digits meet (``5g`` → ``5`` ``g``) and each
  piece is one token (truncated to :data:`MAX_WORD_CHARS` characters);
* everything else (whitespace, punctuation such as ``〔〕【】《》（）、，。-/``) separates
  runs and produces no token. Separators do not create position gaps: a token's position
  is simply its index in :func:`index_tokens`.

Queries
-------
A query is normalized and cut at separators into *segments*; all segments must match
(AND). A segment is one phrase (tokens at consecutive positions, in the same column):

* a CJK run of length ≥ 2 contributes its bigrams only. Documents carry every bigram of a
  run at consecutive positions, so the phrase matches exactly the documents containing
  the run as a substring. A bigram is always followed by a bigram or by its run's terminal
  unigram, so a bigram chain can never straddle two runs;
* a CJK run of length 1 at the end of a segment becomes a prefix term ``c*``: it matches
  the bigrams starting with ``c`` and the terminal unigram ``c``, i.e. exactly the
  documents containing ``c``. The index keeps every Han character of a field as a term
  of a character field too, so a one-character segment is the plain term ``c`` there and
  ranks by BM25 like any other term; at the end of a longer segment ``c*`` is a
  regular-expression term ``c.*`` of a phrase;
* a word piece is an exact term (whole-token match, e.g. ``g`` does not match ``gb``);
  with ``prefix_last=True`` the query's final word piece is a prefix term, for
  suggestions;
* inside a segment that mixes runs (``5G基站``, ``A级纳税人``, ``28号``) the runs stay
  adjacent: a CJK run followed by a word also contributes its terminal unigram (so the
  phrase requires the CJK run to end right there), and a CJK run preceded by a word
  must start right there — which the bigram chain already requires. Separators between
  the runs in the document are ignored (``5G 基站`` and ``5G基站`` both match ``5G基站``).
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "MAX_WORD_CHARS",
    "ParsedQuery",
    "Segment",
    "highlight",
    "index_fields",
    "index_text",
    "index_tokens",
    "make_snippet",
    "normalize",
    "parse_query",
]

#: Word tokens are cut to this many characters, in documents and queries alike (keeps
#: every token far below PostgreSQL's 2047-byte lexeme limit).
MAX_WORD_CHARS = 100

# Characters dropped by normalize(): invisible format characters (ZWSP, ZWJ, BOM, soft
# hyphen, …) are category Cf and handled separately; these are the variation selectors.
_IGNORABLE_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180F))

_WS = re.compile(r"\s+")

# Character classes used by the tokenizer.
_HAN = "H"
_DIGIT = "N"
_LETTER = "L"
_SEP = ""


def _is_han(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3FFFF
        or 0xF900 <= cp <= 0xFAFF
        or cp == 0x3007  # 〇
    )


def _char_class(ch: str) -> str:
    """Tokenizer class of one *normalized* character: Han, digit, letter or separator."""
    cp = ord(ch)
    if cp < 0x80:
        if ch.isdigit():
            return _DIGIT
        if ch.isalpha():
            return _LETTER
        return _SEP
    if _is_han(cp):
        return _HAN
    major = unicodedata.category(ch)[0]
    if major == "N":
        return _DIGIT
    if major in "LM":
        return _LETTER
    return _SEP


def _is_ignorable(ch: str) -> bool:
    cp = ord(ch)
    if any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES):
        return True
    return cp >= 0x80 and unicodedata.category(ch) == "Cf"


class _LowerTable(dict[int, str | None]):
    """``str.translate`` table: per-character lowercase, ignorables deleted."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        out = None if _is_ignorable(ch) else ch.lower()
        if len(self) < 65536:  # bounded cache
            self[cp] = out
        return out


class _CharNormTable(dict[int, str]):
    """``str.translate`` table: one character's :func:`normalize` (NFKC, lower, …).

    Characters that do not normalize to exactly one character, and combining marks, are
    also collected in ``not_one_to_one``: text free of them normalizes character for
    character, so its positions need no map (the common case, checked in C).
    """

    def __init__(self) -> None:
        super().__init__()
        self.not_one_to_one: set[str] = set()

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        out = unicodedata.normalize("NFKC", ch).translate(_LOWER_TABLE)
        if len(self) < 65536:
            self[cp] = out
            if len(out) != 1 or unicodedata.combining(ch):
                self.not_one_to_one.add(ch)
        else:  # the cache is full: never report a text as one-to-one on its account
            self.not_one_to_one.add(ch)
        return out


_LOWER_TABLE = _LowerTable()
_CHAR_NORM_TABLE = _CharNormTable()


def normalize(text: str) -> str:
    """Normalize text for indexing and matching: NFKC (full-width → half-width), lowercase.

    Lowercasing is per character (no context-dependent final sigma), and variation
    selectors and invisible format characters (zero-width space, BOM, soft hyphen, …) are
    removed.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_LOWER_TABLE)


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


@dataclass(frozen=True, slots=True)
class _Run:
    kind: str  # _HAN, _DIGIT or _LETTER
    text: str
    start: int  # offset in the normalized text


class _ClassTable(dict[int, str]):
    """``str.translate`` table: code point → one-letter class (``" "`` for separators)."""

    def __missing__(self, cp: int) -> str:
        cls = _char_class(chr(cp)) or " "
        if len(self) < 65536:  # bounded cache; rare code points are recomputed
            self[cp] = cls
        return cls


_CLASS_TABLE = _ClassTable()
_CLASS_RUN = re.compile(f"{_HAN}+|{_DIGIT}+|{_LETTER}+")


def _runs(norm: str) -> Iterator[list[_Run]]:
    """Split normalized text into groups of adjacent runs (groups are cut at separators)."""
    classes = norm.translate(_CLASS_TABLE)
    group: list[_Run] = []
    prev_end = -1
    for m in _CLASS_RUN.finditer(classes):
        start, end = m.span()
        if group and start != prev_end:
            yield group
            group = []
        group.append(_Run(classes[start], norm[start:end], start))
        prev_end = end
    if group:
        yield group


def _tokens_and_chars(text: str) -> tuple[list[str], list[str]]:
    """The tokens of a document field, in order, and its Han runs with their characters
    separated by spaces (normalizing once)."""
    # The hot path of indexing: runs are taken straight from the class string (grouping
    # only matters for queries), and bigrams are built by C-level map/str.__add__.
    norm = normalize(text)
    classes = norm.translate(_CLASS_TABLE)
    tokens: list[str] = []
    chars: list[str] = []
    extend = tokens.extend
    append = tokens.append
    for m in _CLASS_RUN.finditer(classes):
        start, end = m.span()
        run = norm[start:end]
        if classes[start] == _HAN:
            if end - start > 1:
                extend(map(str.__add__, run[:-1], run[1:]))
            append(run[-1])
            chars.append(" ".join(run))
        else:
            append(run[:MAX_WORD_CHARS])
    return tokens, chars


def index_tokens(text: str) -> list[str]:
    """Tokens of a document field, in order (a token's position is its list index).

    >>> index_tokens("郑民〔2016〕28号")
    ['郑民', '民', '2016', '28', '号']
    >>> index_tokens("5G基站")
    ['5', 'g', '基站', '站']
    """
    return _tokens_and_chars(text)[0]


def index_fields(text: str) -> tuple[str, str]:
    """What the engine indexes for one text field: the tokens of :func:`index_tokens`
    joined by spaces, and the field's Han characters joined by spaces."""
    tokens, chars = _tokens_and_chars(text)
    return " ".join(tokens), " ".join(chars)


def index_text(text: str) -> str:
    """:func:`index_tokens` joined by single spaces (for tests and debugging)."""
    return " ".join(index_tokens(text))


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True, slots=True)
class Segment:
    """One phrase of a query: ``tokens`` at consecutive positions of one column.

    ``prefix`` marks the last token as a prefix (``c*``). ``text`` is the normalized
    query text the segment came from, without separators.
    """

    tokens: tuple[str, ...]
    prefix: bool
    text: str


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed search query: all ``segments`` must match (AND).

    ``highlight_terms`` are normalized strings to mark in snippets, longest first: each
    segment's text and, for mixed segments, its individual runs. ``open_terms`` are the
    highlight terms whose last word may continue (prefix matching). An empty query (no
    segments) is falsy; callers should reject it.
    """

    segments: tuple[Segment, ...]
    highlight_terms: tuple[str, ...]
    open_terms: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.segments)


def _segment(group: list[_Run], *, open_end: bool) -> Segment:
    tokens: list[str] = []
    prefix = False
    last = len(group) - 1
    for i, run in enumerate(group):
        if run.kind == _HAN:
            if len(run.text) >= 2:
                tokens.extend(run.text[k : k + 2] for k in range(len(run.text) - 1))
                if i < last:
                    tokens.append(run.text[-1])
            else:
                tokens.append(run.text)
                prefix = i == last
        else:
            tokens.append(run.text[:MAX_WORD_CHARS])
            if i == last and open_end:
                prefix = True
    return Segment(tuple(tokens), prefix, "".join(r.text for r in group))


def parse_query(q: str, *, prefix_last: bool = False) -> ParsedQuery:
    """Parse a user query into ANDed phrase segments (see the module docstring).

    With ``prefix_last`` (for type-ahead suggestions) a final word piece such as the ``ab``
    of ``高龄 ab`` also matches longer words (``abc``). Punctuation-only or empty input
    gives a query without segments.
    """
    groups = list(_runs(normalize(q)))
    segments: list[Segment] = []
    terms: dict[str, None] = {}
    open_terms: set[str] = set()
    for gi, group in enumerate(groups):
        is_last = gi == len(groups) - 1
        open_end = prefix_last and is_last and group[-1].kind != _HAN
        seg = _segment(group, open_end=open_end)
        if seg not in segments:
            segments.append(seg)
        terms[seg.text] = None
        if open_end:
            open_terms.add(seg.text)
        # Mixed segments are also highlighted piecewise (the document may separate the
        # pieces, e.g. "5G 基站"): CJK runs, and word pieces merged back into words.
        pieces: list[str] = []
        prev_han = True
        for run in group:
            if run.kind == _HAN or prev_han:
                pieces.append(run.text)
            else:
                pieces[-1] += run.text
            prev_han = run.kind == _HAN
        if len(pieces) > 1:
            terms.update(dict.fromkeys(pieces))
            if open_end:
                open_terms.add(pieces[-1])
    ordered = sorted(terms, key=lambda t: (-len(t), t))
    return ParsedQuery(tuple(segments), tuple(ordered), frozenset(open_terms))


# --------------------------------------------------------------------------- snippets


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
