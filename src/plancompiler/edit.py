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


def schema_reference(target: str | Path, schema: str | Path) -> str:
    """How a new plan at ``target`` names the schema in its modeline: a relative path when the plan
    lives inside the project that holds the schema (the folder above ``schema/``), so that the
    modeline works in every clone; else the absolute path."""
    target_dir = os.path.dirname(os.path.abspath(target))
    schema = os.path.abspath(schema)
    project = os.path.dirname(os.path.dirname(schema))
    try:
        inside = os.path.commonpath([target_dir, project]) == project
    except ValueError:  # different drives
        inside = False
    if inside:
        return Path(os.path.relpath(schema, target_dir)).as_posix()
    return Path(schema).as_posix()


def write(path: str | Path, data, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically. Refuses to replace an existing file unless ``force``."""
    from .fsutil import atomic_write_text

    if not force and os.path.lexists(path):
        raise FileExistsError(str(path))
    text = data if isinstance(data, str) else dumps(data)
    atomic_write_text(str(path), text)
