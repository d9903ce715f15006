"""Shared helpers for the rule tests, in the spirit of yamllint's ``RuleTestCase.check``.

``BASE`` is a compact plan that is fully valid: it produces no diagnostic at all (pinned by
``test_base_plan_is_clean``). A test derives a variant from it by *textual* replacement
(``edit``), so that every line and column it asserts points into a text the test can see, and
then asserts the exact ``(rule, severity, line, column)`` tuples with ``check``.

Most edits replace a line by a line, so line numbers of the base plan stay valid; the
line numbers used in the tests refer to the base plan as printed by ``python -m
tests.rules.helpers``.
"""
from __future__ import annotations

from plancompiler.compiler import compile_loaded
from plancompiler.diagnostics import Diagnostic
from plancompiler.load import load_text

# Type III (smal beleid, regisseur op afstand), comfortzone adviseren, trede adviseren,
# quickscan score 13 (band adviseren). Every rule is satisfied; see test_base_plan_is_clean.
BASE = """\
plancompiler: 1
gemeente:
  naam: Teststad
periode:
  start: 2027-01-01
  eind: 2027-12-31
visie:
  waarom: Vrijwilligers dragen de zorg voor elkaar; we willen weten wat zij nodig hebben.
  huidig:
    beleid: smal
    sturing: regisseur
  gewenst:
    beleid: smal
    sturing: regisseur
  gemeentetype: III
ambitie:
  trede: adviseren
  quickscan: [ja, ja, nee, ja, ja, nee, nee, ja, nee, nee]
  risicos:
    weinig-inhoud-richting-iii: De gemeente brengt zelf drie richtinggevende thema's in.
    weinig-resultaatgericht-iii: Elke activiteit heeft een afgesproken opbrengst.
    geen-prikkel-iii: Deelnemers krijgen een vergoeding en zien hun inbreng terug.
    weinig-oog-voor-verscheidenheid: We nodigen ook informele groepen persoonlijk uit.
    selecte-groep: Het steunpunt nodigt organisaties uit die de gemeente nog niet kent.
kernvoorwaarden:
  openheid: {oordeel: voldaan, toelichting: Er ligt geen concept klaar.}
  duidelijkheid_rol_en_inbreng: {oordeel: voldaan, toelichting: De spelregels staan vast.}
  meerwaarde: {oordeel: voldaan, toelichting: Beide partijen winnen erbij.}
  constructieve_relatie: {oordeel: voldaan, toelichting: Het overleg verloopt goed.}
  geschikte_problematiek:
    oordeel: voldaan
    uitgekristalliseerd: onvoldoende
    toelichting: De vraag is nog niet uitgekristalliseerd.
  capaciteit_en_middelen: {oordeel: voldaan, toelichting: Er is een halve fte vrijgemaakt.}
interactie:
  doelen: [draagvlak, verrijking]
  resultaat: Een nota vrijwilligerswerk die het veld draagt.
fasen:
  - fase: inventarisatie
    van: 2027-01-01
    tot: 2027-03-31
    activiteiten:
      - id: enquete
        instrument: enquete
        doel: draagvlak
        datum: 2027-02-01
  - fase: visievorming
    van: 2027-04-01
    tot: 2027-06-30
    activiteiten:
      - id: cafe
        instrument: vrijwilligerscafe
        doel: verrijking
        datum: 2027-04-15
        deelnemers: 60
        tafelgrootte: 8
        bouwt_voort_op: [enquete]
  - fase: beleidsplan
    van: 2027-07-01
    tot: 2027-10-31
    activiteiten:
      - id: inspraak
        instrument: inspraakavonden
        doel: draagvlak
        datum: 2027-09-15
        bouwt_voort_op: [cafe]
werving:
  doel:
    tekst: Binnen vier maanden dertig organisaties laten meedoen.
    aantal: 30
    periode_maanden: 4
    tijdsinzet: Twee avonden.
  sectoren: [zorg-en-hulpverlening, sociaal-cultureel-werk]
  ook: [informele-groepen]
  bijzondere_groepen: [jongeren]
  moeilijk_bereikbaar: De ouderenadviseur vraagt naar de wensen van wie zelf niet komt.
  boodschap:
    vragen: Uw mening over de ondersteuning.
    bieden: Een steunpunt dat weet wat u nodig hebt.
    uren: Twee avonden.
    invloed: U adviseert; de gemeente legt uit wat zij met uw advies doet.
    met_inbreng: Binnen drie weken een verslag.
    voorwaarden: Iedere organisatie kan meedoen.
  middelen:
    - kanaal: Persoonlijke uitnodiging
      via: Jongerenwerk
      doelgroepen: [jongeren]
      persoonlijk: true
draagvlak:
  college:
    rol: De wethouder opent het café.
    aanwezig_bij: [cafe]
  raad:
    kaders: Smal beleid binnen het bestaande budget.
    rol: De raad beslist over de nota.
    orientatie: Raadsleden wegen het belang van de hele gemeente.
    voortgang: Eén voortgangsbrief.
  wmo_advies:
    orgaan: Wmo-raad
    datum: 2027-10-01
spelregels:
  rolverdeling: De gemeente schrijft, het veld adviseert.
  invloed: Adviseren.
  besluitvorming: De raad stelt de nota vast.
  agenda: De gemeente stelt de agenda vast.
  deelname: Iedere organisatie kan meedoen.
  informatie: Alle stukken staan op de website.
  resultaten: De reactienota laat zien wat er met elk advies is gedaan.
  openbaarheid: Alle bijeenkomsten zijn openbaar.
  conflicten: Bij verschil van mening beslist het college.
  verantwoording: In de reactienota en de evaluatie.
terugkoppeling:
  verslag_binnen_dagen: 21
  reactietermijn_dagen: 14
  na_besluit_dagen: 7
  reactienota: true
evaluatie:
  datum: 2027-12-15
  door: De beleidsmedewerker met het steunpunt.
"""
# The legal frame of a plan running in 2027 (rules participatieverordening-ontbreekt, wmo-advies-
# gevraagd-ongevraagd, participatie-alleen-voorbereiding). It ends BASE, and ``append`` inserts before
# it, so that appended YAML starts at line 120 whatever this block holds.
LEGAL = """\
participatieverordening: {titel: Participatieverordening Teststad 2026, status: vastgesteld, datum: 2026-07-01}
adviesraad: {naam: Adviesraad Sociaal Domein Teststad, ongevraagd_advies: true}
fasenkeuze: Dit traject maakt de nota; de uitvoering krijgt een eigen traject met het steunpunt.
"""
BASE += LEGAL

# The plan van aanpak's own parts (aanleiding, afbakening, organisatie, ...: rule document-onvolledig),
# kept after the brochure's parts so that the line numbers above stay as they are. ``append`` puts
# its text before this block, so appended lines keep the numbers they had before it existed.
PARTS = """\
versie: "1.0"
datum: 2026-12-01
status: concept
aanleiding:
  tekst: De nota vrijwilligerswerk loopt af.
  probleemstelling: Wat hebben vrijwilligers nodig?
afbakening:
  open: [De thema's van de nota.]
  vast: [Het budget.]
organisatie:
  opdrachtgever: De wethouder.
  projectleider: De beleidsmedewerker.
  projectgroep: [Het steunpunt.]
communicatie:
  - {doelgroep: De raad, boodschap: De voortgang., middel: Een raadsinformatiebrief, wanneer: Na elke fase}
projectrisicos:
  - {risico: Te weinig deelnemers., maatregel: Het steunpunt belt organisaties na.}
capaciteit:
  - {wie: Projectleider, uren: 400}
benodigdheden: [Een zaal.]
begroting:
  - {post: Bijeenkomsten, bedrag_eur: 5000}
dekking: Het budget vrijwilligerswerk.
besluitvorming:
  momenten:
    - {orgaan: college, datum: 2026-12-15, besluit: Vaststellen van het plan van aanpak.}
    - {orgaan: raad, datum: 2027-11-25, besluit: Vaststellen van de nota.}
  voorstel: [Het plan van aanpak vast te stellen.]
"""
BASE += PARTS


def lines(text: str = BASE) -> list[str]:
    return text.splitlines()


def edit(*pairs: tuple[str, str], text: str = BASE) -> str:
    """Replace each ``old`` by ``new``; every ``old`` must occur exactly once (no silent misses)."""
    for old, new in pairs:
        count = text.count(old)
        assert count == 1, f"{old!r} occurs {count} times in the plan, expected once"
        text = text.replace(old, new)
    return text


def drop(*olds: str, text: str = BASE) -> str:
    """Remove each (unique) fragment, typically whole lines ending in a newline."""
    return edit(*((old, "") for old in olds), text=text)


def drop_lines(first: int, last: int | None = None, text: str = BASE) -> str:
    """Remove lines ``first``..``last`` (1-based, inclusive) of the plan."""
    rows = text.splitlines(keepends=True)
    last = last or first
    assert 1 <= first <= last <= len(rows)
    return "".join(rows[:first - 1] + rows[last:])


def append(extra: str, text: str = BASE) -> str:
    """Add top-level YAML at the end of the brochure's parts, before the LEGAL and PARTS blocks if the
    text ends with them (line numbers of the base stay valid, and appended lines start where the core
    plan ends)."""
    tail = LEGAL + PARTS
    if text.endswith(tail):
        return text[:-len(tail)] + extra + tail
    return text + extra


def compile_text(text: str, path: str = "plan.yaml"):
    return compile_loaded(load_text(text, path))


def diagnostics(text: str) -> list[Diagnostic]:
    return compile_text(text).result.diagnostics


def findings(text: str, rule: str) -> list[Diagnostic]:
    """The diagnostics of one rule, in position order."""
    return [d for d in diagnostics(text) if d.rule == rule]


def check(text: str, rule: str) -> list[tuple[str, str, int, int]]:
    """``[(rule, severity, line, column), ...]`` for ``rule``, sorted by position."""
    return [(d.rule, d.severity, d.line, d.column) for d in findings(text, rule)]


def messages(text: str, rule: str) -> list[str]:
    return [d.message for d in findings(text, rule)]


if __name__ == "__main__":  # print the base plan with line numbers, for writing tests
    for n, line in enumerate(lines(), 1):
        print(f"{n:4} {line}")


def position_of(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the only occurrence of ``needle`` in ``text``."""
    assert text.count(needle) == 1, needle
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def assert_blank_is_shape_error(text: str, rule: str, blank: str) -> None:
    """Whitespace-only prose is caught by the shape stage (schema-leeg); the rule never runs."""
    line, column = position_of(text, blank)
    assert check(text, "schema-leeg") == [("schema-leeg", "error", line, column)]
    assert check(text, rule) == []
