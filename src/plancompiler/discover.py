"""Which files does ``validate`` check? Files, directories (recursively) and glob patterns."""
from __future__ import annotations

import glob
import os

PLAN_SUFFIXES = (".yaml", ".yml")


def looks_like_plan(path: str) -> bool:
    """A YAML file in a directory counts as a plan if it declares ``plancompiler:`` at the top level."""
    if path.endswith((".plan.yaml", ".plan.yml")):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(64 * 1024)
    except OSError:
        return False
    return any(line.startswith(b"plancompiler:") for line in head.splitlines())


SKIPPED_DIRS = ("node_modules", "build")


def walk_selects(path: str) -> bool:
    """Would searching a folder pick this named file? The same test as for a directory, so that a
    pre-commit hook (``--plans-only``) checks exactly the files ``validate .`` checks."""
    parts = [] if os.path.isabs(path) else os.path.normpath(path).split(os.sep)[:-1]
    if any(p.startswith(".") and p not in (".", "..") or p in SKIPPED_DIRS for p in parts):
        return False
    return path.endswith(PLAN_SUFFIXES) and looks_like_plan(path)


def expand(arguments: list[str], plans_only: bool = False) -> list[str]:
    """Expand arguments to plan paths, in a stable order, without duplicates.

    A named file is always checked (a missing one is reported), unless ``plans_only`` asks to skip
    named files a folder search would not pick; directories are searched for ``*.yaml``/``*.yml``
    plans, skipping hidden folders; patterns with ``*``, ``?`` or ``[`` are globbed.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            out.append(p)

    for arg in arguments:
        if os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
                for name in sorted(files):
                    if name.endswith(PLAN_SUFFIXES):
                        path = os.path.join(root, name)
                        if looks_like_plan(path):
                            found.append(str(path))
            for p in sorted(found):
                add(p)
        elif any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            for p in sorted(glob.glob(arg, recursive=True)):
                if os.path.isfile(p):
                    add(p)
        elif plans_only and os.path.isfile(arg) and not walk_selects(arg):
            continue
        else:
            add(arg)
    return out
