"""Paths that may be URLs of any fsspec filesystem (``s3://bucket/parsed``, ``memory://x``).

Local paths (no ``scheme://``, or ``file://``) stay plain ``pathlib`` paths everywhere: fsspec is
imported only for a URL, so the local commands pay nothing for it. Writes of whole files are
atomic on both: a local file is written beside its name and renamed; an object store makes an
object visible only once its upload is complete.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import IO, Any

__all__ = ["is_url", "filesystem", "join", "put_bytes", "read_bytes", "exists", "open_file", "local_path",
           "remove_tree"]


def is_url(path: str | Path) -> bool:
    """True for ``scheme://...`` other than ``file://`` (local files stay ``pathlib``)."""
    text = str(path)
    return "://" in text and not text.startswith("file://")


def local_path(path: str | Path) -> Path:
    """A local path (``file://`` prefix dropped)."""
    text = str(path)
    return Path(text[len("file://"):] if text.startswith("file://") else text)


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path within it; options come from the
    environment (for S3: ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_ENDPOINT_URL``...)."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    return fs, path


def join(base: str | Path, *parts: str) -> str:
    """``base/part/...`` for a URL or a local path."""
    if is_url(base):
        return "/".join([str(base).rstrip("/"), *(p.strip("/") for p in parts)])
    return str(local_path(base).joinpath(*parts))


def put_bytes(target: str | Path, data: bytes) -> None:
    """Write a whole file atomically, creating its folder."""
    if is_url(target):
        fs, key = filesystem(str(target))
        fs.pipe_file(key, data)
        return
    local = local_path(target)
    local.parent.mkdir(parents=True, exist_ok=True)
    tmp = local.parent / f".tmp-{uuid.uuid4().hex}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, local)
    finally:
        tmp.unlink(missing_ok=True)


READ_ATTEMPTS = 3  # reads of a file on a store before it counts as missing or unreadable
READ_RETRY_DELAY = 0.5  # seconds between them


def read_bytes(source: str | Path) -> bytes:
    """The bytes of a file; raises OSError (FileNotFoundError) when it is not there."""
    if is_url(source):
        fs, path = filesystem(str(source))
        for attempt in range(READ_ATTEMPTS):
            try:
                data: bytes = fs.cat_file(path)
                return data
            except Exception as exc:  # noqa: BLE001 - a store's own errors become the OSError callers handle
                # A busy store may drop a connection, or answer a read before it shows another
                # process's fresh write: ask again before the page counts as lost.
                if attempt + 1 < READ_ATTEMPTS:
                    fs.invalidate_cache(path)
                    time.sleep(READ_RETRY_DELAY)
                    continue
                if isinstance(exc, OSError):
                    raise
                raise OSError(f"{source}: {type(exc).__name__}: {exc}") from exc
    return local_path(source).read_bytes()


def exists(target: str | Path) -> bool:
    """True when the file or folder is there."""
    if is_url(target):
        fs, path = filesystem(str(target))
        return bool(fs.exists(path))
    return local_path(target).exists()


def open_file(target: str | Path, mode: str = "rb") -> IO[bytes]:
    """A binary file object (local ``open``, or fsspec's for a URL)."""
    if is_url(target):
        fs, key = filesystem(str(target))
        handle: IO[bytes] = fs.open(key, mode)
        return handle
    local = local_path(target)
    if "w" in mode:
        local.parent.mkdir(parents=True, exist_ok=True)
    return open(local, mode)  # noqa: SIM115 - the caller closes it


def remove_tree(target: str | Path) -> None:
    """Delete a folder and everything in it (nothing when it is not there)."""
    if is_url(target):
        fs, path = filesystem(str(target))
        if fs.exists(path):
            fs.rm(path, recursive=True)
        return
    import shutil

    shutil.rmtree(local_path(target), ignore_errors=True)
