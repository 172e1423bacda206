"""Indexed phrases (预索引短语): multi-character synonym terms indexed as single tokens.

A Chinese term of three or more characters is a phrase of bigrams (``社会保险`` is
``社会 会保 保险``). The engine answers a phrase by reading the positions of every
occurrence of each of its bigrams in every candidate document, and the bigrams of the
common terms of policy texts (``社会``, ``保险``) occur everywhere: 社保, expanded to its
synonym 社会保险, cost ~0.8 ms of engine time where 社保 alone costs 0.03 ms.

So the multi-character terms of the synonym groups are also indexed as one token each
(Lucene's *common grams* idea): wherever a field's token string holds a term's bigrams
consecutively — exactly where the phrase query matches — the field gets one extra token,
``§`` and the term, per occurrence, after its last real token. A query segment that is
such a term is then a term lookup instead of a phrase, with the same documents and the
same score: the engine scores a phrase like a term whose weight is the sum of its
bigrams' weights, so the term query is boosted by that sum over the token's own weight
(:func:`phrase_boost`; the boosts are index statistics, computed per reader generation).

Which terms an index holds is fixed when it is built (recorded in its ``zwgk.json``): the
indexer follows changes with the same set, so every document of one index agrees. Terms
added to the synonyms later are searched as phrases (correct, only slower) until the
indexer rebuilds the index, which it does by itself when the groups gain a term.

Any other phrase is searched with the fewest of its tokens that still pin it down
(:func:`sparse_tokens`): ``稳岗返还`` is ``稳岗`` and, two positions on, ``返还``; the
middle bigram ``岗返`` is implied, because a Han bigram is followed by the next bigram of
its run or by the run's terminal unigram, and a Han run that follows another Han run
starts one position further on (the gap token; see :mod:`server.search.analysis`).
The engine reads the positions of each token of a phrase in every candidate document, so
each token left out saves a third of the work of a three-bigram phrase. The boost makes
up for the left-out tokens' weights, as for the phrase tokens, so the scores are the
whole phrase's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from server.search.analysis import Segment, _is_han, parse_query

#: Starts every phrase token; tokenizing text never yields it (not a letter, digit or Han).
PHRASE_MARK = "§"
#: At most this many terms per index: each costs ~0.5 µs of indexing per document.
MAX_PHRASES = 64

#: How one segment of several tokens is searched in one field: the phrase token the index
#: holds for it, or the tokens of its phrase with their offsets (see :func:`sparse_tokens`)
#: — and the boost that makes that score as the whole phrase.
PhrasePlan = tuple[str | list[tuple[int, str]], float]
#: ``(segment, field) -> plan``; ``None``: search the segment as its whole phrase.
PhraseLookup = Callable[[Segment, str], "PhrasePlan | None"]


def _chain(term: str) -> tuple[str, ...] | None:
    """The bigrams ``term`` is searched as, when it is one Han run of three or more
    characters (only then is its phrase's match a substring of the token string)."""
    pq = parse_query(term)
    if len(pq.segments) != 1:
        return None
    seg = pq.segments[0]
    if seg.prefix or len(seg.tokens) < 2:
        return None
    if not all(len(t) == 2 and _is_han(ord(t[0])) and _is_han(ord(t[1])) for t in seg.tokens):
        return None
    return seg.tokens


@dataclass(frozen=True)
class IndexedPhrases:
    """The terms one index holds as phrase tokens."""

    terms: tuple[str, ...] = ()
    #: Bigram chain → its phrase token.
    by_chain: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False)
    #: Phrase token → the chain as it appears in a field's token string.
    _needles: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def of(cls, terms: Iterable[str]) -> IndexedPhrases:
        """The phrase tokens for ``terms`` (those that are phrases; sorted, at most
        :data:`MAX_PHRASES`, the longest first)."""
        chains: dict[str, tuple[str, ...]] = {}
        for term in terms:
            chain = _chain(term)
            if chain is not None:
                chains.setdefault("".join(t[0] for t in chain) + chain[-1][1], chain)
        kept = sorted(chains, key=lambda t: (-len(t), t))[:MAX_PHRASES]
        kept.sort()
        return cls(
            terms=tuple(kept),
            by_chain={chains[t]: PHRASE_MARK + t for t in kept},
            _needles=tuple((PHRASE_MARK + t, " ".join(chains[t])) for t in kept),
        )

    @classmethod
    def of_groups(cls, groups: Iterable[Iterable[str]]) -> IndexedPhrases:
        """The phrase tokens for every term of the synonym ``groups``."""
        return cls.of(term for group in groups for term in group)

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any] | None) -> IndexedPhrases:
        """The phrases an index was built with (none for an index without the entry)."""
        terms = (meta or {}).get("phrases") or []
        return cls.of(str(t) for t in terms if isinstance(t, str))

    def __bool__(self) -> bool:
        return bool(self.terms)

    def tokens_for(self, tokens: str) -> str:
        """The phrase tokens to append to a field whose token string is ``tokens``: one
        per occurrence of a term's chain (``""`` when none occurs).

        A chain starts with a Han bigram and tokens are separated by single spaces, so an
        occurrence of its text always starts at a token and ends at one (no token is a
        longer string holding two Han characters): it is exactly a place where the phrase
        query matches. Occurrences may overlap (``哈哈 哈哈`` twice in ``哈哈 哈哈 哈哈``),
        as the phrase query's matches do.
        """
        extra: list[str] = []
        for token, needle in self._needles:
            at = tokens.find(needle)
            while at >= 0:
                extra.append(token)
                at = tokens.find(needle, at + 3)  # the next token starts 3 characters on
        return " " + " ".join(extra) if extra else ""


NO_PHRASES = IndexedPhrases()


def _kind(token: str) -> str:
    """``B`` for a Han bigram, ``U`` for one Han character, ``W`` for a word piece."""
    if _is_han(ord(token[0])):
        return "U" if len(token) == 1 else "B"
    return "W"


def sparse_tokens(tokens: Sequence[str]) -> list[tuple[int, str]]:
    """The tokens of a phrase that pin it down, with their offsets in it.

    A token is left out when its neighbours imply it (never two side by side, never the
    first or the last), given that a Han run that follows another Han run starts one
    position further on (see :mod:`server.search.analysis`):

    * a Han bigram ``XY`` between Han tokens: the token before it ends in ``X`` (a bigram
      ``WX`` or the leading unigram ``X``), so the next one is a bigram ``X?`` of the
      same run or its terminal unigram ``X``; the token after it is Han, so it is not the
      terminal unigram (a word or the empty position follows that), and it starts with
      ``Y``;
    * a leading unigram ``X`` between a word and the bigram ``XY``: a Han run of two or
      more characters right after a word starts with its first character alone;
    * a terminal unigram ``Y`` between the bigram ``XY`` and a word: a bigram is followed
      by the next bigram of its run or by the terminal unigram, and a word follows only
      the latter.
    """
    kinds = [_kind(t) for t in tokens]
    kept: list[tuple[int, str]] = []
    dropped = False
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if 0 < i < last and not dropped:
            before, own, after = kinds[i - 1], kinds[i], kinds[i + 1]
            if (
                (own == "B" and before != "W" and after != "W")
                or (own == "U" and before == "W" and after == "B")
                or (own == "U" and before == "B" and after == "W")
            ):
                dropped = True
                continue
        kept.append((i, token))
        dropped = False
    return kept


def phrase_lookup(
    doc_freq: Callable[[str, str], int],
    docs: int,
    phrases: IndexedPhrases,
    plans: dict[tuple[str, tuple[str, ...]], PhrasePlan | None],
    *,
    max_entries: int = 4096,
) -> PhraseLookup:
    """The plans of an index whose statistics are ``doc_freq(field, term)`` and ``docs``
    (the engine's document count) and whose phrase tokens are ``phrases``. ``plans``
    keeps them for the life of those statistics (one reader generation), at most
    ``max_entries``: queries are the users', without bound."""

    def lookup(seg: Segment, field_name: str) -> PhrasePlan | None:
        key = (field_name, seg.tokens)
        if key in plans:
            return plans[key]
        held = phrases.by_chain.get(seg.tokens)
        kept = sparse_tokens(seg.tokens) if held is None else []
        plan: PhrasePlan | None = None
        if held is not None or len(kept) < len(seg.tokens):
            terms = [held] if held is not None else [token for _, token in kept]
            boost = phrase_boost(lambda t: doc_freq(field_name, t), docs, seg.tokens, terms)
            plan = (held if held is not None else kept, boost)
        if len(plans) >= max_entries:
            plans.clear()
        plans[key] = plan
        return plan

    return lookup


def _idf(doc_freq: int, docs: int) -> float:
    """The engine's BM25 inverse document frequency (Tantivy's ``idf``)."""
    return math.log(1.0 + (docs - doc_freq + 0.5) / (doc_freq + 0.5))


def phrase_boost(
    doc_freq: Callable[[str], int], docs: int, chain: Sequence[str], terms: Sequence[str]
) -> float:
    """The boost that makes a query of ``terms`` (a phrase token, or some of the phrase's
    tokens) score as the phrase ``chain`` does: the engine weighs a phrase by the sum of
    its terms' inverse document frequencies, so the boost is the chain's sum over the
    terms' (1.0 when no document has one of the terms: nothing matches then)."""
    freqs = [doc_freq(t) for t in terms]
    if min(freqs) <= 0:
        return 1.0
    return sum(_idf(doc_freq(t), docs) for t in chain) / sum(_idf(f, docs) for f in freqs)
