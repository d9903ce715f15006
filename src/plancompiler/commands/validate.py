"""``plancompiler validate``: check plans and report."""
from __future__ import annotations

import os
import sys

from ..diagnostics import SEVERITY_RANK


def load_catalog(catalog_dir: str | None):
    """The catalog for ``--catalog`` or the configured extension; None for the built-in one (loaded
    lazily by the compiler); False after printing why it cannot be used (exit status 2)."""
    from ..config import ConfigError, catalog_dir as configured

    try:
        catalog_dir = configured(catalog_dir)
    except ConfigError as exc:
        print(f"plancompiler: {exc}", file=sys.stderr)
        return False
    if not catalog_dir:
        return None
    from ..catalog import CatalogError, get_catalog

    try:
        return get_catalog(catalog_dir)
    except CatalogError as exc:
        print(f"plancompiler: de catalogus-uitbreiding in '{catalog_dir}' is ongeldig:\n{exc}", file=sys.stderr)
        return False


def run(arguments: list[str], fmt: str = "text", fail_on: str = "error", quiet: bool = False,
        colour: bool | None = None, output: str | None = None, catalog_dir: str | None = None) -> int:
    from ..compiler import compile_file
    from ..discover import expand, refused_result

    catalog = load_catalog(catalog_dir)
    if catalog is False:
        return 2
    refused: dict[str, str] = {}
    paths = expand(arguments, refused)
    if not paths:
        print("plancompiler: geen plannen gevonden in " + ", ".join(arguments) + ".", file=sys.stderr)
        return 2
    results = [refused_result(p, refused[p]) if p in refused else compile_file(p, catalog).result for p in paths]

    if colour is None:
        colour = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    from ..report import render

    text = render(fmt, results, colour=colour, quiet=quiet, fail_on=fail_on)
    if output:
        from ..fsutil import atomic_write_text, os_error_nl

        try:
            atomic_write_text(output, text)
        except OSError as exc:
            print(f"plancompiler: kan het rapport '{output}' niet schrijven ({os_error_nl(exc)}). "
                  "Een eerder rapport is ongewijzigd.", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)

    if any(r.unreadable for r in results):
        return 2
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[d.severity] >= threshold for r in results for d in r.active())
    return 1 if failing else 0
