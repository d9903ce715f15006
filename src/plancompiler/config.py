"""Project configuration: ``plancompiler.toml`` or ``[tool.plancompiler]`` in ``pyproject.toml``.

Found by walking up from the working directory, as ruff and black do: the first
``plancompiler.toml``, or the first ``pyproject.toml`` that has a ``[tool.plancompiler]`` table,
wins. Paths in it are relative to the file that names them. Known keys:

- ``catalog = "catalogus"``: a folder with the municipality's own catalog extension (the same as
  ``--catalog``, which takes precedence).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KNOWN_KEYS = ("catalog",)


class ConfigError(Exception):
    """The configuration file is unreadable or has a wrong value (exit status 2)."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file the settings came from; None: no configuration found
    catalog: str | None = None


def _table(path: Path) -> dict | None:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
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
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("plancompiler") if isinstance(tool, dict) else None
    return data


def find(start: Path | str | None = None) -> Config:
    """The configuration that applies in ``start`` (default: the working directory)."""
    here = Path(start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in ("plancompiler.toml", "pyproject.toml"):
            path = directory / name
            if not path.is_file():
                continue
            table = _table(path)
            if table is None:
                continue
            return _parse(table, path)
    return Config()


def _parse(table: dict, path: Path) -> Config:
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
        catalog = str((path.parent / catalog).resolve())
    return Config(path=path, catalog=catalog)


def catalog_dir(explicit: str | None = None, start: Path | str | None = None) -> str | None:
    """``--catalog`` if given, else the configured folder, else None (the brochure's catalog)."""
    if explicit:
        return explicit
    return find(start).catalog
