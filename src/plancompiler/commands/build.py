"""``plancompiler build``: the documents for the college, from a checked plan.

Exit status: 0 built · 1 the plan has errors (nothing written) · 2 usage, unreadable plan or output
directory problems · 3 pandoc missing or broken (a Markdown-only build still works).
"""
from __future__ import annotations

import os
import sys


def run(plan: str, output_dir: str | None = None, formats: str = "md,docx", reference_doc: str | None = None,
        force: bool = False, catalog_dir: str | None = None) -> int:
    from ..render import BuildError, PlanHasErrors, build, parse_formats
    from ..report.text import render

    try:
        wanted = parse_formats(formats)
    except BuildError as exc:
        print(f"plancompiler: {exc.message}", file=sys.stderr)
        return exc.code
    catalog = None
    if catalog_dir:
        from ..catalog import CatalogError, get_catalog

        try:
            catalog = get_catalog(catalog_dir)
        except (CatalogError, OSError) as exc:
            print(f"plancompiler: de catalogus in '{catalog_dir}' is ongeldig: {exc}", file=sys.stderr)
            return 2
    if not os.path.isfile(plan):
        print(f"plancompiler: het plan '{plan}' is niet gevonden.", file=sys.stderr)
        return 2
    try:
        result = build(plan, output_dir=output_dir, formats=wanted, reference_doc=reference_doc, force=force,
                       catalog=catalog)
    except PlanHasErrors as exc:
        colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
        sys.stderr.write(render([exc.compiled.result], colour=colour))
        if exc.compiled.result.unreadable:
            print(f"plancompiler: het plan '{plan}' kan niet worden gelezen; er is niets gemaakt.", file=sys.stderr)
            return 2
        print("plancompiler: het plan bevat fouten; er zijn geen documenten gemaakt. Los de fouten op "
              "(of motiveer een uitzondering) en probeer het opnieuw.", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"plancompiler: {exc.message}", file=sys.stderr)
        return exc.code

    res = result.compiled.result
    warnings = res.count("warning")
    docs = [n for n in result.written if "/" not in n]
    print(f"{len(docs)} documenten en {len(result.written) - len(docs)} figuren gemaakt in {result.output_dir}:")
    for name in result.written:
        print(f"  {result.output_dir / name}")
    if warnings:
        print(f"Let op: het plan heeft nog {warnings} waarschuwing{'' if warnings == 1 else 'en'}; "
              "ze staan in bijlage B van het plan van aanpak.")
    return 0
