"""Which files does ``validate`` check? Files, directories (recursively) and glob patterns.

In a directory walk or a glob only regular files inside the folder the user named are read: a
symlink is followed only when its target stays inside that folder, symlinked folders are not walked,
and FIFOs, sockets and devices are never opened (a FIFO would block the run). A candidate named like
a plan (``*.plan.yaml``) that breaks these rules is reported, without reading it, through
``refused``; any other YAML name is left out (whether it is a plan would need reading it). A file
named on the command line is a symlink that may be followed only inside the folder it is named in.
FIFOs named on the command line are the loader's to refuse.
"""
from __future__ import annotations

import os
import stat

PLAN_SUFFIXES = (".yaml", ".yml")
_PLAN_NAMES = (".plan.yaml", ".plan.yml")
OUTSIDE = ("Dit is een symbolische koppeling naar een bestand buiten de map '{base}'. plancompiler "
           "volgt zo'n koppeling niet en leest het bestand niet; zet het plan zelf in de map.")
NOT_REGULAR = ("Dit is geen gewoon bestand (maar bijvoorbeeld een FIFO of apparaat); plancompiler leest "
               "alleen gewone bestanden.")


def looks_like_plan(path: str) -> bool:
    """A YAML file in a directory counts as a plan if it declares ``plancompiler:`` at the top level."""
    if path.endswith(_PLAN_NAMES):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(64 * 1024)
    except OSError:
        return False
    return any(line.startswith(b"plancompiler:") for line in head.splitlines())


def _inside(path: str, base: str) -> bool:
    real, root = os.path.realpath(path), os.path.realpath(base)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def problem(path: str, base: str) -> str | None:
    """Why ``path``, found in the folder ``base``, must not be read; None when it may."""
    try:
        if os.path.islink(path) and not _inside(path, base):
            return OUTSIDE.format(base=base)
        mode = os.stat(path).st_mode
    except OSError:
        return None  # gone or unreadable: reading it reports that in the usual way
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def _glob_base(pattern: str) -> str:
    """The folder a glob pattern names: its longest leading part without wildcards."""
    fixed = []
    for part in pattern.replace(os.sep, "/").split("/"):
        if any(ch in part for ch in "*?["):
            break
        fixed.append(part)
    return "/".join(fixed) or "."


SKIPPED_DIRS = ("node_modules", "build")


def walk_selects(path: str) -> bool:
    """Would searching a folder pick this named file? The same test as for a directory, so that a
    pre-commit hook (``--plans-only``) checks exactly the files ``validate .`` checks."""
    parts = [] if os.path.isabs(path) else os.path.normpath(path).split(os.sep)[:-1]
    if any(p.startswith(".") and p not in (".", "..") or p in SKIPPED_DIRS for p in parts):
        return False
    return path.endswith(PLAN_SUFFIXES) and looks_like_plan(path)


def expand(arguments: list[str], refused: dict[str, str] | None = None, plans_only: bool = False) -> list[str]:
    """Expand arguments to plan paths, in a stable order, without duplicates.

    A named file is always checked (a missing one is reported; a symlink out of its folder is
    refused, see below), unless ``plans_only`` asks to skip named files a folder search would not
    pick; directories are searched for ``*.yaml``/``*.yml`` plans, skipping hidden folders; patterns
    with ``*``, ``?`` or ``[`` are globbed.
    A found file that must not be read (see the module docstring) is, when named like a plan, in the
    result and in ``refused`` (path → Dutch reason) for the caller to report; without ``refused`` it
    is left out.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            out.append(p)

    def consider(path: str, base: str, found: list[str]) -> None:
        why = problem(path, base)
        if why is None:
            if looks_like_plan(path):
                found.append(path)
        elif refused is not None and path.endswith(_PLAN_NAMES):
            refused[path] = why
            found.append(path)

    for arg in arguments:
        if os.path.isdir(arg):
            found: list[str] = []
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
                for name in sorted(files):
                    if name.endswith(PLAN_SUFFIXES):
                        consider(os.path.join(root, name), arg, found)
            for p in sorted(found):
                add(p)
        elif any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            found = []
            import glob  # only for patterns: a plain file or folder (the pre-commit case) needs none

            base = _glob_base(arg)
            for p in sorted(glob.glob(arg, recursive=True)):
                if os.path.isdir(p):
                    continue
                why = problem(p, base)
                if why is None:
                    found.append(p)
                elif refused is not None and p.endswith(_PLAN_NAMES):
                    refused[p] = why
                    found.append(p)
            for p in found:
                add(p)
        elif plans_only and os.path.isfile(arg) and not walk_selects(arg):
            continue
        else:
            # a named file is always read, unless it is a symlink out of the folder it is named in
            # (what `validate $(git ls-files)` passes for a committed `x.plan.yaml -> /etc/passwd`)
            folder = os.path.dirname(arg) or "."
            if os.path.islink(arg) and not _inside(arg, folder):
                if refused is None:
                    continue
                refused[arg] = OUTSIDE.format(base=folder)
            add(arg)
    return out


def refused_result(path: str, reason: str):
    """The report entry for a file that was found but must not be read: a positioned error."""
    from .compiler import compile_loaded
    from .load import Loaded

    loaded = Loaded(path=path)
    loaded.error("bestand-onleesbaar", reason, 1, 1)
    loaded.fatal = loaded.unreadable = True
    return compile_loaded(loaded).result
