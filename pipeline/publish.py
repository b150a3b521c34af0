"""Publishing a run's tables as one unit, and checking that the tables a reader finds belong together.

The tables of a run are written into a staging folder inside the output folder. Publishing:

1. every table file is flushed to disk (fsync) and hashed (sha256);
2. ``_manifest.json``, naming each table's file, size and hash, is written beside them (fsync);
3. the staging folder is renamed ``.publish-<run_id>`` (the run is complete on disk);
4. the manifest is moved into the output folder (``os.replace``, atomic): **the commit point**;
5. the tables are moved into place one by one, then the staging folder is removed.

A crash before step 4 leaves the previous tables and manifest as they were (the next run removes the
stale staging folder). A crash during step 5 leaves a manifest naming tables some of which are not
in place yet: :func:`verify` sees that their hashes differ and readers refuse the folder (no report
mixes two runs); the next writer (:func:`recover`) finishes moving them from ``.publish-<run_id>``.
Every folder operation is followed by an fsync of the folder, so what is renamed stays renamed.

A folder without a manifest, or with one written before manifests named their tables, cannot be
checked; :func:`verify` accepts it as it is (tables made by hand or by an old version).

On an object store (any fsspec filesystem given by URL: :func:`publish_remote`, :func:`recover_remote`,
:func:`verify_remote`) the same protocol runs with the store's own atomic step, the upload of one
object: the tables are written under ``.publish-<run_id>/`` with their manifest (step 3 is then
where they are written), the manifest is copied over ``_manifest.json`` (the commit point), then
each table is moved into place. A reader in between sees a manifest whose hashes some tables do not
match yet, and refuses, as on a local disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["MANIFEST", "TablesMismatch", "publish", "recover", "verify", "file_sha256", "publish_remote",
           "recover_remote", "verify_remote", "PUBLISH_PREFIX"]

log = logging.getLogger(__name__)

MANIFEST = "_manifest.json"
PUBLISH_PREFIX = ".publish-"  # a complete staging folder, named by its run id
_CHUNK = 1 << 20  # bytes hashed at a time

# Fault injection for the kill tests (tests/test_publish_kill.py): the process SIGKILLs itself at
# the named step of publish(). Unset in normal runs.
_CRASH_ENV = "NOTICES_CRASH_AT"


class TablesMismatch(Exception):
    """The tables of a folder do not all belong to the run its manifest names."""


def file_sha256(path: Path) -> str:
    """sha256 of a file, read a chunk at a time."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Make a folder's renames durable (no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _crash_point(step: str) -> None:
    """Die here, as a power cut or ``kill -9`` would, when the kill tests ask for this step."""
    if os.environ.get(_CRASH_ENV) == step:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def publish(staging: Path, out_dir: Path, run_id: str, tables: Mapping[str, Path], manifest: dict[str, Any]) -> None:
    """Publish the table files ``tables`` (name -> file in ``staging``) into ``out_dir`` as one unit.

    ``manifest`` holds the run's facts (counts ...); the files' names, sizes and hashes are added
    to it under ``tables``, with ``run_id``. ``staging`` is a folder inside ``out_dir``; it is gone
    afterwards.
    """
    entries: dict[str, dict[str, Any]] = {}
    for name, part in tables.items():
        _fsync_file(part)
        entries[name] = {"file": f"{name}.parquet", "bytes": part.stat().st_size, "sha256": file_sha256(part)}
    record = {**manifest, "run_id": run_id, "tables": entries}
    staged_manifest = staging / MANIFEST
    with open(staged_manifest, "w", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(staging)
    ready = out_dir / f"{PUBLISH_PREFIX}{run_id}"
    os.replace(staging, ready)
    _fsync_dir(out_dir)
    _crash_point("staged")
    os.replace(ready / MANIFEST, out_dir / MANIFEST)  # the commit point
    _fsync_dir(out_dir)
    _crash_point("committed")
    for i, (name, part) in enumerate(tables.items(), start=1):
        os.replace(ready / part.name, out_dir / entries[name]["file"])
        _crash_point(f"moved-{i}")
    _fsync_dir(out_dir)
    shutil.rmtree(ready, ignore_errors=True)


def _read_manifest(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise TablesMismatch(f"{path} cannot be read ({exc}); run the parse again") from exc
    return data if isinstance(data, dict) else None


def recover(out_dir: Path) -> None:
    """Finish a publication a crash interrupted after its commit point; drop uncommitted ones."""
    if not out_dir.is_dir():
        return
    try:
        manifest = _read_manifest(out_dir)
    except TablesMismatch:
        manifest = None
    committed = manifest.get("run_id") if manifest else None
    tables = (manifest or {}).get("tables") or {}
    for ready in out_dir.glob(PUBLISH_PREFIX + "*"):
        if ready.is_dir() and ready.name == f"{PUBLISH_PREFIX}{committed}":
            for entry in tables.values():
                staged = ready / entry["file"]
                if staged.exists() and file_sha256(staged) == entry["sha256"]:
                    os.replace(staged, out_dir / entry["file"])
            _fsync_dir(out_dir)
            log.warning("%s: finished publishing run %s, which was interrupted", out_dir, committed)
        shutil.rmtree(ready, ignore_errors=True) if ready.is_dir() else ready.unlink(missing_ok=True)


def verify(out_dir: Path) -> dict[str, Any] | None:
    """The manifest of ``out_dir`` once every table it names is checked (size and sha256).

    Raises :class:`TablesMismatch` naming the first table that does not belong to the manifest's
    run. Returns None for a folder whose tables cannot be checked (no manifest, or one without
    ``tables``).
    """
    manifest = _read_manifest(out_dir)
    if manifest is None or not isinstance(manifest.get("tables"), dict):
        return None
    run_id = manifest.get("run_id")
    for name, entry in manifest["tables"].items():
        path = out_dir / entry["file"]
        if not path.exists():
            problem = "is missing"
        elif path.stat().st_size != entry["bytes"] or file_sha256(path) != entry["sha256"]:
            problem = "is from another run (its hash is not the manifest's)"
        else:
            continue
        raise TablesMismatch(
            f"{out_dir}: {entry['file']} {problem}: the tables do not belong together (a run was interrupted "
            f"while publishing run {run_id}); parse again to write a consistent set"
        )
    return manifest


# --- the same on an fsspec filesystem (object stores) -----------------------------------------------


def _remote_sha256(fs: Any, path: str) -> tuple[int, str]:
    """(bytes, sha256) of a file of ``fs``, read a chunk at a time."""
    h = hashlib.sha256()
    size = 0
    with fs.open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def _read_remote_manifest(fs: Any, base: str) -> dict[str, Any] | None:
    path = f"{base}/{MANIFEST}"
    try:
        data = json.loads(fs.cat_file(path).decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise TablesMismatch(f"{path} cannot be read ({exc}); run the parse again") from exc
    return data if isinstance(data, dict) else None


def publish_remote(fs: Any, ready: str, base: str, run_id: str, tables: Mapping[str, str],
                   manifest: dict[str, Any]) -> None:
    """Publish the files ``tables`` (name -> file name in the folder ``ready``, which must be
    ``<base>/.publish-<run_id>``) into ``base`` of the filesystem ``fs`` as one unit."""
    base = base.rstrip("/")
    assert ready.rstrip("/") == f"{base}/{PUBLISH_PREFIX}{run_id}", "stage remote tables in .publish-<run_id>"
    entries: dict[str, dict[str, Any]] = {}
    for name, file in tables.items():
        size, digest = _remote_sha256(fs, f"{ready}/{file}")
        entries[name] = {"file": f"{name}.parquet", "bytes": size, "sha256": digest}
    record = {**manifest, "run_id": run_id, "tables": entries}
    fs.pipe_file(f"{ready}/{MANIFEST}", json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
    _crash_point("staged")
    fs.copy(f"{ready}/{MANIFEST}", f"{base}/{MANIFEST}")  # the commit point
    _crash_point("committed")
    for i, (name, file) in enumerate(tables.items(), start=1):
        fs.mv(f"{ready}/{file}", f"{base}/{entries[name]['file']}")
        _crash_point(f"moved-{i}")
    fs.rm(ready, recursive=True)


def recover_remote(fs: Any, base: str) -> None:
    """:func:`recover` on an fsspec filesystem."""
    base = base.rstrip("/")
    if not fs.exists(base):
        return
    try:
        manifest = _read_remote_manifest(fs, base)
    except TablesMismatch:
        manifest = None
    committed = manifest.get("run_id") if manifest else None
    tables = (manifest or {}).get("tables") or {}
    for ready in fs.glob(f"{base}/{PUBLISH_PREFIX}*"):
        if ready.rstrip("/").rsplit("/", 1)[-1] == f"{PUBLISH_PREFIX}{committed}":
            for entry in tables.values():
                staged = f"{ready}/{entry['file']}"
                if fs.exists(staged) and _remote_sha256(fs, staged)[1] == entry["sha256"]:
                    fs.mv(staged, f"{base}/{entry['file']}")
            log.warning("%s: finished publishing run %s, which was interrupted", base, committed)
        fs.rm(ready, recursive=True)


def verify_remote(fs: Any, base: str) -> dict[str, Any] | None:
    """:func:`verify` on an fsspec filesystem."""
    base = base.rstrip("/")
    manifest = _read_remote_manifest(fs, base)
    if manifest is None or not isinstance(manifest.get("tables"), dict):
        return None
    for entry in manifest["tables"].values():
        path = f"{base}/{entry['file']}"
        if not fs.exists(path):
            problem = "is missing"
        elif (entry["bytes"], entry["sha256"]) != _remote_sha256(fs, path):
            problem = "is from another run (its hash is not the manifest's)"
        else:
            continue
        raise TablesMismatch(f"{base}: {entry['file']} {problem}: the tables do not belong together; parse again")
    return manifest
