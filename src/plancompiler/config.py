"""Project configuration: ``plancompiler.toml`` or ``[tool.plancompiler]`` in ``pyproject.toml``.

Found by walking up from the working directory, as ruff and black do: the first
``plancompiler.toml``, or the first ``pyproject.toml`` that has a ``[tool.plancompiler]`` table,
wins. Paths in it are relative to the file that names them. Known keys:

- ``catalog = "catalogus"``: a folder with the municipality's own catalog extension (the same as
  ``--catalog``, which takes precedence).
"""
import os
from typing import NamedTuple

KNOWN_KEYS = ("catalog",)
# [tool.plancompiler] or a dotted key tool.plancompiler.x; anything else needs no TOML parser
_MENTIONS_US = __import__("re").compile(rb"tool\s*\.\s*[\"']?plancompiler")


class ConfigError(Exception):
    """The configuration file is unreadable or has a wrong value (exit status 2)."""


class Config(NamedTuple):
    path: str | None = None  # the file the settings came from; None: no configuration found
    catalog: str | None = None


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
    except OSError as exc:
        raise ConfigError(f"{path}: kan het bestand niet lezen ({exc.strerror or exc}).") from None
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


def _parse(table: dict, path: str) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.plancompiler] moet een tabel zijn.")
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], KNOWN_KEYS, n=1)
        hint = f" Bedoelt u '{close[0]}'?" if close else f" Bekend: {', '.join(KNOWN_KEYS)}."
        raise ConfigError(f"{path}: onbekende instelling '{unknown[0]}'.{hint}")
    catalog = table.get("catalog")
    if catalog is not None:
        if not isinstance(catalog, str) or not catalog.strip():
            raise ConfigError(f"{path}: 'catalog' moet het pad van een map zijn, bijvoorbeeld "
                              "catalog = \"catalogus\".")
        catalog = os.path.realpath(os.path.join(os.path.dirname(path), catalog))
    return Config(path=path, catalog=catalog)


def catalog_dir(explicit: str | None = None, start=None) -> str | None:
    """``--catalog`` if given, else the configured folder, else None (the brochure's catalog)."""
    if explicit:
        return explicit
    return find(start).catalog
