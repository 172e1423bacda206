"""The text layer of the policy search: one tokenization for SQLite FTS5 and PostgreSQL.

Why this exists
---------------
SQLite FTS5's ``trigram`` tokenizer silently finds nothing for queries shorter than three
characters, and most Chinese words have two. PostgreSQL's default parser does not segment
Chinese at all and depends on the server locale. So we tokenize in Python, identically for
both engines, and hand the engines pre-tokenized text:

* SQLite: :func:`index_text` is stored in an FTS5 column declared with ``tokenize='ascii'``
  and queried with :func:`fts5_match`.
* PostgreSQL: :func:`tsvector_literal` is cast with ``::tsvector`` and queried with
  :func:`tsquery_literal` cast with ``::tsquery``. Literal casts bypass PostgreSQL's text
  search parser, dictionaries, stop words and locale entirely.

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
  documents containing ``c``;
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
import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "FIELD_POSITION_GAP",
    "FTS5_TOKENIZE",
    "MAX_POSITIONS_PER_LEXEME",
    "MAX_TSVECTOR_BYTES",
    "MAX_TSVECTOR_POSITION",
    "MAX_WORD_CHARS",
    "ParsedQuery",
    "Segment",
    "fts5_match",
    "highlight",
    "index_text",
    "index_tokens",
    "make_snippet",
    "normalize",
    "parse_query",
    "tsquery_literal",
    "tsvector_literal",
]

#: The FTS5 ``tokenize=`` argument to declare the indexed columns with. The ``ascii``
#: tokenizer treats every non-ASCII code point as a token character and every ASCII
#: non-alphanumeric as a separator, so it splits :func:`index_text` exactly at our spaces
#: and leaves every token intact (``unicode61`` would drop combining marks, split words of
#: scripts such as Devanagari and strip diacritics).
FTS5_TOKENIZE = "ascii"

#: Word tokens are cut to this many characters, in documents and queries alike (keeps
#: every token far below PostgreSQL's 2047-byte lexeme limit).
MAX_WORD_CHARS = 100

#: Largest position PostgreSQL stores; larger positions are clamped to it.
MAX_TSVECTOR_POSITION = 16383

#: PostgreSQL keeps at most this many positions per lexeme.
MAX_POSITIONS_PER_LEXEME = 256

#: PostgreSQL rejects tsvectors whose lexeme-and-position data exceeds this many bytes.
MAX_TSVECTOR_BYTES = (1 << 20) - 1

#: Position distance between the last token of one field and the first token of the next
#: in :func:`tsvector_literal`; anything ≥ 2 keeps ``<->`` phrases inside one field.
FIELD_POSITION_GAP = 2

_WEIGHT_RANK = {"D": 0, "C": 1, "B": 2, "A": 3}

# Characters dropped by normalize(): invisible format characters (ZWSP, ZWJ, BOM, soft
# hyphen, …) are category Cf and handled separately; these are the variation selectors.
_IGNORABLE_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180F))

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
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
    """``str.translate`` table: one character's :func:`normalize` (NFKC, lower, …)."""

    def __missing__(self, cp: int) -> str:
        out = unicodedata.normalize("NFKC", chr(cp)).translate(_LOWER_TABLE)
        if len(self) < 65536:
            self[cp] = out
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


def _norm_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """Normalized text plus, per normalized char, the original span ``[start, end)``.

    Characters are normalized one at a time — or, when the text has combining marks, one
    cluster (a character and its following marks) at a time — so every normalized
    character traces back to the original characters it came from. The result equals
    :func:`normalize` except for rare compositions across such units (conjoining Hangul
    jamo, half-width katakana voicing marks); it is only used to place highlights.
    """
    n = len(text)
    if text.isascii():
        return text.lower(), list(range(n)), list(range(1, n + 1))
    if not any(map(unicodedata.combining, text)):
        outs = list(map(_CHAR_NORM_TABLE.__getitem__, map(ord, text)))
        norm = "".join(outs)
        if len(norm) == n and all(outs):
            return norm, list(range(n)), list(range(1, n + 1))
        clusters = [(i, i + 1, out) for i, out in enumerate(outs)]
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


def _han_tokens(run: str) -> list[str]:
    """Bigrams of a CJK run followed by its terminal unigram."""
    tokens = [run[i : i + 2] for i in range(len(run) - 1)]
    tokens.append(run[-1])
    return tokens


def index_tokens(text: str) -> list[str]:
    """Tokens of a document field, in order (a token's position is its list index).

    >>> index_tokens("郑民〔2016〕28号")
    ['郑民', '民', '2016', '28', '号']
    >>> index_tokens("5G基站")
    ['5', 'g', '基站', '站']
    """
    # The hot path of indexing: runs are taken straight from the class string (grouping
    # only matters for queries), and bigrams are built by C-level map/str.__add__.
    norm = normalize(text)
    classes = norm.translate(_CLASS_TABLE)
    tokens: list[str] = []
    extend = tokens.extend
    append = tokens.append
    for m in _CLASS_RUN.finditer(classes):
        start, end = m.span()
        run = norm[start:end]
        if classes[start] == _HAN:
            if end - start > 1:
                extend(map(str.__add__, run[:-1], run[1:]))
            append(run[-1])
        else:
            append(run[:MAX_WORD_CHARS])
    return tokens


def index_text(text: str) -> str:
    """:func:`index_tokens` joined by single spaces: the value to store in an FTS5 column."""
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


def fts5_match(pq: ParsedQuery, columns: Sequence[str] | None = None) -> str:
    """The FTS5 ``MATCH`` expression for ``pq``, optionally restricted to ``columns``.

    Every token is double-quoted (so tokens such as ``and`` or ``near`` are never taken for
    operators); segments are joined with ``AND``. Example::

        fts5_match(parse_query("郑民 级"), ["title"])
        == 'title : ("郑民" AND "级" *)'

    Raises :class:`ValueError` for an empty query or a column name that is not a plain
    identifier. Bind the result as a parameter: ``WHERE t MATCH ?``.
    """
    if not pq.segments:
        raise ValueError("empty search query")
    parts: list[str] = []
    for seg in pq.segments:
        # Our tokens never contain quotes or whitespace; escape anyway so that no
        # ParsedQuery can ever break out of its string.
        if not seg.tokens or not all(seg.tokens) or any(_WS.search(t) for t in seg.tokens):
            raise ValueError(f"malformed search segment {seg!r}")
        phrase = '"' + " ".join(seg.tokens).replace('"', '""') + '"'
        parts.append(phrase + " *" if seg.prefix else phrase)
    expr = " AND ".join(parts)
    if not columns:
        return expr
    for col in columns:
        if not _IDENTIFIER.fullmatch(col):
            raise ValueError(f"invalid FTS5 column name {col!r}")
    spec = columns[0] if len(columns) == 1 else "{" + " ".join(columns) + "}"
    return f"{spec} : ({expr})"


def _quote_lexeme(token: str) -> str:
    """Quote a lexeme for tsvector/tsquery input: ``'`` doubled, ``\\`` escaped."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _check_weights(weights: str) -> str:
    w = weights.upper()
    if not w or any(c not in _WEIGHT_RANK for c in w):
        raise ValueError(f"weights must be letters from ABCD, got {weights!r}")
    return "".join(sorted(set(w), key=lambda c: -_WEIGHT_RANK[c]))


def tsquery_literal(pq: ParsedQuery, weights: str | None = None) -> str:
    """The PostgreSQL tsquery literal for ``pq``, to be cast with ``::tsquery``.

    Phrases become ``('ab' <-> 'bc')``, prefixes ``'c':*``, segments are joined with
    ``&``. ``weights`` (e.g. ``"A"`` for a title-only search) restricts every lexeme:
    ``'ab':A``, ``'c':*A``. Raises :class:`ValueError` for an empty query.
    Bind the result as a parameter: ``WHERE tsv @@ $1::tsquery``.
    """
    if not pq.segments:
        raise ValueError("empty search query")
    w = _check_weights(weights) if weights is not None else ""
    parts: list[str] = []
    for seg in pq.segments:
        if not seg.tokens or not all(seg.tokens):
            raise ValueError(f"malformed search segment {seg!r}")
        lexemes: list[str] = []
        last = len(seg.tokens) - 1
        for i, tok in enumerate(seg.tokens):
            label = ("*" if seg.prefix and i == last else "") + w
            lexemes.append(_quote_lexeme(tok) + (":" + label if label else ""))
        parts.append(lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


def tsvector_literal(fields: Sequence[tuple[str, str]]) -> str:
    """A PostgreSQL tsvector literal for weighted fields, to be cast with ``::tsvector``.

    ``fields`` are ``(weight, text)`` pairs such as ``[("A", title), ("B", summary),
    ("C", body)]``. Positions are 1-based and continue across fields, with a gap of
    :data:`FIELD_POSITION_GAP` between fields so that no phrase spans two fields; every
    position carries its field's weight: ``'郑民':1A,7A 'x':3B``.

    Long texts degrade the way PostgreSQL's own ``to_tsvector`` does: positions beyond
    :data:`MAX_TSVECTOR_POSITION` are clamped to it (a lexeme keeps one clamped position,
    with its strongest weight), a lexeme keeps at most
    :data:`MAX_POSITIONS_PER_LEXEME` positions, and new lexemes stop being added
    before the value would exceed PostgreSQL's :data:`MAX_TSVECTOR_BYTES` limit. Bind the
    result as a parameter: ``$1::tsvector``.
    """
    fast = _tsvector_literal_fast(fields)
    if fast is not None:
        return fast
    positions: dict[str, list[int]] = {}  # lexeme -> positions (ascending)
    pos_weight: dict[tuple[str, int], str] = {}
    size = 0  # PostgreSQL's data size: SHORTALIGN(lexeme bytes) + 2 + 2 * npos
    pos = 1
    for weight, text in fields:
        wt = _check_weights(weight)
        if len(wt) != 1:
            raise ValueError(f"a field has exactly one weight, got {weight!r}")
        tokens = index_tokens(text)
        for i, tok in enumerate(tokens):
            p = min(pos + i, MAX_TSVECTOR_POSITION)
            plist = positions.get(tok)
            if plist is None:
                nbytes = len(tok.encode("utf-8"))
                cost = nbytes + (nbytes & 1) + 4
                if size + cost > MAX_TSVECTOR_BYTES:
                    continue
                size += cost
                positions[tok] = [p]
                pos_weight[tok, p] = wt
                continue
            if plist[-1] == p:  # clamped duplicate: keep the strongest weight
                if _WEIGHT_RANK[wt] > _WEIGHT_RANK[pos_weight[tok, p]]:
                    pos_weight[tok, p] = wt
                continue
            if len(plist) >= MAX_POSITIONS_PER_LEXEME or size + 2 > MAX_TSVECTOR_BYTES:
                continue
            size += 2
            plist.append(p)
            pos_weight[tok, p] = wt
        if tokens:
            pos = min(pos + len(tokens) - 1 + FIELD_POSITION_GAP, MAX_TSVECTOR_POSITION)
    entries = []
    for tok, plist in positions.items():
        pl = ",".join(f"{p}{pos_weight[tok, p]}" for p in plist)
        entries.append(f"{_quote_lexeme(tok)}:{pl}")
    return " ".join(entries)


def _tsvector_literal_fast(fields: Sequence[tuple[str, str]]) -> str | None:
    """The common case of :func:`tsvector_literal`: short enough that no PostgreSQL limit
    applies (no clamping, no size cap), so the per-token bookkeeping can be skipped.
    Returns ``None`` when a limit might apply; the caller then takes the careful path."""
    tokenized = []
    total = 0
    for weight, text in fields:
        wt = _check_weights(weight)
        if len(wt) != 1:
            raise ValueError(f"a field has exactly one weight, got {weight!r}")
        tokens = index_tokens(text)
        tokenized.append((wt, tokens))
        total += len(tokens) + FIELD_POSITION_GAP
    if total >= MAX_TSVECTOR_POSITION:
        return None
    # Each token costs at most 4 bytes per character plus 6 bytes of overhead; only when
    # that bound is too high is the exact size worth computing.
    if total * (4 * MAX_WORD_CHARS + 6) > MAX_TSVECTOR_BYTES and (
        sum(len(t.encode("utf-8")) + 6 for _, tokens in tokenized for t in tokens)
        > MAX_TSVECTOR_BYTES
    ):
        return None
    positions: dict[str, list[str]] = {}
    pos = 1
    for wt, tokens in tokenized:
        for i, tok in enumerate(tokens, start=pos):
            plist = positions.get(tok)
            if plist is None:
                positions[tok] = [f"{i}{wt}"]
            elif len(plist) < MAX_POSITIONS_PER_LEXEME:
                plist.append(f"{i}{wt}")
        if tokens:
            pos += len(tokens) - 1 + FIELD_POSITION_GAP
    return " ".join(f"{_quote_lexeme(tok)}:{','.join(plist)}" for tok, plist in positions.items())


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
    norm, starts, ends = _norm_with_map(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
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
        os_, oe = starts[s], ends[e - 1]
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


def make_snippet(text: str, pq: ParsedQuery, width: int = 60) -> str:
    """An HTML-escaped window of about ``width`` characters of ``text`` around the best match.

    Runs of whitespace are collapsed to one space first. The window is the one holding the
    most distinct highlight terms (earliest on ties), starting a little before its first
    match; without matches it is the start of the text. Matches are wrapped in
    ``<em>…</em>`` and ``…`` marks a cut at either end. The output shows the original
    characters (e.g. full-width ``ＡＢ``) even though matching is done on normalized text.
    """
    if width < 1:
        raise ValueError("width must be positive")
    text = _WS.sub(" ", text).strip()
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
