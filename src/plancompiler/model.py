"""Stage 3, model: typed, immutable plan objects built from shape-checked data.

Records (``records.record``: tuples with named, typed fields, like ``typing.NamedTuple``) rather than
dataclasses: as immutable and typed, and far cheaper to define, which matters for a command that
runs in every pre-commit hook.

The model mirrors the plan's keys: ``plan.werving.boodschap.uren`` is ``werving: boodschap: uren``.
Every section object keeps ``ptr``, the JSON pointer of the part of the plan it came from, so that
rules can point at it and the report can turn that into a line and column. An optional section or
sub-section the plan leaves out is ``None``; a prose field it leaves out is ``""`` (absent, empty
and whitespace-only all count as not filled in); a number or date it leaves out is ``None``.
Instruments are resolved against the catalog (and the plan's own ``eigen_instrumenten``) here, once.

Rules and documents read these attributes only; there is no access by string path into the data.
Where a catalog entry names a plan field (an instrument's ``eisen[].veld``, the ids of the
spelregels, the raad's questions, ...), that name is an attribute of the matching object here
(tests/test_model.py maps every one).
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from types import MappingProxyType

from .catalog import Catalog, normalize
from .records import record
from .textutil import escape_token

EMPTY: Mapping = MappingProxyType({})

# The placeholder 'plancompiler init' writes where the author still has to write their own text.
INVULPLEK = "[invullen]"


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


def _text(value) -> str:
    """Prose fields: absent, empty or whitespace-only all count as not filled in."""
    return value.strip() if isinstance(value, str) else ""


def _frozen(value):
    """Catalog data handed out by the model: read-only views, so no rule can change it."""
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _strs(value) -> tuple[str, ...] | None:
    """A list of texts, or None when the key is absent (some checks point at the key if present)."""
    return None if value is None else tuple(value)


def stated(section) -> bool:
    """The plan has this section and states something in it (``evaluatie: {}`` states nothing).

    Absent values, empty texts and empty lists or mappings state nothing; ``false`` and ``0`` do.
    """
    if section is None:
        return False
    for f in section._fields:
        value = getattr(section, f)
        if f != "ptr" and value is not None and not (isinstance(value, (str, tuple, Mapping)) and not value):
            return True
    return False


# -- instruments and activities ---------------------------------------------------------------------

@record
class Instrument:
    """An instrument as a plan uses it: from the catalog or from ``eigen_instrumenten``."""

    id: str
    naam: str
    matrix: Mapping[str, str]  # doel → the cell's trede
    eigen: bool = False
    entry: Mapping = EMPTY  # the catalog entry (deel_b, soort, ...); empty for an own instrument
    ptr: str = ""  # for an own instrument: its place under /eigen_instrumenten
    omschrijving: str = ""

    @property
    def deel_b(self) -> Mapping | None:
        return self.entry.get("deel_b")

    @property
    def soort(self) -> str:
        return self.entry.get("soort") or ""

    @property
    def vervolg_nodig(self) -> bool:
        """The brochure says this instrument needs a follow-up (deel B)."""
        return bool(self.entry.get("vervolg_nodig"))

    @property
    def eisen(self) -> tuple:
        deel_b = self.deel_b
        return tuple(deel_b.get("eisen", ())) if deel_b else ()


@record
class Themas:
    """The themes of an activity, such as the tables of a vrijwilligersbeurs (p. 43-44)."""

    aantal: int | None
    namen: tuple[str, ...]
    ptr: str


@record
class Herhaling:
    """A recurring activity: how often, how many times, at which fixed moment."""

    frequentie: str
    aantal: int | None
    moment: str
    ptr: str


@record
class ReeksBijeenkomst:
    naam: str
    datum: date | None
    locatie: str
    ptr: str


@record
class Reeks:
    """A series of similar meetings with one format (Utrecht's ten wijkbijeenkomsten, p. 25)."""

    aantal: int | None
    bijeenkomsten: tuple[ReeksBijeenkomst, ...]
    ptr: str


@record
class Activiteit:
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
    tafelgrootte: int | None = None
    voorzitter: str = ""
    trekkers: tuple[str, ...] | None = None
    panels: tuple[str, ...] | None = None
    mandaat: bool | None = None
    budget_eur: float | None = None
    themas: Themas | None = None
    herhaling: Herhaling | None = None
    reeks: Reeks | None = None
    stellingen: int | None = None
    sprekers: tuple[str, ...] = ()
    # what the draaiboek shows of the activity (programme, roles, invitation; sessions: ``reeks``)
    uitnodiging: str | None = None  # open / genodigden / leden / respondenten (catalog: vrijwilligers.uitnodigen)
    plenair: str = ""
    stellingteksten: tuple[str, ...] = ()  # the statements' texts; ``stellingen`` is their number
    vragen: tuple[str, ...] = ()
    wethouder: str = ""
    rollen: tuple["Rol", ...] = ()
    materialen: tuple[str, ...] = ()
    programma: tuple["Programmaonderdeel", ...] = ()

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

    def veld(self, name: str):
        """The value of the field a catalog ``eis`` names (``veld``): an attribute of this activity.

        ``None`` or ``""`` when the plan leaves it out. An unknown name is a catalog error
        (the catalog schema lists the allowed names), so it raises AttributeError.
        """
        if name not in EIS_VELDEN:
            raise AttributeError(f"Activiteit has no field {name!r} for an eis")
        return getattr(self, name)

    def heeft(self, name: str) -> bool:
        """The plan states this field for this activity (so a finding can point at it)."""
        return self.veld(name) not in (None, "")


@record
class Rol:
    """Who plays a role at an activity (``rollen``); a name from the catalog's method fills that role."""

    rol: str
    wie: str


@record
class Programmaonderdeel:
    """One part of the plan's own programme for an activity (``programma``)."""

    onderdeel: str
    minuten: int
    wie: str
    wat: str


# The activity fields a catalog eis may name (catalog.schema.json, $defs/eis/veld), all attributes above.
EIS_VELDEN = frozenset(("deelnemers", "tafelgrootte", "voorzitter", "trekkers", "panels", "mandaat",
                        "budget_eur"))


@record
class Fase:
    fase: str
    ptr: str
    van: date | None
    tot: date | None
    omschrijving: str
    activiteiten: tuple[Activiteit, ...]


# -- the sections -----------------------------------------------------------------------------------

@record
class Contact:
    naam: str = ""
    email: str = ""
    telefoon: str = ""
    ptr: str = "/gemeente/contact"


@record
class Gemeente:
    naam: str
    code: str = ""
    portefeuillehouder: str = ""
    contact: Contact | None = None
    ptr: str = "/gemeente"


@record
class Typetest:
    beleid: str
    sturing: str
    ptr: str


@record
class Visie:
    waarom: str
    doelen: tuple[str, ...]
    huidig: Typetest | None
    gewenst: Typetest
    gemeentetype: str | None
    ptr: str = "/visie"


@record
class Ambitie:
    trede: str
    quickscan: tuple[str, ...] | None
    motivering: str
    risicos: Mapping[str, str] | None  # risk id → measure; None when the plan has no 'risicos'
    ptr: str = "/ambitie"


@record
class Kernvoorwaarde:
    oordeel: str | None
    toelichting: str
    uitgekristalliseerd: str | None
    ptr: str


@record
class Interactie:
    doelen: tuple[str, ...]
    resultaat: str
    ptr: str = "/interactie"


@record
class WervingsDoel:
    tekst: str
    aantal: int | None
    periode_maanden: int | None
    tijdsinzet: str
    ptr: str = "/werving/doel"


@record
class Boodschap:
    """The elements of 'halen en brengen' (p. 29); the ids are catalog/vrijwilligers.yaml's."""

    vragen: str
    bieden: str
    uren: str
    invloed: str
    met_inbreng: str
    voorwaarden: str
    ptr: str = "/werving/boodschap"


@record
class Middel:
    kanaal: str
    via: str
    doelgroepen: tuple[str, ...]
    persoonlijk: bool
    ptr: str
    bij: str = ""  # the id of the activity this channel goes along with (e.g. the enquête)


@record
class WervingsOrganisatie:
    trekker: str
    budget_eur: float | None
    planning: str
    ptr: str = "/werving/organisatie"


@record
class Werving:
    doel: WervingsDoel | None
    sectoren: tuple[str, ...] | None
    ook: tuple[str, ...]
    bijzondere_groepen: tuple[str, ...]
    moeilijk_bereikbaar: str
    boodschap: Boodschap | None
    middelen: tuple[Middel, ...]
    organisatie: WervingsOrganisatie | None
    ptr: str = "/werving"

    def persoonlijk_benaderd(self, group: str) -> bool:
        """Some middel approaches this group personally, through its own networks (p. 29-30)."""
        return any(m.persoonlijk and group in m.doelgroepen for m in self.middelen)


@record
class College:
    rol: str
    aanwezig_bij: tuple[str, ...]
    ptr: str = "/draagvlak/college"

    @property
    def betrokken(self) -> bool:
        return bool(self.rol or self.aanwezig_bij)


@record
class Raad:
    """The raad's decisions (p. 31); the field names are the ids of catalog draagvlak.raad_vragen."""

    kaders: str
    rol: str
    orientatie: str
    voortgang: str
    ptr: str = "/draagvlak/raad"

    @property
    def betrokken(self) -> bool:
        return any((self.kaders, self.rol, self.orientatie, self.voortgang))


@record
class WmoAdvies:
    orgaan: str
    datum: date | None
    onderwerp: str
    ptr: str = "/draagvlak/wmo_advies"


@record
class Adviesorgaan:
    orgaan: str
    datum: date | None
    onderwerp: str
    ptr: str


@record
class Draagvlak:
    intern: tuple[str, ...]
    college: College | None
    raad: Raad | None
    wmo_advies: WmoAdvies | None
    adviesorganen: tuple[Adviesorgaan, ...] = ()
    ptr: str = "/draagvlak"


# -- the legal frame (issue 11): the municipality's verordening and adviesraad, VNG documents -------

@record
class VerordeningArtikelen:
    """Per subject the article of the municipality's participatieverordening ('' when not given)."""

    participatie: str = ""
    inspraak: str = ""
    participatieplan: str = ""
    eindverslag: str = ""
    uitdaagrecht: str = ""
    ptr: str = "/participatieverordening/artikelen"


@record
class Participatieverordening:
    """The verordening of art. 150 Gemeentewet the plan relies on (required from 2027-01-01)."""

    titel: str
    status: str  # 'vastgesteld' or 'in-voorbereiding'
    datum: date | None
    cvdr: str
    url: str
    uitdaagrecht: bool | None  # None: the plan does not say
    artikelen: VerordeningArtikelen | None
    ptr: str = "/participatieverordening"

    @property
    def vastgesteld(self) -> bool:
        return self.status == "vastgesteld"


@record
class Adviesraad:
    """The advisory council of Wmo 2015 art. 2.1.3 lid 3 sub b (and d: periodic consultation)."""

    naam: str
    soort: str
    ongevraagd_advies: bool | None  # None: the plan does not say
    overleg: str
    ptr: str = "/adviesraad"


@record
class Participatieplan:
    """The VNG model's plan for participation before a trajectory (not a legal requirement)."""

    datum: date | None
    vastgesteld_door: str
    url: str
    ptr: str = "/participatieplan"


@record
class Eindverslag:
    """The VNG model's report after a trajectory: what was gathered and what was done with it."""

    datum: date | None
    url: str
    ptr: str = "/eindverslag"


@record
class Spelregels:
    """The ten spelregels (p. 32); the field names are the ids of catalog draagvlak.spelregels."""

    rolverdeling: str = ""
    invloed: str = ""
    besluitvorming: str = ""
    agenda: str = ""
    deelname: str = ""
    informatie: str = ""
    resultaten: str = ""
    openbaarheid: str = ""
    conflicten: str = ""
    verantwoording: str = ""
    ptr: str = "/spelregels"


@record
class Terugkoppeling:
    verslag_binnen_dagen: int | None
    reactietermijn_dagen: int | None
    na_besluit_dagen: int | None
    reactienota: bool | None  # None: the plan does not say
    schriftelijk: bool | None = None
    ontvangers: tuple[str, ...] = ()
    ptr: str = "/terugkoppeling"


@record
class Selectie:
    """Who selects the members when more apply than there are places (p. 34)."""

    door: str | None  # None: the plan does not say who selects
    toelichting: str
    ptr: str = "/vertegenwoordiging/selectie"


@record
class Vertegenwoordiging:
    """A standing representation (p. 34-35); the fields are catalog draagvlak.vertegenwoordiging's."""

    vorm: str
    toetreding: str
    representativiteit: str
    faciliteiten: tuple[str, ...] | None
    kader: str
    zittingstermijn_maanden: int | None
    samenstelling: str | None = None  # 'vaste-groep' or 'open-netwerk'; None: the plan does not say
    selectie: Selectie | None = None
    achterban: str = ""
    ptr: str = "/vertegenwoordiging"

    @property
    def open_netwerk(self) -> bool:
        """Members choose when they join and leave, and for how long (p. 35): no fixed term."""
        return self.samenstelling == "open-netwerk"


@record
class ProcesAntwoord:
    antwoord: str | None
    toelichting: str
    ptr: str


@record
class Resultaat:
    """The result of one doel that the evaluation measures (Stap 8)."""

    doel: str
    indicator: str
    nulmeting: str
    streefwaarde: str
    bron: str
    activiteit: str
    moment: date | None
    ptr: str


@record
class Evaluatie:
    datum: date | None
    door: str
    procestest: Mapping[str, ProcesAntwoord]  # question id (catalog) → answer
    vervolg: str
    ptr: str = "/evaluatie"
    resultaten: tuple[Resultaat, ...] = ()


@record
class Post:
    post: str
    bedrag_eur: float | None
    toelichting: str
    ptr: str


# -- the plan van aanpak's own parts (the municipal outline around the brochure's steps) ----------

@record
class Aanleiding:
    tekst: str
    probleemstelling: str
    ptr: str = "/aanleiding"


@record
class Afbakening:
    open: tuple[str, ...]  # open for influence
    vast: tuple[str, ...]  # fixed, not open for discussion
    ptr: str = "/afbakening"


@record
class Organisatie:
    opdrachtgever: str
    projectleider: str
    projectgroep: tuple[str, ...]
    ptr: str = "/organisatie"


@record
class Communicatie:
    doelgroep: str
    boodschap: str
    middel: str
    wanneer: str
    ptr: str


@record
class Projectrisico:
    risico: str
    maatregel: str
    ptr: str


@record
class Inzet:
    """One line of ``capaciteit``: a role or organisation and its hours."""

    wie: str
    uren: float | None
    toelichting: str
    ptr: str


@record
class Besluitmoment:
    orgaan: str  # college | raad
    datum: date | None
    besluit: str
    ptr: str


@record
class Besluitvorming:
    momenten: tuple[Besluitmoment, ...]
    voorstel: tuple[str, ...]
    ptr: str = "/besluitvorming"


@record
class Tekst:
    """An officer's own text for one section of one document (``teksten``)."""

    document: str
    sectie: str
    modus: str  # vervangen | aanvullen
    tekst: str
    ptr: str


@record
class Uitzondering:
    index: int
    regel: str
    pad: str
    reden: str
    ptr: str


@record
class Plan:
    path: str
    catalog: Catalog
    gemeente: Gemeente
    start: date | None
    eind: date | None
    versie: str
    datum: date | None
    visie: Visie
    ambitie: Ambitie
    kernvoorwaarden: Mapping[str, Kernvoorwaarde] | None  # condition id → judgement
    interactie: Interactie | None
    fasen: tuple[Fase, ...]
    eigen_instrumenten: Mapping[str, Instrument]
    benodigdheden: tuple[str, ...]
    werving: Werving | None
    draagvlak: Draagvlak | None
    spelregels: Spelregels | None
    terugkoppeling: Terugkoppeling | None
    vertegenwoordiging: Vertegenwoordiging | None
    evaluatie: Evaluatie | None
    begroting: tuple[Post, ...]
    uitzonderingen: tuple[Uitzondering, ...]
    invulplekken: tuple[str, ...]  # pointers of the texts that still contain INVULPLEK
    # the legal frame (issue 11); None / "" when the plan leaves them out
    participatieverordening: Participatieverordening | None = None
    adviesraad: Adviesraad | None = None
    participatieplan: Participatieplan | None = None
    eindverslag: Eindverslag | None = None
    fasenkeuze: str = ""
    # the plan van aanpak's own parts; defaults keep hand-built plans in tests short
    status: str = ""  # concept | definitief | "" (not stated)
    aanleiding: Aanleiding | None = None
    afbakening: Afbakening | None = None
    organisatie: Organisatie | None = None
    communicatie: tuple[Communicatie, ...] = ()
    projectrisicos: tuple[Projectrisico, ...] = ()
    capaciteit: tuple[Inzet, ...] = ()
    dekking: str = ""
    besluitvorming: Besluitvorming | None = None
    teksten: tuple[Tekst, ...] = ()

    # -- short names for what rules read most ---------------------------------------------------
    @property
    def huidig(self) -> Typetest | None:
        return self.visie.huidig

    @property
    def gewenst(self) -> Typetest:
        return self.visie.gewenst

    @property
    def gemeentetype(self) -> str | None:
        return self.visie.gemeentetype

    @property
    def trede(self) -> str:
        return self.ambitie.trede

    @property
    def quickscan(self) -> tuple[str, ...] | None:
        return self.ambitie.quickscan

    @property
    def motivering(self) -> str:
        return self.ambitie.motivering

    @property
    def risicos(self) -> Mapping[str, str]:
        return self.ambitie.risicos or EMPTY

    @property
    def interactie_doelen(self) -> tuple[str, ...]:
        return self.interactie.doelen if self.interactie else ()

    @property
    def resultaat(self) -> str:
        return self.interactie.resultaat if self.interactie else ""

    def kernvoorwaarde(self, vid: str) -> Kernvoorwaarde | None:
        return self.kernvoorwaarden.get(vid) if self.kernvoorwaarden else None

    # -- derived facts, computed from the catalog ---------------------------------------------
    @property
    def activiteiten(self) -> tuple[Activiteit, ...]:
        return tuple(a for f in self.fasen for a in f.activiteiten)

    def activiteit(self, aid: str) -> Activiteit | None:
        return next((a for a in self.activiteiten if a.id == aid), None)

    def has_followup(self, activity: Activiteit) -> bool:
        """A later activity builds on this one (``bouwt_voort_op``)."""
        return any(activity.id in b.bouwt_voort_op and b.volgorde > activity.volgorde
                   for b in self.activiteiten)

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


# -- building -------------------------------------------------------------------------------------

def _marked(node, path: list, out: list) -> None:
    """Pointers of the texts that contain INVULPLEK; a pointer is built only for a match."""
    for key, value in (node.items() if type(node) is dict else enumerate(node)):
        if type(value) is str:
            if INVULPLEK in value:
                out.append("".join(f"/{escape_token(str(k))}" for k in (*path, key)))
        elif type(value) is dict or type(value) is list:
            path.append(key)
            _marked(value, path, out)
            path.pop()


def _gemeente(g: dict) -> Gemeente:
    c = g.get("contact")
    contact = None if c is None else Contact(_text(c.get("naam")), _text(c.get("email")), _text(c.get("telefoon")))
    return Gemeente(_text(g.get("naam")), _text(g.get("code")), _text(g.get("portefeuillehouder")), contact)


def _werving(w: dict) -> Werving:
    d = w.get("doel")
    doel = None if d is None else WervingsDoel(_text(d.get("tekst")), d.get("aantal"), d.get("periode_maanden"),
                                               _text(d.get("tijdsinzet")))
    b = w.get("boodschap")
    boodschap = None if b is None else Boodschap(*(_text(b.get(k)) for k in Boodschap._fields[:-1]))
    o = w.get("organisatie")
    organisatie = None if o is None else WervingsOrganisatie(_text(o.get("trekker")), o.get("budget_eur"),
                                                             _text(o.get("planning")))
    middelen = tuple(Middel(_text(m.get("kanaal")), _text(m.get("via")), tuple(m.get("doelgroepen") or ()),
                            bool(m.get("persoonlijk")), f"/werving/middelen/{i}", _text(m.get("bij")))
                     for i, m in enumerate(w.get("middelen") or ()))
    return Werving(doel, _strs(w.get("sectoren")), tuple(w.get("ook") or ()),
                   tuple(w.get("bijzondere_groepen") or ()), _text(w.get("moeilijk_bereikbaar")),
                   boodschap, middelen, organisatie)


def _draagvlak(d: dict) -> Draagvlak:
    c, r, a = d.get("college"), d.get("raad"), d.get("wmo_advies")
    return Draagvlak(
        tuple(d.get("intern") or ()),
        None if c is None else College(_text(c.get("rol")), tuple(c.get("aanwezig_bij") or ())),
        None if r is None else Raad(*(_text(r.get(k)) for k in Raad._fields[:-1])),
        None if a is None else WmoAdvies(_text(a.get("orgaan")), _date(a.get("datum")), _text(a.get("onderwerp"))),
        tuple(Adviesorgaan(_text(o.get("orgaan")), _date(o.get("datum")), _text(o.get("onderwerp")),
                           f"/draagvlak/adviesorganen/{i}")
              for i, o in enumerate(d.get("adviesorganen") or ())))


def _activity_extras(a: dict, ptr: str) -> dict:
    """The optional structured keys of an activity: themes, recurrence, series, statements, speakers."""
    t, h, r = a.get("themas"), a.get("herhaling"), a.get("reeks")
    return dict(
        themas=None if t is None else Themas(t.get("aantal"), tuple(t.get("namen") or ()), f"{ptr}/themas"),
        herhaling=None if h is None else Herhaling(h["frequentie"], h.get("aantal"), _text(h.get("moment")),
                                                   f"{ptr}/herhaling"),
        reeks=None if r is None else Reeks(r.get("aantal"), tuple(
            ReeksBijeenkomst(_text(b.get("naam")), _date(b.get("datum")), _text(b.get("locatie")),
                             f"{ptr}/reeks/bijeenkomsten/{i}")
            for i, b in enumerate(r.get("bijeenkomsten") or ())), f"{ptr}/reeks"),
        stellingen=a.get("stellingen"), sprekers=tuple(a.get("sprekers") or ()))


def _evaluatie(e: dict) -> Evaluatie:
    procestest = MappingProxyType({
        qid: ProcesAntwoord(q.get("antwoord"), _text(q.get("toelichting")),
                            f"/evaluatie/procestest/{escape_token(qid)}")
        for qid, q in (e.get("procestest") or {}).items()})
    resultaten = tuple(
        Resultaat(_text(r.get("doel")), _text(r.get("indicator")), _text(r.get("nulmeting")),
                  _text(r.get("streefwaarde")), _text(r.get("bron")), _text(r.get("activiteit")),
                  _date(r.get("moment")), f"/evaluatie/resultaten/{i}")
        for i, r in enumerate(e.get("resultaten") or ()))
    return Evaluatie(_date(e.get("datum")), _text(e.get("door")), procestest, _text(e.get("vervolg")),
                     resultaten=resultaten)


def _draaiboek_fields(a: dict) -> dict:
    """The keys of an activity that only the draaiboek reads."""
    return {
        "uitnodiging": a.get("uitnodiging"),
        "plenair": _text(a.get("plenair")),
        "stellingteksten": tuple(_text(x) for x in a.get("stellingteksten") or () if _text(x)),
        "vragen": tuple(_text(x) for x in a.get("vragen") or () if _text(x)),
        "wethouder": _text(a.get("wethouder")),
        "rollen": tuple(Rol(_text(r.get("rol")), _text(r.get("wie"))) for r in a.get("rollen") or ()),
        "materialen": tuple(_text(x) for x in a.get("materialen") or () if _text(x)),
        "programma": tuple(Programmaonderdeel(_text(b.get("onderdeel")), int(b.get("minuten") or 0),
                                              _text(b.get("wie")), _text(b.get("wat")))
                           for b in a.get("programma") or ()),
    }


def _wettelijk(data: dict) -> dict:
    """The legal-frame sections (issue 11) as keyword arguments of Plan."""
    v, r = data.get("participatieverordening"), data.get("adviesraad")
    pp, ev = data.get("participatieplan"), data.get("eindverslag")
    art = v.get("artikelen") if v is not None else None
    return dict(
        participatieverordening=None if v is None else Participatieverordening(
            _text(v.get("titel")), v.get("status") or "", _date(v.get("datum")), _text(v.get("cvdr")),
            _text(v.get("url")), v.get("uitdaagrecht"),
            None if art is None else VerordeningArtikelen(
                *(_text(art.get(k)) for k in VerordeningArtikelen._fields[:-1]))),
        adviesraad=None if r is None else Adviesraad(
            _text(r.get("naam")), r.get("soort") or "", r.get("ongevraagd_advies"), _text(r.get("overleg"))),
        participatieplan=None if pp is None else Participatieplan(
            _date(pp.get("datum")), pp.get("vastgesteld_door") or "", _text(pp.get("url"))),
        eindverslag=None if ev is None else Eindverslag(_date(ev.get("datum")), _text(ev.get("url"))),
        fasenkeuze=_text(data.get("fasenkeuze")),
    )


def _plan_van_aanpak(data: dict) -> dict:
    """The keys only the plan van aanpak (and ``teksten``) reads."""
    a, f, o, b = data.get("aanleiding"), data.get("afbakening"), data.get("organisatie"), data.get("besluitvorming")
    return dict(
        status=str(data.get("status") or ""),
        aanleiding=None if a is None else Aanleiding(_text(a.get("tekst")), _text(a.get("probleemstelling"))),
        afbakening=None if f is None else Afbakening(tuple(f.get("open") or ()), tuple(f.get("vast") or ())),
        organisatie=None if o is None else Organisatie(_text(o.get("opdrachtgever")), _text(o.get("projectleider")),
                                                       tuple(o.get("projectgroep") or ())),
        communicatie=tuple(Communicatie(_text(c.get("doelgroep")), _text(c.get("boodschap")), _text(c.get("middel")),
                                        _text(c.get("wanneer")), f"/communicatie/{i}")
                           for i, c in enumerate(data.get("communicatie") or ())),
        projectrisicos=tuple(Projectrisico(_text(r.get("risico")), _text(r.get("maatregel")), f"/projectrisicos/{i}")
                             for i, r in enumerate(data.get("projectrisicos") or ())),
        capaciteit=tuple(Inzet(_text(c.get("wie")), c.get("uren"), _text(c.get("toelichting")), f"/capaciteit/{i}")
                         for i, c in enumerate(data.get("capaciteit") or ())),
        dekking=_text(data.get("dekking")),
        besluitvorming=None if b is None else Besluitvorming(
            tuple(Besluitmoment(str(m.get("orgaan") or ""), _date(m.get("datum")), _text(m.get("besluit")),
                                f"/besluitvorming/momenten/{i}") for i, m in enumerate(b.get("momenten") or ())),
            tuple(b.get("voorstel") or ())),
        teksten=tuple(Tekst(str(t.get("document") or ""), str(t.get("sectie") or ""), str(t.get("modus") or "aanvullen"),
                            str(t.get("tekst") or ""), f"/teksten/{i}")
                      for i, t in enumerate(data.get("teksten") or ())),
    )


def build(data: dict, catalog: Catalog, path: str) -> Plan:
    eigen = {}
    for i, e in enumerate(data.get("eigen_instrumenten") or ()):
        inst = Instrument(e["id"], e["naam"], MappingProxyType({d: e["trede"] for d in e["doelen"]}),
                          eigen=True, ptr=f"/eigen_instrumenten/{i}", omschrijving=_text(e.get("omschrijving")))
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
                tafelgrootte=a.get("tafelgrootte"), voorzitter=_text(a.get("voorzitter")),
                trekkers=_strs(a.get("trekkers")), panels=_strs(a.get("panels")), mandaat=a.get("mandaat"),
                budget_eur=a.get("budget_eur"), **_activity_extras(a, f"/fasen/{fi}/activiteiten/{ai}"),
                **_draaiboek_fields(a)))
            volgorde += 1
        fasen.append(Fase(f["fase"], f"/fasen/{fi}", _date(f.get("van")), _date(f.get("tot")),
                          _text(f.get("omschrijving")), tuple(acts)))

    visie, ambitie = data["visie"], data["ambitie"]
    huidig = visie.get("huidig")
    interactie = data.get("interactie")
    kern = data.get("kernvoorwaarden")
    spel, terug, vert = data.get("spelregels"), data.get("terugkoppeling"), data.get("vertegenwoordiging")
    werving, draagvlak, evaluatie = data.get("werving"), data.get("draagvlak"), data.get("evaluatie")
    risicos = ambitie.get("risicos")
    invulplekken: list[str] = []
    _marked(data, [], invulplekken)
    return Plan(
        path=path, catalog=catalog, gemeente=_gemeente(data["gemeente"]),
        start=_date(data["periode"]["start"]), eind=_date(data["periode"]["eind"]),
        versie=str(data.get("versie") or ""), datum=_date(data.get("datum")),
        visie=Visie(
            _text(visie.get("waarom")), tuple(visie.get("doelen") or ()),
            Typetest(huidig["beleid"], huidig["sturing"], "/visie/huidig") if huidig else None,
            Typetest(visie["gewenst"]["beleid"], visie["gewenst"]["sturing"], "/visie/gewenst"),
            visie.get("gemeentetype")),
        ambitie=Ambitie(
            ambitie["trede"], tuple(ambitie["quickscan"]) if ambitie.get("quickscan") else None,
            _text(ambitie.get("motivering")), None if risicos is None else MappingProxyType(dict(risicos))),
        kernvoorwaarden=None if kern is None else MappingProxyType({
            vid: Kernvoorwaarde(k.get("oordeel"), _text(k.get("toelichting")), k.get("uitgekristalliseerd"),
                                f"/kernvoorwaarden/{escape_token(vid)}")
            for vid, k in kern.items()}),
        interactie=None if interactie is None else Interactie(
            tuple(interactie.get("doelen") or ()), _text(interactie.get("resultaat"))),
        fasen=tuple(fasen), eigen_instrumenten=MappingProxyType({i.id: i for i in eigen.values()}),
        benodigdheden=tuple(data.get("benodigdheden") or ()),
        werving=None if werving is None else _werving(werving),
        draagvlak=None if draagvlak is None else _draagvlak(draagvlak),
        spelregels=None if spel is None else Spelregels(**{k: _text(v) for k, v in spel.items()}),
        terugkoppeling=None if terug is None else Terugkoppeling(
            terug.get("verslag_binnen_dagen"), terug.get("reactietermijn_dagen"), terug.get("na_besluit_dagen"),
            terug.get("reactienota"), terug.get("schriftelijk"), tuple(terug.get("ontvangers") or ())),
        vertegenwoordiging=None if vert is None else Vertegenwoordiging(
            _text(vert.get("vorm")), _text(vert.get("toetreding")), _text(vert.get("representativiteit")),
            _strs(vert.get("faciliteiten")), _text(vert.get("kader")), vert.get("zittingstermijn_maanden"),
            vert.get("samenstelling"),
            None if vert.get("selectie") is None else Selectie(vert["selectie"].get("door"),
                                                               _text(vert["selectie"].get("toelichting"))),
            _text(vert.get("achterban"))),
        evaluatie=None if evaluatie is None else _evaluatie(evaluatie),
        begroting=tuple(Post(_text(b.get("post")), b.get("bedrag_eur"), _text(b.get("toelichting")),
                             f"/begroting/{i}") for i, b in enumerate(data.get("begroting") or ())),
        uitzonderingen=tuple(
            Uitzondering(i, str(w.get("regel") or ""), _text(w.get("pad")), _text(w.get("reden")),
                         f"/uitzonderingen/{i}")
            for i, w in enumerate(data.get("uitzonderingen") or ())),
        invulplekken=tuple(invulplekken),
        **_wettelijk(data),
        **_plan_van_aanpak(data),
    )
