"""The rule registry: an explicit table, no discovery magic.

Each semantic rule is one module with a Dutch docstring (its explanation, shown by
``plancompiler explain``), ``ID``, ``SEVERITY``, ``PAGE``, ``SUMMARY`` and ``check(plan)``, which
yields ``Finding``s. ``BUILTIN`` lists the checks of the load and shape stages, so that every rule
id a user can meet is explainable.
"""
from __future__ import annotations

from types import SimpleNamespace

from . import (
    activiteit_dubbel, activiteit_na_besluit, beleidsplan_niet_voorgelegd, bijzondere_groepen_persoonlijk,
    boodschap_onvolledig, comfortzone_risico, doel_zonder_activiteit, document_onvolledig, draagvlak_bestuur_ontbreekt,
    evaluatie_ontbreekt, fase_zonder_activiteit, fasen_volgorde, gemeentetype_tegenstrijdig,
    gespreksleider_ontbreekt, id_onbekend, instrument_boven_trede, instrument_eis, instrument_onbekend,
    invloed_beperkt_in_fase, kernvoorwaarde_niet_voldaan, kernvoorwaarde_ontbreekt, niet_interactief,
    nog_invullen, participatie_alleen_voorbereiding, participatieverordening_ontbreekt,
    problematiek_past_niet, raad_rol_onbepaald, representativiteit_smal, resultaat_ontbreekt,
    risico_onbekend, selectie_door_gemeente, spelregel_ontbreekt, tekst_sectie_onbekend, termijn_na_einde, terugkoppeling_ontbreekt,
    trede_boven_quickscan, trede_motivering_ontbreekt, trede_niet_bereikt, typetest_verschil, uitdaagrecht,
    uitzondering_hernoemd, uitzondering_ongebruikt, uitzondering_zonder_reden, verwijzing_onbekend,
    vertegenwoordiging_onvolledig, vervolg_ontbreekt, weinig_rendement, wervingsdoel_vaag, wmo_advies_gevraagd_ongevraagd,
    wmo_art11_lid4, wmo_art12_advies_ontbreekt, wmo_periodiek_overleg,
)

# In the order of the brochure's steps, so reports and docs read like the method.
SEMANTIC = [
    gemeentetype_tegenstrijdig, typetest_verschil,                                   # Stap 1
    comfortzone_risico, risico_onbekend, trede_motivering_ontbreekt, niet_interactief,  # Stap 2
    trede_boven_quickscan, kernvoorwaarde_ontbreekt, kernvoorwaarde_niet_voldaan,    # Stap 3
    problematiek_past_niet,
    fase_zonder_activiteit, fasen_volgorde, invloed_beperkt_in_fase,                 # Stap 4
    participatie_alleen_voorbereiding, uitdaagrecht, beleidsplan_niet_voorgelegd,
    instrument_onbekend, instrument_boven_trede, trede_niet_bereikt,                 # Stap 5
    doel_zonder_activiteit, resultaat_ontbreekt, weinig_rendement, vervolg_ontbreekt,
    verwijzing_onbekend, activiteit_na_besluit, activiteit_dubbel, instrument_eis,
    gespreksleider_ontbreekt,
    wervingsdoel_vaag, representativiteit_smal, bijzondere_groepen_persoonlijk,      # Stap 6
    boodschap_onvolledig, wmo_art11_lid4,
    draagvlak_bestuur_ontbreekt, raad_rol_onbepaald, spelregel_ontbreekt,            # Stap 7
    terugkoppeling_ontbreekt, termijn_na_einde, vertegenwoordiging_onvolledig,
    selectie_door_gemeente, wmo_art12_advies_ontbreekt,
    wmo_advies_gevraagd_ongevraagd, wmo_periodiek_overleg, participatieverordening_ontbreekt,
    evaluatie_ontbreekt,                                                              # Stap 8
    nog_invullen, id_onbekend, document_onvolledig, tekst_sectie_onbekend,            # the documents
    uitzondering_zonder_reden, uitzondering_ongebruikt, uitzondering_hernoemd,
]


def _builtin(id_, summary, doc):
    return SimpleNamespace(ID=id_, SEVERITY="error", PAGE="-", SUMMARY=summary, __doc__=doc,
                           check=None, BUILTIN=True)


BUILTIN = [
    _builtin("bestand-onleesbaar", "Bestand niet te lezen",
             "Het bestand bestaat niet, is een map of mag niet gelezen worden. Controleer pad en rechten."),
    _builtin("bestand-te-groot", "Bestand te groot",
             "Het bestand is groter dan de grens (standaard 10 MiB). Een plan is veel kleiner; de grens "
             "beschermt CI tegen misbruik. Verhoog haar zo nodig met PLANCOMPILER_MAX_BYTES."),
    _builtin("yaml-codering", "Geen UTF-8", "Het bestand is geen geldige UTF-8-tekst. Sla het op als UTF-8."),
    _builtin("yaml-syntaxis", "Ongeldige YAML",
             "Het bestand is geen geldige YAML: vaak een tab in de inspringing, een dubbele punt in een "
             "tekst zonder aanhalingstekens, of een haakje of aanhalingsteken dat niet is gesloten."),
    _builtin("yaml-leeg", "Leeg bestand", "Het bestand bevat geen plan. Begin met 'plancompiler init'."),
    _builtin("yaml-geen-mapping", "Plan is geen verzameling sleutels",
             "Een plan is een verzameling sleutels ('plancompiler: 1', 'gemeente: ...'), geen lijst of losse waarde."),
    _builtin("yaml-meerdere-documenten", "Meer dan één document",
             "Eén bestand bevat één plan. Splits documenten met '---' in aparte bestanden."),
    _builtin("yaml-dubbele-sleutel", "Dubbele sleutel",
             "Dezelfde sleutel staat twee keer in één verzameling. Alleen de eerste telt; voeg ze samen."),
    _builtin("yaml-complexe-sleutel", "Complexe sleutel", "Een sleutel moet een eenvoudige naam zijn."),
    _builtin("yaml-tag", "Onbekende tag",
             "Tags als '!!python/object' worden niet ondersteund: een plan bevat alleen tekst, getallen, "
             "datums, lijsten en verzamelingen."),
    _builtin("yaml-datum-ongeldig", "Datum bestaat niet", "Een datum als 2027-02-30 bestaat niet."),
    _builtin("yaml-te-diep", "Te diep genest",
             "Het plan is dieper genest dan de grens (standaard 64). Verhoog zo nodig PLANCOMPILER_MAX_DEPTH."),
    _builtin("yaml-te-groot", "Te veel waarden",
             "Het plan, met aliassen uitgevouwen, bevat meer waarden dan de grens (standaard 100.000). "
             "Dit beschermt tegen een 'alias-bom'. Verhoog zo nodig PLANCOMPILER_MAX_NODES."),
    _builtin("schema-onbekende-sleutel", "Onbekende sleutel",
             "Deze sleutel kent het planformaat niet, vaak door een tikfout. De melding stelt de "
             "dichtstbijzijnde bekende sleutel voor."),
    _builtin("schema-verplicht", "Verplicht onderdeel ontbreekt", "Een verplicht onderdeel van het plan ontbreekt."),
    _builtin("schema-type", "Verkeerd soort waarde",
             "Hier hoort een ander soort waarde: bijvoorbeeld een lijst ('- ...') in plaats van een tekst."),
    _builtin("schema-waarde", "Ongeldige keuze", "Deze waarde staat niet in de lijst van toegestane keuzes."),
    _builtin("schema-vorm", "Verkeerde schrijfwijze",
             "De waarde heeft niet de juiste vorm, zoals een datum (JJJJ-MM-DD) of tijd (UU:MM)."),
    _builtin("schema-bereik", "Getal buiten bereik", "Het getal is kleiner of groter dan mogelijk is."),
    _builtin("schema-leeg", "Lege tekst", "Een tekst is leeg; vul hem in of laat de sleutel weg."),
    _builtin("schema-aantal", "Verkeerd aantal", "Een lijst heeft te weinig of te veel onderdelen."),
    _builtin("schema-dubbel", "Dubbele waarde", "Een waarde staat twee keer in een lijst die uniek moet zijn."),
    _builtin("bestand-soort", "Geen gewoon bestand",
             "Het pad wijst naar een named pipe (FIFO), een apparaat of een socket, niet naar een gewoon "
             "bestand. plancompiler leest alleen gewone bestanden, zodat een controle nooit blijft wachten."),
    _builtin("bestand-buiten-map", "Koppeling buiten de map",
             "Het bestand is een symbolische koppeling naar een plek buiten de map die u opgaf. "
             "plancompiler volgt zo'n koppeling niet en toont niets van het doel."),
    SimpleNamespace(**{**vars(_builtin(
        "yaml-versie", "YAML 1.1 gevraagd",
        "Het plan begint met '%YAML 1.1'. plancompiler leest elk plan als YAML 1.2, zoals editors en "
        "check-jsonschema: yes/no/on/off zijn daar tekst, geen ja/nee-waarde, 010 is het getal 10 en "
        "1:30 is tekst. Haal de regel weg, of schrijf '%YAML 1.2'.")), "SEVERITY": "warning"}),
    _builtin("yaml-samenvoegsleutel", "Samenvoegsleutel niet ondersteund",
             "Een samenvoegsleutel ('<<: *anker') hoort niet bij YAML 1.2 en wordt niet ondersteund. "
             "Schrijf de sleutels uit."),
    _builtin("tekst-stuurteken", "Stuurteken in tekst",
             "Een tekst bevat een stuurteken (zoals NUL of Escape, meestal uit '\\0' of '\\e' tussen "
             "dubbele aanhalingstekens) dat in Word- en HTML-documenten niet kan staan. Haal het weg."),
    _builtin("tekst-te-lang", "Tekst te lang",
             "Een tekst is langer dan de grens (standaard 20.000 tekens), of alle teksten samen zijn "
             "langer dan 200.000 tekens. Een plan is veel korter; de grens houdt het maken van de "
             "documenten snel. Verhoog zo nodig PLANCOMPILER_MAX_TEXT of PLANCOMPILER_MAX_TEXT_TOTAL."),
    _builtin("interne-fout", "Interne fout",
             "Een regel van plancompiler kon het plan niet controleren door een fout in plancompiler zelf. "
             "Meld dit bij de beheerders, met het plan als voorbeeld."),
]

RULES = {r.ID: r for r in SEMANTIC}
ALL = {**{r.ID: r for r in BUILTIN}, **RULES}

# Rule ids that last. A rule id is part of the interface: plans name it under 'uitzonderingen',
# CI configurations and SARIF baselines store it. When a rule is renamed, or merged into another,
# add its old id here as ``"old-id": "new-id",  # YYYY-MM-DD: why``. An 'uitzonderingen' entry
# with the old id keeps working (with an info, uitzondering-hernoemd, that names the new id) and
# 'plancompiler explain OLD' explains the new rule. Never reuse an old id for a new rule.
ALIASES: dict[str, str] = {}

# Rule ids that were withdrawn without a successor, with the reason (Dutch: users read it). An
# 'uitzonderingen' entry with such an id covers nothing and gets an info (uitzondering-hernoemd)
# that says so; 'plancompiler explain OLD' shows the reason. Never reuse a retired id.
RETIRED: dict[str, str] = {
    # 2026-12-01, issue 10: the matrix gives "mogelijke instrumenten ... gekoppeld aan enkele doelen"
    # (p. 25), not an exclusive list; the brochure's own examples pair instruments with other aims.
    "instrument-doel-afwijkend": (
        "De matrix van Stap 5 geeft ‘mogelijke instrumenten ... gekoppeld aan enkele doelen’ (p. 25), geen "
        "uitputtende lijst; de brochure zet zelf een enquête in om de stand van zaken te inventariseren "
        "(p. 25) en kenniscafés als vrijwilligersdebat (p. 40). Daarom toetst plancompiler niet meer of een "
        "instrument bij het gekozen doel hoort."),
}


def lookup(rule_id: str):
    """(rule, old id or None): the rule for a current id, or for a renamed one through ALIASES."""
    if rule_id in ALL:
        return ALL[rule_id], None
    new = ALIASES.get(rule_id)
    return (ALL[new], rule_id) if new in ALL else (None, None)


def explanation(rule) -> str:
    doc = (rule.__doc__ or "").strip()
    lines = doc.splitlines()
    return "\n".join(line.rstrip() for line in lines)
