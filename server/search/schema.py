"""The index's schema and how one policy becomes one engine document.

Text fields hold our own tokens (:func:`server.search.analysis.index_fields_many`, joined by
spaces) under :data:`TOKENIZER`: the engine's ``whitespace`` tokenizer, which only splits at
those spaces, and a filter that drops the gap token (``|``, between a Han run and a Han run
after it), leaving its position empty and not counting it in the field's length. The
engine never re-tokenizes anything, and a token's position is its index in our string.
``<field>_c`` fields hold every Han character of the field as a term, so a one-character
query ranks by BM25 like any other term. Filters
are indexed fields (``status``, ``audience``, ``stage``, ``tags`` as ``scheme:code``,
``day``), sort keys are fast fields, and what a result list shows is stored as one JSON
blob (``item``), including a bounded window of the body for snippets: a result page is
answered from the index alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import tantivy

from server.search.analysis import GAP_TOKEN, index_fields_many
from server.search.phrases import NO_PHRASES, IndexedPhrases

#: Bump when the schema or the tokens change: an index of another version is rebuilt.
SCHEMA_VERSION = 6
#: Characters of the body kept in the index for snippets (the snippet is cut from these).
SNIPPET_WINDOW = 700
#: Characters of the summary kept for browse snippets.
SUMMARY_CLIP = 80
TEXT_FIELDS = ("title", "summary", "body")
#: The character field of each text field.
CHAR_FIELD = {f: f"{f}_c" for f in TEXT_FIELDS}
#: Field boosts: a title hit outranks a summary hit outranks a body hit.
BOOSTS = {"title": 10.0, "summary": 4.0, "body": 1.0}
STAGE_RANK = {"decision": 0, "execution": 1, "management": 2, "service": 3, "result": 4}
#: Statuses the index holds (drafts and withdrawn policies are never searchable).
INDEXED_STATUSES = frozenset({"published", "expired"})
#: An engine document as a plain dict, field name → value (see :func:`fields_many`).
Fields = dict[str, Any]


#: The analyzer of the text fields (registered on every index opened: :func:`new_index`,
#: :func:`open_index`).
TOKENIZER = "zwgk_tokens"


def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
        .filter(tantivy.Filter.custom_stopword([GAP_TOKEN]))
        .build()
    )


def new_index(path: Path, *, reuse: bool) -> tantivy.Index:
    """The index at ``path`` (``reuse``: open it if there is one, else create it)."""
    return _with_analyzer(tantivy.Index(SCHEMA, path=str(path), reuse=reuse))


def open_index(path: Path) -> tantivy.Index:
    """The existing index at ``path``."""
    return _with_analyzer(tantivy.Index.open(str(path)))


def _with_analyzer(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(TOKENIZER, _analyzer())
    return index


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, tokenizer_name=TOKENIZER, index_option="position")
        sb.add_text_field(CHAR_FIELD[name], tokenizer_name="whitespace", index_option="freq")
    for name in ("status", "audience", "stage", "tags"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("day", indexed=True, fast=True)  # publish date ordinal, -1 none
    sb.add_integer_field("sort_key", fast=True)  # newest first, then highest id
    sb.add_integer_field("stage_rank", indexed=True, fast=True)
    sb.add_bytes_field("item", stored=True)
    return sb.build()


SCHEMA = build_schema()


@dataclass(frozen=True, slots=True)
class PolicySource:
    """What the index needs of one policy (read from the database by the indexer)."""

    id: int
    title: str
    doc_number: str
    issuer: str
    publish_date: date | None
    status: str
    audience: str
    stage: str
    summary: str
    body_text: str
    tags: tuple[tuple[str, str], ...]


def sort_key(day: date | None, policy_id: int) -> int:
    """Newest first (undated last), then the highest id: one integer, descending."""
    return ((day.toordinal() if day else 0) << 32) | (policy_id & 0xFFFFFFFF)


def _window(text: str) -> tuple[str, bool]:
    text = " ".join(text.split())
    return text[:SNIPPET_WINDOW], len(text) > SNIPPET_WINDOW


def fields_many(
    policies: Sequence[PolicySource], phrases: IndexedPhrases = NO_PHRASES
) -> list[Fields]:
    """The engine documents of policies as plain dicts, for ``Document.from_dict`` (pure
    CPU work: run it off the event loop). Their text is tokenized in one batch
    (:func:`~server.search.analysis.index_fields_many`); each text field also gets the
    index's ``phrases`` it holds (see :mod:`server.search.phrases`).

    Dicts because a rebuild makes documents in worker processes and pickles them back:
    an engine ``Document`` pickles ~10 times slower. Dicts rather than JSON text: the
    writer's thread then skips encoding the JSON, decoding it to text, re-encoding it and
    parsing it (~10 µs a policy), and the stored item is not base64.
    """
    texts = [text for p in policies for text in _field_texts(p)]
    analysed = iter(index_fields_many(texts))
    return [_document(p, analysed, phrases) for p in policies]


def _field_texts(p: PolicySource) -> tuple[str, ...]:
    """The text of each of ``TEXT_FIELDS``, in that order."""
    by_field = {"title": f"{p.title} {p.doc_number}", "summary": p.summary, "body": p.body_text}
    return tuple(by_field[name] for name in TEXT_FIELDS)


def _document(
    p: PolicySource, analysed: Iterator[tuple[str, str]], phrases: IndexedPhrases
) -> Fields:
    fields: Fields = {"id": p.id}
    for name in TEXT_FIELDS:
        tokens, fields[CHAR_FIELD[name]] = next(analysed)
        fields[name] = tokens + phrases.tokens_for(tokens) if phrases else tokens
    window, cut = _window(p.body_text or p.summary)
    item: dict[str, Any] = {
        "title": p.title,
        "doc_number": p.doc_number,
        "issuer": p.issuer,
        "publish_date": p.publish_date.isoformat() if p.publish_date else None,
        "stage": p.stage,
        "audience": p.audience,
        "summary": " ".join((p.summary or p.body_text)[: SUMMARY_CLIP * 4].split()),
        "window": window,
        "cut": cut,
    }
    fields.update(
        status=p.status,
        audience=p.audience,
        stage=p.stage,
        tags=[f"{scheme}:{code}" for scheme, code in p.tags],
        day=p.publish_date.toordinal() if p.publish_date else -1,
        sort_key=sort_key(p.publish_date, p.id),
        stage_rank=STAGE_RANK.get(p.stage, len(STAGE_RANK)),
        item=orjson.dumps(item),
    )
    return fields
