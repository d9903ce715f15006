"""``plancompiler build``: the documents for the college, from a checked plan.

Exit status: 0 built · 1 the plan has errors (nothing written) · 2 usage, unreadable plan, output
directory problems or the documents' extra not installed · 3 pandoc missing or broken (a
Markdown-only build still works).
"""
import os
import sys


def missing_extra(formats) -> list[str]:
    """The packages of the ``documenten`` extra that this build needs and that are not installed."""
    import importlib.util
    import shutil

    needed = ["jinja2"]
    if "docx" in formats:
        needed.append("PIL")  # the figures as PNG for Word
    if ("docx" in formats or "html" in formats) and not os.environ.get("PLANCOMPILER_PANDOC") \
            and not shutil.which("pandoc"):
        needed.append("pypandoc")  # pypandoc-binary brings pandoc along
    names = {"PIL": "pillow", "pypandoc": "pypandoc-binary"}
    return [names.get(m, m) for m in needed if importlib.util.find_spec(m) is None]


def run(settings) -> int:
    from ..render import BuildError, PlanHasErrors, build, default_output_dir, parse_formats
    from ..report.text import render
    from . import catalog_for

    plan = settings.args[0]
    try:
        wanted = parse_formats(settings.doc_formats)
    except BuildError as exc:
        print(f"plancompiler: {exc.message}", file=sys.stderr)
        return exc.code
    missing = missing_extra(wanted)
    if missing:
        print(f"plancompiler: voor de documenten zijn extra onderdelen nodig die niet zijn geïnstalleerd "
              f"({', '.join(missing)}). Installeer plancompiler met de extra 'documenten', bijvoorbeeld:\n"
              f"  pip install \"plancompiler[documenten]\"   (of vanuit een checkout: pip install \".[documenten]\")\n"
              "Controleren (validate) werkt ook zonder.", file=sys.stderr)
        return 2
    catalog = catalog_for(settings)
    if catalog is None:
        return 2
    if not os.path.isfile(plan):
        print(f"plancompiler: het plan '{plan}' is niet gevonden.", file=sys.stderr)
        return 2
    output_dir = settings.output_dir
    if output_dir is None and settings.build_dir != "build":
        output_dir = os.path.join(settings.build_dir, default_output_dir(plan).name)
    try:
        result = build(plan, output_dir=output_dir, formats=wanted, reference_doc=settings.reference_doc,
                       force=settings.force, catalog=catalog)
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
