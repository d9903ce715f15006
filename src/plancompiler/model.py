"""Stage 3, model: typed, immutable plan objects built from shape-checked data.

NamedTuples rather than dataclasses: as immutable and typed, and far cheaper to define, which
matters for a command that runs in every pre-commit hook.

Every object keeps ``ptr``, the JSON pointer of the part of the plan it came from, so that rules
can point at it and the report can turn that into a line and column. Instruments are resolved
against the catalog (and the plan's own ``eigen_instrumenten``) here, once.
"""
from datetime import date, time
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

from .catalog import Catalog, normalize

EMPTY: Mapping = MappingProxyType({})


def _date(value) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _time(value) -> time | None:
    if not isinstance(value, str):
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _text(value) -> str:
    """Prose fields: absent, empty or whitespace-only all count as not filled in."""
    return value.strip() if isinstance(value, str) else ""


class Instrument(NamedTuple):
    """An instrument as a plan uses it: from the catalog or from ``eigen_instrumenten``."""

    id: str
    naam: str
    matrix: Mapping[str, str]  # doel → the cell's trede
    eigen: bool = False
    entry: Mapping = EMPTY  # the catalog entry (deel_b, soort, ...)

    @property
    def deel_b(self) -> Mapping | None:
        return self.entry.get("deel_b")


class Activiteit(NamedTuple):
    id: str
    ptr: str
    fase: str
    fase_nummer: int  # position of its phase in the plan's list
    volgorde: int  # position over the whole plan
    instrument_naam: str
    instrument: Instrument | None
    doel: str
    trede_opgegeven: str | None
    naam: str
    datum: date | None
    einddatum: date | None
    aanvang: time | None
    einde: time | None
    locatie: str
    deelnemers: int | None
    doelgroep: str
    bouwt_voort_op: tuple[str, ...]
    trekker: str
    omschrijving: str
    raw: Mapping

    @property
    def titel(self) -> str:
        return self.naam or (self.instrument.naam if self.instrument else self.instrument_naam)

    def trede(self, catalog: Catalog) -> str | None:
        """The rung this activity works at: stated, or the instrument's cell for its aim."""
        if self.trede_opgegeven:
            return self.trede_opgegeven
        if self.instrument and self.doel in self.instrument.matrix:
            return self.instrument.matrix[self.doel]
        if self.instrument and self.instrument.matrix:
            return min(self.instrument.matrix.values(), key=catalog.rank)
        return None


class Fase(NamedTuple):
    fase: str
    ptr: str
    van: date | None
    tot: date | None
    omschrijving: str
    activiteiten: tuple[Activiteit, ...]


class Typetest(NamedTuple):
    beleid: str
    sturing: str
    ptr: str


class Plan(NamedTuple):
    path: str
    raw: Mapping
    catalog: Catalog
    gemeente: Mapping
    start: date | None
    eind: date | None
    versie: str
    datum: date | None
    huidig: Typetest | None
    gewenst: Typetest
    gemeentetype: str | None
    trede: str
    quickscan: tuple[str, ...] | None
    motivering: str
    risicos: Mapping[str, str]
    kernvoorwaarden: Mapping[str, Mapping]
    interactie_doelen: tuple[str, ...]
    resultaat: str
    fasen: tuple[Fase, ...]
    eigen_instrumenten: Mapping[str, Instrument]
    section: Mapping = EMPTY  # the optional prose sections, frozen

    # -- derived facts, computed from the catalog ---------------------------------------------
    @property
    def activiteiten(self) -> tuple[Activiteit, ...]:
        return tuple(a for f in self.fasen for a in f.activiteiten)

    def activiteit(self, aid: str) -> Activiteit | None:
        return next((a for a in self.activiteiten if a.id == aid), None)

    @property
    def type_gewenst(self) -> Mapping | None:
        return self.catalog.type_for(self.gewenst.beleid, self.gewenst.sturing)

    @property
    def type_huidig(self) -> Mapping | None:
        return self.catalog.type_for(self.huidig.beleid, self.huidig.sturing) if self.huidig else None

    @property
    def comfortzone(self) -> str | None:
        t = self.type_gewenst
        return t["comfortzone"] if t else None

    @property
    def quickscan_score(self) -> int | None:
        return self.catalog.quickscan_score(self.quickscan) if self.quickscan else None

    @property
    def quickscan_band(self) -> str | None:
        score = self.quickscan_score
        band = self.catalog.band(score) if score is not None else None
        return band["trede"] if band else None

    def get(self, *path: str) -> Any:
        """A value from the optional sections, or None: ``plan.get('werving', 'doel', 'aantal')``."""
        node: Any = self.section
        for part in path:
            if not isinstance(node, Mapping):
                return None
            node = node.get(part)
        return node

    def text(self, *path: str) -> str:
        return _text(self.get(*path))


def build(data: dict, catalog: Catalog, path: str) -> Plan:
    frozen = _frozen(data)  # one immutable copy, shared by every object below
    eigen = {}
    for i, e in enumerate(data.get("eigen_instrumenten") or ()):
        inst = Instrument(e["id"], e["naam"], MappingProxyType({d: e["trede"] for d in e["doelen"]}),
                          eigen=True, entry=frozen["eigen_instrumenten"][i])
        eigen[normalize(e["id"])] = inst
        eigen.setdefault(normalize(e["naam"]), inst)
        for syn in e.get("synoniemen") or ():
            eigen.setdefault(normalize(syn), inst)

    resolved: dict[str, Instrument | None] = {}

    def resolve(name: str) -> Instrument | None:
        key = normalize(name)
        if key in eigen:
            return eigen[key]
        if key not in resolved:
            entry = catalog.instrument(name)
            resolved[key] = None if entry is None else Instrument(
                entry["id"], entry["naam"], MappingProxyType(dict(entry["matrix"])), entry=_frozen(entry))
        return resolved[key]

    fasen = []
    volgorde = 0
    for fi, f in enumerate(data["fasen"]):
        acts = []
        for ai, a in enumerate(f.get("activiteiten") or ()):
            acts.append(Activiteit(
                id=a["id"], ptr=f"/fasen/{fi}/activiteiten/{ai}", fase=f["fase"], fase_nummer=fi,
                volgorde=volgorde, instrument_naam=a["instrument"], instrument=resolve(a["instrument"]),
                doel=a["doel"], trede_opgegeven=a.get("trede"), naam=_text(a.get("naam")),
                datum=_date(a.get("datum")), einddatum=_date(a.get("einddatum")),
                aanvang=_time(a.get("aanvang")), einde=_time(a.get("einde")),
                locatie=_text(a.get("locatie")), deelnemers=a.get("deelnemers"),
                doelgroep=_text(a.get("doelgroep")), bouwt_voort_op=tuple(a.get("bouwt_voort_op") or ()),
                trekker=_text(a.get("trekker")), omschrijving=_text(a.get("omschrijving")),
                raw=frozen["fasen"][fi]["activiteiten"][ai]))
            volgorde += 1
        fasen.append(Fase(f["fase"], f"/fasen/{fi}", _date(f.get("van")), _date(f.get("tot")),
                          _text(f.get("omschrijving")), tuple(acts)))

    visie, ambitie = data["visie"], data["ambitie"]
    huidig = visie.get("huidig")
    interactie = data.get("interactie") or {}
    return Plan(
        path=path, raw=frozen, catalog=catalog, gemeente=frozen["gemeente"],
        start=_date(data["periode"]["start"]), eind=_date(data["periode"]["eind"]),
        versie=str(data.get("versie") or ""), datum=_date(data.get("datum")),
        huidig=Typetest(huidig["beleid"], huidig["sturing"], "/visie/huidig") if huidig else None,
        gewenst=Typetest(visie["gewenst"]["beleid"], visie["gewenst"]["sturing"], "/visie/gewenst"),
        gemeentetype=visie.get("gemeentetype"), trede=ambitie["trede"],
        quickscan=tuple(ambitie["quickscan"]) if ambitie.get("quickscan") else None,
        motivering=_text(ambitie.get("motivering")), risicos=frozen["ambitie"].get("risicos") or EMPTY,
        kernvoorwaarden=frozen.get("kernvoorwaarden") or EMPTY,
        interactie_doelen=tuple(interactie.get("doelen") or ()), resultaat=_text(interactie.get("resultaat")),
        fasen=tuple(fasen), eigen_instrumenten=MappingProxyType({i.id: i for i in eigen.values()}),
        section=frozen,
    )
