"""Generate the bad-input corpus in tests/corpus/bad/ and its manifest expected.yaml.

    python tests/corpus/make_corpus.py

Every case is a plan file that ``plancompiler validate`` must refuse with one particular diagnostic
at one particular place. The expected position is computed here from the text itself (the place
of a marker string), never by running plancompiler, so the corpus tests the tool rather than
recording what it happens to do. Most cases are small edits of BASE, a short plan that touches
every section of the schema and is valid as far as the schema goes.

The generated files are committed too; rerun this script after changing it and commit both.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
MANIFEST = BAD / "expected.yaml"

BASE = """\
# Een kort plan dat elke sectie van het schema raakt (basis voor het corpus met foute invoer).
plancompiler: 1
versie: "1.0"
datum: 2027-01-15
gemeente:
  naam: Ergens
  code: GM0999
  portefeuillehouder: Wethouder Zorg
  contact:
    naam: Beleidsmedewerker
    email: beleid@ergens.example
    telefoon: "0123 456 789"
periode:
  start: 2027-02-01
  eind: 2028-12-31
visie:
  waarom: Vrijwilligers houden de kernen leefbaar.
  doelen:
    - Meer jongeren doen vrijwilligerswerk.
  huidig:
    beleid: smal
    sturing: regisseur
  gewenst:
    beleid: breed
    sturing: regisseur
  gemeentetype: IV
ambitie:
  trede: adviseren
  quickscan: [ja, ja, ja, nee, ja, nee, ja, nee, ja, nee]
  motivering: Het veld weet zelf het best wat nodig is.
  risicos:
    geen-sturing: Een klankbordgroep bewaakt de samenhang.
kernvoorwaarden:
  openheid:
    oordeel: voldaan
    toelichting: Er is ruimte om het beleid te veranderen.
  geschikte_problematiek:
    oordeel: deels
    uitgekristalliseerd: grotendeels
interactie:
  doelen: [draagvlak, verrijking]
  resultaat: Een nota met de inbreng van het veld.
fasen:
  - fase: inventarisatie
    van: 2027-02-01
    tot: 2027-06-30
    omschrijving: We halen op wat organisaties nodig hebben.
    activiteiten:
      - id: cafe
        naam: Vrijwilligerscafe
        instrument: vrijwilligerscafe
        doel: verrijking
        datum: 2027-03-16
        aanvang: "19:30"
        einde: "21:30"
        locatie: Dorpshuis
        deelnemers: 40
        tafelgrootte: 8
        bouwt_voort_op: []
        trekker: Steunpunt
        mandaat: false
        budget_eur: 1500
eigen_instrumenten:
  - id: dorpsronde
    naam: Dorpsronde
    trede: raadplegen
    doelen: [verrijking]
benodigdheden:
  - Een zaal
werving:
  doel:
    tekst: Dertig organisaties doen mee.
    aantal: 30
    periode_maanden: 4
  sectoren: [sport-en-recreatie, zorg-en-hulpverlening]
  ook: [informele-groepen]
  bijzondere_groepen: [jongeren]
  boodschap:
    vragen: Uw ervaring.
    bieden: Een netwerk.
  middelen:
    - kanaal: Uitnodigingsbrief
      via: Steunpunt
      doelgroepen: [jongeren]
      persoonlijk: true
  organisatie:
    trekker: Steunpunt
    budget_eur: 2000
draagvlak:
  intern: [Wmo, Sport]
  college:
    rol: Het college stelt de spelregels vast.
    aanwezig_bij: [cafe]
  raad:
    kaders: Breed beleid binnen het budget.
  wmo_advies:
    orgaan: Wmo-raad
    datum: 2027-11-17
spelregels:
  invloed: Advies; de raad beslist.
  deelname: Elke organisatie kan meedoen.
terugkoppeling:
  verslag_binnen_dagen: 21
  reactietermijn_dagen: 14
  reactienota: true
vertegenwoordiging:
  vorm: klankbordgroep
  faciliteiten: [Vergaderruimte]
  zittingstermijn_maanden: 12
evaluatie:
  datum: 2029-03-20
  door: Beleidsmedewerker
  procestest:
    kennis-benut:
      antwoord: ja
      toelichting: Eerdere ervaringen zijn gebruikt.
  vervolg: Organisaties nemen het over.
begroting:
  - post: Vrijwilligerscafe
    bedrag_eur: 1500
    toelichting: Zaal en koffie.
uitzonderingen:
  - regel: niet-interactief
    pad: /ambitie
    reden: Bewust gekozen.
"""

MINI = """\
plancompiler: 1
gemeente:
  naam: Ergens
periode:
  start: 2027-01-01
  eind: 2027-12-31
visie:
  gewenst:
    beleid: smal
    sturing: dirigent
ambitie:
  trede: informeren
fasen:
  - fase: inventarisatie
    activiteiten: []
"""

CASES: list[dict] = []


def where(text: str, marker: str, nth: int = 1, shift: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of the nth occurrence of marker, plus shift."""
    at = -1
    for _ in range(nth):
        at = text.index(marker, at + 1)
    at += shift
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def edit(old: str, new: str, base: str = BASE, nth: int = 1) -> str:
    assert base.count(old) >= nth, f"{old!r} not in base"
    parts = base.split(old)
    return old.join(parts[:nth]) + new + old.join(parts[nth:])


def case(name: str, content, rule: str, at: tuple[int, int], what: str, exit: int = 1,
         suggestion: str | None = None) -> None:
    CASES.append({"name": name, "content": content, "rule": rule, "line": at[0], "column": at[1],
                  "what": what, "exit": exit, "suggestion": suggestion})


def mutate(name: str, old: str, new: str, rule: str, marker: str, what: str, nth: int = 1,
           shift: int = 0, suggestion: str | None = None, base: str = BASE) -> None:
    """BASE with one edit; the diagnostic is expected at marker (searched in the edited text)."""
    text = edit(old, new, base)
    case(name, text, rule, where(text, marker, nth, shift), what, suggestion=suggestion)


# ---- malformed YAML ------------------------------------------------------------------------------

t = edit('  naam: Ergens\n', '  naam: "Ergens\n')
case("aanhalingsteken-open-dubbel", t, "yaml-syntaxis", where(t, '"Ergens'), "unclosed double quote")
t = edit('  naam: Ergens\n', "  naam: 'Ergens\n")
case("aanhalingsteken-open-enkel", t, "yaml-syntaxis", where(t, "'Ergens"), "unclosed single quote")
t = edit("  quickscan: [ja, ja, ja, nee, ja, nee, ja, nee, ja, nee]\n",
         "  quickscan: [ja, ja, ja, nee, ja, nee, ja, nee, ja, nee\n")
case("haak-open-lijst", t, "yaml-syntaxis", where(t, "[ja, ja"), "unclosed [ flow list")
t = edit("  college:\n    rol: Het college stelt de spelregels vast.\n",
         "  college: {rol: Het college stelt de spelregels vast.\n")
case("haak-open-verzameling", t, "yaml-syntaxis", where(t, "{rol"), "unclosed { flow mapping")
t = edit("  doelen: [draagvlak, verrijking]\n", "  doelen: [draagvlak, verrijking]]\n")
case("haak-te-veel", t, "yaml-syntaxis", where(t, "]]", shift=1), "extra closing bracket")
t = edit("    sturing: regisseur\n  gewenst:", "     sturing: regisseur\n  gewenst:")
case("inspringing-te-diep", t, "yaml-syntaxis", where(t, "     sturing:", shift=12),
     "key indented deeper than its siblings")
t = edit("    sturing: regisseur\n  gewenst:", "   sturing: regisseur\n  gewenst:")
case("inspringing-te-ondiep", t, "yaml-syntaxis", where(t, "   sturing: regisseur", shift=3),
     "key indented less than its siblings")
t = edit("    naam: Dorpsronde\n", "   naam: Dorpsronde\n")
case("inspringing-lijst", t, "yaml-syntaxis", where(t, "   naam: Dorpsronde", shift=3),
     "list item key out of line")
t = edit("  naam: Ergens\n", "\tnaam: Ergens\n")
case("tab-inspringing", t, "yaml-syntaxis", where(t, "\tnaam"), "tab used for indentation")
t = edit("  eind: 2028-12-31\n", "  eind: 2028-12-31\n  \tx: 1\n")
case("tab-midden", t, "yaml-syntaxis", where(t, "  \tx", shift=2), "tab inside indentation")
case("document-lijst", "- plancompiler: 1\n- gemeente: Ergens\n", "yaml-geen-mapping", (1, 1),
     "the document is a list")
case("document-tekst", "Dit is geen plan maar een zin.\n", "yaml-geen-mapping", (1, 1),
     "the document is a single scalar")
case("document-getal", "# alleen een getal\n42\n", "yaml-geen-mapping", (2, 1), "the document is a number")
t = MINI + "---\n" + MINI
case("meerdere-documenten", t, "yaml-meerdere-documenten", where(t, "---"), "two documents in one file")
case("leeg", "", "yaml-leeg", (1, 1), "an empty file (0 bytes)")
case("alleen-commentaar", "# plan volgt nog\n# (leeg)\n\n", "yaml-leeg", (1, 1), "only comments")
case("alleen-witruimte", "\n\n   \n\n", "yaml-leeg", (1, 1), "only blank lines")
case("alleen-documentstart", "---\n", "yaml-leeg", (1, 1), "a document marker with nothing after it")
t = edit("  resultaat: Een nota met de inbreng van het veld.\n",
         "  resultaat: Een nota: met de inbreng van het veld.\n")
case("dubbele-punt-in-tekst", t, "yaml-syntaxis", where(t, ": met", 1), "': ' inside unquoted text")
t = edit('  motivering: Het veld weet zelf het best wat nodig is.\n',
         '  motivering: "Het veld \\weet het"\n')
case("escape-onbekend", t, "yaml-syntaxis", where(t, "\\weet"), "unknown escape in double quotes")
t = edit("  naam: Ergens\n", "  naam: Erg\x07ens\n")
case("stuurteken", t, "yaml-syntaxis", where(t, "\x07"), "a control character (BEL)")
t = edit("  naam: Ergens\n", "  naam: Ergens\n  code: &c GM0999\n").replace("  code: GM0999\n", "", 1)
t = edit("  portefeuillehouder: Wethouder Zorg\n", "  portefeuillehouder: *wethouder\n", base=t)
case("alias-onbekend", t, "yaml-syntaxis", where(t, "*wethouder"), "alias to an anchor that does not exist")
t = edit("  naam: Ergens\n", "  naam: !!python/object/apply:os.system [echo gehackt]\n")
case("tag-python-object", t, "yaml-tag", where(t, "!!python"), "!!python/object/apply tag")
t = edit("  naam: Ergens\n", "  naam: !!python/name:os.system\n")
case("tag-python-name", t, "yaml-tag", where(t, "!!python"), "!!python/name tag")
t = edit("benodigdheden:\n  - Een zaal\n", "benodigdheden: !!set {Een zaal}\n")
case("tag-set", t, "yaml-tag", where(t, "!!set"), "!!set tag on a mapping")
t = edit("  naam: Ergens\n", "  naam: !eigen Ergens\n")
case("tag-eigen", t, "yaml-tag", where(t, "!eigen"), "a local tag")
t = edit("spelregels:\n", "spelregels:\n  ? [invloed, deelname]\n  : Beide open.\n")
case("sleutel-complex-lijst", t, "yaml-complexe-sleutel", where(t, "[invloed"), "a list used as a key")
t = edit("spelregels:\n", "spelregels:\n  {invloed: x}: Beide open.\n")
case("sleutel-complex-verzameling", t, "yaml-complexe-sleutel", where(t, "{invloed"),
     "a flow mapping used as a key")
t = BASE.replace("visie:\n", "visie: &v\n", 1).replace("spelregels:\n", "spelregels:\n  *v : x\n", 1)
case("sleutel-complex-alias", t, "yaml-complexe-sleutel", where(t, "*v : x"), "an alias to a mapping as key")
t = BASE + "%YAML 1.2\n"
case("directief-na-inhoud", t, "yaml-syntaxis", where(t, "%YAML"), "a directive after the content")
t = edit("  naam: Ergens\n", "  naam: Ergens\n  omschrijving: |\n    regel een\n   regel twee\n")
case("tekstblok-inspringing", t, "yaml-syntaxis", where(t, "   regel twee", shift=3),
     "block scalar line indented less than the block")
t = edit("  naam: Ergens\n", "  naam: &1 Ergens\n  code: & GM0999\n").replace("  code: GM0999\n", "", 1)
case("anker-zonder-naam", t, "yaml-syntaxis", where(t, "& GM", shift=1), "'&' without an anchor name")

# ---- duplicate keys: reported at the second one --------------------------------------------------
t = edit("periode:\n", "gemeente:\n  naam: Nogmaals\nperiode:\n")
case("dubbel-bovenaan", t, "yaml-dubbele-sleutel", where(t, "gemeente:", 2), "a top-level key twice")
t = edit("        doel: verrijking\n", "        doel: verrijking\n        instrument: debat\n")
case("dubbel-activiteit", t, "yaml-dubbele-sleutel", where(t, "instrument:", 2, shift=0),
     "a key twice inside an activity")
t = edit("  doelen: [draagvlak, verrijking]\n", "  doelen: [draagvlak, verrijking]\n  doelen: [ambitie]\n")
case("dubbel-lijstsleutel", t, "yaml-dubbele-sleutel", where(t, "  doelen: [ambitie]", shift=2),
     "a key twice, the second with a flow list")
t = edit("  college:\n    rol: Het college stelt de spelregels vast.\n",
         "  college: {rol: A, aanwezig_bij: [cafe], rol: B}\n").replace("    aanwezig_bij: [cafe]\n", "", 1)
case("dubbel-in-haakjes", t, "yaml-dubbele-sleutel", where(t, "rol: B"), "a key twice in a flow mapping")

# ---- dates, times, numbers -----------------------------------------------------------------------
mutate("datum-30-februari", "  eind: 2028-12-31\n", "  eind: 2027-02-30\n", "yaml-datum-ongeldig",
       "2027-02-30", "a date that does not exist (30 February)")
mutate("datum-maand-13", "        datum: 2027-03-16\n", "        datum: 2027-13-01\n", "yaml-datum-ongeldig",
       "2027-13-01", "month 13")
mutate("datum-29-februari-geen-schrikkeljaar", "  datum: 2027-11-17\n", "  datum: 2027-02-29\n",
       "yaml-datum-ongeldig", "2027-02-29", "29 February in a year that is not a leap year")
mutate("datum-bestaat-niet-tussen-aanhalingstekens", "  datum: 2029-03-20\n", '  datum: "2029-04-31"\n',
       "schema-vorm", '"2029-04-31"', "a quoted date that does not exist")
mutate("datum-nederlandse-schrijfwijze", "    van: 2027-02-01\n", "    van: 1-2-2027\n", "schema-vorm",
       "1-2-2027", "a date written the Dutch way (d-m-jjjj)")
mutate("tijd-25-uur", '        aanvang: "19:30"\n', '        aanvang: "25:00"\n', "schema-vorm",
       '"25:00"', "a time 25:00")
mutate("tijd-60-minuten", '        einde: "21:30"\n', "        einde: 21:60\n", "schema-vorm", "21:60",
       "a time 21:60 (unquoted)")
mutate("tijd-zonder-voorloopnul", '        aanvang: "19:30"\n', "        aanvang: 7:30\n", "schema-vorm",
       "7:30", "a time without a leading zero")
mutate("getal-negatief-deelnemers", "        deelnemers: 40\n", "        deelnemers: -5\n", "schema-bereik",
       "-5", "a negative number of participants")
mutate("getal-absurd-deelnemers", "        deelnemers: 40\n", "        deelnemers: 5000000\n",
       "schema-bereik", "5000000", "five million participants")
mutate("getal-negatief-bedrag", "    bedrag_eur: 1500\n", "    bedrag_eur: -250.50\n", "schema-bereik",
       "-250.50", "a negative amount")
mutate("getal-absurd-bedrag", "    budget_eur: 2000\n", "    budget_eur: 1.0e12\n", "schema-bereik",
       "1.0e12", "an amount of a trillion euro")
mutate("getal-dagen-te-veel", "  verslag_binnen_dagen: 21\n", "  verslag_binnen_dagen: 400\n",
       "schema-bereik", "400", "a report after 400 days")
mutate("getal-nan", "    budget_eur: 2000\n", "    budget_eur: .nan\n", "schema-bereik", ".nan",
       "not a number (.nan)")
mutate("getal-oneindig", "        budget_eur: 1500\n", "        budget_eur: .inf\n", "schema-bereik", ".inf",
       "infinity (.inf)")
mutate("getal-overloop", "  aantal: 30\n", "  aantal: 1e999\n", "schema-bereik", "1e999",
       "a float that overflows to infinity")
mutate("getal-5000-cijfers", "  zittingstermijn_maanden: 12\n",
       "  zittingstermijn_maanden: " + "9" * 5000 + "\n", "schema-bereik", "99999",
       "an integer of 5000 digits (beyond Python's int/str conversion limit)")
mutate("getal-hex-reus", "    periode_maanden: 4\n", "    periode_maanden: 0x" + "f" * 5000 + "\n",
       "schema-bereik", "0xfff", "a hexadecimal integer of 5000 digits")
mutate("getal-als-tekst", "  aantal: 30\n", "  aantal: dertig\n", "schema-type", "dertig",
       "a number written as a word")
mutate("getal-tag-fout", "        tafelgrootte: 8\n", "        tafelgrootte: !!int acht\n", "yaml-syntaxis",
       "!!int", "an explicit !!int tag on text")

# ---- wrong types, every section ------------------------------------------------------------------
mutate("type-plancompiler-tekst", "plancompiler: 1\n", 'plancompiler: "1"\n', "schema-type", '"1"',
       "format version as text")
mutate("waarde-plancompiler-2", "plancompiler: 1\n", "plancompiler: 2\n", "schema-waarde", "plancompiler: 2",
       "unsupported format version", shift=len("plancompiler: "))
mutate("type-versie-getal", 'versie: "1.0"\n', "versie: 1.0\n", "schema-type", "1.0", "version as a number")
mutate("type-gemeente-tekst", "gemeente:\n  naam: Ergens\n  code: GM0999\n  portefeuillehouder: Wethouder Zorg\n"
       "  contact:\n    naam: Beleidsmedewerker\n    email: beleid@ergens.example\n    telefoon: \"0123 456 789\"\n",
       "gemeente: Ergens\n", "schema-type", "Ergens", "gemeente as text instead of a mapping")
mutate("vorm-gemeentecode", "  code: GM0999\n", '  code: "0999"\n', "schema-vorm", '"0999"', "bad CBS code")
mutate("vorm-email", "    email: beleid@ergens.example\n", "    email: geen adres\n", "schema-vorm",
       "geen adres", "an e-mail address without @")
mutate("type-periode-lijst", "periode:\n  start: 2027-02-01\n  eind: 2028-12-31\n",
       "periode: [2027-02-01, 2028-12-31]\n", "schema-type", "[2027", "periode as a list")
mutate("type-visie-doelen-tekst", "  doelen:\n    - Meer jongeren doen vrijwilligerswerk.\n",
       "  doelen: Meer jongeren doen vrijwilligerswerk.\n", "schema-type", "Meer jongeren",
       "visie.doelen as text instead of a list")
mutate("waarde-beleid", "    beleid: breed\n", "    beleid: middel\n", "schema-waarde", "middel",
       "beleid not smal/breed")
mutate("waarde-gemeentetype", "  gemeentetype: IV\n", "  gemeentetype: 4\n", "schema-type", "gemeentetype: 4",
       "gemeentetype as a number", shift=len("gemeentetype: "))
mutate("waarde-trede-tikfout", "  trede: adviseren\n", "  trede: advisern\n", "schema-waarde", "advisern",
       "a misspelled rung", suggestion="adviseren")
mutate("aantal-quickscan", "  quickscan: [ja, ja, ja, nee, ja, nee, ja, nee, ja, nee]\n",
       "  quickscan: [ja, ja, ja, nee, ja, nee, ja, nee, ja, nee, ja]\n", "schema-aantal", "[ja",
       "eleven quickscan answers")
mutate("waarde-quickscan-antwoord", "  quickscan: [ja, ja, ja, nee,", "  quickscan: [ja, ja, ja, misschien,",
       "schema-waarde", "misschien", "a quickscan answer that is not ja/nee")
mutate("vorm-risico-sleutel", "    geen-sturing: Een", "    geen-sturing: Een\n    Te_Weinig_Tijd: Een",
       "schema-vorm", "Te_Weinig", "a risk id with capitals (propertyNames), reported at the key")
mutate("type-kernvoorwaarde", "  openheid:\n    oordeel: voldaan\n    toelichting: Er is ruimte om het beleid te veranderen.\n",
       "  openheid: ja\n", "schema-type", "openheid: ja", "a condition as text", shift=len("openheid: "))
mutate("waarde-oordeel", "    oordeel: deels\n", "    oordeel: half\n", "schema-waarde", "half",
       "an assessment that is not voldaan/deels/niet")
mutate("dubbel-interactiedoel", "  doelen: [draagvlak, verrijking]\n", "  doelen: [draagvlak, draagvlak]\n",
       "schema-dubbel", "draagvlak]", "the same aim twice (uniqueItems)")
t = BASE[:BASE.index("fasen:\n")] + "fasen:\n  fase: inventarisatie\n" + BASE[BASE.index("eigen_instrumenten:"):]
case("type-fasen-verzameling", t, "schema-type", where(t, "fase: inventarisatie"),
     "fasen as a mapping instead of a list")
t = BASE[:BASE.index("fasen:\n")] + "fasen: []\n" + BASE[BASE.index("eigen_instrumenten:"):]
t = t.replace("    aanwezig_bij: [cafe]\n", "", 1)
case("aantal-fasen-leeg", t, "schema-aantal", where(t, "[]"), "an empty list of phases")
mutate("waarde-fase", "  - fase: inventarisatie\n", "  - fase: inventariseren\n", "schema-waarde",
       "inventariseren", "a misspelled phase", suggestion="inventarisatie")
mutate("type-deelnemers-tekst", "        deelnemers: 40\n", "        deelnemers: veertig\n", "schema-type",
       "veertig", "participants as a word")
mutate("type-mandaat", "        mandaat: false\n", "        mandaat: misschien\n", "schema-type", "misschien",
       "a boolean as text")
mutate("vorm-activiteit-id", "      - id: cafe\n", "      - id: Café Noord\n", "schema-vorm", "Café",
       "an activity id with capitals and a space")
mutate("type-eigen-instrument-doelen", "    doelen: [verrijking]\n", "    doelen: verrijking\n", "schema-type",
       "doelen: verrijking", "eigen instrument doelen as text", shift=len("doelen: "))
mutate("type-benodigdheden", "benodigdheden:\n  - Een zaal\n", "benodigdheden: 3\n", "schema-type",
       "benodigdheden: 3", "benodigdheden as a number", shift=len("benodigdheden: "))
mutate("waarde-sector", "  sectoren: [sport-en-recreatie,", "  sectoren: [sport,", "schema-waarde",
       "sport,", "an unknown sector")
mutate("type-persoonlijk", "      persoonlijk: true\n", "      persoonlijk: ja\n", "schema-type",
       "persoonlijk: ja", "persoonlijk as ja instead of true", shift=len("persoonlijk: "))
mutate("vorm-aanwezig-bij", "    aanwezig_bij: [cafe]\n", "    aanwezig_bij: [Het Café]\n", "schema-vorm",
       "Het Café", "an activity reference that is not an id")
mutate("type-raad", "  raad:\n    kaders: Breed beleid binnen het budget.\n", "  raad: [kaders]\n",
       "schema-type", "[kaders]", "raad as a list")
mutate("type-spelregel-getal", "  invloed: Advies; de raad beslist.\n", "  invloed: 5\n", "schema-type",
       "invloed: 5", "a rule of play as a number", shift=len("invloed: "))
mutate("type-reactienota", "  reactienota: true\n", "  reactienota: ja\n", "schema-type", "reactienota: ja",
       "reactienota as ja instead of true", shift=len("reactienota: "))
mutate("type-faciliteiten", "  faciliteiten: [Vergaderruimte]\n", "  faciliteiten: Vergaderruimte\n",
       "schema-type", "Vergaderruimte\n", "faciliteiten as text")
mutate("waarde-procestest", "      antwoord: ja\n", "      antwoord: misschien\n", "schema-waarde",
       "misschien", "a process-test answer that is not ja/deels/nee")
mutate("type-bedrag-met-euroteken", "    bedrag_eur: 1500\n", '    bedrag_eur: "€ 1.500"\n', "schema-type",
       '"€ 1.500"', "an amount with a euro sign")
mutate("vorm-uitzondering-regel", "  - regel: niet-interactief\n", "  - regel: Niet Interactief\n",
       "schema-vorm", "Niet Interactief", "a waiver rule id with capitals")
mutate("leeg-naam", "  naam: Ergens\n", '  naam: ""\n', "schema-leeg", '""', "an empty name")
mutate("type-naam-leeg", "  naam: Ergens\n", "  naam:\n", "schema-type", "  naam:\n",
       "a key without value (reported where the value should be)", shift=len("  naam:"))
mutate("type-naam-boolean", "  naam: Ergens\n", "  naam: true\n", "schema-type", "true",
       "a name that YAML reads as a boolean")
mutate("verplicht-fasen", "fasen:\n", "faasen:\n", "schema-verplicht", "plancompiler:",
       "a required top-level key missing (misspelled)")
mutate("verplicht-instrument", "        instrument: vrijwilligerscafe\n", "", "schema-verplicht", "id: cafe",
       "an activity without instrument")
mutate("verplicht-sturing", "    beleid: breed\n    sturing: regisseur\n", "    beleid: breed\n",
       "schema-verplicht", "gewenst:", "gewenst without sturing")

# ---- unknown and misspelled keys, with the suggestion --------------------------------------------
mutate("sleutel-tikfout-bovenaan", "gemeente:\n", "gemeentee:\n", "schema-onbekende-sleutel", "gemeentee",
       "a misspelled top-level key", suggestion="gemeente")
mutate("sleutel-tikfout-visie", "    sturing: regisseur\n  gemeentetype", "    sturring: regisseur\n  gemeentetype",
       "schema-onbekende-sleutel", "sturring", "a misspelled nested key", suggestion="sturing")
mutate("sleutel-tikfout-activiteit", "        instrument: vrijwilligerscafe\n",
       "        instrumnet: vrijwilligerscafe\n", "schema-onbekende-sleutel", "instrumnet",
       "a misspelled key in an activity", suggestion="instrument")
mutate("sleutel-tikfout-begroting", "begroting:\n", "begrooting:\n", "schema-onbekende-sleutel", "begrooting",
       "a misspelled section", suggestion="begroting")
mutate("sleutel-tikfout-terugkoppeling", "  reactietermijn_dagen: 14\n", "  reactie_termijn_dagen: 14\n",
       "schema-onbekende-sleutel", "reactie_termijn", "an extra underscore", suggestion="reactietermijn_dagen")
mutate("sleutel-onbekend", "werving:\n", "kleur: blauw\nwerving:\n", "schema-onbekende-sleutel", "kleur",
       "a key the format does not know")

# ---- encoding and bytes --------------------------------------------------------------------------
raw = BASE.encode("utf-8").replace(b"  naam: Ergens\n", "  naam: Ergens-Zuidé\n".encode("latin-1"), 1)
line = BASE[: BASE.index("  naam: Ergens\n")].count("\n") + 1
case("codering-latin1", raw, "yaml-codering", (line, len("  naam: Ergens-Zuid") + 1),
     "Latin-1 byte 0xe9 in a UTF-8 file")
raw = BASE.encode("utf-8").replace(b"  naam: Ergens\n", "  naam: Ergens \u2013 Zuid\n".encode("utf-8")
                                   + b"  code: \xff\xfe\n", 1).replace(b"  code: GM0999\n", b"", 1)
case("codering-na-multibyte", raw, "yaml-codering", (line + 1, len("  code: ") + 1),
     "an invalid byte after multi-byte characters (column counted in characters)")
case("codering-utf16", MINI.encode("utf-16"), "yaml-codering", (1, 1), "a UTF-16 file with byte order mark")
raw = MINI.encode("utf-8").replace(b"  naam: Ergens\n", b"  naam: Erg\x00ens\n")
case("nul-byte", raw, "yaml-syntaxis", (3, len("  naam: Erg") + 1), "a NUL byte in a text")
case("binair", bytes(range(256)) * 4, "yaml-syntaxis", (1, 1), "binary data (starts with NUL)")
raw = b"\xef\xbb\xbf" + MINI.encode("utf-8").replace(b"plancompiler: 1\n", b"plancompilr: 1\n")
case("bom-met-fout", raw, "schema-onbekende-sleutel", (1, 1),
     "a UTF-8 byte order mark is accepted and does not shift columns", suggestion="plancompiler")
raw = MINI.encode("utf-8").replace(b"periode:\n", b"\xef\xbb\xbfperiode:\n")
case("bom-midden", raw, "yaml-syntaxis", (4, 1), "a byte order mark in the middle of the file")

# ---- size and nesting ----------------------------------------------------------------------------
long_text = "woord " * 174763  # 1 MiB of text on one line
t = edit("  waarom: Vrijwilligers houden de kernen leefbaar.\n", f"  waarom: {long_text}en: nog meer\n")
case("regel-van-1-mb", t, "yaml-syntaxis", where(t, "en: nog", shift=2),
     "a 1 MiB line with a ': ' at its end (column beyond 1.000.000)")
t = edit("  waarom: Vrijwilligers houden de kernen leefbaar.\n",
         "  waarom: Vrijwilligers houden de kernen leefbaar.\n  doel: " + "x" * 200_000 + "\n")
case("sleutel-na-lange-regel", t, "schema-onbekende-sleutel", where(t, "  doel: xx", shift=2),
     "an unknown key followed by a 200 kB value", suggestion="doelen")
t = edit("benodigdheden:\n  - Een zaal\n", "benodigdheden: " + "[" * 200 + "]" * 200 + "\n")
# the root mapping is level 1 and the first '[' level 2: the 64th '[' opens level 65
case("diep-genest-haakjes", t, "yaml-te-diep", where(t, "benodigdheden: [", shift=len("benodigdheden: ") + 63),
     "200 nested flow lists (the 64th level is refused)")
deep = "".join("  " * i + f"n{i}:\n" for i in range(100)) + "  " * 100 + "x: 1\n"
# n0's mapping is level 1 ... the mapping on line k (holding n(k-1)) is level k: line 65 is level 65
case("diep-genest-inspringing", deep, "yaml-te-diep", (65, 2 * 64 + 1), "100 levels of block mappings")
t = edit("benodigdheden:\n  - Een zaal\n",
         "benodigdheden:\n" + "".join("  " * i + "- \n" for i in range(1, 80)) + "  " * 80 + "- x\n")
# the root mapping is level 1; the list starting on the i-th line after 'benodigdheden:' (indented
# 2*i) is level i+1, so level 65 starts on line +64, column 129
first = where(t, "benodigdheden:\n")[0]
case("diep-genest-lijsten", t, "yaml-te-diep", (first + 64, 2 * 64 + 1), "80 levels of block lists")

# An alias bomb ('billion laughs'): ten levels, each ten aliases of the previous one.
bomb = "plancompiler: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))


def _bomb_position(text: str, limit: int) -> tuple[int, int]:
    """Where the expanded node count first exceeds limit (scalars and collections count one each)."""
    total, sizes = 1, {}  # the root mapping
    for lineno, row in enumerate(text.splitlines(), 1):
        key, _, rest = row.partition(": ")
        total += 1  # the key
        if not rest.startswith("&"):
            total += 1
            continue
        name, _, body = rest[1:].partition(" ")
        total += 1  # the list
        size = 1
        col = len(key) + 2 + 1 + len(name) + 2  # after '[', 0-based
        for item in body[1:-1].split(", "):
            n = sizes[item[1:]] if item.startswith("*") else 1
            total += n
            size += n
            if total > limit:
                return lineno, col + 1
            col += len(item) + 2
        sizes[name] = size
    raise AssertionError("no bomb")


case("alias-bom", bomb, "yaml-te-groot", _bomb_position(bomb, 100_000),
     "billion laughs: 10^10 values after alias expansion")

# ---- issue 13: hostile plans, round two ----------------------------------------------------------------
case("sleutel-complex-genest", "{[a]: b}: c\n", "yaml-complexe-sleutel", (1, 1),
     "a complex key inside a complex key (once, pointer '')")
for suffix, esc in (("nul", "\\0"), ("escape", "\\e"), ("verticale-tab", "\\v"), ("fffe", "\\uFFFE"),
                    ("ffff", "\\uFFFF")):
    mutate(f"stuurteken-{suffix}-in-tekst", "  naam: Ergens\n", f'  naam: "Ergens{esc}"\n', "tekst-stuurteken",
           '"Ergens', f"a character XML forbids, from the escape {esc} in a double-quoted value")
mutate("stuurteken-in-sleutel", "  naam: Ergens\n", '  naam: Ergens\n  "x\\ex": 1\n', "tekst-stuurteken",
       '"x', "an ESC character in a key, from an escape")
mutate("tekst-te-lang", "  waarom: Vrijwilligers houden de kernen leefbaar.\n",
       "  waarom: " + "lang " * 12_000 + "\n", "tekst-te-lang", "lang ", "a 60.000-character text (limit 20.000)")
chain = "".join(f"c{i}: &c{i} [*c{i - 1}]\n" for i in range(1, 80))
t = edit("benodigdheden:\n  - Een zaal\n", "c0: &c0 [x]\n" + chain + "benodigdheden:\n  - Een zaal\n")
# c_i's list is level 2 and holds i levels more through its alias: c63 holds the first alias past 64
case("alias-te-diep", t, "yaml-te-diep", where(t, "*c62]"), "nesting through a chain of aliases")
mutate("samenvoegsleutel", "  naam: Ergens\n", "  <<: {naam: Ergens}\n", "yaml-samenvoegsleutel", "<<",
       "a YAML 1.1 merge key")
case("directief-onbekend", "%FOO bar\n---\n" + MINI, "yaml-syntaxis", (1, 1), "an unknown directive")
case("yaml-versie-1.3", "%YAML 1.3\n---\n" + MINI, "yaml-syntaxis", (1, 1), "a YAML version plancompiler does not know")
cr = MINI.replace("  naam: Ergens\n", "  naam: Erg\x07ens\n").replace("\n", "\r")
case("cr-regeleinden-stuurteken", cr, "yaml-syntaxis", (3, len("  naam: Erg") + 1),
     "a control character in a file with CR-only line ends (lines counted like YAML)")
raw = MINI.replace("\n", "\r").encode("utf-8").replace(b"  naam: Ergens\r", b"  naam: Erg\x00ens\r")
case("cr-regeleinden-nul", raw, "yaml-syntaxis", (3, len("  naam: Erg") + 1), "a NUL byte in a CR-only file")
raw = MINI.replace("\n", "\r\n").encode("utf-8").replace(b"  naam: Ergens", "  naam: Ergé".encode("latin-1"))
case("crlf-latin1", raw, "yaml-codering", (3, len("  naam: Erg") + 1), "a Latin-1 byte in a CRLF file")


def write() -> None:
    if BAD.exists():
        shutil.rmtree(BAD)
    BAD.mkdir(parents=True)
    names = set()
    lines = ["# Bad-input corpus: file → expected diagnostic. Generated by make_corpus.py; do not edit.",
             "# rule: the rule id that must be reported; line/column: 1-based, columns in characters;",
             "# exit: the exit status of 'plancompiler validate'; suggestion: the 'Bedoelt u ...?' text.",
             ""]
    for c in CASES:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        content = c["content"]
        binary = isinstance(content, bytes)
        fname = c["name"] + (".bin" if c["name"] == "binair" else ".plan.yaml")
        path = BAD / fname
        if binary:
            path.write_bytes(content)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
        lines.append(f"{fname}:")
        lines.append(f"  rule: {c['rule']}")
        lines.append(f"  line: {c['line']}")
        lines.append(f"  column: {c['column']}")
        lines.append(f"  exit: {c['exit']}")
        if c["suggestion"]:
            lines.append(f"  suggestion: {c['suggestion']}")
        lines.append(f"  what: {json.dumps(c['what'], ensure_ascii=False)}")
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(CASES)} files in {BAD}")


if __name__ == "__main__":
    write()
