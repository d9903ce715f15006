"""The brochure's knowledge, loaded from catalog/*.yaml, with the look-ups rules need.

No brochure fact is written here: every answer comes from the data files.
"""
from __future__ import annotations

import unicodedata
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .resources import CATALOG_DIR

FILES = ("ladder", "gemeentetypen", "quickscan", "kernvoorwaarden", "beleidsfasen", "doelen",
         "instrumenten", "vrijwilligers", "draagvlak", "evaluatie", "wet")


class CatalogError(Exception):
    """The catalog itself is broken (a local extension, typically)."""


def normalize(name: str) -> str:
    """Compare instrument names as users write them: case, accents, spaces and plurals ignored."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\s_/]+", "-", text.strip())
    return re.sub(r"-+", "-", text).strip("-")


def load_raw(directory: Path = CATALOG_DIR) -> dict[str, Any]:
    """The catalog files as one dict; served from a JSON cache while the files are unchanged.

    Parsing eleven YAML files costs more than checking a plan, and validate runs in every
    pre-commit hook; the cache is keyed by each file's size and modification time.
    """
    import json
    import os

    stamp = []
    for name in FILES:
        try:
            st = os.stat(directory / f"{name}.yaml")
            stamp.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamp.append(f"{name}:-")
    from . import __version__

    key = __version__ + "|" + "|".join(stamp)
    cache = _cache_path(directory)
    if cache is not None:
        try:
            with open(cache, encoding="utf-8") as fh:
                cached = json.load(fh)
            if cached.get("key") == key:
                return cached["data"]
        except (OSError, ValueError, AttributeError):
            pass
    data = _parse_files(directory)
    if cache is not None:
        try:
            from .fsutil import atomic_write_text

            os.makedirs(os.path.dirname(cache), exist_ok=True)
            atomic_write_text(cache, json.dumps({"key": key, "data": data}, ensure_ascii=False))
        except OSError:
            pass  # a read-only home is fine: parse every time
    return data


def _cache_path(directory: Path) -> str | None:
    import hashlib
    import os

    if os.environ.get("PLANCOMPILER_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    digest = hashlib.sha256(str(Path(directory).resolve()).encode()).hexdigest()[:16]
    return os.path.join(base, "plancompiler", f"catalog-{digest}.json")


def _parse_files(directory: Path) -> dict[str, Any]:
    from .load import read_file

    data: dict[str, Any] = {}
    for name in FILES:
        path = directory / f"{name}.yaml"
        loaded = read_file(str(path))
        if loaded.diagnostics:
            d = loaded.diagnostics[0]
            raise CatalogError(f"{path}:{d.line}:{d.column}: {d.message}")
        data[name] = loaded.data
    return data


class Catalog:
    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.treden: list[dict] = data["ladder"]["treden"]
        self.trede_ids: list[str] = [t["id"] for t in self.treden]
        self._rank = {t: i for i, t in enumerate(self.trede_ids)}
        self.typen: dict[str, dict] = {t["id"]: t for t in data["gemeentetypen"]["typen"]}
        self.quickscan: dict = data["quickscan"]
        self.voorwaarden: list[dict] = data["kernvoorwaarden"]["voorwaarden"]
        self.problematiek: list[dict] = data["kernvoorwaarden"]["problematiek"]
        self.fasen: list[dict] = data["beleidsfasen"]["fasen"]
        self._fase_index = {f["id"]: i for i, f in enumerate(self.fasen)}
        self.doelen: list[dict] = data["doelen"]["doelen"]
        self.instrumenten: list[dict] = data["instrumenten"]["instrumenten"]
        self._by_name: dict[str, dict] = {}
        for inst in self.instrumenten:
            for alias in (inst["id"], inst["naam"], *inst.get("synoniemen", ())):
                self._by_name.setdefault(normalize(alias), inst)
        v = data["vrijwilligers"]
        self.sectoren: list[dict] = v["sectoren"]
        self.minder_georganiseerd: list[dict] = v["minder_georganiseerd"]
        self.bijzondere_groepen: list[dict] = v["bijzondere_groepen"]
        self.wervingscirkel: list[dict] = v["wervingscirkel"]
        self.boodschap: list[dict] = v["boodschap"]
        d = data["draagvlak"]
        self.raad_vragen: list[dict] = d["raad_vragen"]
        self.spelregels: list[dict] = d["spelregels"]
        self.terugkoppeling: dict = d["terugkoppeling"]
        self.vertegenwoordiging: list[dict] = d["vertegenwoordiging"]
        self.procestest: dict = data["evaluatie"]["procestest"]
        self.wet: dict = data["wet"]

    # -- the ladder -----------------------------------------------------------------------------
    def rank(self, trede: str) -> int:
        """0-based position on the ladder (informeren = 0)."""
        return self._rank[trede]

    def trede(self, trede: str) -> dict:
        return self.treden[self._rank[trede]]

    def naam(self, trede: str) -> str:
        return self.trede(trede)["naam"]

    @property
    def eerste_interactieve(self) -> str:
        return next(t["id"] for t in self.treden if t.get("interactief"))

    # -- types and comfort zones ------------------------------------------------------------------
    def type_for(self, beleid: str, sturing: str) -> dict | None:
        return next((t for t in self.typen.values()
                     if t["beleid"] == beleid and t["sturing"] == sturing), None)

    def risk_ids(self) -> dict[str, dict]:
        return {r["id"]: r for t in self.typen.values() for r in t["risicos"]}

    # -- quickscan --------------------------------------------------------------------------------
    def quickscan_score(self, answers: Iterable[str]) -> int:
        return sum(q["punten"][a] for q, a in zip(self.quickscan["vragen"], answers))

    def band(self, score: int) -> dict | None:
        return next((b for b in self.quickscan["banden"] if b["van"] <= score <= b["tot"]), None)

    # -- kernvoorwaarden ---------------------------------------------------------------------------
    def voorwaarde(self, vid: str) -> dict:
        return next(v for v in self.voorwaarden if v["id"] == vid)

    def problematiek_for(self, value: str) -> dict | None:
        return next((p for p in self.problematiek if p["id"] == value), None)

    # -- phases -----------------------------------------------------------------------------------
    def fase_index(self, fase: str) -> int:
        return self._fase_index[fase]

    def fase(self, fase: str) -> dict:
        return self.fasen[self._fase_index[fase]]

    # -- instruments ------------------------------------------------------------------------------
    def doel(self, doel: str) -> dict:
        return next(d for d in self.doelen if d["id"] == doel)

    def instrument(self, name: str) -> dict | None:
        return self._by_name.get(normalize(name))

    def instrument_names(self) -> list[str]:
        return sorted({i["id"] for i in self.instrumenten} | {normalize(i["naam"]) for i in self.instrumenten})

    def allowed(self, trede: str, doel: str) -> list[dict]:
        """Instruments usable at ``trede`` for ``doel``: that cell and every lower one (p. 25)."""
        top = self.rank(trede)
        return [i for i in self.instrumenten
                if doel in i["matrix"] and self.rank(i["matrix"][doel]) <= top]


@lru_cache(maxsize=8)
def _cached(directory: str) -> Catalog:
    return Catalog(load_raw(Path(directory)))


def get_catalog(directory: Path | str | None = None) -> Catalog:
    return _cached(str(directory or CATALOG_DIR))
