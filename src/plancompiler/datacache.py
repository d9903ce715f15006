"""A small cache for parsed data files (catalog, schema), keyed by the files' size and mtime.

Parsing eleven catalog YAML files and the 80 KB schema costs more than checking a plan, and
validate runs in every pre-commit hook. The parsed data (plain dicts, lists, strings, numbers) is
stored with ``marshal``: built in, no import cost, several times faster to read than JSON. Any
problem with the cache (read-only home, a corrupt file) silently falls back to parsing.
"""
from __future__ import annotations

import marshal
import os
import zlib
from typing import Any, Callable

from . import __version__


def cache_dir() -> str | None:
    if os.environ.get("PLANCOMPILER_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "plancompiler")


def cached(name: str, sources: list[str], build: Callable[[], Any]) -> Any:
    """``build()``'s result, from the cache while every file in ``sources`` is unchanged."""
    stamp = [__version__]
    for path in sources:
        try:
            st = os.stat(path)
            stamp.append(f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamp.append(f"{path}:-")
    key = "|".join(stamp)
    directory = cache_dir()
    cache = None
    if directory:
        cache = os.path.join(directory, f"{name}-{zlib.crc32(repr(sources).encode()):08x}.bin")
        try:
            with open(cache, "rb") as fh:  # one read: marshal.load(fh) reads object by object
                stored_key, data = marshal.loads(fh.read())
            if stored_key == key:
                return data
        except (OSError, EOFError, ValueError, TypeError):
            pass
    data = build()
    if cache:
        try:
            from .fsutil import atomic_write_bytes

            os.makedirs(directory, exist_ok=True)
            atomic_write_bytes(cache, marshal.dumps((key, data)))
            _prune(directory, name, keep=cache)
        except (OSError, ValueError):
            pass  # unmarshallable or unwritable: parse every time
    return data


KEEP = 8  # cache files per kind: one per place plancompiler was installed or checked out


def _prune(directory: str, name: str, keep: str) -> None:
    """Each installation or checkout (its files' paths) has a cache file of its own; remove all but
    the ``KEEP`` most recently written of one kind, so the folder does not grow with every clone."""
    prefix = f"{name}-"
    try:
        entries = [e for e in os.scandir(directory) if e.name.startswith(prefix) and e.name.endswith(".bin")
                   and e.path != keep and e.is_file(follow_symlinks=False)]
        entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
        for old in entries[KEEP - 1:]:
            os.remove(old.path)
    except OSError:
        pass  # another process pruned at the same time, or the folder is read-only: nothing lost
