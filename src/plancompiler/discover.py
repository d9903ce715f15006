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


def expand(arguments: list[str]) -> list[str]:
    """Expand arguments to plan paths, in a stable order, without duplicates.

    A named file is always checked (a missing one is reported); directories are searched for
    ``*.yaml``/``*.yml`` plans, skipping hidden folders; patterns with ``*``, ``?`` or ``[`` are globbed.
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
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "build"))
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
        else:
            add(arg)
    return out
