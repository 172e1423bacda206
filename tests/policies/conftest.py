"""Fixtures of the policy-library tests: the demo corpus, staff sign-in, a search oracle.

``demo_client`` loads the demo corpus (``zwgk seed --demo``) into the test's fresh database;
it takes a couple of seconds, so tests that need it bundle many checks.

``SearchOracle`` decides, without the search index, which stored policies a query must
find: it re-implements the documented matching rule of ``server.search.analysis``
(a query is cut at separators into segments that must all match; a segment matches where
its characters occur in one field, Chinese runs as substrings, letter/digit pieces as whole
words, separators between the pieces ignored) over the rows as stored in the database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest

from server.demo.corpus import demo_policies
from server.search.analysis import normalize

# --------------------------------------------------------------------------- corpus & app


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    """The demo corpus as import records (pure data, built once per process)."""
    return demo_policies()


@pytest.fixture
async def demo_client(app: Any, client: httpx.AsyncClient, settings: Any) -> httpx.AsyncClient:
    """``client`` on an app whose fresh database holds the whole demo corpus."""
    from server.cli import seed_demo
    from server.policies.models import Policy

    await seed_demo(settings)
    assert await Policy.all().count() == len(demo_policies())
    return client


# --------------------------------------------------------------------------- search oracle

_HAN, _DIGIT, _LETTER, _SEP = "H", "N", "L", " "


def char_class(ch: str) -> str:
    """Class of one normalized character, as the search module's docstring defines it."""
    cp = ord(ch)
    if (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3FFFF
        or 0xF900 <= cp <= 0xFAFF
        or cp == 0x3007
    ):
        return _HAN
    if cp < 0x80:
        return _DIGIT if ch.isdigit() else _LETTER if ch.isalpha() else _SEP
    major = unicodedata.category(ch)[0]
    return _DIGIT if major == "N" else _LETTER if major in "LM" else _SEP


def query_segments(q: str) -> list[list[tuple[str, str]]]:
    """The query's segments, each a list of (class, text) runs."""
    segments: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for ch in normalize(q):
        cls = char_class(ch)
        if cls == _SEP:
            if current:
                segments.append(current)
                current = []
        elif current and current[-1][0] == cls:
            current[-1] = (cls, current[-1][1] + ch)
        else:
            current.append((cls, ch))
    if current:
        segments.append(current)
    return segments


def segment_in(text: str, runs: list[tuple[str, str]]) -> bool:
    """Does the normalized ``text`` contain the segment ``runs``?"""
    first_cls, first = runs[0]
    start = text.find(first)
    while start != -1:
        if not (first_cls != _HAN and start > 0 and char_class(text[start - 1]) == first_cls):
            pos = start + len(first)
            ok = True
            for _, piece in runs[1:]:
                while pos < len(text) and char_class(text[pos]) == _SEP:
                    pos += 1
                if not text.startswith(piece, pos):
                    ok = False
                    break
                pos += len(piece)
            last_cls = runs[-1][0]
            if ok and not (
                last_cls != _HAN and pos < len(text) and char_class(text[pos]) == last_cls
            ):
                return True
        start = text.find(first, start + 1)
    return False


def synonym_variants(seg: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The segment and, as docs/search.md defines synonyms, the segment with a contained
    term of a default synonym group replaced by each other term of the group."""
    from server.search.synonyms import DEFAULT_GROUPS

    text = "".join(piece for _, piece in seg)
    out = [seg]
    for group in DEFAULT_GROUPS:
        for term in group:
            if term in text:
                for other in group:
                    if other != term:
                        out += query_segments(text.replace(term, other))[:1]
    return out


@dataclass
class Row:
    id: int
    external_id: str
    title: str
    doc_number: str
    summary: str
    body_text: str
    status: str
    audience: str
    stage: str
    issuer: str
    issuer_code: str
    publish_date: date | None
    topics: list[str]
    categories: list[str]
    industries: list[str]
    regions: list[str]

    def fields(self, scope: str = "all") -> list[str]:
        title = normalize(f"{self.title} {self.doc_number}")
        if scope == "title":
            return [title]
        return [title, normalize(self.summary), normalize(self.body_text)]


class SearchOracle:
    """Which stored policies a query must find, computed from the rows themselves."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.by_ext = {r.external_id: r for r in rows if r.external_id}
        self.by_id = {r.id: r for r in rows}

    @classmethod
    async def load(cls) -> SearchOracle:
        from server.policies.models import Policy

        rows = [
            Row(**values)
            for values in await Policy.all().values(
                "id",
                "external_id",
                "title",
                "doc_number",
                "summary",
                "body_text",
                "status",
                "audience",
                "stage",
                "issuer",
                "issuer_code",
                "publish_date",
                "topics",
                "categories",
                "industries",
                "regions",
            )
        ]
        return cls(rows)

    def matches(self, row: Row, q: str, scope: str = "all") -> bool:
        fields = row.fields(scope)
        return all(
            any(segment_in(f, alt) for f in fields for alt in synonym_variants(seg))
            for seg in query_segments(q)
        )

    def find(
        self,
        q: str | None,
        *,
        scope: str = "all",
        status: str = "published",
        where: Callable[[Row], bool] | None = None,
    ) -> set[int]:
        return {
            r.id
            for r in self.rows
            if r.status == status
            and (q is None or self.matches(r, q, scope))
            and (where is None or where(r))
        }

    def ext(self, ids: set[int] | list[int]) -> list[str]:
        return sorted(self.by_id[i].external_id for i in ids)


@pytest.fixture
async def oracle(demo_client: httpx.AsyncClient) -> SearchOracle:
    return await SearchOracle.load()


async def fetch_all(
    client: httpx.AsyncClient,
    path: str,
    params: dict[str, Any],
    page_size: int = 50,
    *,
    with_match: bool = False,
) -> Any:
    """Every item of a paginated search/browse (in order) and the reported total (and,
    ``with_match``, the ``match`` label: exact, related or none)."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        r = await client.get(path, params={**params, "page": page, "page_size": page_size})
        assert r.status_code == 200, (params, r.text)
        body = r.json()
        items.extend(body["items"])
        if len(body["items"]) < page_size or len(items) >= body["total"]:
            if with_match:
                return items, int(body["total"]), body.get("match")
            return items, int(body["total"])
        page += 1


# --------------------------------------------------------------------------- files


def make_png(width: int = 2, height: int = 2) -> bytes:
    """A real, decodable RGB PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_pdf(text: str = "zwgk") -> bytes:
    """A small, valid one-page PDF."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def make_docx(text: str = "如皋市政策附件") -> bytes:
    """A minimal Word document (the parts Word itself needs)."""
    import io
    import zipfile

    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buffer.getvalue()


async def post_file(
    client: httpx.AsyncClient,
    headers: dict[str, str] | None,
    filename: str,
    data: bytes,
    *,
    purpose: str | None = "attachment",
    policy_id: int | str | None = None,
    content_type: str = "application/octet-stream",
) -> httpx.Response:
    form = {}
    if purpose is not None:
        form["purpose"] = purpose
    if policy_id is not None:
        form["policy_id"] = str(policy_id)
    return await client.post(
        "/api/v1/admin/attachments",
        headers=headers or {},
        files={"file": (filename, data, content_type)},
        data=form,
    )


async def upload(
    client: httpx.AsyncClient, headers: dict[str, str], filename: str, data: bytes, **kwargs: Any
) -> dict[str, Any]:
    r = await post_file(client, headers, filename, data, **kwargs)
    assert r.status_code == 201, r.text
    return dict(r.json())
