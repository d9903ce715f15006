"""``plancompiler validate``: check plans and write one or more reports from one run."""
import os
import sys

from ..diagnostics import SEVERITY_RANK


class ShownLines:
    """The source lines a text report can show: only those with a diagnostic. A batch keeps this
    instead of every file's full text, so memory is released file by file."""

    __slots__ = ("_count", "_lines")

    def __init__(self, lines, diagnostics):
        self._count = len(lines)
        self._lines = {d.line - 1: lines[d.line - 1] for d in diagnostics if 0 < d.line <= self._count}

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __getitem__(self, index: int) -> str:
        return self._lines.get(index, "")


def run(settings) -> int:
    from ..compiler import compile_file
    from ..discover import expand, refused_result
    from . import catalog_for

    catalog = None
    if settings.catalog_dir:
        catalog = catalog_for(settings)
        if catalog is None:
            return 2
    refused: dict[str, str] = {}
    paths = expand(list(settings.args), refused, plans_only=settings.plans_only)
    if not paths:
        if settings.plans_only:  # the hook was given YAML files, none of them a plan
            return 0
        print("plancompiler: geen plannen gevonden in " + ", ".join(settings.args) + ".", file=sys.stderr)
        return 2
    results = []
    for path in paths:
        result = refused_result(path, refused[path]) if path in refused else compile_file(path, catalog).result
        if result.source_lines:
            result.source_lines = ShownLines(result.source_lines, result.diagnostics)
        results.append(result)

    from ..report import render

    for fmt, target in settings.report_targets():
        colour = settings.colour
        if colour is None:
            colour = fmt == "text" and target is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = render(fmt, results, colour=colour and target is None, quiet=settings.quiet,
                      fail_on=settings.fail_on, docs_url=settings.docs_url)
        if target is None:
            sys.stdout.write(text)
            continue
        try:
            write_report(target, text)
        except OSError as exc:
            from ..fsutil import os_error_nl

            print(f"plancompiler: kan het rapport '{target}' niet schrijven ({os_error_nl(exc)}). "
                  "Een eerder rapport is ongewijzigd.", file=sys.stderr)
            return 2

    if any(r.unreadable for r in results):
        return 2
    threshold = SEVERITY_RANK[settings.fail_on]
    failing = any(SEVERITY_RANK[d.severity] >= threshold for r in results for d in r.active())
    return 1 if failing else 0


def write_report(path: str, text: str) -> None:
    """Write a report file atomically; a missing folder is created first (as ruff and pytest do)."""
    from ..fsutil import atomic_write_text

    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    atomic_write_text(path, text)
