"""The brochure's knowledge, loaded from catalog/*.yaml, with the look-ups rules need.

No brochure fact is written here: every answer comes from the data files.
"""
from __future__ import annotations

import unicodedata
import re
from functools import lru_cache
import os
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from datetime import date as _date
    from pathlib import Path

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


def load_raw(directory: "Path | str" = CATALOG_DIR) -> dict[str, Any]:
    """The catalog files as one dict, from the data cache while the files are unchanged."""
    from .datacache import cached

    sources = [os.path.join(str(directory), f"{name}.yaml") for name in FILES]
    def parse() -> dict[str, Any]:
        from pathlib import Path

        return _parse_files(Path(directory))

    return cached("catalog", sources, parse)


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

    # -- policy cycle (which part of the cycle a phase belongs to) --------------------------------
    def cyclusdeel(self, fase: str) -> str:
        """'voorbereiding', 'uitvoering' or 'evaluatie': the part of the policy cycle of ``fase``."""
        return self.fase(fase)["beleidscyclus"]["deel"]

    def fasen_in_deel(self, deel: str) -> list[str]:
        """Phase ids of one part of the policy cycle, in the brochure's order."""
        return [f["id"] for f in self.fasen if f["beleidscyclus"]["deel"] == deel]

    # -- the law (wet.yaml) ---------------------------------------------------------------------
    # Two kinds of provisions: the brochure's Wmo 2007 articles (``historische_artikelen``, status
    # historisch, each with ``opvolging``) and the current ones (``bepalingen``). Dates are
    # "YYYY-MM-DD" strings in the data; ``geldig_tot`` is the last day a text applied (inclusive).
    @property
    def wetten(self) -> dict[str, dict]:
        return {w["id"]: w for w in self.wet.get("wetten", ())}

    @property
    def bepalingen(self) -> list[dict]:
        return list(self.wet.get("bepalingen", ()))

    @property
    def historische_artikelen(self) -> list[dict]:
        return list(self.wet["artikelen"])

    def bepaling(self, bid: str) -> dict:
        """A provision by id: a current one (``wmo2015-...``, ``gemw-...``) or a historical article
        (``art11-lid1``). KeyError for an unknown id."""
        for item in (*self.wet.get("bepalingen", ()), *self.wet["artikelen"]):
            if item["id"] == bid:
                return item
        raise KeyError(bid)

    def wet_van(self, provision: dict) -> dict:
        """The law a provision belongs to (the historical articles: the Wmo 2007)."""
        return self.wetten[provision.get("wet") or self.wet["wet"]["id"]]

    def citeer(self, provision: dict) -> str:
        """How a jurist cites it: 'Wmo 2015 art. 2.1.3 lid 3 sub b', 'Gemw art. 150 lid 2'."""
        parts = [self.wet_van(provision)["afkorting"], f"art. {provision['artikel']}"]
        if provision.get("lid") is not None:
            parts.append(f"lid {provision['lid']}")
        if provision.get("sub"):
            parts.append(f"sub {provision['sub']}")
        twins = [p for p in self.wet.get("bepalingen", ()) if p is not provision
                 and all(p.get(k) == provision.get(k) for k in ("wet", "artikel", "lid", "sub"))]
        if twins and provision.get("geldig_tot"):
            parts.append(f"(tekst t/m {_dmy(provision['geldig_tot'])})")
        elif twins and provision.get("geldig_vanaf"):
            parts.append(f"(tekst vanaf {_dmy(provision['geldig_vanaf'])})")
        return " ".join(parts)

    def bron_van(self, provision: dict) -> dict:
        """Where the text was read: the law's copy for verbatim texts; for a paraphrase its first
        source (``te_controleren`` names where to check the wording)."""
        if provision.get("bronnen"):
            return provision["bronnen"][0]
        return self.wet_van(provision)["bron"]

    def letterlijk(self, provision: dict) -> str | None:
        """The verbatim text, or None where only a paraphrase is known."""
        if provision.get("letterlijk"):
            return provision["letterlijk"]
        return None if provision.get("parafrase") else provision["tekst"]

    def geldig_op(self, provision: dict, datum: "str | _date") -> bool:
        """Whether ``provision`` applied on ``datum`` (a date or 'YYYY-MM-DD')."""
        day = _iso(datum)
        start, end = provision.get("geldig_vanaf"), provision.get("geldig_tot")
        return (start is None or start <= day) and (end is None or day <= end)

    def bepalingen_op(self, datum: "str | _date") -> list[dict]:
        """Every provision (historical articles first, then current ones) that applied on ``datum``."""
        return [p for p in (*self.wet["artikelen"], *self.wet.get("bepalingen", ()))
                if self.geldig_op(p, datum)]

    def bepalingen_in_periode(self, start: "str | _date", eind: "str | _date") -> list[dict]:
        """Every provision that applied on at least one day from ``start`` to ``eind`` (inclusive):
        the legal frame of a plan that runs in that period."""
        first, last = _iso(start), _iso(eind)
        return [p for p in (*self.wet["artikelen"], *self.wet.get("bepalingen", ()))
                if (p.get("geldig_vanaf") is None or p["geldig_vanaf"] <= last)
                and (p.get("geldig_tot") is None or first <= p["geldig_tot"])]

    def opvolgers(self, artikel_id: str) -> list[dict]:
        """The current provisions that took over a historical article; [] for 'goede praktijk'."""
        art = self.bepaling(artikel_id)
        return [self.bepaling(b) for b in art["opvolging"]["bepalingen"]]

    def termijn(self, tid: str) -> dict:
        return next(t for t in self.wet.get("termijnen", ()) if t["id"] == tid)

    @property
    def participatieverordening_uiterlijk(self) -> "_date":
        """The date from which every municipality must have a participatieverordening."""
        from datetime import date

        return date.fromisoformat(self.termijn("participatieverordening")["datum"])

    def handreiking(self, hid: str) -> dict:
        return next(h for h in self.wet.get("handreikingen", ()) if h["id"] == hid)


def _dmy(iso: str) -> str:
    """'2025-01-01' → '1-1-2025', as Dutch legal texts write short dates."""
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def _iso(datum: "str | _date") -> str:
    """'YYYY-MM-DD' for a date or an ISO date string (compared as text: same order)."""
    text = datum if isinstance(datum, str) else datum.isoformat()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"geen datum (JJJJ-MM-DD): {datum!r}")
    return text


def load(directory: "Path | str | None" = None) -> Catalog:
    """The one catalog loader of the commands: ``get_catalog`` with every failure as a CatalogError
    whose message says in Dutch which folder is wrong and why."""
    if directory is None:
        return get_catalog()
    try:
        return get_catalog(directory)
    except CatalogError as exc:
        raise CatalogError(f"de catalogus-uitbreiding in '{directory}' is ongeldig:\n{exc}") from None
    except OSError as exc:
        raise CatalogError(f"de catalogus in '{directory}' is niet te lezen ({exc.strerror or exc}).") from None


@lru_cache(maxsize=8)
def _cached(directory: str) -> Catalog:
    return Catalog(load_raw(directory))


def get_catalog(directory: Path | str | None = None) -> Catalog:
    """The catalog. ``directory``: None for the brochure's own; a folder with all catalog files for a
    complete replacement; any other folder is a local *extension* merged on top (see ``extend``)."""
    if directory is None:
        return _cached(CATALOG_DIR)
    from pathlib import Path

    path = Path(directory)
    if path.resolve() == Path(CATALOG_DIR).resolve() or all((path / f"{n}.yaml").is_file() for n in FILES):
        return _cached(str(directory))
    return _extended(str(path.resolve()))


# -- local extensions ------------------------------------------------------------------------------
# A municipality keeps its own instruments (and its own wording of texts) in a folder of YAML files
# named like the catalog's (``instrumenten.yaml`` ...). Entries are matched by ``id``: a new id adds
# an instrument, a known id overrides texts. Brochure facts that rules reason with (the matrix, the
# ladder, scores, comfort zones) cannot be changed by an extension: that would silence the checks.

FACT_KEYS = frozenset({"id", "matrix", "trede", "treden", "comfortzone", "beleid", "sturing", "punten",
                       "van", "tot", "max_trede", "interactief", "nummer", "soort", "vervolg_nodig",
                       "eisen", "persoonlijke_benadering", "profielen", "banden", "deel"})
# The law: what applies when, its wording and what took over what are not local choices either.
LAW_KEYS = frozenset({"geldig_vanaf", "geldig_tot", "datum", "artikel", "lid", "sub", "bindt",
                      "verplichting", "parafrase", "letterlijk", "opvolging", "bwb"})
FACT_KEYS = FACT_KEYS | LAW_KEYS
ADDABLE = {("instrumenten", "instrumenten")}  # only instruments can be added
NEW_INSTRUMENT_DEFAULTS = {"synoniemen": [], "vervolg_nodig": False,
                           "pagina": "23-24"}  # own instruments sit in the matrix of p. 23-24


def extension_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise CatalogError(f"{directory}: de map bestaat niet.")
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml")
                  and not p.name.startswith("."))


@lru_cache(maxsize=8)
def _extended(directory: str) -> Catalog:
    from pathlib import Path

    return Catalog(extend(load_raw(), Path(directory)))


def extend(base: dict[str, Any], directory: Path) -> dict[str, Any]:
    """Merge the extension in ``directory`` onto a copy of ``base`` and validate the result against
    catalog.schema.json. Raises CatalogError whose message lists every problem as file:line:col."""
    import copy

    from .load import escape, read_file

    merged = copy.deepcopy(base)
    origins: dict[tuple, tuple[Any, str]] = {}  # path in merged data → (Loaded, pointer in its file)
    problems: list[str] = []

    def report(loaded, pointer: str, message: str, key: bool = False) -> None:
        line, column = loaded.position(pointer, key=key)
        problems.append(f"{loaded.path}:{line}:{column}: {message}")

    def overlay(target: dict, ext: dict, mpath: tuple, eptr: str, loaded) -> None:
        for key, value in ext.items():
            ptr = f"{eptr}/{escape(str(key))}"
            here = mpath + (key,)
            if key not in target:
                if key in FACT_KEYS:
                    report(loaded, ptr, f"'{key}' kan een uitbreiding niet toevoegen aan een bestaand "
                           "onderdeel.", key=True)
                    continue
                target[key] = value
                origins[here] = (loaded, ptr)
                continue
            old = target[key]
            if key == "id" and value == old:
                continue
            if key in LAW_KEYS:
                report(loaded, ptr, f"'{key}' is een gegeven uit de wet; een uitbreiding kan het niet "
                       "veranderen (alleen teksten en nieuwe instrumenten).", key=True)
            elif key in FACT_KEYS:
                report(loaded, ptr, f"'{key}' is een gegeven uit de brochure waarop de controles steunen; "
                       "een uitbreiding kan het niet veranderen (alleen teksten en nieuwe instrumenten).",
                       key=True)
            elif isinstance(old, dict) and isinstance(value, dict):
                overlay(old, value, here, ptr, loaded)
            elif isinstance(old, list) and old and all(isinstance(i, dict) and "id" in i for i in old):
                if not isinstance(value, list):
                    report(loaded, ptr, f"'{key}' is een lijst; schrijf de onderdelen met '- id: ...'.")
                    continue
                index = {i["id"]: n for n, i in enumerate(old)}
                for j, item in enumerate(value):
                    iptr = f"{ptr}/{j}"
                    if not isinstance(item, dict) or "id" not in item:
                        report(loaded, iptr, "Elk onderdeel heeft een 'id': een bekende id past teksten "
                               "aan, een nieuwe voegt een instrument toe.")
                    elif item["id"] in index:
                        overlay(old[index[item["id"]]], item, here + (index[item["id"]],), iptr, loaded)
                    elif here in ADDABLE:
                        old.append({**NEW_INSTRUMENT_DEFAULTS, **item})
                        origins[here + (len(old) - 1,)] = (loaded, iptr)
                    else:
                        from .textutil import did_you_mean

                        hint = did_you_mean(str(item["id"]), list(index))
                        report(loaded, f"{iptr}/id", f"De id '{item['id']}' bestaat niet onder '{key}'. "
                               f"Hier kunt u alleen teksten van bestaande onderdelen aanpassen.{hint}")
            elif key == "synoniemen" and isinstance(value, list):
                target[key] = old + [v for v in value if v not in old]
                origins[here] = (loaded, ptr)
            elif (isinstance(old, str) and isinstance(value, str)) or (
                    isinstance(old, list) and all(isinstance(i, str) for i in old) and isinstance(value, list)):
                target[key] = value
                origins[here] = (loaded, ptr)
            else:
                report(loaded, ptr, f"'{key}' kan een uitbreiding niet veranderen: alleen teksten "
                       "(en nieuwe instrumenten).", key=True)

    loaded_files = []
    for path in extension_files(directory):
        name = path.name.rsplit(".", 1)[0]
        loaded = read_file(str(path))
        loaded_files.append(loaded)
        if name not in FILES:
            problems.append(f"{path}:1:1: '{path.name}' is geen catalogusbestand. Bekend zijn: "
                            + ", ".join(f"{n}.yaml" for n in FILES) + ".")
            continue
        if loaded.diagnostics:
            problems.extend(f"{d.file}:{d.line}:{d.column}: {d.message}" for d in loaded.diagnostics)
            continue
        if not isinstance(loaded.data, dict):
            problems.append(f"{path}:1:1: het bestand moet een verzameling sleutels zijn, zoals "
                            f"'{next(iter(base[name]))}: ...'.")
            continue
        overlay(merged[name], loaded.data, (name,), "", loaded)
    if not problems:
        problems.extend(_schema_problems(merged, origins, directory))
    if not problems:
        problems.extend(_name_collisions(merged, origins))
    if problems:
        raise CatalogError("\n".join(problems))
    return merged


def _origin(path: tuple, origins: dict) -> tuple[Any, str] | None:
    from .load import escape

    for n in range(len(path), 0, -1):
        if path[:n] in origins:
            loaded, ptr = origins[path[:n]]
            return loaded, ptr + "".join(f"/{escape(str(p))}" for p in path[n:])
    return None


def _schema_problems(merged: dict, origins: dict, directory: Path) -> list[str]:
    import json

    from jsonschema import Draft202012Validator

    from .resources import CATALOG_SCHEMA

    validator = Draft202012Validator(json.loads(open(CATALOG_SCHEMA, encoding="utf-8").read()))
    out = []
    for err in sorted(validator.iter_errors(merged), key=lambda e: [str(p) for p in e.absolute_path]):
        found = _origin(tuple(err.absolute_path), origins)
        message = f"voldoet niet aan het catalogusschema: {err.message}"
        if found:
            loaded, ptr = found
            line, column = loaded.position(ptr)
            out.append(f"{loaded.path}:{line}:{column}: {message}")
        else:
            out.append(f"{directory}:1:1: {message} (bij /{'/'.join(map(str, err.absolute_path))})")
    return out


def _name_collisions(merged: dict, origins: dict) -> list[str]:
    """An extension's names must not hide another instrument: each name leads to one instrument."""
    owner: dict[str, str] = {}
    out = []
    for n, inst in enumerate(merged["instrumenten"]["instrumenten"]):
        for field_name, values in (("id", [inst["id"]]), ("naam", [inst["naam"]]),
                                   ("synoniemen", inst.get("synoniemen", ()))):
            for value in values:
                key = normalize(value)
                if owner.setdefault(key, inst["id"]) != inst["id"]:
                    found = _origin(("instrumenten", "instrumenten", n, field_name), origins)
                    if found:
                        loaded, ptr = found
                        line, column = loaded.position(ptr)
                        out.append(f"{loaded.path}:{line}:{column}: de naam '{value}' hoort al bij het "
                                   f"instrument '{owner[key]}'. Kies een andere naam.")
    return out
