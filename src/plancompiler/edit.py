"""Writing plans for people: ruamel.yaml round-trip, so comments and layout survive.

The validator never uses this (it reads events, see ``load.py``); only commands that write or
edit a plan do. Writes are atomic: a half-written plan never replaces a good one.
"""
from __future__ import annotations

import io
import os
from pathlib import Path


def yaml():
    """A round-trip YAML in the house style of the example plans: 2-space maps, indented lists."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.preserve_quotes = True
    return y


def dumps(data) -> str:
    buf = io.StringIO()
    yaml().dump(data, buf)
    return buf.getvalue()


def load(path: str | Path):
    """A plan as ruamel's commented data, for editing with its comments."""
    with open(path, encoding="utf-8") as fh:
        return yaml().load(fh)


def write(path: str | Path, data, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically. Refuses to replace an existing file unless ``force``."""
    from .fsutil import atomic_write_text

    if not force and os.path.lexists(path):
        raise FileExistsError(str(path))
    text = data if isinstance(data, str) else dumps(data)
    atomic_write_text(str(path), text)
