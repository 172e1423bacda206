"""Tests for server.policies.storage.LocalFileStorage on a real temporary directory."""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import stat
import threading
import time
from pathlib import Path

import pytest

from server.policies.storage import FileStorage, LocalFileStorage, key_for

KEY_SHAPE = re.compile(r"[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "files"


@pytest.fixture
def storage(root: Path) -> LocalFileStorage:
    return LocalFileStorage(root)


def stored_files(root: Path) -> list[Path]:
    """Every regular file under root, temporary ones included."""
    return sorted(p for p in root.rglob("*") if p.is_file())


async def test_is_a_file_storage(storage: LocalFileStorage) -> None:
    as_protocol: FileStorage = storage  # checked by mypy
    assert isinstance(as_protocol, FileStorage)


async def test_save_read_round_trip(storage: LocalFileStorage, root: Path) -> None:
    data = b"%PDF-1.4\n" + os.urandom(1000)
    assert stored_files(root.parent) == []  # the root is created on demand
    key = await storage.save(data)
    digest = hashlib.sha256(data).hexdigest()
    assert key == f"{digest[:2]}/{digest[2:4]}/{digest}" == key_for(data)
    assert KEY_SHAPE.fullmatch(key)
    assert await storage.read(key) == data
    path = storage.local_path(key)
    assert path == root / digest[:2] / digest[2:4] / digest
    assert path.read_bytes() == data
    assert stored_files(root) == [path]


async def test_empty_and_binary_content(storage: LocalFileStorage) -> None:
    for data in (b"", bytes(range(256)) * 10):
        assert await storage.read(await storage.save(data)) == data


async def test_save_accepts_buffers_and_snapshots_them(storage: LocalFileStorage) -> None:
    buffer = bytearray(b"original")
    key = await storage.save(buffer)  # type: ignore[arg-type]  # callers may pass these
    buffer[:] = b"mutated!"
    assert await storage.read(key) == b"original"


async def test_same_content_same_key_one_file(storage: LocalFileStorage, root: Path) -> None:
    first = await storage.save(b"same bytes")
    second = await storage.save(b"same bytes")
    other = await storage.save(b"other bytes")
    assert first == second != other
    assert len(stored_files(root)) == 2


async def test_concurrent_saves_of_the_same_content(storage: LocalFileStorage, root: Path) -> None:
    data = os.urandom(2 * 1024 * 1024)
    keys = await asyncio.gather(*(storage.save(data) for _ in range(16)))
    assert set(keys) == {key_for(data)}
    assert await storage.read(keys[0]) == data
    # No corruption and no temporary files left behind by the losers of the race.
    assert stored_files(root) == [storage.local_path(keys[0])]


async def test_concurrent_saves_of_different_content(storage: LocalFileStorage, root: Path) -> None:
    blobs = [os.urandom(64 * 1024) + bytes([i]) for i in range(32)]
    keys = await asyncio.gather(*(storage.save(blob) for blob in blobs))
    assert len(set(keys)) == 32
    for key, blob in zip(keys, blobs, strict=True):
        assert await storage.read(key) == blob
    assert len(stored_files(root)) == 32


async def test_disk_io_runs_off_the_event_loop_thread(
    storage: LocalFileStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop_thread = threading.current_thread()
    seen: list[threading.Thread] = []
    real_replace = os.replace
    real_read_bytes = Path.read_bytes

    def spy_replace(src: str, dst: Path) -> None:
        seen.append(threading.current_thread())
        real_replace(src, dst)

    def spy_read_bytes(self: Path) -> bytes:
        seen.append(threading.current_thread())
        return real_read_bytes(self)

    monkeypatch.setattr(os, "replace", spy_replace)
    monkeypatch.setattr(Path, "read_bytes", spy_read_bytes)
    key = await storage.save(b"threaded")
    await storage.read(key)
    assert len(seen) == 2
    assert all(thread is not loop_thread for thread in seen)


async def test_failed_write_leaves_nothing_behind(
    storage: LocalFileStorage, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        await storage.save(b"doomed")
    assert stored_files(root) == []  # neither the final file nor a temporary one
    monkeypatch.undo()
    key = await storage.save(b"doomed")
    assert await storage.read(key) == b"doomed"


async def test_truncated_file_is_rewritten_on_next_save(storage: LocalFileStorage) -> None:
    data = b"complete content"
    key = await storage.save(data)
    path = storage.local_path(key)
    assert path is not None
    path.write_bytes(data[:5])
    assert await storage.save(data) == key
    assert await storage.read(key) == data


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
async def test_files_are_world_readable(storage: LocalFileStorage) -> None:
    path = storage.local_path(await storage.save(b"public document"))
    assert path is not None
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


async def test_read_missing_and_delete(storage: LocalFileStorage) -> None:
    key = await storage.save(b"to be deleted")
    await storage.delete(key)
    with pytest.raises(FileNotFoundError):
        await storage.read(key)
    await storage.delete(key)  # idempotent
    never_saved = key_for(b"never saved")
    with pytest.raises(FileNotFoundError):
        await storage.read(never_saved)
    path = storage.local_path(never_saved)  # no I/O: a path even when nothing is there
    assert path is not None and not path.exists()


BAD_KEYS = [
    "../../etc/passwd",
    "/etc/passwd",
    "ab/cd/../../../../etc/passwd",
    "..",
    "",
    "ab/cd/",
    # Right shape, wrong fan-out: the directories must be the digest's first byte pairs.
    "00/00/" + "ab" * 32,
    "AB/CD/" + "AB" + "CD" + "0" * 60,  # upper case is not what we issue
    "ab/cd/abcd" + "0" * 59,  # 63 hex digits
    "ab/cd/abcd" + "0" * 61,  # 65
    "ab\\cd\\abcd" + "0" * 60,
    "ab/cd/abcd" + "0" * 60 + "\n",
    "ab/cd/abcd" + "0" * 60 + "\x00",
    "ab/cd/abcd" + "0" * 58 + "/..",
    "./ab/cd/abcd" + "0" * 60,
    "ab//cd/abcd" + "0" * 60,
    "ab/cd/abcd" + "0" * 59 + "g",
    "ab/cd/abcd" + "0" * 59 + "٣",  # Arabic-Indic digit: \d would match it
]


@pytest.mark.parametrize("key", BAD_KEYS)
async def test_invalid_keys_are_refused(storage: LocalFileStorage, key: str) -> None:
    with pytest.raises(ValueError, match="invalid storage key"):
        storage.local_path(key)
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.read(key)
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.delete(key)


async def test_non_string_keys_are_refused(storage: LocalFileStorage) -> None:
    for key in (None, b"ab/cd/x", 42, Path("ab/cd")):
        with pytest.raises(ValueError):
            storage.local_path(key)  # type: ignore[arg-type]


async def test_traversal_cannot_touch_files_outside_root(
    storage: LocalFileStorage, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not touch")
    await storage.save(b"something so the root exists")
    for key in ("../secret.txt", "../../secret.txt", str(secret)):
        with pytest.raises(ValueError):
            await storage.delete(key)
        with pytest.raises(ValueError):
            await storage.read(key)
    assert secret.read_text() == "do not touch"


async def test_relative_root_is_pinned_at_construction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    storage = LocalFileStorage("var/files")
    monkeypatch.chdir("/")
    key = await storage.save(b"pinned")
    assert (tmp_path / "var" / "files" / key).read_bytes() == b"pinned"


async def test_remove_stale_temp_files(storage: LocalFileStorage) -> None:
    key = await storage.save(b"kept")
    directory = storage.local_path(key)
    assert directory is not None
    stale = directory.parent / ".tmp-crashed"
    fresh = directory.parent / ".tmp-in-progress"
    stale.write_bytes(b"partial")
    fresh.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    assert await storage.remove_stale_temp_files(older_than=3600) == 1
    assert not stale.exists()
    assert fresh.exists()
    assert await storage.read(key) == b"kept"  # stored files are never swept
