"""Tests for server.policies.filetypes: real files are built here, byte by byte, and so are
the lies (renamed executables, HTML posing as PDF, images posing as documents)."""

from __future__ import annotations

import io
import math
import re
import struct
import urllib.parse
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import filetype
import pytest

from server.policies.filetypes import (
    EXTENSION_KINDS,
    MAX_BYTES,
    MAX_FILENAME_CHARS,
    DetectedType,
    FileRejected,
    FileTooLarge,
    MismatchedFile,
    UnsupportedFile,
    content_disposition,
    safe_filename,
    sniff,
)

MiB = 1024 * 1024

# ----------------------------------------------------------------------------- builders


def make_pdf() -> bytes:
    """A minimal but complete PDF 1.4: catalog, pages, one empty page, xref, trailer."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _member(name: str) -> zipfile.ZipInfo:
    return zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))


def make_zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            # A fixed timestamp: test ids must be equal in every xdist worker.
            archive.writestr(_member(name), content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def make_zip_stored(members: dict[str, bytes | str]) -> bytes:
    """Uncompressed: the archive's size grows byte for byte with its members'."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in members.items():
            archive.writestr(_member(name), content)
    return buffer.getvalue()


_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def docx_members() -> dict[str, bytes | str]:
    """The parts Word itself requires of a minimal .docx."""
    return {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_OFFICE_DOC}" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            "<w:t>关于印发通知</w:t></w:r></w:p></w:body></w:document>"
        ),
    }


def xlsx_members() -> dict[str, bytes | str]:
    """The parts Excel itself requires of a minimal .xlsx."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_OFFICE_DOC}" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" '
            f'xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>名额</t></is></c></row>'
            "</sheetData></worksheet>"
        ),
    }


def make_docx() -> bytes:
    return make_zip(docx_members())


def make_xlsx() -> bytes:
    return make_zip(xlsx_members())


def make_png(width: int = 1, height: int = 1) -> bytes:
    """A real, decodable RGB PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_jpeg() -> bytes:
    """SOI, a JFIF APP0 segment and EOI: the header every JPEG decoder checks first."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0 + b"\xff\xd9"


# The classic 1×1 transparent GIF.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def make_webp() -> bytes:
    """A 1×1 lossless WebP (RIFF container, VP8L chunk)."""
    vp8l = b"\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
    chunk = b"VP8L" + struct.pack("<I", len(vp8l)) + vp8l
    body = b"WEBP" + chunk
    return b"RIFF" + struct.pack("<I", len(body)) + body


# OLE2 compound files ([MS-CFB]), as Word 97-2003 and Excel 97-2003 write them. This writer
# was cross-checked against olefile 0.47 (same directory listing, same stream contents) for
# both sector sizes and for files large enough to need DIFAT sectors.
_FREESECT, _ENDOFCHAIN, _FATSECT, _DIFSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
_NOSTREAM = 0xFFFFFFFF
_DIR_ENTRY = struct.Struct("<64sHBBIII16sIQQIQ")

OleTree = dict[str, "bytes | OleTree"]


def make_ole(tree: OleTree, *, sector_shift: int = 9) -> bytes:
    """A real compound file. ``tree`` maps names to bytes (a stream) or to a dict (a storage).

    Streams are padded to 4096 bytes so they live in regular sectors (no mini stream);
    siblings form a balanced binary tree in [MS-CFB] order; the directory comes last, as
    Office places it, so in large files it is only reachable through the DIFAT.
    """
    size = 1 << sector_shift
    per_sector = size // 4
    entries: list[dict[str, Any]] = [
        {"name": "Root Entry", "type": 5, "data": b"", "left": _NOSTREAM,
         "right": _NOSTREAM, "child": _NOSTREAM}
    ]  # fmt: skip

    def add(subtree: OleTree) -> int:
        ids = []
        for name, value in subtree.items():
            entry: dict[str, Any] = {"name": name, "left": _NOSTREAM, "right": _NOSTREAM}
            entries.append(entry)
            ids.append(len(entries) - 1)
            if isinstance(value, dict):
                entry.update(type=1, data=b"", child=add(value))
            else:
                entry.update(type=2, data=value.ljust(4096, b"\0"), child=_NOSTREAM)
        ids.sort(key=lambda i: (len(entries[i]["name"]), entries[i]["name"].upper()))

        def balance(lo: int, hi: int) -> int:
            if lo >= hi:
                return _NOSTREAM
            mid = (lo + hi) // 2
            entries[ids[mid]]["left"] = balance(lo, mid)
            entries[ids[mid]]["right"] = balance(mid + 1, hi)
            return ids[mid]

        return balance(0, len(ids))

    entries[0]["child"] = add(tree)
    dir_count = math.ceil(len(entries) * 128 / size)
    stream_counts = [math.ceil(len(e["data"]) / size) for e in entries]
    used = dir_count + sum(stream_counts)
    n_fat = n_difat = 0
    while True:  # FAT and DIFAT sectors need FAT entries too: iterate to a fixed point
        need_fat = math.ceil((used + n_fat + n_difat) / per_sector)
        need_difat = max(0, math.ceil((need_fat - 109) / (per_sector - 1)))
        if (need_fat, need_difat) == (n_fat, n_difat):
            break
        n_fat, n_difat = need_fat, need_difat
    fat = [_FREESECT] * (n_fat * per_sector)
    fat_ids = list(range(n_fat))
    difat_ids = list(range(n_fat, n_fat + n_difat))
    for sid in fat_ids:
        fat[sid] = _FATSECT
    for sid in difat_ids:
        fat[sid] = _DIFSECT
    sectors: dict[int, bytes] = {}
    next_free = n_fat + n_difat

    def allocate(count: int, payload: bytes) -> int:
        nonlocal next_free
        ids = list(range(next_free, next_free + count))
        next_free += count
        for sid, following in zip(ids, [*ids[1:], _ENDOFCHAIN], strict=True):
            fat[sid] = following
        payload = payload.ljust(count * size, b"\0")
        for k, sid in enumerate(ids):
            sectors[sid] = payload[k * size : (k + 1) * size]
        return ids[0]

    for entry, count in zip(entries, stream_counts, strict=True):
        entry["start"] = allocate(count, entry["data"]) if count else 0
    entries[0]["start"] = _ENDOFCHAIN
    directory = b"".join(
        _DIR_ENTRY.pack(
            e["name"].encode("utf-16-le"), len(e["name"]) * 2 + 2, e["type"], 1, e["left"],
            e["right"], e["child"], b"", 0, 0, 0, e["start"], len(e["data"]),
        )
        for e in entries
    )  # fmt: skip
    free_entries = dir_count * size // 128 - len(entries)
    directory += free_entries * _DIR_ENTRY.pack(
        b"", 0, 0, 0, _NOSTREAM, _NOSTREAM, _NOSTREAM, b"", 0, 0, 0, 0, 0
    )
    first_dir = allocate(dir_count, directory)
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for k, sid in enumerate(fat_ids):
        sectors[sid] = fat_bytes[k * size : (k + 1) * size]
    overflow = fat_ids[109:]
    for k, sid in enumerate(difat_ids):
        part = overflow[k * (per_sector - 1) : (k + 1) * (per_sector - 1)]
        part += [_FREESECT] * (per_sector - 1 - len(part))
        following = difat_ids[k + 1] if k + 1 < len(difat_ids) else _ENDOFCHAIN
        sectors[sid] = struct.pack(f"<{per_sector}I", *part, following)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", 0x3E, 3 if sector_shift == 9 else 4,
        0xFFFE, sector_shift, 6, b"", 0 if sector_shift == 9 else dir_count, n_fat,
        first_dir, 0, 4096, _ENDOFCHAIN, 0, difat_ids[0] if difat_ids else _ENDOFCHAIN,
        n_difat, *(fat_ids[:109] + [_FREESECT] * 109)[:109],
    ).ljust(size, b"\0")  # fmt: skip
    return header + b"".join(sectors[sid] for sid in range(next_free))


def make_doc() -> bytes:
    """A Word 97-2003 layout, with an embedded Excel object: its ``Workbook`` stream sits
    in a sub-storage and must not make the file look like a workbook."""
    return make_ole(
        {
            "WordDocument": b"\xec\xa5" + b"W" * 600,
            "1Table": b"T" * 100,
            "\x05SummaryInformation": b"S",
            "ObjectPool": {"_1234567890": {"\x01Ole": b"o", "Workbook": b"\x09\x08"}},
        }
    )


def make_xls() -> bytes:
    return make_ole({"Workbook": b"\x09\x08" + b"B" * 200, "\x05SummaryInformation": b"S"})


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50 + b"PE\x00\x00" + b"\x00" * 200
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

BUILDERS: dict[str, Callable[[], bytes]] = {
    "pdf": make_pdf,
    "docx": make_docx,
    "xlsx": make_xlsx,
    "doc": make_doc,
    "xls": make_xls,
    "png": make_png,
    "jpeg": make_jpeg,
    "gif": lambda: GIF,
    "webp": make_webp,
}

EXPECTED = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "doc": ("application/msword", "doc"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "xls": ("application/vnd.ms-excel", "xls"),
    "png": ("image/png", "png"),
    "jpeg": ("image/jpeg", "jpg"),
    "webp": ("image/webp", "webp"),
    "gif": ("image/gif", "gif"),
}


def rejected(exc_type: type[FileRejected], data: bytes, filename: str) -> FileRejected:
    with pytest.raises(exc_type) as info:
        sniff(data, filename)
    return info.value


# ---------------------------------------------------------------------------- accepted


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_each_kind_is_detected_under_its_own_name(kind: str) -> None:
    mime, extension = EXPECTED[kind]
    detected = sniff(BUILDERS[kind](), f"关于印发2024年实施方案的通知.{extension}")
    assert detected == DetectedType(kind=kind, mime=mime, extension=extension)  # type: ignore[arg-type]
    assert detected.is_image == (kind in {"png", "jpeg", "gif", "webp"})


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_a_name_without_extension_claims_nothing(kind: str) -> None:
    for name in ("附件一", "", "附件1.2", "通知.2024年", "README"):
        assert sniff(BUILDERS[kind](), name).kind == kind


@pytest.mark.parametrize("kind", ["png", "jpeg", "gif", "webp"])
def test_images_agree_with_the_filetype_package(kind: str) -> None:
    data = BUILDERS[kind]()
    guessed = filetype.guess(data)
    assert guessed is not None
    assert guessed.mime == sniff(data, "x").mime


@pytest.mark.parametrize(
    ("filename", "kind"),
    [
        ("photo.JPG", "jpeg"),
        ("photo.jpeg", "jpeg"),
        ("photo.jpe", "jpeg"),
        ("photo.jfif", "jpeg"),
        ("REPORT.PDF", "pdf"),
        ("报告．ＰＤＦ", "pdf"),  # full-width dot and letters, as Chinese IMEs type them
        ("report.pdf ", "pdf"),
        ("report.pdf.", "pdf"),
        ("C:\\Users\\张三\\Desktop\\report.pdf", "pdf"),
        ("../../report.pdf", "pdf"),
        ("setup.exe.pdf", "pdf"),  # the last extension is the one that counts
    ],
)
def test_extension_spellings(filename: str, kind: str) -> None:
    assert sniff(BUILDERS[kind](), filename).kind == kind


def test_ooxml_part_names_are_case_insensitive() -> None:
    members = {name.replace("word/document", "Word/Document"): v
               for name, v in docx_members().items()}  # fmt: skip
    assert sniff(make_zip(members), "a.docx").kind == "docx"


def test_ole_kinds_by_directory_not_by_name() -> None:
    # No extension: the directory alone decides.
    assert sniff(make_doc(), "附件").kind == "doc"
    assert sniff(make_xls(), "附件").kind == "xls"
    # Excel 5/95 ("Book" stream) and version-4 files with 4096-byte sectors.
    assert sniff(make_ole({"Book": b"\x09\x08"}), "old.xls").kind == "xls"
    assert sniff(make_ole({"WordDocument": b"W"}, sector_shift=12), "a.doc").kind == "doc"


def test_large_ole_file_needing_difat_sectors() -> None:
    # 8 MiB in 512-byte sectors needs more than the 109 FAT sectors the header can list;
    # the directory is at the end, so it is only found by following the DIFAT.
    data = make_ole({"WordDocument": b"W" * (8 * MiB), "Data": b"d"})
    assert len(data) > 8 * MiB
    assert sniff(data, "大文件.doc").kind == "doc"


# ------------------------------------------------------------------------------- lies


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (HTML, "report.pdf"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "image.png"),
        (ELF, "document.docx"),
        (PE, "document.docx"),
        (PE + make_docx(), "document.docx"),  # self-extracting archive: ZIP after an EXE
        (PE, "setup.pdf"),
        (b"%PDF-", "report.pdf"),  # a header with no version is not a PDF
        (b" %PDF-1.4\n", "report.pdf"),
        (b"hello, world\n", "notes.txt"),
        (b"{\\rtf1\\ansi hello}", "report.doc"),  # RTF saved as .doc by Word and WPS
        (b"\x00" * 64, "blank.png"),
    ],
    # Ids from the names only: the ZIP bytes carry a timestamp, and pytest-xdist workers
    # must collect the same test ids.
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_non_documents_are_unsupported(data: bytes, filename: str) -> None:
    assert rejected(UnsupportedFile, data, filename).code == "unsupported_file"


def test_empty_file_is_unsupported() -> None:
    assert "empty" in rejected(UnsupportedFile, b"", "a.pdf").message


@pytest.mark.parametrize(
    ("kind", "filename"),
    [
        ("png", "report.pdf"),
        ("jpeg", "photo.png"),
        ("pdf", "setup.exe"),
        ("pdf", "report.pdf.exe"),
        ("pdf", "page.html"),
        ("docx", "table.xlsx"),
        ("xlsx", "report.docx"),
        ("docx", "report.doc"),
        ("doc", "table.xls"),
        ("xls", "report.doc"),
        ("doc", "report.wps"),
        ("gif", "anim.webp"),
        ("pdf", ".bashrc"),
        ("png", "图片．ＰＤＦ"),
    ],
)
def test_extension_claiming_another_type_is_mismatched(kind: str, filename: str) -> None:
    error = rejected(MismatchedFile, BUILDERS[kind](), filename)
    assert error.code == "mismatched_file"
    claimed = filename.rsplit(".", 1)[-1] if "．" not in filename else "pdf"
    assert f".{claimed.lower()}" in error.message
    assert EXPECTED[kind][1] in error.message


@pytest.mark.parametrize(
    "members",
    [
        pytest.param({"readme.txt": "hi", "data.csv": "a,b"}, id="plain-zip"),
        pytest.param(
            {k: v for k, v in docx_members().items() if k != "word/document.xml"},
            id="docx-without-document",
        ),
        pytest.param(
            {k: v for k, v in docx_members().items() if k != "[Content_Types].xml"},
            id="docx-without-content-types",
        ),
        pytest.param({**docx_members(), **xlsx_members()}, id="both-docx-and-xlsx"),
        pytest.param({**docx_members(), "word/vbaProject.bin": b"\xcc"}, id="docm"),
        pytest.param({**xlsx_members(), "xl/vbaProject.bin": b"\xcc"}, id="xlsm"),
        pytest.param({"[Content_Types].xml": "<Types/>", "xl/workbook.bin": b"\x83"}, id="xlsb"),
        pytest.param(
            {"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}, id="pptx"
        ),
        pytest.param({"mimetype": "application/vnd.oasis.opendocument.text"}, id="odt"),
    ],
)
def test_zip_that_is_not_a_word_or_excel_document_is_unsupported(
    members: dict[str, bytes | str],
) -> None:
    rejected(UnsupportedFile, make_zip(members), "document.docx")


def test_damaged_zip_is_unsupported() -> None:
    docx = make_docx()
    assert "damaged" in rejected(UnsupportedFile, docx[: len(docx) // 2], "a.docx").message
    rejected(UnsupportedFile, b"PK\x03\x04" + b"\x00" * 100, "a.docx")


def test_zip_bomb_is_never_decompressed(monkeypatch: pytest.MonkeyPatch) -> None:
    # 32 MiB of zeros deflates to ~32 KiB: a reader that decompressed it would notice.
    bomb = make_zip({**docx_members(), "word/media/image1.png": b"\0" * (32 * MiB)})
    assert len(bomb) < MiB

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("sniff decompressed a ZIP member")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "read", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    assert sniff(bomb, "bomb.docx").kind == "docx"


def test_zip_with_implausibly_many_members_is_refused_quickly() -> None:
    many = make_zip_stored({**docx_members(), **{f"word/media/{i}": b"" for i in range(5001)}})
    assert "members" in rejected(UnsupportedFile, many, "a.docx").message


@pytest.mark.parametrize(
    ("tree", "message"),
    [
        ({"PowerPoint Document": b"p", "Current User": b"u"}, "not a Word"),
        ({"__properties_version1.0": b"m", "__substg1.0_0037001F": b"s"}, "not a Word"),
        ({"EncryptedPackage": b"e", "EncryptionInfo": b"i"}, "password"),
        ({"WordDocument": b"w", "Workbook": b"x"}, "not a Word"),  # which one? neither
        # An embedded Word document inside a storage does not make a .ppt a .doc.
        ({"PowerPoint Document": b"p", "ObjectPool": {"_1": {"WordDocument": b"w"}}},
         "not a Word"),
    ],
)  # fmt: skip
def test_other_ole_files_are_unsupported(tree: OleTree, message: str) -> None:
    error = rejected(UnsupportedFile, make_ole(tree), "renamed.doc")
    assert message in error.message


def test_damaged_ole_is_unsupported_and_does_not_hang() -> None:
    doc = make_doc()
    magic_only = doc[:8] + b"\0" * 600
    rejected(UnsupportedFile, doc[:8], "a.doc")  # shorter than a header
    rejected(UnsupportedFile, magic_only, "a.doc")  # bad byte order mark
    rejected(UnsupportedFile, doc[:1024], "a.doc")  # truncated: sectors missing
    # A directory chain that points at itself.
    looped = bytearray(doc)
    (first_dir,) = struct.unpack_from("<I", looped, 48)
    (fat_sector,) = struct.unpack_from("<I", looped, 76)
    struct.pack_into("<I", looped, (fat_sector + 1) * 512 + first_dir * 4, first_dir)
    # Returning at all is the point (a loop would hang): no timing assertion here.
    assert "damaged" in rejected(UnsupportedFile, bytes(looped), "a.doc").message
    # A root entry whose child points back at the root.
    cyclic = bytearray(doc)
    struct.pack_into("<I", cyclic, (first_dir + 1) * 512 + 76, 0)
    rejected(UnsupportedFile, bytes(cyclic), "a.doc")


# ------------------------------------------------------------------------------- sizes


@pytest.mark.parametrize(("kind", "limit"), [("png", 5 * MiB), ("webp", 5 * MiB),
                                             ("jpeg", 5 * MiB), ("gif", 5 * MiB),
                                             ("pdf", 20 * MiB), ("docx", 20 * MiB)])  # fmt: skip
def test_size_limit_per_kind(kind: str, limit: int) -> None:
    assert MAX_BYTES[kind] == limit
    small = BUILDERS[kind]()
    if kind == "docx":
        # Padding goes inside the archive as a stored member, so the ZIP stays valid.
        def padded(pad: int) -> bytes:
            return make_zip_stored({**docx_members(), "word/media/pad.bin": b"\0" * pad})

        at_limit = padded(limit - len(padded(0)))
        assert len(at_limit) == limit
    else:
        # Trailing bytes after the end of an image or a PDF are ignored by readers.
        at_limit = small + b"\0" * (limit - len(small))
        assert len(at_limit) == limit
    assert sniff(at_limit, f"x.{EXPECTED[kind][1]}").kind == kind
    over = small + b"\0" * (limit + 1 - len(small))
    error = rejected(FileTooLarge, over, f"x.{EXPECTED[kind][1]}")
    assert error.code == "file_too_large"


def test_image_limit_is_smaller_than_document_limit() -> None:
    # 6 MiB is fine for a PDF and too large for a PNG.
    assert sniff(make_pdf() + b"\0" * (6 * MiB), "a.pdf").kind == "pdf"
    assert "PNG" in rejected(FileTooLarge, make_png() + b"\0" * (6 * MiB), "a.png").message


def test_anything_over_every_limit_is_refused_before_parsing() -> None:
    garbage = b"\x01" * (20 * MiB + 1)
    rejected(FileTooLarge, garbage, "a.pdf")


# -------------------------------------------------------------------------- exceptions


def test_exceptions_share_a_base_with_stable_codes() -> None:
    for cls, code in [
        (UnsupportedFile, "unsupported_file"),
        (MismatchedFile, "mismatched_file"),
        (FileTooLarge, "file_too_large"),
    ]:
        error = cls("why")
        assert isinstance(error, FileRejected)
        assert isinstance(error, Exception)
        assert error.code == code
        assert error.message == str(error) == "why"
        assert 400 <= error.status < 500


def test_every_allowed_extension_maps_to_a_kind_with_a_limit() -> None:
    assert set(EXTENSION_KINDS.values()) == set(MAX_BYTES) == set(EXPECTED)


# ---------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("关于印发《2024年工作要点》的通知.pdf", "关于印发《2024年工作要点》的通知.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\张三\\Desktop\\附件1.docx", "附件1.docx"),
        ("a/b\\c.pdf", "c.pdf"),
        ("report\x00\x07\x1b.pdf", "report.pdf"),
        ("line\r\nbreak.pdf", "line break.pdf"),
        ("tab\there.pdf", "tab here.pdf"),
        ("evil\u202egpj.exe", "evilgpj.exe"),  # right-to-left override dropped
        ("zero\u200bwidth.pdf", "zerowidth.pdf"),
        ('say "hi" <now>:|?*.pdf', "say _hi_ _now_____.pdf"),
        ("  spaced    out  .pdf  ", "spaced out .pdf"),
        ("trailing dots...", "trailing dots"),
        (".pdf", "file.pdf"),
        ("..", "file"),
        ("", "file"),
        ("   ", "file"),
        ("\x00\x01", "file"),
        ("dir/", "file"),
        ("（１）通知.docx", "（１）通知.docx"),  # full-width forms are kept for display
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_caps_length_and_keeps_the_extension() -> None:
    long_name = "关于" * 100 + ".docx"
    safe = safe_filename(long_name)
    assert len(safe) == MAX_FILENAME_CHARS
    assert safe.endswith("关于.docx") or safe.endswith("关.docx")
    assert safe.startswith("关于关于")
    no_extension = "通" * 300
    assert safe_filename(no_extension) == "通" * MAX_FILENAME_CHARS
    exactly = "a" * (MAX_FILENAME_CHARS - 4) + ".pdf"
    assert safe_filename(exactly) == exactly


def test_safe_filename_is_idempotent() -> None:
    for name in ["关于印发.pdf", " ../a\x00b .pdf", "x" * 500 + ".xlsx", ".pdf", 'q"q.doc']:
        once = safe_filename(name)
        assert safe_filename(once) == once


def _filename_star(header: str) -> str | None:
    match = re.search(r"filename\*=UTF-8''([^;\s]+)", header)
    return urllib.parse.unquote(match[1], encoding="utf-8", errors="strict") if match else None


def _plain_filename(header: str) -> str:
    match = re.search(r'filename="([^"]*)"', header)
    assert match is not None
    return match[1]


def test_content_disposition_ascii_name() -> None:
    assert content_disposition("report 2024.pdf") == 'attachment; filename="report 2024.pdf"'
    assert content_disposition("a.png", disposition="inline") == 'inline; filename="a.png"'


@pytest.mark.parametrize(
    "name",
    [
        "关于印发《2024年工作要点》的通知.pdf",
        "（１）通知.docx",
        "100%完成.xlsx",
        "a'b;c,d=e.pdf",
        "emoji 🎉.png",
    ],
)
def test_content_disposition_round_trips_unicode_names(name: str) -> None:
    header = content_disposition(name)
    assert header.startswith("attachment; filename=")
    assert header.isascii()
    assert _filename_star(header) == safe_filename(name)
    # The percent-encoded value uses only RFC 5987 attr-chars.
    star = header.split("filename*=UTF-8''", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9!#$&+\-.^_`|~%]+", star)
    fallback = _plain_filename(header)
    assert fallback.isascii() and "%" not in fallback and "\\" not in fallback
    assert fallback.endswith("." + name.rsplit(".", 1)[1])


def test_content_disposition_fallbacks() -> None:
    assert _plain_filename(content_disposition("关于印发通知.pdf")) == "file.pdf"
    assert _plain_filename(content_disposition("2024年工作报告.pdf")) == "2024.pdf"
    assert _plain_filename(content_disposition("（１）通知.docx")) == "(1).docx"
    assert _plain_filename(content_disposition("通知")) == "file"
    # Separators naive parsers split on stay out of the fallback; filename* has the name.
    header = content_disposition("a'b;c,d=e.pdf")
    assert _plain_filename(header) == "a'bcd=e.pdf"
    assert _filename_star(header) == "a'b;c,d=e.pdf"


def test_content_disposition_cannot_inject_headers() -> None:
    header = content_disposition('x"\r\nSet-Cookie: session=evil; a=".pdf')
    assert "\r" not in header and "\n" not in header
    # Exactly the two quotes around the fallback: the name cannot close the string early.
    assert header.count('"') == 2
    assert header.startswith('attachment; filename="x_ Set-Cookie_ session=evil a=_.pdf"; ')
    assert _filename_star(header) == "x_ Set-Cookie_ session=evil; a=_.pdf"


# ---------------------------------------------------------------------- maintained libraries


def test_signatures_come_from_filetype_and_ole_from_olefile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Detection is delegated: with filetype blind, nothing is recognised; OLE2 files are
    opened with olefile (its parser, not ours)."""
    import olefile

    from server.policies import filetypes as ft

    monkeypatch.setattr(ft.filetype, "guess", lambda data: None)
    rejected(UnsupportedFile, make_pdf(), "report.pdf")
    monkeypatch.undo()
    opened: list[object] = []
    real = olefile.OleFileIO

    def spy(*args: Any, **kwargs: Any) -> Any:
        opened.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(ft.olefile, "OleFileIO", spy)
    assert sniff(make_doc(), "通知.doc").kind == "doc"
    assert len(opened) == 1


def test_animated_png_is_a_png() -> None:
    png = make_png()
    actl = b"acTL" + struct.pack(">II", 1, 0)
    chunk = struct.pack(">I", 8) + actl + struct.pack(">I", zlib.crc32(actl) & 0xFFFFFFFF)
    apng = png[:33] + chunk + png[33:]  # after the signature and IHDR
    assert filetype.guess(apng).extension == "apng"
    assert sniff(apng, "动图.png").kind == "png"


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"BM" + b"\x00" * 64, "scan.bmp"),  # filetype knows BMP; we do not accept it
        (b"II*\x00" + b"\x00" * 64, "scan.tif"),
        (b"Rar!\x1a\x07\x00" + b"\x00" * 64, "files.rar"),
    ],
    ids=["bmp", "tiff", "rar"],
)
def test_kinds_filetype_knows_but_we_do_not_accept(data: bytes, filename: str) -> None:
    assert filetype.guess(data) is not None
    assert rejected(UnsupportedFile, data, filename).code == "unsupported_file"
