"""Settings: what a command needs to know, decided once from the arguments and the configuration.

The configuration is ``plancompiler.toml`` or ``[tool.plancompiler]`` in ``pyproject.toml``, found by
walking up from the working directory, as ruff and black do: the first ``plancompiler.toml``, or the
first ``pyproject.toml`` that has a ``[tool.plancompiler]`` table, wins. Paths in it are relative to
the file that names them. An argument on the command line always wins over the configuration.

Known keys (all optional)::

    catalog = "catalogus"        # own catalog extension (same as --catalog)
    fail-on = "waarschuwing"     # fout | waarschuwing | info (also error | warning)
    format = "text"              # validate's report format on the screen
    color = false                # colour in the text report (default: only on a terminal)
    build-dir = "documenten"     # build writes into <build-dir>/<plan name>/ (default: build)
    build-format = "md,docx"     # build's document formats
    docs-url = "https://..."     # where the rule pages (docs/regels/<id>.md) are published

``settings(command, ...)`` returns one ``Settings`` value; ``commands/<cmd>.py: run(settings)``
takes it and returns the exit status. Kept free of heavy imports: validate builds its settings in
every pre-commit hook.
"""
import os

from .records import record

# The rule pages in the repository; a published copy can be named with docs-url.
DEFAULT_DOCS_URL = "https://github.com/plancompiler/plancompiler/blob/main/docs/regels/"
KNOWN_KEYS = ("catalog", "fail-on", "format", "color", "build-dir", "build-format", "docs-url")
REPORT_FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
# --fail-on takes the Dutch names users read in every report, and the English ones of earlier versions
FAIL_ON = {"fout": "error", "waarschuwing": "warning", "info": "info", "error": "error",
           "warning": "warning"}
# [tool.plancompiler] or a dotted key tool.plancompiler.x; anything else needs no TOML parser
_MENTIONS_US = __import__("re").compile(rb"tool\s*\.\s*[\"']?plancompiler")


class ConfigError(Exception):
    """The configuration file or a combination of arguments is wrong (exit status 2)."""


@record
class Config:
    path: str | None = None  # the file the settings came from; None: no configuration found
    catalog: str | None = None
    fail_on: str | None = None
    format: str | None = None
    color: bool | None = None
    build_dir: str | None = None
    build_format: str | None = None
    docs_url: str | None = None


@record
class Settings:
    """Everything a command reads, resolved once. Paths as the user gave them."""

    command: str
    args: tuple = ()                    # positional arguments: plans, a plan, a path, a rule id
    catalog_dir: str | None = None      # --catalog, else the configuration; None: the brochure's
    fail_on: str = "error"              # error | warning | info (--fail-on, --strict, configuration)
    fmt: str = "text"                   # the report format of stdout (validate) or -o
    output: str | None = None           # validate: the report file for fmt; None or "-": stdout
    reports: tuple = ()                 # validate: extra (format, file) pairs, "-" = stdout
    colour: bool | None = None          # None: only on a terminal without NO_COLOR
    quiet: bool = False
    plans_only: bool = False            # validate: skip named YAML files that are not plans
    output_dir: str | None = None       # build: the documents' folder (not validate's -o)
    build_dir: str = "build"            # build: parent of <plan name>/ when output_dir is None
    doc_formats: str = "md,docx"        # build
    force: bool = False
    reference_doc: str | None = None
    docs_url: str = DEFAULT_DOCS_URL
    config_path: str | None = None
    extra: dict | None = None           # per command: init's answers, catalog's filters

    def option(self, name: str, default=None):
        return (self.extra or {}).get(name, default)

    def report_targets(self) -> list:
        """(format, file or None for stdout) for every report validate writes, main format first."""
        main = None if self.output in (None, "-") else self.output
        return [(self.fmt, main)] + [(f, None if p == "-" else p) for f, p in self.reports]


def rule_url(docs_url: str | None, rule_id: str) -> str:
    """The page of a rule: ``docs-url`` with ``{id}`` filled in, or ``docs-url`` + ``<id>.md``."""
    base = docs_url or DEFAULT_DOCS_URL
    if "{id}" in base:
        return base.replace("{id}", rule_id)
    return base.rstrip("/") + "/" + rule_id + ".md"


def fail_on_level(value: str, where: str = "--fail-on") -> str:
    level = FAIL_ON.get(str(value).strip().lower())
    if level is None:
        raise ConfigError(f"{where}: '{value}' is geen niveau. Kies uit: fout, waarschuwing, info.")
    return level


def settings(command: str, args=(), *, catalog=None, fail_on=None, strict=False, fmt=None, output=None,
             reports=(), colour=None, quiet=False, plans_only=False, output_dir=None, doc_formats=None,
             force=False, reference_doc=None, extra=None, start=None) -> Settings:
    """The one place where arguments and configuration meet. None means "not given"."""
    config = find(start)
    level = fail_on_level(fail_on) if fail_on else (
        fail_on_level(config.fail_on, f"{config.path}: fail-on") if config.fail_on else "error")
    if strict and fail_on is None:  # --strict raises the default, never lowers an explicit --fail-on
        level = "warning" if level == "error" else level
    fmt = fmt or config.format or "text"
    if fmt not in REPORT_FORMATS and command == "validate":
        raise ConfigError(f"{config.path}: format '{fmt}' bestaat niet. Kies uit: {', '.join(REPORT_FORMATS)}.")
    reports = tuple((f, p) for f, p in reports if p)
    to_screen = [f for f, p in reports if p == "-"] + ([fmt] if output in (None, "-") else [])
    if len(to_screen) > 1:
        raise ConfigError("Slechts één rapport kan naar het scherm (-): "
                          f"{' en '.join(to_screen)}. Geef de andere een bestandsnaam.")
    return Settings(
        command=command, args=tuple(args), catalog_dir=catalog or config.catalog, fail_on=level, fmt=fmt,
        output=output, reports=reports, colour=colour if colour is not None else config.color,
        quiet=quiet, plans_only=plans_only, output_dir=output_dir, build_dir=config.build_dir or "build",
        doc_formats=doc_formats or config.build_format or "md,docx", force=force, reference_doc=reference_doc,
        docs_url=config.docs_url or DEFAULT_DOCS_URL, config_path=config.path, extra=extra)


def _table(path: str) -> dict | None:
    # validate runs in pre-commit hooks: a pyproject.toml without our table is skipped unparsed
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ConfigError(f"{path}: kan het bestand niet lezen ({exc.strerror or exc}).") from None
    if os.path.basename(path) == "pyproject.toml" and not _MENTIONS_US.search(raw):
        return None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: het bestand is geen UTF-8.") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends in "(at line L, column C)": show it as file:line:col as well.
        import re

        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"{path}:{m.group(1)}:{m.group(2)}" if m else str(path)
        raise ConfigError(f"{where}: ongeldige TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("plancompiler") if isinstance(tool, dict) else None
    return data


def find(start=None) -> Config:
    """The configuration that applies in ``start`` (default: the working directory)."""
    directory = os.path.realpath(str(start or os.getcwd()))
    while True:
        for name in ("plancompiler.toml", "pyproject.toml"):
            path = os.path.join(directory, name)
            if not os.path.isfile(path):
                continue
            table = _table(path)
            if table is None:
                continue
            return _parse(table, path)
        parent = os.path.dirname(directory)
        if parent == directory:
            return Config()
        directory = parent


def _text(table: dict, key: str, path: str, example: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{path}: '{key}' moet een tekst zijn, bijvoorbeeld {key} = \"{example}\".")
    return value


def _parse(table: dict, path: str) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.plancompiler] moet een tabel zijn.")
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        from .textutil import did_you_mean

        hint = did_you_mean(unknown[0], KNOWN_KEYS, otherwise=f" Bekend: {', '.join(KNOWN_KEYS)}.")
        raise ConfigError(f"{path}: onbekende instelling '{unknown[0]}'.{hint}")
    here = os.path.dirname(path)
    catalog = _text(table, "catalog", path, "catalogus")
    if catalog is not None:
        catalog = os.path.realpath(os.path.join(here, catalog))
    fail_on = _text(table, "fail-on", path, "waarschuwing")
    if fail_on is not None:
        fail_on_level(fail_on, f"{path}: fail-on")
    fmt = _text(table, "format", path, "text")
    if fmt is not None and fmt not in REPORT_FORMATS:
        raise ConfigError(f"{path}: format '{fmt}' bestaat niet. Kies uit: {', '.join(REPORT_FORMATS)}.")
    color = table.get("color")
    if color is not None and not isinstance(color, bool):
        raise ConfigError(f"{path}: 'color' is true of false.")
    build_dir = _text(table, "build-dir", path, "documenten")
    if build_dir is not None:
        build_dir = os.path.join(here, build_dir)
    docs_url = _text(table, "docs-url", path, DEFAULT_DOCS_URL)
    return Config(path=path, catalog=catalog, fail_on=fail_on, format=fmt, color=color, build_dir=build_dir,
                  build_format=_text(table, "build-format", path, "md,docx,html"), docs_url=docs_url)


def catalog_dir(explicit: str | None = None, start=None) -> str | None:
    """``--catalog`` if given, else the configured folder, else None (the brochure's catalog)."""
    if explicit:
        return explicit
    return find(start).catalog
