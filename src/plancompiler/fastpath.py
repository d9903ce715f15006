"""A click-free start for the common ``plancompiler validate`` and ``plancompiler build`` invocations.

Importing click costs a noticeable share of a validate run in a pre-commit hook, and it delays the
first pandoc process of a build (numbers and how to re-measure: docs/performance.md). The options of
``validate`` and ``build`` are declared once, here, as data: ``cli.py`` builds its click options from
these tables, and ``parse_validate``/``parse_build`` read the plain forms of the same tables.
Anything they do not recognise exactly (help, an unknown or abbreviated option, a missing value, a
bad choice) gives None, and click handles the command line as usual, with its usual messages.
``tests/test_fastpath.py`` checks that both parsers agree.
"""
from .records import record

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
# Dutch first: they are the names every report uses; the English ones stay accepted
LEVELS = ("fout", "waarschuwing", "info", "error", "warning")
# formats that can be written to a file besides the one on the screen (github's annotations only
# work on the screen of a GitHub Actions step)
FILE_FORMATS = ("text", "json", "sarif", "junit", "gitlab")


@record
class Option:
    decls: tuple[str, ...]  # click's declarations, e.g. ("-q", "--quiet") or ("--color/--no-color",)
    dest: str
    kind: str  # "choice", "flag", "switch" (on/off pair), "file", "dir", "text", "docx" (an existing file)
    help: str
    choices: tuple[str, ...] = ()
    default: object = None
    fast: bool = True  # may the fast path take it (no value check by click needed)?
    metavar: str = ""  # for "text": what the value looks like in the help


VALIDATE_OPTIONS = (
    Option(("--format",), "fmt", "choice", "Uitvoervorm van de meldingen op het scherm (of in -o). "
           "[standaard: text]", FORMATS),
    Option(("--fail-on",), "fail_on", "choice", "Vanaf welk niveau de controle mislukt (exitcode 1). "
           "[standaard: fout]", LEVELS),
    Option(("--strict",), "strict", "flag",
           "Ook waarschuwingen laten de controle mislukken (= --fail-on waarschuwing).", default=False),
    Option(("-q", "--quiet"), "quiet", "flag", "Toon alleen fouten.", default=False),
    Option(("--color/--no-color",), "colour", "switch",
           "Kleur in de tekstuitvoer (standaard: alleen op een terminal)."),
    Option(("-o", "--output"), "output", "file",
           "Schrijf het rapport naar dit bestand in plaats van naar het scherm ('-' = het scherm). "
           "Een map die ontbreekt, wordt gemaakt."),
    *(Option((f"--output-{f}",), f"output_{f}", "file",
             f"Schrijf in dezelfde controle ook een {f}-rapport naar dit bestand.") for f in FILE_FORMATS),
    Option(("--catalog",), "catalog", "dir",
           "Map met een eigen catalogus-uitbreiding (eigen instrumenten, teksten)."),
    Option(("--plans-only",), "plans_only", "flag",
           "Sla genoemde YAML-bestanden zonder 'plancompiler:' bovenaan over, zoals bij een map "
           "(voor pre-commit).", default=False),
)


BUILD_OPTIONS = (
    Option(("-o", "--output"), "output_dir", "dir", "Map voor de documenten (standaard: build/<naam van het "
           "plan>/; een map die ontbreekt, wordt gemaakt)."),
    Option(("--format",), "doc_formats", "text", "Vormen, met komma's gescheiden, uit md, docx en html. "
           "[standaard: md,docx]", metavar="md,docx,html"),
    # click checks that the file exists, with its own message: not for the fast path
    Option(("--reference-doc",), "reference_doc", "docx", "Eigen Word-sjabloon (.docx) voor de huisstijl van "
           "uw gemeente.", fast=False),
    Option(("--force",), "force", "flag", "Overschrijf ook bestanden die plancompiler niet zelf heeft gemaakt.",
           default=False),
    Option(("--catalog",), "catalog", "dir", "Map met een eigen catalogus-uitbreiding."),
)


def settings_kwargs(values: dict) -> dict:
    """The parsed option values as keyword arguments of ``config.settings``."""
    values = dict(values)
    values["reports"] = tuple((f, values.pop(f"output_{f}")) for f in FILE_FORMATS)
    return values


def _table(options) -> dict[str, tuple[Option, object]]:
    table: dict[str, tuple[Option, object]] = {}
    for opt in options:
        if not opt.fast:
            continue
        for decl in opt.decls:
            if opt.kind == "switch":
                on, off = decl.split("/")
                table[on], table[off] = (opt, True), (opt, False)
            else:
                table[decl] = (opt, True)
    return table


def _parse(args: list[str], options) -> tuple[list[str], dict] | None:
    """(arguments, option values) of a plain command line, or None to let click parse it."""
    table = _table(options)
    values = {opt.dest: opt.default for opt in options}
    positional: list[str] = []
    i, only_positional = 0, False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_positional or arg == "-" or not arg.startswith("-"):
            positional.append(arg)
            continue
        if arg == "--":
            only_positional = True
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
        if _wrong_kind(opt.kind, value):
            return None
        values[opt.dest] = value
    return positional, values


def _wrong_kind(kind: str, path: str) -> bool:
    """click refuses an existing file where a folder is wanted and the other way round (with its
    own message); so does the fast path, by leaving such a command line to click."""
    import os

    if kind == "dir":
        return os.path.isfile(path)
    if kind in ("file", "plan"):
        return path != "-" and os.path.isdir(path)
    return False


def parse_validate(args: list[str]) -> tuple[list[str], dict] | None:
    """(plans, options) for a plain validate command line, or None to let click parse it."""
    parsed = _parse(args, VALIDATE_OPTIONS)
    if parsed is None or not parsed[0]:
        return None
    return parsed[0], settings_kwargs(parsed[1])


def parse_build(args: list[str]) -> tuple[str, dict] | None:
    """(plan, options) for a plain build command line, or None to let click parse it."""
    parsed = _parse(args, BUILD_OPTIONS)
    if parsed is None or len(parsed[0]) != 1 or _wrong_kind("plan", parsed[0][0]):
        return None
    return parsed[0][0], parsed[1]
