"""Where attachment bytes live: a small storage interface and its local-disk implementation.

Callers (the attachment upload and download handlers) depend on :class:`FileStorage` only,
so an object store can replace :class:`LocalFileStorage` later without touching them.
Validate uploads with :func:`server.policies.filetypes.sniff` *before* saving: storage
stores whatever bytes it is given.

Keys are content addressed: ``ab/cd/<sha256>``, where ``ab`` and ``cd`` are the first two
byte pairs of the hex digest (fanning files out over at most 65,536 directories). Saving
the same bytes twice yields the same key and one file.

.. warning::
   Because identical uploads share one file, :meth:`FileStorage.delete` removes the
   content for *every* attachment row holding that key. Delete only once no row
   references the key (e.g. ``not await Attachment.exists(storage_key=key)``), and
   accept that a concurrent upload of the same bytes can race with that check: prefer
   a periodic sweep of unreferenced keys over deleting inline.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Protocol, runtime_checkable

__all__ = ["FileStorage", "LocalFileStorage", "key_for"]

_KEY = re.compile(r"([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{64})")
_TEMP_PREFIX = ".tmp-"


def key_for(data: bytes) -> str:
    """The content-addressed key of ``data``: ``ab/cd/<sha256 hex>``.

    The last path component is the SHA-256 of the content, so callers can fill an
    attachment's ``sha256`` column from the key without hashing again.
    """
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest[:2]}/{digest[2:4]}/{digest}"


@runtime_checkable
class FileStorage(Protocol):
    """Stores immutable blobs under opaque keys chosen by the storage."""

    async def save(self, data: bytes) -> str:
        """Store ``data`` and return its key. Idempotent for identical content."""
        ...

    async def read(self, key: str) -> bytes:
        """The bytes stored under ``key``.

        Raises :class:`FileNotFoundError` if nothing is stored there and
        :class:`ValueError` if ``key`` is not a key this storage could have issued.
        """
        ...

    def local_path(self, key: str) -> Path | None:
        """A filesystem path holding ``key``'s bytes, for ``sendfile``; None if not local.

        Does no I/O: the file may not exist (opening it then raises
        :class:`FileNotFoundError`). Raises :class:`ValueError` for an invalid key.
        """
        ...

    async def delete(self, key: str) -> None:
        """Remove ``key``'s bytes; nothing happens if they are already gone.

        Raises :class:`ValueError` for an invalid key.
        """
        ...


class LocalFileStorage:
    """:class:`FileStorage` on a local directory, e.g. ``settings.paths.files_dir``.

    * Blocking filesystem work runs in worker threads (:func:`asyncio.to_thread`), so a
      20 MiB write never stalls the event loop.
    * Writes are atomic: data goes to a temporary file in the destination directory, is
      fsynced and then renamed over the final name with :func:`os.replace`. Readers see
      either no file or the whole file, never a partial one, and concurrent saves of the
      same content (which all rename identical bytes onto the same name) are safe.
    * Keys are checked against the exact shape this class issues, so no key — however
      crafted (``../../etc/passwd``, absolute paths, NUL bytes) — reaches outside
      :attr:`root`; such keys raise :class:`ValueError`.

    The root directory is created on first save.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        # abspath, not resolve(): pin the directory against later chdir() without
        # touching the filesystem or following symlinks an operator set up on purpose.
        self.root = Path(os.path.abspath(root))

    def __repr__(self) -> str:
        return f"LocalFileStorage({str(self.root)!r})"

    def path_for(self, key: str) -> Path:
        """The file that holds ``key``; :class:`ValueError` if ``key`` is not valid."""
        match = _KEY.fullmatch(key) if isinstance(key, str) else None
        if match is None or match[3][:2] != match[1] or match[3][2:4] != match[2]:
            shown = repr(key)
            raise ValueError(f"invalid storage key: {shown[:80]}{'…' if len(shown) > 80 else ''}")
        path = self.root / match[1] / match[2] / match[3]
        # The pattern already rules out "..", separators and absolute paths; this second,
        # independent check keeps the guarantee if the pattern is ever loosened.
        if os.path.commonpath([self.root, os.path.normpath(path)]) != str(self.root):
            raise ValueError("invalid storage key: outside the storage root")
        return path

    async def save(self, data: bytes) -> str:
        """Store ``data`` (atomically, off the event loop) and return its key."""
        # bytes() snapshots a bytearray/memoryview the caller might mutate meanwhile.
        return await asyncio.to_thread(self._save_sync, bytes(data))

    async def read(self, key: str) -> bytes:
        """The stored bytes; :class:`FileNotFoundError` if absent."""
        path = self.path_for(key)
        return await asyncio.to_thread(path.read_bytes)

    def local_path(self, key: str) -> Path | None:
        """The file holding ``key`` (always local here). Does no I/O."""
        return self.path_for(key)

    async def delete(self, key: str) -> None:
        """Remove the file if present. Shared by every row with this key: see the module doc."""
        path = self.path_for(key)
        await asyncio.to_thread(path.unlink, missing_ok=True)

    async def remove_stale_temp_files(self, older_than: float = 3600.0) -> int:
        """Delete temporary files left by saves that crashed (power loss, SIGKILL).

        Only files older than ``older_than`` seconds are removed, so saves in progress are
        left alone. Returns how many were removed. Meant for an occasional maintenance job.
        """
        return await asyncio.to_thread(self._remove_stale_temp_files_sync, older_than)

    # ------------------------------------------------------------------ worker threads

    def _save_sync(self, data: bytes) -> str:
        key = key_for(data)
        path = self.path_for(key)
        try:
            # Same name means same SHA-256, hence same content: skip the write. The size
            # check catches a file truncated behind our back (disk full, manual copy).
            if path.stat().st_size == len(data):
                return key
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        # The temporary file lives in the destination directory so os.replace() is a
        # same-filesystem rename, which POSIX makes atomic.
        fd, tmp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=path.parent)
        try:
            with open(fd, "wb") as tmp:
                tmp.write(data)
                tmp.flush()
                # Flush to disk before the rename: otherwise a crash can leave the final
                # name pointing at an empty file, which the size check would then "repair"
                # only on the next upload of the same content.
                os.fsync(tmp.fileno())
            # mkstemp creates 0600; attachments are public documents and may be served by
            # a front proxy running as another user.
            os.chmod(tmp_name, 0o644)
            os.replace(tmp_name, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        _fsync_directory(path.parent)
        return key

    def _remove_stale_temp_files_sync(self, older_than: float) -> int:
        cutoff = time.time() - older_than
        removed = 0
        # Only the two fan-out levels can hold temporary files.
        for tmp in self.root.glob(f"*/*/{_TEMP_PREFIX}*"):
            with contextlib.suppress(FileNotFoundError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
        return removed


def _fsync_directory(directory: Path) -> None:
    """Persist a rename: on POSIX the new directory entry is durable only once its
    directory is fsynced. Not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
