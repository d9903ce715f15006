"""A click-free start for the common ``plancompiler validate`` invocation.

Importing click costs about 45 ms, a third of a validate run in a pre-commit hook. The options
of ``validate`` are declared once, here, as data: ``cli.py`` builds its click options from this
table, and ``parse_validate`` reads the plain forms of the same table. Anything it does not
recognise exactly (help, an unknown or abbreviated option, a missing value, a bad choice, an
option whose value click must check, such as ``-o`` and ``--catalog``) returns None, and click
handles the command line as usual, with its usual messages. ``tests/test_fastpath.py`` checks
that both parsers agree.
"""
from typing import NamedTuple

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
LEVELS = ("error", "warning", "info")


class Option(NamedTuple):
    decls: tuple[str, ...]  # click's declarations, e.g. ("-q", "--quiet") or ("--color/--no-color",)
    dest: str
    kind: str  # "choice", "flag", "switch" (on/off pair), "file", "dir"
    help: str
    choices: tuple[str, ...] = ()
    default: object = None
    fast: bool = True  # may the fast path take it (no value check by click needed)?


VALIDATE_OPTIONS = (
    Option(("--format",), "fmt", "choice", "Uitvoervorm van de meldingen.", FORMATS, "text"),
    Option(("--fail-on",), "fail_on", "choice", "Vanaf welk niveau de controle mislukt (exitcode 1).",
           LEVELS, "error"),
    Option(("--strict",), "strict", "flag",
           "Ook waarschuwingen laten de controle mislukken (= --fail-on warning).", default=False),
    Option(("-q", "--quiet"), "quiet", "flag", "Toon alleen fouten.", default=False),
    Option(("--color/--no-color",), "colour", "switch",
           "Kleur in de tekstuitvoer (standaard: alleen op een terminal)."),
    Option(("-o", "--output"), "output", "file",
           "Schrijf het rapport naar dit bestand in plaats van naar het scherm.", fast=False),
    Option(("--catalog",), "catalog_dir", "dir",
           "Map met een eigen catalogus-uitbreiding (eigen instrumenten, teksten).", fast=False),
)


def _table() -> dict[str, tuple[Option, object]]:
    table: dict[str, tuple[Option, object]] = {}
    for opt in VALIDATE_OPTIONS:
        if not opt.fast:
            continue
        for decl in opt.decls:
            if opt.kind == "switch":
                on, off = decl.split("/")
                table[on], table[off] = (opt, True), (opt, False)
            else:
                table[decl] = (opt, True)
    return table


def parse_validate(args: list[str]) -> tuple[list[str], dict] | None:
    """(plans, options) for a plain validate command line, or None to let click parse it."""
    table = _table()
    values = {opt.dest: opt.default for opt in VALIDATE_OPTIONS}
    plans: list[str] = []
    i, only_plans = 0, False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_plans or arg == "-" or not arg.startswith("-"):
            plans.append(arg)
            continue
        if arg == "--":
            only_plans = True
            continue
        name, eq, value = arg.partition("=")
        entry = table.get(name)
        if entry is None:
            return None
        opt, flag_value = entry
        if opt.kind in ("flag", "switch"):
            if eq:
                return None
            values[opt.dest] = flag_value
            continue
        if not eq:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        if opt.choices and value not in opt.choices:
            return None
        values[opt.dest] = value
    if not plans:
        return None
    return plans, values
