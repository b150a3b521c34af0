"""The mode of the files the pipeline writes: what a plain ``open()`` would give (0666 less the umask).

Output files are written to a temporary file and moved into place; ``tempfile.mkstemp`` makes that
file 0600, so without this the tables, manifest and report would be readable by their owner only.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

__all__ = ["file_mode", "make_readable"]


@functools.lru_cache(maxsize=1)
def file_mode() -> int:
    """0o666 less the process umask (read from /proc where there is one: setting the umask to read
    it back would change it for every thread for a moment)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def make_readable(path: str | Path) -> None:
    """Give ``path`` (a temporary file about to be moved into place) the mode of a plain ``open()``."""
    os.chmod(path, file_mode())
