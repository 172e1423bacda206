"""The text layer of the policy search: normalization, tokens, query parsing.

Snippets and highlighting, which build on these, are in :mod:`server.search.snippets`.

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
  terminal unigram ``cn`` (a one-character run yields just that character); a run of two
  or more that follows a word run of the same text (separators between them or not)
  starts with its *leading unigram* ``c1`` (``15号文件`` → ``15 号 号文 文件 件``);
* a **word run** is a maximal sequence of other letters and digits (ASCII and other
  scripts); it is split where letters and digits meet (``5g`` → ``5`` ``g``) and each
  piece is one token (truncated to :data:`MAX_WORD_CHARS` characters);
* everything else (whitespace, punctuation such as ``〔〕【】《》（）、，。-/``) separates
  runs and produces no token. Separators create no position gap, with one exception:
  between a Han run and a Han run that follows it (so separators stand between them)
  the engine leaves one position empty (:data:`GAP_TOKEN`, a token it drops without
  counting it). No query phrase spans two Han runs, so this changes no match; it lets a
  phrase be searched with fewer of its tokens (see
  :func:`server.search.phrases.sparse_tokens`).

Queries
-------
A query is normalized and cut at separators into *segments*; all segments must match
(AND). A segment is one phrase (tokens at consecutive positions, in the same column):

* a CJK run of length ≥ 2 contributes its bigrams only. Documents carry every bigram of a
  run at consecutive positions, so the phrase matches exactly the documents containing
  the run as a substring. A bigram is always followed by a bigram or by its run's terminal
  unigram, so a bigram chain can never straddle two runs;
* a CJK run of length 1 alone is a prefix ``c*``: exactly the documents containing
  ``c``. The index keeps every Han character of a field as a term of a character field
  too, so it is the plain term ``c`` there and ranks by BM25 like any other term;
* a word piece is an exact term (whole-token match, e.g. ``g`` does not match ``gb``);
  with ``prefix_last=True`` the query's final word piece is a prefix term, for
  suggestions;
* inside a segment that mixes runs (``5G基站``, ``A级纳税人``, ``28号``) the runs stay
  adjacent: a CJK run followed by a word also contributes its terminal unigram (so the
  phrase requires the CJK run to end right there), and a CJK run preceded by a word
  starts with its leading unigram (so it must start right there: ``28号`` is the phrase
  ``28 号``, found in ``28号`` and ``28号文件`` alike). Separators between
  the runs in the document are ignored (``5G 基站`` and ``5G基站`` both match ``5G基站``);
* a document number written as one word of the query (``国办发〔2019〕51号``) is not cut
  at its brackets: it is one segment, so it matches where the number is named.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "GAP_TOKEN",
    "MAX_WORD_CHARS",
    "ParsedQuery",
    "Segment",
    "index_fields",
    "index_fields_many",
    "index_text",
    "index_tokens",
    "normalize",
    "parse_query",
]

#: Word tokens are cut to this many characters, in documents and queries alike (keeps
#: every token far below PostgreSQL's 2047-byte lexeme limit).
MAX_WORD_CHARS = 100
#: The token that leaves its position empty in a field's token string: the engine drops it
#: (see ``search.schema.TOKENIZER``), so it ends a run of consecutive positions without
#: counting towards the field's length. Never a token of text (a separator character).
GAP_TOKEN = "|"  # noqa: S105 (a token, not a password)

# Characters dropped by normalize(): invisible format characters (ZWSP, ZWJ, BOM, soft
# hyphen, …) are category Cf and handled separately; these are the variation selectors.
_IGNORABLE_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180F))


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


def _tokens_and_chars_normalized(text: str) -> tuple[str, str]:
    """The token string of a document field (see :func:`index_fields`) and its Han
    characters joined by spaces: the general path (any text), on the normalized text."""
    norm = normalize(text)
    classes = norm.translate(_CLASS_TABLE)
    tokens: list[str] = []
    han: list[str] = []
    after_word = False
    after_han = False
    for m in _CLASS_RUN.finditer(classes):
        start, end = m.span()
        run = norm[start:end]
        if classes[start] == _HAN:
            if after_han:
                tokens.append(GAP_TOKEN)  # a Han run after a Han run: one position empty
            if end - start > 1:
                if after_word:
                    tokens.append(run[0])  # the leading unigram (see the module docstring)
                tokens.extend(map(str.__add__, run[:-1], run[1:]))
            tokens.append(run[-1])
            han.append(run)
            after_word, after_han = False, True
        else:
            tokens.append(run[:MAX_WORD_CHARS])
            after_word, after_han = True, False
    return " ".join(tokens), " ".join("".join(han))


#: Class codes of the vectorized tokenizer (:func:`index_fields_many`).
_CODE = {_HAN: 1, _DIGIT: 2, _LETTER: 3}
_SPACE = np.uint32(0x20)


@dataclass(frozen=True, slots=True)
class _TokenTables:
    """Per-character tables of the Basic Multilingual Plane for :func:`index_fields_many`."""

    #: Characters that keep a text from being tokenized character for character.
    unsafe: npt.NDArray[np.bool_]
    #: Each safe character's normalization (one character, see :func:`_token_tables`).
    norm: npt.NDArray[np.uint32]
    #: The class of each safe character's normalization: 0 separator, then ``_CODE``.
    classes: npt.NDArray[np.uint8]


@functools.cache
def _token_tables() -> _TokenTables:
    """The tables of the indexing path, built once per process (~0.2 s).

    :func:`normalize` works on the whole text (NFKC composes and reorders across
    characters). A text normalizes character for character, in place, when none of its
    characters normalizes to no or several characters, has or yields a combining mark,
    or can be the second of a composition (Hangul vowels and finals, a few Indic vowel
    signs): all others are *unsafe*, and so is everything beyond the Basic Multilingual
    Plane. A safe text is tokenized by looking up each character's normalization and
    class in these tables; an unsafe one by :func:`_tokens_and_chars_normalized`.
    """
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T
    # Canonical decompositions exist only in the first two planes and the compatibility
    # ideographs supplement (U+2F800–2FA1F).
    for cp in itertools.chain(range(0x20000), range(0x2F800, 0x2FA20)):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(int(parts[1], 16))
    unsafe = np.zeros(0x10000, np.bool_)
    norm = np.arange(0x10000, dtype=np.uint32)
    classes = np.zeros(0x10000, np.uint8)
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            unsafe[cp] = True
            continue
        ch = chr(cp)
        out = unicodedata.normalize("NFKC", ch).translate(_LOWER_TABLE)
        if (
            len(out) != 1
            or unicodedata.combining(ch)
            or unicodedata.combining(out)
            or cp in seconds
            or ord(out) in seconds
        ):
            unsafe[cp] = True
            continue
        norm[cp] = ord(out)
        cls = _char_class(out)
        if cls:
            classes[cp] = _CODE[cls]
    return _TokenTables(unsafe=unsafe, norm=norm, classes=classes)


def _shifted(a: npt.NDArray[np.uint8], by: int) -> npt.NDArray[np.uint8]:
    """``a`` moved ``by`` places to the right (left when negative), zero-filled."""
    out = np.zeros_like(a)
    if by > 0:
        out[by:] = a[:-by]
    else:
        out[:by] = a[-by:]
    return out


def index_fields_many(texts: Sequence[str]) -> list[tuple[str, str]]:
    """:func:`index_fields` of many texts at once: the hot path of indexing.

    Per character work in Python (a slice per bigram: ~0.2 ms a policy) is replaced by
    array operations over all ``texts`` joined: each character's normalization and
    class come from :func:`_token_tables`, and each character *emits* its share of the
    token string: a word character itself (and a space after its run's last kept
    character), a Han character other than its run's first the bigram ``previous, own,
    space``, the last of a run also ``own, space``, the first of a run after a word
    ``own, space`` (its leading unigram). Texts with an unsafe character go
    through :func:`_tokens_and_chars_normalized`; the results are the same (tested).

    The arrays take ~110 bytes a character, so texts are taken ``CHUNK_CHARS`` characters
    at a time (a batch of bodies at the 200,000-character limit would otherwise need
    gigabytes).
    """
    result: list[tuple[str, str]] = []
    chunk: list[str] = []
    size = 0
    for text in texts:
        if chunk and size + len(text) > CHUNK_CHARS:
            result += _index_fields_chunk(chunk)
            chunk, size = [], 0
        chunk.append(text)
        size += len(text) + 1
    if chunk:
        result += _index_fields_chunk(chunk)
    return result


#: Characters tokenized in one pass of :func:`index_fields_many` (a longer text alone).
CHUNK_CHARS = 1 << 18


def _index_fields_chunk(texts: Sequence[str]) -> list[tuple[str, str]]:
    tables = _token_tables()
    # One separator after every text: a text's characters and its separator form a
    # segment, so per-text reductions work for empty texts too.
    joined = "\n".join(texts) + "\n"
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    starts = np.zeros(len(texts), np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    astral = cps >= 0x10000
    bmp = np.where(astral, 0, cps)
    unsafe = np.logical_or.reduceat(tables.unsafe[bmp] | astral, starts)
    chars = tables.norm[bmp]
    cls = tables.classes[bmp]
    first = cls != _shifted(cls, 1)  # a run starts here (or a separator follows a run)
    last = cls != _shifted(cls, -1)
    han = cls == 1
    word = cls >= 2
    # Word runs are cut to MAX_WORD_CHARS: a character's place in its run.
    index = np.arange(len(cls))
    run_start = np.where(first, index, 0)
    np.maximum.accumulate(run_start, out=run_start)
    place = index - run_start
    kept = word & (place < MAX_WORD_CHARS)
    word_end = kept & (last | (place == MAX_WORD_CHARS - 1))
    bigram = han & ~first
    terminal = han & last
    # A Han run of two or more characters whose text has a word run before it (separators
    # between them or not) starts with its leading unigram. Worked out per run, not per
    # character: the run before it, if in the same text, is a word run.
    run_at = np.flatnonzero(first & (cls > 0))
    run_cls = cls[run_at]
    text_of = np.searchsorted(starts, run_at, side="right")
    after_word = np.zeros(len(run_at), np.bool_)
    after_word[1:] = (run_cls[:-1] >= 2) & (text_of[1:] == text_of[:-1])
    lead_at = run_at[after_word & (run_cls == 1) & ~last[run_at]]
    # A Han run followed by another Han run of the same text (separators between them):
    # its terminal unigram is followed by the gap token. Terminal characters are the Han
    # runs' last ones, in the order of the Han runs.
    han_runs = run_cls == 1
    next_han = np.zeros(len(run_at), np.bool_)
    next_han[:-1] = han_runs[:-1] & han_runs[1:] & (text_of[1:] == text_of[:-1])
    terminals = np.flatnonzero(terminal)
    breaks = terminals[next_han[han_runs]]
    counts = kept.astype(np.int64) + word_end + 3 * bigram + 2 * terminal
    counts[lead_at] += 2
    counts[breaks] += 2
    ends = np.cumsum(counts)
    at = ends - counts
    out = np.full(int(ends[-1]), _SPACE, np.uint32)
    out[at[kept]] = chars[kept]
    out[at[lead_at]] = chars[lead_at]
    where = np.flatnonzero(bigram)
    out[at[where]] = chars[where - 1]
    out[at[where] + 1] = chars[where]
    out[at[terminals] + 3 * bigram[terminals]] = chars[terminals]
    out[at[breaks] + 3 * bigram[breaks] + 2] = ord(GAP_TOKEN)
    tokens = out.tobytes().decode("utf-32-le")
    token_from = at[starts].tolist()
    token_to = [*token_from[1:], len(out)]
    # The character fields: every Han character followed by a space.
    han_chars = np.full(2 * int(han.sum()), _SPACE, np.uint32)
    han_chars[0::2] = chars[han]
    han_text = han_chars.tobytes().decode("utf-32-le")
    han_before = np.cumsum(han) - han
    char_from = (2 * han_before[starts]).tolist()
    char_to = [*char_from[1:], len(han_chars)]
    result: list[tuple[str, str]] = []
    for i, bad in enumerate(unsafe.tolist()):
        if bad:
            result.append(_tokens_and_chars_normalized(texts[i]))
        else:
            result.append(
                (
                    tokens[token_from[i] : token_to[i]].rstrip(" "),
                    han_text[char_from[i] : char_to[i]].rstrip(" "),
                )
            )
    return result


def index_tokens(text: str) -> list[str]:
    """Tokens of a document field, in order (positions left empty aside; see
    :func:`index_fields`).

    >>> index_tokens("郑民〔2016〕28号")
    ['郑民', '民', '2016', '28', '号']
    >>> index_tokens("5G基站")
    ['5', 'g', '基', '基站', '站']
    """
    return [t for t in index_fields(text)[0].split(" ") if t and t != GAP_TOKEN]


def index_fields(text: str) -> tuple[str, str]:
    """What the engine indexes for one text field: its token string (the tokens of
    :func:`index_tokens` joined by spaces, and :data:`GAP_TOKEN` where a position is
    left empty) and the field's Han characters joined by spaces.

    >>> index_fields("稳岗，返还资金")
    ('稳岗 岗 | 返还 还资 资金 金', '稳 岗 返 还 资 金')
    """
    return index_fields_many([text])[0]


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
    highlight terms whose last word may continue (prefix matching). ``term_words`` gives
    each highlight term the query word it shows (an index; when not given, each term is a
    word of its own): the pieces of ``5G基站`` are that one word, as are a word's synonyms
    (see ``search.service``), and a snippet prefers the window showing the most words. An
    empty query (no segments) is falsy; callers should reject it.
    """

    segments: tuple[Segment, ...]
    highlight_terms: tuple[str, ...]
    open_terms: frozenset[str] = frozenset()
    term_words: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if len(self.term_words) != len(self.highlight_terms):
            if self.term_words:
                raise ValueError("one word per highlight term")
            object.__setattr__(self, "term_words", tuple(range(len(self.highlight_terms))))

    def __bool__(self) -> bool:
        return bool(self.segments)


def _segment(group: list[_Run], *, open_end: bool) -> Segment:
    tokens: list[str] = []
    prefix = False
    last = len(group) - 1
    for i, run in enumerate(group):
        if run.kind == _HAN:
            if len(run.text) >= 2:
                if i > 0:  # after a word: the run's leading unigram comes first
                    tokens.append(run.text[0])
                tokens.extend(run.text[k : k + 2] for k in range(len(run.text) - 1))
                if i < last:
                    tokens.append(run.text[-1])
            else:
                tokens.append(run.text)
                # Alone, one character is a prefix (the character field); after a word
                # it is the leading (or terminal) unigram, an exact token.
                prefix = last == 0
        else:
            tokens.append(run.text[:MAX_WORD_CHARS])
            if i == last and open_end:
                prefix = True
    return Segment(tuple(tokens), prefix, "".join(r.text for r in group))


#: A document number (发文字号) such as 国办发〔2019〕51号, as one word of a query: the
#: issuer's code, the year in brackets (〔〕, [], 【】, 〖〗 or (), normalized) and the
#: serial number. It is searched as one phrase (see :func:`parse_query`).
_DOC_NUMBER = re.compile(r"(?<!\S)[^\W\d_]+\s*[〔\[【〖(]\s*\d{4}\s*[〕\]】〗)]\s*\d+\s*号(?!\S)")


def _units(norm: str) -> Iterator[tuple[list[_Run], list[list[_Run]], str | None]]:
    """The query's segments to be: ``(runs, groups, text)``, where ``groups`` are the
    groups of runs (cut at separators) the segment is made of — one, or the several
    pieces of a document number — and ``text`` the document number as written. A
    number is bounded by white space, so no group straddles its edge."""
    spans = [m.span() for m in _DOC_NUMBER.finditer(norm)]

    def span_of(group: list[_Run]) -> tuple[int, int] | None:
        return next(((a, b) for a, b in spans if a <= group[0].start < b), None)

    for span, grouped in itertools.groupby(_runs(norm), key=span_of):
        groups = list(grouped)
        if span is None:
            yield from ((group, [group], None) for group in groups)
        else:
            runs = [run for group in groups for run in group]
            yield runs, groups, "".join(norm[span[0] : span[1]].split())


def parse_query(q: str, *, prefix_last: bool = False) -> ParsedQuery:
    """Parse a user query into ANDed phrase segments (see the module docstring).

    With ``prefix_last`` (for type-ahead suggestions) a final word piece such as the ``ab``
    of ``高龄 ab`` also matches longer words (``abc``). Punctuation-only or empty input
    gives a query without segments.

    A document number (``国办发〔2019〕51号``) is one segment, brackets and all: a document
    citing it holds its tokens at consecutive positions (separators make no gaps), so
    the phrase finds exactly the documents that name it, not those that merely contain
    ``国办发``, ``2019`` and ``51号`` somewhere. Its pieces are highlighted as usual.
    """
    norm = normalize(q)
    if norm and norm.translate(_CLASS_TABLE).count(_HAN) == len(norm):
        # Most queries are one run of Chinese characters (税, 补贴, 稳岗返还): one segment
        # of its bigrams, or one character as a prefix, highlighted as written.
        if len(norm) == 1:
            seg = Segment((norm,), True, norm)
        else:
            seg = Segment(tuple(map(str.__add__, norm[:-1], norm[1:])), False, norm)
        return ParsedQuery((seg,), (norm,), frozenset(), (0,))
    return _parse_normalized(norm, prefix_last)


def _parse_normalized(norm: str, prefix_last: bool) -> ParsedQuery:
    """:func:`parse_query` of a normalized query, whatever its shape."""
    units = list(_units(norm))
    segments: list[Segment] = []
    terms: dict[str, int] = {}  # term → the segment it shows (its first)
    open_terms: set[str] = set()
    for ui, (runs, groups, written) in enumerate(units):
        is_last = ui == len(units) - 1
        open_end = prefix_last and is_last and runs[-1].kind != _HAN
        seg = _segment(runs, open_end=open_end)
        if written is not None:
            seg = Segment(seg.tokens, seg.prefix, written)
        if seg not in segments:
            segments.append(seg)
        word = segments.index(seg)
        if written is not None:
            terms.setdefault(written, word)
        for gi, group in enumerate(groups):
            group_open = open_end and gi == len(groups) - 1
            text = "".join(r.text for r in group)
            terms.setdefault(text, word)
            if group_open:
                open_terms.add(text)
            # Mixed groups are also highlighted piecewise (the document may separate the
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
                for piece in pieces:
                    terms.setdefault(piece, word)
                if group_open:
                    open_terms.add(pieces[-1])
    ordered = sorted(terms, key=lambda t: (-len(t), t))
    return ParsedQuery(
        tuple(segments), tuple(ordered), frozenset(open_terms), tuple(terms[t] for t in ordered)
    )
