"""What an uploaded policy attachment really is: decided by its bytes, never by its name.

Staff upload attachments (PDF, Word, Excel) and illustration images (PNG, JPEG, GIF, WebP).
A file's name and the client's ``Content-Type`` are whatever the uploader's computer says,
so :func:`sniff` looks at the content:

Signatures are recognised by the ``filetype`` package and OLE2 compound files are read
with ``olefile``; this module keeps the policy on top of them:

* **PDF**: starts with ``%PDF-x.y``.
* **DOCX / XLSX** (OOXML): a ZIP (local header ``PK\\x03\\x04`` at offset 0) whose central
  directory lists ``[Content_Types].xml`` and ``word/document.xml`` (docx) or
  ``xl/workbook.xml`` (xlsx). Only the central directory is read — no member is ever
  decompressed — so a zip bomb costs nothing. Macro-enabled packages (a ``vbaProject.bin``
  part) are refused even when named .docx/.xlsx. Any other ZIP is refused.
* **DOC / XLS** (legacy OLE2 compound files, magic ``D0 CF 11 E0 A1 B1 1A E1``): the
  compound file's directory is read with ``olefile`` (no stream is read) and the names of
  the root storage's children decide: ``WordDocument`` → doc, ``Workbook``/``Book`` → xls.
  Other OLE files (.ppt, .msi, .msg, password-protected OOXML) are refused. Only the
  root's direct children count, because a Word file with an embedded Excel chart carries
  a ``Workbook`` stream in a sub-storage.
* **Images**: the PNG (and animated PNG), JPEG, GIF and WebP signatures.

The name still matters in one way: when its extension claims a type, it must be the type
the content has (:class:`MismatchedFile`), so a ``report.pdf`` that is really a PNG, or a
PDF named ``setup.exe``, is refused rather than silently stored under a misleading name.
A name without a recognisable extension claims nothing; use :attr:`DetectedType.extension`
to name such a file.

Size limits (:data:`MAX_BYTES`) are per kind: images 5 MiB, documents 20 MiB. Data larger
than every limit is refused before any parsing, which also bounds the ZIP/OLE work.

:func:`sniff` is CPU-bound but cheap (microseconds for most files, a few milliseconds for a
20 MiB ZIP with many members); it is fine to call it on the event loop for uploads of these
sizes. It does not validate that the document renders: a truncated PDF with a valid header
passes.

:func:`safe_filename` and :func:`content_disposition` turn the uploader's file name into
something safe to store and to send back in a ``Content-Disposition`` header.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import urllib.parse
import zipfile
from dataclasses import dataclass
from typing import Final, Literal

import filetype
import olefile

__all__ = [
    "DOCUMENT_KINDS",
    "EXTENSION_KINDS",
    "IMAGE_KINDS",
    "MAX_BYTES",
    "MAX_FILENAME_CHARS",
    "DetectedType",
    "FileRejected",
    "FileTooLarge",
    "Kind",
    "MismatchedFile",
    "UnsupportedFile",
    "content_disposition",
    "safe_filename",
    "sniff",
]

Kind = Literal["pdf", "docx", "doc", "xlsx", "xls", "png", "jpeg", "webp", "gif"]

MiB: Final = 1024 * 1024

IMAGE_KINDS: Final[frozenset[str]] = frozenset({"png", "jpeg", "webp", "gif"})
DOCUMENT_KINDS: Final[frozenset[str]] = frozenset({"pdf", "docx", "doc", "xlsx", "xls"})

#: Largest accepted size in bytes, per kind.
MAX_BYTES: dict[str, int] = {
    **{kind: 5 * MiB for kind in IMAGE_KINDS},
    **{kind: 20 * MiB for kind in DOCUMENT_KINDS},
}

#: Canonical MIME type and extension (without the dot) of each kind.
_KIND_INFO: Final[dict[Kind, tuple[str, str]]] = {
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

#: File-name extensions (lower case, without the dot) that are allowed, and the kind each
#: one claims. Several spellings of JPEG are in use; Windows saves some as ``.jfif``.
EXTENSION_KINDS: Final[dict[str, Kind]] = {
    "pdf": "pdf",
    "docx": "docx",
    "doc": "doc",
    "xlsx": "xlsx",
    "xls": "xls",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "jfif": "jpeg",
    "gif": "gif",
    "webp": "webp",
}

#: Human names for messages.
_KIND_LABEL: Final[dict[Kind, str]] = {
    "pdf": "a PDF document",
    "docx": "a Word (.docx) document",
    "doc": "a Word 97-2003 (.doc) document",
    "xlsx": "an Excel (.xlsx) workbook",
    "xls": "an Excel 97-2003 (.xls) workbook",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "webp": "a WebP image",
    "gif": "a GIF image",
}

_ALLOWED_HINT = "allowed: PDF, Word (.docx/.doc), Excel (.xlsx/.xls), PNG, JPEG, GIF, WebP"


class FileRejected(Exception):
    """An upload that must not be stored. ``code`` is stable, ``message`` is for people.

    ``status`` is the HTTP status a handler would typically answer with.
    """

    code: str = "file_rejected"
    status: int = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnsupportedFile(FileRejected):
    """The content is not one of the allowed types (or is empty, or corrupt)."""

    code = "unsupported_file"
    status = 415


class MismatchedFile(FileRejected):
    """The file name's extension claims a different type than the content has."""

    code = "mismatched_file"
    status = 415


class FileTooLarge(FileRejected):
    """The content exceeds :data:`MAX_BYTES` for its kind."""

    code = "file_too_large"
    status = 413


@dataclass(frozen=True, slots=True)
class DetectedType:
    """The type of a file as found in its content."""

    kind: Kind
    #: Canonical MIME type, e.g. ``application/pdf``: send this, not the client's claim.
    mime: str
    #: Canonical extension without the dot, e.g. ``pdf``, ``jpg``.
    extension: str

    @property
    def is_image(self) -> bool:
        """True for PNG, JPEG, GIF and WebP."""
        return self.kind in IMAGE_KINDS


def _detected(kind: Kind) -> DetectedType:
    mime, extension = _KIND_INFO[kind]
    return DetectedType(kind=kind, mime=mime, extension=extension)


def _size_label(size: int) -> str:
    return f"{size / MiB:.1f} MiB" if size >= MiB else f"{size} bytes"


# --------------------------------------------------------------------------- detection

# Magic bytes are the maintained ``filetype`` package's job and OLE2 parsing is ``olefile``'s;
# what stays here is our policy: which kinds we accept, how an Office container is told
# apart (by its part/stream names), the size limits, and that the name agrees.

#: A PDF must name its version (``%PDF-1.7``); ``filetype`` only looks for ``%PDF``.
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
#: ``filetype`` extension → our kind, for the image kinds it recognises by signature.
_IMAGE_EXTENSIONS: Final[dict[str, Kind]] = {
    "png": "png",
    "apng": "png",  # an animated PNG is a PNG
    "jpg": "jpeg",
    "gif": "gif",
    "webp": "webp",
}
#: ``filetype`` extensions of ZIP-based containers: decided by our OOXML check.
_ZIP_EXTENSIONS: Final = frozenset({"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"})
#: ``filetype`` extensions of OLE2 compound files: decided by the root's stream names.
_OLE_EXTENSIONS: Final = frozenset({"doc", "xls", "ppt"})
#: How much of the file ``filetype`` needs (it never reads more than 8 KiB).
_SIGNATURE_BYTES = 8192
#: Most members a DOCX/XLSX may have (see :func:`_ooxml_kind`).
_MAX_ZIP_MEMBERS = 5000
#: Top-level streams/storages we are willing to look at; real .doc/.xls files have ~ten.
_MAX_OLE_ROOT_CHILDREN = 1000


def sniff(data: bytes, filename: str) -> DetectedType:
    """Return the type of ``data``, checking its size and that ``filename`` does not lie.

    Raises :class:`UnsupportedFile` when the content is empty or not an allowed type,
    :class:`MismatchedFile` when ``filename``'s extension claims another type, and
    :class:`FileTooLarge` when the content exceeds its kind's limit. All three are
    :class:`FileRejected`.
    """
    size = len(data)
    if size == 0:
        raise UnsupportedFile("the file is empty")
    # Refuse before parsing anything when no kind could accept this size: it keeps the
    # ZIP central directory and OLE FAT we may parse below bounded.
    largest = max(MAX_BYTES.values())
    if size > largest:
        raise FileTooLarge(
            f"the file is {_size_label(size)}; the largest accepted is {_size_label(largest)}"
        )

    claimed = _claimed_extension(filename)
    kind = _detect_kind(data, claimed)
    if claimed is not None and EXTENSION_KINDS.get(claimed) != kind:
        raise MismatchedFile(
            f"the file is named .{claimed} but its content is {_KIND_LABEL[kind]}; "
            f"rename it to .{_KIND_INFO[kind][1]} if that is what you meant to upload"
        )
    limit = MAX_BYTES[kind]
    if size > limit:
        raise FileTooLarge(
            f"{_KIND_LABEL[kind]} of {_size_label(size)}; "
            f"the largest accepted is {_size_label(limit)}"
        )
    return _detected(kind)


def _detect_kind(data: bytes, claimed: str | None) -> Kind:
    """The kind of ``data`` by its signature (``filetype``), or :class:`UnsupportedFile`."""
    guess = filetype.guess(data[:_SIGNATURE_BYTES])
    extension = guess.extension if guess is not None else None
    if extension == "pdf" and _PDF_HEADER.match(data):
        return "pdf"
    if extension in _ZIP_EXTENSIONS:
        return _ooxml_kind(data)
    if extension in _OLE_EXTENSIONS or olefile.isOleFile(data=data[:_SIGNATURE_BYTES]):
        return _ole_kind(data)
    if extension in _IMAGE_EXTENSIONS:
        return _IMAGE_EXTENSIONS[extension]
    named = f" (named .{claimed})" if claimed else ""
    raise UnsupportedFile(f"the file's content is not an accepted type{named}; {_ALLOWED_HINT}")


def _ooxml_kind(data: bytes) -> Kind:
    """docx or xlsx from a ZIP's member *names*; nothing is decompressed."""
    # zipfile parses the whole central directory up front, ~7 µs per entry: a crafted
    # 20 MiB archive of empty members would hold the event loop for over a second. Every
    # central-directory entry starts with this signature (zipfile checks it), so the count
    # bounds the work; real documents have tens to hundreds of parts.
    if data.count(b"PK\x01\x02") > _MAX_ZIP_MEMBERS:
        raise UnsupportedFile(
            f"the ZIP archive has more than {_MAX_ZIP_MEMBERS} members; not a plausible document"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # OPC part names are case-insensitive.
            names = {name.lower() for name in archive.namelist()}
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        OSError,
        NotImplementedError,
        struct.error,
    ) as exc:
        # ValueError covers UnicodeDecodeError from names flagged UTF-8 that are not.
        raise UnsupportedFile(f"the file is a damaged ZIP archive ({exc})") from None
    is_docx = "word/document.xml" in names
    is_xlsx = "xl/workbook.xml" in names
    if "[content_types].xml" not in names or is_docx == is_xlsx:
        # Neither (a plain ZIP, .odt, .jar, .apk, .pptx, .xlsb…) or, for a crafted
        # archive, both: nothing we can name honestly.
        raise UnsupportedFile(
            f"the file is a ZIP archive, not a Word or Excel document; {_ALLOWED_HINT}"
        )
    if "word/vbaproject.bin" in names or "xl/vbaproject.bin" in names:
        # Macros are code; a macro-enabled .docm/.xlsm renamed .docx/.xlsx is refused.
        raise UnsupportedFile("macro-enabled Office documents are not accepted")
    return "docx" if is_docx else "xlsx"


def _ole_kind(data: bytes) -> Kind:
    """doc or xls from the names of the compound file's top-level streams (``olefile``)."""
    try:
        names = {name.casefold() for name in _ole_root_children(data)}
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError, …
        raise UnsupportedFile(f"the file is a damaged Office 97-2003 document ({exc})") from None
    is_doc = "worddocument" in names
    # "Workbook" is BIFF8 (Excel 97+); "Book" is BIFF5 (Excel 5/95), still produced by
    # some older government software exports.
    is_xls = "workbook" in names or "book" in names
    if is_doc and not is_xls:
        return "doc"
    if is_xls and not is_doc:
        return "xls"
    if "encryptedpackage" in names:
        # Password-protected .docx/.xlsx are OLE containers around an encrypted package.
        raise UnsupportedFile(
            "password-protected Office documents are not accepted; remove the password"
        )
    raise UnsupportedFile(
        "the file is an OLE compound file but not a Word .doc or Excel .xls document "
        f"(e.g. .ppt, .msi, .msg); {_ALLOWED_HINT}"
    )


def _ole_root_children(data: bytes) -> list[str]:
    """Names of the root storage's direct children (streams and storages).

    Only the root's direct children count: a Word file with an embedded Excel chart
    carries a ``Workbook`` stream in a sub-storage. ``olefile`` reads the header, FAT and
    directory (no stream is read); ``data`` is at most :data:`MAX_BYTES`.
    """
    # Strict: a structural defect (a looping chain, a sector outside the file) is an error,
    # not something to work around. Bytes under 1,536 would be taken for a file name.
    with olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        root = ole.root
        if root is None or not root.kids:
            raise ValueError("no root entry")
        if len(root.kids) > _MAX_OLE_ROOT_CHILDREN:
            raise ValueError("implausibly many top-level streams")
        return [kid.name for kid in root.kids]


# --------------------------------------------------------------------------- file names

#: Longest name :func:`safe_filename` returns, in characters.
MAX_FILENAME_CHARS: Final = 120

# Path separators are handled first; these are refused by Windows file names or break
# quoting in headers, and become "_" so the name stays readable.
_REPLACED_CHARS = frozenset('"\\/<>:|?*')
_EXTENSION = re.compile(r"[a-z0-9]{1,10}")
_KEPT_EXTENSION = re.compile(r"[A-Za-z0-9]{1,16}")


def _claimed_extension(filename: str) -> str | None:
    """The extension ``filename`` claims (lower case, no dot), or None if it has none.

    NFKC folds full-width spellings (``报告．ＰＤＦ``) into ASCII. Only a run of ASCII
    letters and digits with at least one letter counts as an extension, so names such as
    ``附件1.2`` or ``通知.2024年`` claim nothing.
    """
    name = unicodedata.normalize("NFKC", filename)
    name = re.split(r"[\\/]", name)[-1].strip().rstrip(". ")
    _, dot, ext = name.rpartition(".")
    if not dot:
        return None
    ext = ext.strip().lower()
    if _EXTENSION.fullmatch(ext) and not ext.isdigit():
        return ext
    return None


def _split_extension(name: str) -> tuple[str, str]:
    """``(stem, ext)`` where ext is a plausible ASCII extension without the dot, or ""."""
    stem, dot, ext = name.rpartition(".")
    if dot and stem and _KEPT_EXTENSION.fullmatch(ext):
        return stem, ext
    return name, ""


def safe_filename(name: str) -> str:
    """A display/download name derived from an uploaded file's name.

    Directories (``/`` and ``\\``) are stripped; control, format (including the
    right-to-left override used to disguise ``exe.pdf``), private-use and unassigned
    characters are dropped; characters Windows refuses or that break header quoting
    (``"\\/<>:|?*``) become ``_``; whitespace runs become one space; leading and
    trailing dots and spaces go (a leading-dot name such as ``.pdf`` becomes
    ``file.pdf``). Chinese and other letters are kept. The result is at most
    :data:`MAX_FILENAME_CHARS` characters, cut in the stem so the extension survives.
    An empty result is ``"file"``.
    """
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[\\/]", name)[-1]
    kept: list[str] = []
    for ch in name:
        category = unicodedata.category(ch)
        if ch.isspace():
            # Tabs and line breaks included: "第一章\t总则" should keep its word gap.
            kept.append(" ")
        elif category[0] == "C" or category in ("Zl", "Zp"):
            continue
        elif ch in _REPLACED_CHARS:
            kept.append("_")
        else:
            kept.append(ch)
    name = re.sub(r" {2,}", " ", "".join(kept)).strip(" ")
    had_leading_dot = name.startswith(".")
    name = name.strip(" .")
    if not name:
        return "file"
    if had_leading_dot:
        name = "file." + name
    if len(name) > MAX_FILENAME_CHARS:
        stem, ext = _split_extension(name)
        if ext:
            stem = stem[: MAX_FILENAME_CHARS - len(ext) - 1].rstrip(" .") or "file"
            name = f"{stem}.{ext}"
        else:
            name = name[:MAX_FILENAME_CHARS].rstrip(" .") or "file"
    return name


# RFC 5987 attr-char, minus what urllib.parse.quote always keeps (letters, digits, "_.-~").
_ATTR_CHAR_EXTRA = "!#$&+^`|"


def _ascii_fallback(name: str) -> str:
    """An ASCII rendering of ``name`` for clients that ignore ``filename*``.

    NFKD maps full-width forms to ASCII (``（１）`` → ``(1)``); other characters are
    dropped. ``%`` is dropped too, since RFC 6266 warns some agents percent-decode the
    plain ``filename``, and so are ``;`` and ``,``, which naive parsers split on even
    inside quotes (the exact name then travels in ``filename*``). If nothing meaningful
    is left (a Chinese name), the stem becomes ``file`` and the extension is kept.
    """
    stem, ext = _split_extension(name)

    def asciify(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        kept = "".join(ch for ch in decomposed if " " <= ch <= "~" and ch not in '"\\%;,')
        return re.sub(r" {2,}", " ", kept).strip(" .")

    ascii_stem = asciify(stem)
    if not ascii_stem.strip(" ._-()[]"):
        ascii_stem = "file"
    return f"{ascii_stem}.{ext}" if ext else ascii_stem


def content_disposition(
    filename: str, *, disposition: Literal["attachment", "inline"] = "attachment"
) -> str:
    """A ``Content-Disposition`` header value (RFC 6266) for downloading ``filename``.

    The name goes through :func:`safe_filename`. ``filename="…"`` carries an ASCII
    fallback; when the name is not plain ASCII, ``filename*=UTF-8''…`` (RFC 5987
    percent-encoding) carries the real one, which every current browser prefers. The
    value never contains CR, LF or an unescaped quote, so it cannot split headers.
    """
    name = safe_filename(filename)
    fallback = _ascii_fallback(name)
    value = f'{disposition}; filename="{fallback}"'
    if fallback != name:
        encoded = urllib.parse.quote(name, safe=_ATTR_CHAR_EXTRA, encoding="utf-8")
        value += f"; filename*=UTF-8''{encoded}"
    return value
