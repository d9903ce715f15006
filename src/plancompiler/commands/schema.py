"""``plancompiler schema``: the plan's JSON Schema for editors, shown or written into a repository.

``--write MAP`` puts ``plan.schema.json`` in the user's own repository, so that a modeline
``# yaml-language-server: $schema=<relative path>`` works on every machine that clones it (an
absolute path into this installation's site-packages works on one machine only).
"""
import os
import sys

SCHEMA_NAME = "plan.schema.json"


def _schema_bytes() -> bytes:
    from ..resources import PLAN_SCHEMA

    with open(PLAN_SCHEMA, "rb") as fh:
        return fh.read()


def write_schema(directory: str) -> tuple[str, bool]:
    """Write the schema into ``directory`` (created if needed); (path, changed?). An unchanged file
    is left alone, so its modification time and git status stay as they are."""
    from ..fsutil import atomic_write_bytes

    path = os.path.join(directory, SCHEMA_NAME)
    data = _schema_bytes()
    try:
        with open(path, "rb") as fh:
            if fh.read() == data:
                return path, False
    except OSError:
        pass
    os.makedirs(directory, exist_ok=True)
    atomic_write_bytes(path, data)
    return path, True


def _project_root(start: str) -> str:
    """The repository a new plan lives in: the nearest folder upwards with .git, else ``start``."""
    folder = start
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return start
        folder = parent


def find_schema(plan_dir: str) -> str | None:
    """A schema written earlier by ``schema --write``: ``schema/plan.schema.json`` in the plan's folder
    or a folder above it, up to the repository's root."""
    root = _project_root(plan_dir)
    folder = plan_dir
    while True:
        for candidate in (os.path.join(folder, "schema", SCHEMA_NAME), os.path.join(folder, SCHEMA_NAME)):
            if os.path.isfile(candidate):
                return candidate
        if folder == root:
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def modeline_target(plan: str, explicit: str | None = None) -> tuple[str, str | None]:
    """(the modeline's schema path relative to the plan, the schema file written now or None).

    ``explicit`` (``init --schema``) is used as given; else a schema found in the repository; else
    the schema is written to ``schema/`` at the repository's root (or next to the plan)."""
    plan_dir = os.path.dirname(os.path.abspath(plan))
    written = None
    if explicit:
        schema = os.path.abspath(explicit)
    else:
        schema = find_schema(plan_dir)
        if schema is None:
            schema, _ = write_schema(os.path.join(_project_root(plan_dir), "schema"))
            written = os.path.relpath(schema)
    try:
        ref = os.path.relpath(schema, plan_dir)
    except ValueError:  # another drive: a relative path cannot be made
        ref = schema
    return ref.replace(os.sep, "/"), written


def run(settings) -> int:
    from ..resources import PLAN_SCHEMA

    o = settings.extra or {}
    if o.get("path_only"):
        print(PLAN_SCHEMA)
        return 0
    if o.get("write_dir"):
        from ..fsutil import os_error_nl

        try:
            path, changed = write_schema(o["write_dir"])
        except OSError as exc:
            print(f"plancompiler: kan het schema niet schrijven in '{o['write_dir']}' ({os_error_nl(exc)}).",
                  file=sys.stderr)
            return 2
        print(f"{'Geschreven' if changed else 'Al actueel'}: {path}. Zet bovenaan een plan:\n"
              f"  # yaml-language-server: $schema=<pad van het plan naar {path}>")
        return 0
    sys.stdout.write(_schema_bytes().decode("utf-8"))
    return 0
