"""``plancompiler init``: start a plan with the brochure's own questions.

Asks the typetest's two questions for now and for the desired situation (Stap 1), the ten
quickscan questions (Stap 3), shows the score, its band and the comfort zone of the desired type
with its risks (Stap 2), proposes a trede and writes a commented skeleton that validates without
errors. Every answer can also be given as an option, with ``--no-input`` for scripts.
"""
from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import click

PLACEHOLDER = "[invullen]"  # marks every text the officer still has to write
SKELETON_FASEN = ("inventarisatie", "beleidsvoorbereiding", "beleidsplan", "evaluatie")
SKELETON_DOELEN = ("draagvlak", "verrijking")  # the two aims with an instrument on every rung
WIDTH = 96


class InitError(Exception):
    """A wrong answer or option: reported without traceback, exit status 2."""


@dataclass
class Answers:
    gemeente: str
    huidig_beleid: str
    huidig_sturing: str
    beleid: str
    sturing: str
    quickscan: list[str] | None
    trede: str
    start: date
    eind: date
    verordening: dict | None = None  # the participatieverordening (art. 150 Gemeentewet), if known


# -- helpers -----------------------------------------------------------------------------------------

def slug(text: str) -> str:
    from ..catalog import normalize

    return re.sub(r"[^a-z0-9-]", "", normalize(text)).strip("-")


def default_path(gemeente: str) -> str:
    return f"{slug(gemeente) or 'mijn-gemeente'}.plan.yaml"


def _choice(value: str | None, options: list[str], what: str) -> str | None:
    if value is None:
        return None
    v = value.strip().lower()
    for o in options:
        if o.lower() == v:
            return o
    from ..textutil import did_you_mean

    hint = did_you_mean(v, options)
    raise InitError(f"'{value}' is geen geldige {what}. Kies uit: {', '.join(options)}.{hint}")


def parse_quickscan(text: str | None) -> list[str] | None:
    if text is None:
        return None
    answers = []
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        p = part.lower()
        if p in ("ja", "j", "yes", "y"):
            answers.append("ja")
        elif p in ("nee", "n", "no"):
            answers.append("nee")
        else:
            raise InitError(f"Quickscan-antwoord '{part}' is geen ja of nee.")
    if len(answers) != 10:
        raise InitError(f"De quickscan heeft tien vragen; u gaf {len(answers)} antwoorden "
                        "(bijvoorbeeld --quickscan ja,ja,nee,ja,nee,nee,nee,ja,nee,nee).")
    return answers


def parse_date(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise InitError(f"{what} '{text}' is geen datum in de vorm JJJJ-MM-DD.") from None


def default_start(today: date | None = None) -> date:
    today = today or date.today()
    return date(today.year + (today.month == 12), today.month % 12 + 1, 1)


def default_eind(start: date) -> date:
    """Eighteen months: long enough for the seven steps, short enough to stay concrete."""
    month = start.month - 1 + 18
    return date(start.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def wrap(text: str, indent: int = 0) -> str:
    """Wrapped for the terminal; a long word or a hyphenated one is never broken."""
    return "\n".join(textwrap.wrap(" ".join(str(text).split()), WIDTH - indent - 2,
                                   break_long_words=False, break_on_hyphens=False))


# -- the questions -------------------------------------------------------------------------------------

def _date_answer(what: str):
    """A prompt's value_proc: a bad date asks again (click re-prompts on BadParameter)."""
    def convert(value):
        try:
            return parse_date(value, what)
        except InitError as exc:
            raise click.BadParameter(str(exc)) from None
    return convert


def ask(cat, given: dict) -> Answers:
    """Prompt for every answer not given as an option. Every answer is stored in ``given`` as soon
    as it is given, so an interrupted session can print them (see ``resume_command``)."""
    dims = cat.data["gemeentetypen"]["dimensies"]
    beleid_ids = [d["id"] for d in dims["beleid"]]
    sturing_ids = [d["id"] for d in dims["sturing"]]
    ja_nee = click.Choice(["ja", "nee"], case_sensitive=False)

    given["gemeente"] = given["gemeente"] or click.prompt("Naam van de gemeente").strip()
    gemeente = given["gemeente"]
    tt = cat.data["gemeentetypen"]["typetest"]
    click.echo(f"\nStap 1 — Typetest (brochure p. {tt['pagina']}).\n{wrap(tt['tekst'])}\n")
    for dim, label in (("beleid", "Beleid"), ("sturing", "Sturing")):
        for d in dims[dim]:
            click.echo(textwrap.fill(f"{d['id']:<10} {d['naam']}: {' '.join(d['omschrijving'].split())}",
                                     WIDTH, initial_indent="  ", subsequent_indent=" " * 13,
                                     break_long_words=False, break_on_hyphens=False))
        click.echo("")

    def dim_prompt(key, text, ids, default=None):
        if not given[key]:
            given[key] = click.prompt(text, type=click.Choice(ids, case_sensitive=False), default=default).lower()
        return given[key]

    huidig_beleid = dim_prompt("huidig_beleid", "Beleid nu", beleid_ids)
    huidig_sturing = dim_prompt("huidig_sturing", "Sturing nu", sturing_ids)
    beleid = dim_prompt("beleid", "Beleid gewenst", beleid_ids, huidig_beleid)
    sturing = dim_prompt("sturing", "Sturing gewenst", sturing_ids, huidig_sturing)

    if given["quickscan"] is None:
        qs = cat.quickscan
        click.echo(f"\nStap 3 — Quickscan ‘Visie op betrekken’ (brochure p. {qs['pagina']}): "
                   "beantwoord elke vraag met ja of nee.\n")
        given["quickscan_deels"] = []
        for q in qs["vragen"]:
            given["quickscan_deels"].append(click.prompt(f"{q['nummer']:>2}. {q['vraag']}", type=ja_nee).lower())
        given["quickscan"] = given.pop("quickscan_deels")
    quickscan = given["quickscan"]
    show_assessment(cat, beleid, sturing, quickscan)
    proposed = proposal(cat, quickscan)
    if not given["trede"]:
        given["trede"] = click.prompt("Trede voor dit plan", default=proposed,
                                      type=click.Choice(cat.trede_ids, case_sensitive=False)).lower()
    if not given["start"]:
        given["start"] = click.prompt("Begin van het traject (JJJJ-MM-DD)", default=default_start().isoformat(),
                                      value_proc=_date_answer("Begin"))
    start = given["start"]
    if not given["eind"]:
        given["eind"] = click.prompt("Einde van het traject (JJJJ-MM-DD)", default=default_eind(start).isoformat(),
                                     value_proc=_date_answer("Einde"))
    return Answers(gemeente, huidig_beleid, huidig_sturing, beleid, sturing, quickscan, given["trede"], start,
                   given["eind"], ask_verordening(cat))



def ask_verordening(cat) -> dict | None:
    """The participatieverordening the plan relies on (art. 150 Gemeentewet); None when not known yet."""
    from ..render.context.common import nl_date

    click.echo(f"\nWettelijk kader: elke gemeente moet uiterlijk op {nl_date(cat.participatieverordening_uiterlijk)} een "
               "participatieverordening hebben (art. 150 Gemeentewet).")
    titel = click.prompt("Titel van de participatieverordening van uw gemeente (leeg: nog niet bekend)",
                         default="", show_default=False).strip()
    if not titel:
        return None
    out = {"titel": titel, "status": click.prompt(
        "Is zij vastgesteld of in voorbereiding", default="vastgesteld",
        type=click.Choice(["vastgesteld", "in-voorbereiding"], case_sensitive=False)).lower()}

    def optional_date(value: str):
        if not value.strip():
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise click.BadParameter("schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-07-01, of laat leeg.") from None

    def cvdr(value: str):
        value = value.strip().replace(" ", "")
        if value and not re.fullmatch(r"CVDR[0-9]+", value, re.IGNORECASE):
            raise click.BadParameter("schrijf CVDR met de cijfers erachter, bijvoorbeeld CVDR683030, of laat leeg.")
        return value.upper()

    datum = click.prompt("Datum van inwerkingtreding of geplande datum (JJJJ-MM-DD, leeg: onbekend)",
                         default="", show_default=False, value_proc=optional_date)
    if datum:
        out["datum"] = datum
    nummer = click.prompt("CVDR-nummer op lokaleregelgeving.overheid.nl (leeg: onbekend)",
                          default="", show_default=False, value_proc=cvdr)
    if nummer:
        out["cvdr"] = nummer
    return out


def resume_command(given: dict, path: str | None) -> str:
    """The init command line that gives every answer given so far, so none is lost on an interrupt."""
    import shlex

    parts = ["plancompiler", "init"] + ([shlex.quote(path)] if path else [])
    for key in ("gemeente", "huidig_beleid", "huidig_sturing", "beleid", "sturing", "trede", "start", "eind"):
        value = given.get(key)
        if value:
            parts += [f"--{key.replace('_', '-')}", shlex.quote(str(value))]
    answers = given.get("quickscan") or given.get("quickscan_deels")
    if answers and len(answers) == 10:
        parts += ["--quickscan", ",".join(answers)]
    return " ".join(parts)


def proposal(cat, quickscan: list[str] | None) -> str | None:
    """The quickscan band is the proposal: it measures how much influence the council will share."""
    if not quickscan:
        return None
    band = cat.band(cat.quickscan_score(quickscan))
    return band["trede"] if band else None


def show_assessment(cat, beleid: str, sturing: str, quickscan: list[str] | None) -> None:
    t = cat.type_for(beleid, sturing)
    click.echo("")
    if quickscan:
        score = cat.quickscan_score(quickscan)
        band = cat.band(score)
        click.echo(f"Quickscan: score {score} (van 10 tot 20) → {cat.naam(band['trede'])} "
                   f"(band {band['van']}–{band['tot']}, brochure p. {cat.quickscan['pagina']}).")
    if t:
        cz = cat.data["gemeentetypen"]["comfortzone"]
        click.echo(f"Gewenst gemeentetype: {t['id']} ‘{t['naam']}’ (p. {t['pagina']}). "
                   f"Comfortzone: {cat.naam(t['comfortzone'])}.")
        click.echo(wrap(cz["tekst"]) + f" (p. {cz['pagina']})")
        pages = sorted({r["pagina"] for r in t["risicos"]})
        click.echo(f"Risico's van deze comfortzone (p. {', '.join(pages)}):")
        for r in t["risicos"]:
            click.echo(f"  - {r['id']}: {r['tekst']}")
    click.echo("")


# -- the skeleton ----------------------------------------------------------------------------------------

def _segments(start: date, eind: date, n: int) -> list[tuple[date, date]]:
    days = (eind - start).days + 1
    return [(start + timedelta(days=days * i // n), start + timedelta(days=days * (i + 1) // n - 1))
            for i in range(n)]


def pick_instrument(cat, fase: dict, trede: str, doel: str) -> dict:
    """An instrument the brochure allows at ``trede`` for ``doel`` in this phase: the phase's own
    examples first, then the highest rung, then the ones without extra requirements (deel B)."""
    cap = trede
    if fase.get("max_trede") and cat.rank(fase["max_trede"]) < cat.rank(trede):
        cap = fase["max_trede"]
    allowed = cat.allowed(cap, doel)
    examples = set(fase.get("instrumenten") or ())
    return min(allowed, key=lambda i: (i["id"] not in examples, -cat.rank(i["matrix"][doel]),
                                       "deel_b" in i, bool(i.get("vervolg_nodig")), i["id"]))


def skeleton(cat, a: Answers, schema_ref: str):
    from ruamel.yaml.comments import CommentedMap as Map, CommentedSeq as Seq

    def flow(items):
        s = Seq(items)
        s.fa.set_flow_style()
        return s

    desired = cat.type_for(a.beleid, a.sturing)
    now = cat.type_for(a.huidig_beleid, a.huidig_sturing)
    doc = Map()
    doc.yaml_set_start_comment(
        f"yaml-language-server: $schema={schema_ref}\n\n"
        f"Plan voor interactief vrijwilligerswerkbeleid van de gemeente {a.gemeente}, begonnen met\n"
        "'plancompiler init'. Het volgt de acht stappen van MOVISIE, 'Interactieve beleidsvorming'\n"
        f"(2009). Vul alles in waar {PLACEHOLDER} staat en controleer met 'plancompiler validate'.\n"
        "De meldingen noemen wat er nog ontbreekt, met de bladzijde in de brochure.\n\n")
    doc["plancompiler"] = 1
    doc["versie"] = "0.1-concept"
    doc["gemeente"] = Map(naam=a.gemeente)
    doc["periode"] = Map(start=a.start, eind=a.eind)
    if a.verordening:
        doc["participatieverordening"] = Map(a.verordening)
        doc.yaml_set_comment_before_after_key(
            "participatieverordening", before="\nDe participatieverordening waarop dit traject steunt (art. 150 Gemeentewet; elke\n"
            f"gemeente heeft er uiterlijk op {cat.participatieverordening_uiterlijk:%d-%m-%Y} een). Zet er ook "
            "'uitdaagrecht: true' of 'false' bij.")

    visie = Map()
    visie["waarom"] = f"{PLACEHOLDER} Waarom wil de gemeente vrijwilligers bij dit beleid betrekken?"
    visie["doelen"] = Seq([f"{PLACEHOLDER} Wat wil de gemeente met vrijwillige inzet bereiken?"])
    visie["huidig"] = Map(beleid=a.huidig_beleid, sturing=a.huidig_sturing)
    visie["gewenst"] = Map(beleid=a.beleid, sturing=a.sturing)
    visie["gemeentetype"] = desired["id"]
    doc["visie"] = visie
    doc.yaml_set_comment_before_after_key(
        "visie", before="\nStap 1 - Visie (p. 7-10): waarom vrijwilligers betrekken, en welk type gemeente\n"
        "u nu bent en wilt zijn (typetest: smal of breed beleid, dirigent of regisseur).")
    if now:
        visie.yaml_add_eol_comment(f"type {now['id']}: {now['naam']}", "huidig")
    visie.yaml_add_eol_comment(f"type {desired['id']}: {desired['naam']}", "gewenst")

    amb = Map()
    amb["trede"] = a.trede
    if a.quickscan:
        amb["quickscan"] = flow(list(a.quickscan))
        score = cat.quickscan_score(a.quickscan)
        band = cat.band(score)
        amb.yaml_add_eol_comment(f"score {score}: {band['trede']}", "quickscan")
    doc["ambitie"] = amb
    risks = "\n".join(textwrap.fill(f"{r['id']}: {' '.join(r['tekst'].split())}", WIDTH - 2,
                                    initial_indent="  ", subsequent_indent="    ")
                      for r in desired["risicos"])
    doc.yaml_set_comment_before_after_key(
        "ambitie", before=(
            "\nStap 2 en 3 - Ambitie (p. 11-16): de trede van de participatieladder en de quickscan.\n"
            f"De comfortzone van type {desired['id']} is {desired['comfortzone']} (p. 13-14). Kiest u die trede,\n"
            "leg dan per risico een maatregel vast onder 'risicos:' (id: maatregel):\n" + risks + "\n"
            "Wijkt de trede af van comfortzone of quickscan, leg dan uit waarom onder 'motivering:'."))
    amb.yaml_add_eol_comment(" | ".join(cat.trede_ids), "trede")

    kv = Map()
    for v in cat.voorwaarden:
        entry = Map(oordeel="deels")
        kv[v["id"]] = entry
        entry.yaml_add_eol_comment("voldaan | deels | niet; zet er een 'toelichting:' bij", "oordeel")
        kv.yaml_set_comment_before_after_key(
            v["id"], indent=2, before=f"{v['naam']}. Bij {a.trede} vraagt de brochure:\n"
            + wrap(v["criteria"][a.trede], 2))
    doc["kernvoorwaarden"] = kv
    doc.yaml_set_comment_before_after_key(
        "kernvoorwaarden", before="\nStap 3 - Kernvoorwaarden (p. 16-18): beoordeel elke voorwaarde voor de gekozen\n"
        "trede. 'deels' geeft een waarschuwing tot u het beter weet; 'niet' is een fout.")
    fit = next((p for p in cat.problematiek if a.trede in p["treden"]), None)
    if fit:
        kv["geschikte_problematiek"].yaml_add_eol_comment(
            f"past bij {a.trede}: 'uitgekristalliseerd: {fit['id']}'", "oordeel")

    inter = Map()
    inter["doelen"] = flow(list(SKELETON_DOELEN))
    inter["resultaat"] = f"{PLACEHOLDER} Wat moet het proces opleveren, bijvoorbeeld een door het veld gedragen nota?"
    doc["interactie"] = inter
    doel_namen = ", ".join(f"{d['id']} ({d['naam'].lower()})" for d in cat.doelen)
    doc.yaml_set_comment_before_after_key(
        "interactie", before="\n" + wrap(f"Stap 5 - Doel en resultaat van de interactie (p. 23). Doelen: "
                                         f"{doel_namen}. Kies er een of meer; elk doel krijgt een activiteit."))

    fasen = Seq()
    activities: dict[str, dict] = {}
    previous = None
    segments = _segments(a.start, a.eind, len(SKELETON_FASEN))
    for n, (fase_id, (van, tot)) in enumerate(zip(SKELETON_FASEN, segments)):
        fase = cat.fase(fase_id)
        doel = SKELETON_DOELEN[n % len(SKELETON_DOELEN)]
        inst = pick_instrument(cat, fase, a.trede, doel)
        act_id = inst["id"] if inst["id"] not in activities else f"{inst['id']}-{n + 1}"
        act = Map()
        act["id"] = act_id
        act["naam"] = inst["naam"]
        act["instrument"] = inst["id"]
        act["doel"] = doel
        act["datum"] = van + timedelta(days=min(14, (tot - van).days // 2))
        if previous:
            act["bouwt_voort_op"] = flow([previous])
        act["omschrijving"] = f"{PLACEHOLDER} Wat gebeurt er, met wie, en wat doet u met de uitkomst?"
        act.yaml_add_eol_comment(f"cel: {inst['matrix'][doel]} (p. {inst['pagina']}); "
                                 f"zie 'plancompiler catalog instrument {inst['id']}'", "instrument")
        activities[act_id] = act
        block = Map()
        block["fase"] = fase_id
        block["van"] = van
        block["tot"] = tot
        block["omschrijving"] = f"{PLACEHOLDER} {fase['naam']}: wat gebeurt er in deze fase?"
        block["activiteiten"] = Seq([act])
        block.yaml_add_eol_comment(f"{fase['naam']} (p. {fase['pagina']})", "fase")
        fasen.append(block)
        previous = act_id
    doc["fasen"] = fasen
    doc.yaml_set_comment_before_after_key(
        "fasen", before=(
            "\nStap 4 en 5 - Beleidsfasen en instrumenten (p. 19-26). Elke fase heeft minstens één\n"
            "activiteit; kies instrumenten uit de matrix (p. 24) tot en met uw trede, cumulatief (p. 25):\n"
            f"'plancompiler catalog instrumenten --trede {a.trede} --doel draagvlak'. Laat een activiteit\n"
            "voortbouwen op een eerdere ('bouwt_voort_op') voor meer rendement (p. 25-26)."))

    beleidsplan = fasen[SKELETON_FASEN.index("beleidsplan")]
    advies = beleidsplan["van"] + (beleidsplan["tot"] - beleidsplan["van"]) // 2
    draagvlak = Map()
    draagvlak["wmo_advies"] = Map(orgaan=f"{PLACEHOLDER} bijvoorbeeld de Wmo-raad of adviesraad sociaal domein",
                                  datum=advies, onderwerp="Conceptnota vrijwilligerswerkbeleid")
    doc["draagvlak"] = draagvlak
    doc.yaml_set_comment_before_after_key(
        "draagvlak", before=(
            "\nStap 7 - Draagvlak (p. 31-36): college, raad en interne afdelingen ('college:', 'raad:',\n"
            "'intern:'), en het advies van de vertegenwoordigers van gebruikers voordat de raad beslist\n"
            "(p. 4: Wmo 2007 art. 12; nu Wmo 2015 art. 2.1.3 lid 3 sub b). Vul ook 'spelregels' (p. 32),\n"
            "'terugkoppeling' (p. 33) en 'vertegenwoordiging' (p. 34-35) in; Stap 6, de werving, staat onder\n"
            "'werving' (p. 27-30)."))

    last = fasen[-1]["activiteiten"][0]
    evaluatie = Map()
    evaluatie["datum"] = date.fromordinal(last["datum"].toordinal())  # a copy: no YAML alias
    evaluatie["door"] = f"{PLACEHOLDER} wie evalueert, bij voorkeur met de deelnemers"
    evaluatie["vervolg"] = f"{PLACEHOLDER} Welk vervolg kiest u na de evaluatie?"
    resultaat = Map()
    resultaat["doel"] = f"{PLACEHOLDER} welk doel meet u?"
    resultaat["indicator"] = f"{PLACEHOLDER} waaraan ziet u dat het doel is bereikt?"
    resultaat["nulmeting"] = f"{PLACEHOLDER} de stand bij de start"
    resultaat["streefwaarde"] = f"{PLACEHOLDER} wat u wilt bereiken"
    resultaat["bron"] = f"{PLACEHOLDER} waar de gegevens vandaan komen"
    resultaat["moment"] = date.fromordinal(last["datum"].toordinal())  # a copy: no YAML alias
    evaluatie["resultaten"] = [resultaat]
    doc["evaluatie"] = evaluatie
    doc.yaml_set_comment_before_after_key(
        "evaluatie", before="\nStap 8 - Evaluatie (p. 37-38): beantwoord na afloop de procestest onder 'procestest:'.")
    _document_parts(cat, a, doc, draagvlak)
    return doc


def _document_parts(cat, a: Answers, doc, draagvlak) -> None:
    """Every other key the documents show, as a place to fill in: with these filled, a clean
    validate means documents without placeholder sentences (rule document-onvolledig)."""
    from ruamel.yaml.comments import CommentedMap as Map, CommentedSeq as Seq

    fill = PLACEHOLDER
    doc.insert(list(doc).index("versie") + 1, "status", "concept")
    doc.yaml_add_eol_comment("concept | definitief", "status")
    doc.insert(list(doc).index("status") + 1, "datum", date.today())
    doc["gemeente"]["contact"] = Map(naam=f"{fill} naam of functie van de contactpersoon voor deelnemers")
    doc["gemeente"].yaml_add_eol_comment("voeg 'email:' en 'telefoon:' toe", "contact")
    for entry in doc["kernvoorwaarden"].values():
        entry["toelichting"] = f"{fill} Waarop steunt dit oordeel?"

    desired = cat.type_for(a.beleid, a.sturing)
    if desired and a.trede == desired["comfortzone"]:
        doc["ambitie"]["risicos"] = Map((r["id"], f"{fill} Wat doet u tegen dit risico?") for r in desired["risicos"])
    draagvlak.insert(0, "intern", Seq([f"{fill} Welke afdelingen of beleidsvelden doen mee?"]))
    draagvlak.insert(1, "college", Map(rol=f"{fill} Welke rol heeft het college, en waar is de wethouder bij?"))
    draagvlak.insert(2, "raad", Map((q["id"], f"{fill} {q['vraag']}") for q in cat.raad_vragen))
    doc.insert(list(doc).index("draagvlak"), "werving", Map(
        doel=Map(tekst=f"{fill} Wie en hoeveel wilt u bereiken, binnen welke periode?"),
        moeilijk_bereikbaar=f"{fill} Hoe hoort u wie zelf niet naar bijeenkomsten komt?",
        boodschap=Map(vragen=f"{fill} Wat vraagt u van deelnemers?", bieden=f"{fill} Wat biedt u hun?"),
        middelen=Seq([Map(kanaal=f"{fill} Hoe bereikt u deelnemers, bijvoorbeeld een persoonlijke brief?")]),
        organisatie=Map(trekker=f"{fill} Wie organiseert de werving?")))
    doc.yaml_set_comment_before_after_key(
        "werving", before="\nStap 6 - Werving (p. 27-30): de wervingscirkel. Kies ook 'sectoren' en 'ook' uit de\n"
        "catalogus: 'plancompiler catalog' toont ze.")
    doc.insert(list(doc).index("draagvlak") + 1, "spelregels",
               Map((r["id"], f"{fill} {r['vraag']}") for r in cat.spelregels))
    doc["benodigdheden"] = Seq([f"{fill} Zalen, materialen en mensen"])
    doc["aanleiding"] = Map(tekst=f"{fill} Waarom komt dit plan er nu?",
                            probleemstelling=f"{fill} Welke vraag moet het proces beantwoorden?")
    doc.yaml_set_comment_before_after_key(
        "benodigdheden", before="\nPlan van aanpak: de onderdelen die elk gemeentelijk plan van aanpak heeft. Wat u hier\n"
        "leeg laat, meldt 'plancompiler validate' als opmerking (document-onvolledig).")
    doc["afbakening"] = Map(open=Seq([f"{fill} Waarop hebben deelnemers invloed?"]),
                            vast=Seq([f"{fill} Wat ligt vast, bijvoorbeeld het budget?"]))
    doc["organisatie"] = Map(opdrachtgever=f"{fill} bijvoorbeeld de portefeuillehouder",
                             projectleider=f"{fill} naam en functie",
                             projectgroep=Seq([f"{fill} naam of functie en organisatie"]))
    doc["communicatie"] = Seq([Map(doelgroep=f"{fill} bijvoorbeeld de gemeenteraad",
                                   boodschap=f"{fill} Wat vertelt u?", middel=f"{fill} Hoe?",
                                   wanneer=f"{fill} Wanneer?")])
    doc["projectrisicos"] = Seq([Map(risico=f"{fill} Wat kan er misgaan?",
                                     maatregel=f"{fill} Wat doet u om dat te voorkomen?")])
    doc["capaciteit"] = Seq([Map(wie="Projectleider", uren=0, toelichting=f"{fill} Vul de uren in.")])
    doc["begroting"] = Seq([Map(post=f"{fill} Waarvoor zijn de kosten?", bedrag_eur=0)])
    doc["dekking"] = f"{fill} Uit welke begrotingspost worden de kosten betaald?"
    start = a.start
    doc["besluitvorming"] = Map(
        momenten=Seq([Map(orgaan="college", datum=date.fromordinal(start.toordinal()),
                          besluit="Vaststellen van het plan van aanpak en de spelregels.")]),
        voorstel=Seq([f"{fill} Het plan van aanpak vast te stellen."]))


# -- the command -----------------------------------------------------------------------------------------

def run(settings) -> int:
    from . import catalog_for

    path = settings.args[0] if settings.args else None
    force = settings.force
    o = settings.extra or {}
    cat = catalog_for(settings)
    if cat is None:
        return 2
    dims = cat.data["gemeentetypen"]["dimensies"]
    beleid_ids = [d["id"] for d in dims["beleid"]]
    sturing_ids = [d["id"] for d in dims["sturing"]]
    given: dict = {}
    try:
        gemeente = o.get("gemeente")
        given.update({
            "gemeente": gemeente.strip() if gemeente and gemeente.strip() else None,
            "huidig_beleid": _choice(o.get("huidig_beleid"), beleid_ids, "keuze voor het beleid"),
            "huidig_sturing": _choice(o.get("huidig_sturing"), sturing_ids, "keuze voor de sturing"),
            "beleid": _choice(o.get("beleid"), beleid_ids, "keuze voor het beleid"),
            "sturing": _choice(o.get("sturing"), sturing_ids, "keuze voor de sturing"),
            "quickscan": parse_quickscan(o.get("quickscan")),
            "trede": _choice(o.get("trede"), cat.trede_ids, "trede"),
            "start": parse_date(o.get("start"), "Begin"),
            "eind": parse_date(o.get("eind"), "Einde"),
        })
        if path and not force and Path(path).exists():
            raise FileExistsError(path)
        if o.get("no_input"):
            answers = from_options(cat, given)
        else:
            try:
                answers = ask(cat, given)
            except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
                click.echo("\nAfgebroken; er is niets geschreven. Uw antwoorden tot nu toe gaan niet verloren: "
                           "ga verder met\n  " + resume_command(given, path), err=True)
                partial = given.get("quickscan_deels")
                if partial:
                    click.echo(f"Quickscan tot nu toe ({len(partial)} van de {len(cat.quickscan['vragen'])} "
                               f"vragen): {','.join(partial)}", err=True)
                return 130
        if answers.eind < answers.start + timedelta(days=27):
            raise InitError(f"Het traject loopt van {answers.start} tot {answers.eind}; dat is te kort voor "
                            "vier fasen. Kies een einde minstens vier weken na het begin.")
        target = path or default_path(answers.gemeente)
        if not force and Path(target).exists():
            raise FileExistsError(target)
    except InitError as exc:
        click.echo(f"plancompiler: {exc}", err=True)
        if any(v for v in given.values()) and not o.get("no_input"):
            click.echo("Uw antwoorden tot nu toe: " + resume_command(given, path), err=True)
        return 2
    except FileExistsError as exc:
        click.echo(f"plancompiler: '{exc.args[0]}' bestaat al. Kies een andere naam of overschrijf het "
                   "bestand met --force.", err=True)
        return 2

    from ..edit import dumps, write
    from .schema import modeline_target

    try:
        schema_ref, written_schema = modeline_target(target, o.get("schema"))
    except OSError as exc:
        from ..fsutil import os_error_nl

        click.echo(f"plancompiler: kan het schema voor de editor niet schrijven ({os_error_nl(exc)}).", err=True)
        return 2
    text = dumps(skeleton(cat, answers, schema_ref))
    self_check(text, target, cat)
    try:
        write(target, text, force=force)
    except FileExistsError:
        click.echo(f"plancompiler: '{target}' bestaat al. Overschrijf het met --force.", err=True)
        return 2
    except OSError as exc:
        from ..fsutil import os_error_nl

        click.echo(f"plancompiler: kan '{target}' niet schrijven ({os_error_nl(exc)}).", err=True)
        return 2
    click.echo(f"Geschreven: {target} (trede {answers.trede}, type {cat.type_for(answers.beleid, answers.sturing)['id']}).")
    if written_schema:
        click.echo(f"Schema voor de editor geschreven: {written_schema} (zet het mee in git; ververs het na "
                   "een nieuwe versie van plancompiler met 'plancompiler schema --write "
                   f"{os.path.dirname(written_schema) or '.'}').")
    click.echo(f"Vul de teksten met {PLACEHOLDER} in en controleer het plan met: plancompiler validate {target}")
    return 0


def from_options(cat, given: dict) -> Answers:
    missing = [flag for flag, key in (("--gemeente", "gemeente"), ("--beleid", "beleid"), ("--sturing", "sturing"))
               if not given[key]]
    if not given["trede"] and not given["quickscan"]:
        missing.append("--trede of --quickscan")
    if missing:
        raise InitError("Met --no-input zijn nodig: " + ", ".join(missing) + ".")
    start = given["start"] or default_start()
    return Answers(
        gemeente=given["gemeente"],
        huidig_beleid=given["huidig_beleid"] or given["beleid"],  # no change unless told otherwise
        huidig_sturing=given["huidig_sturing"] or given["sturing"],
        beleid=given["beleid"], sturing=given["sturing"], quickscan=given["quickscan"],
        trede=given["trede"] or proposal(cat, given["quickscan"]),
        start=start, eind=given["eind"] or default_eind(start))


def self_check(text: str, target: str, cat) -> None:
    """The skeleton must validate without errors; if not, that is a bug in init (exit status 3)."""
    from ..compiler import compile_loaded
    from ..load import load_text

    compiled = compile_loaded(load_text(text, target), cat)
    errors = [d for d in compiled.result.active() if d.severity == "error"]
    if errors:
        d = errors[0]
        raise RuntimeError(f"het nieuwe plan heeft een fout ({d.rule} op regel {d.line}: {d.message})")
