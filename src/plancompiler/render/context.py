"""Turn a checked plan and the catalog into plain template data.

Every derived fact of the documents is computed here, once: Dutch dates, clock times of programme
blocks, countdown and aftercare dates, totals, the mapping of the law onto the plan. The templates
only lay the data out. Values are plain strings, numbers, lists and dicts; user text stays raw here
and is escaped by the template environment (``escape.py``), never interpreted.
"""
from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any, Iterable, Mapping

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
GETALLEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
            "elf", "twaalf")
OORDEEL = {"voldaan": "Voldaan", "deels": "Deels voldaan", "niet": "Niet voldaan"}


def _answer_names(cat) -> dict:
    """ja/deels/nee as the catalog writes them (evaluatie.yaml, antwoorden)."""
    return {a["id"]: a["naam"] for a in cat.data["evaluatie"]["antwoorden"]}

# Working model of the project for the preparation countdown (the brochure gives no lead times):
# weeks before the activity. Personal approaches start earlier because they take longer (p. 29).
WEKEN_ZAAL = 8
WEKEN_PERSOONLIJK = 6
WEKEN_UITNODIGING = 4
WEKEN_HERINNERING = 1
GENERIEKE_DUUR = 120  # minutes of a meeting without an end time

# Where each plan part appears in the plan van aanpak (for the legal frame).
SECTIES = {
    "visie": "3. Visie",
    "ambitie": "4. Ambitie",
    "kernvoorwaarden": "5. Kernvoorwaarden",
    "fasen": "6. Aanpak per fase",
    "interactie": "6. Aanpak per fase",
    "werving": "7. Werving van deelnemers",
    "draagvlak": "8. Draagvlak",
    "spelregels": "8. Draagvlak en het document Spelregels",
    "terugkoppeling": "8. Draagvlak en het document Spelregels",
    "vertegenwoordiging": "8. Draagvlak en het document Spelregels",
    "begroting": "10. Benodigdheden en begroting",
    "benodigdheden": "10. Benodigdheden en begroting",
    "evaluatie": "11. Evaluatie en het Evaluatiekader",
}


# -- formatting helpers -----------------------------------------------------------------------------

def nl_date(d: date | None, weekday: bool = False) -> str:
    """``15 januari 2027``; with ``weekday``: ``vrijdag 15 januari 2027``. No locale involved."""
    if d is None:
        return ""
    text = f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
    return f"{DAGEN[d.weekday()]} {text}" if weekday else text


def nl_month(d: date) -> str:
    return f"{MAANDEN[d.month - 1]} {d.year}"


def nl_range(start: date | None, end: date | None) -> str:
    if start and end and end != start:
        return f"{nl_date(start)} t/m {nl_date(end)}"
    return nl_date(start or end)


def clock(t: time | datetime | None) -> str:
    return t.strftime("%H:%M") if t is not None else ""


def euro(amount: float | int | None) -> str:
    """Dutch money format: ``€ 1.234,56``."""
    if amount is None:
        return ""
    cents = int(round(float(amount) * 100))
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"€ {sign}{grouped},{frac:02d}"


def number_nl(n: int) -> str:
    return GETALLEN[n] if 0 <= n < len(GETALLEN) else str(n)


def days_in_words(days: int) -> str:
    """``21`` → ``drie weken``; ``10`` → ``tien dagen``; ``1`` → ``één dag``."""
    if days and days % 7 == 0:
        weeks = days // 7
        return "één week" if weeks == 1 else f"{number_nl(weeks)} weken"
    return "één dag" if days == 1 else f"{number_nl(days)} dagen"


def weeks_label(weeks: int) -> str:
    if weeks == 0:
        return "de dag zelf"
    n = abs(weeks)
    unit = "week" if n == 1 else "weken"
    return f"{n} {unit} ervoor" if weeks < 0 else f"{n} {unit} erna"


def _join(items: Iterable[str], last: str = "en") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _get(mapping: Any, *path: str) -> Any:
    node = mapping
    for part in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# -- the context ------------------------------------------------------------------------------------

def document_date(plan) -> date:
    """The date printed on the documents (and SOURCE_DATE_EPOCH): the plan's ``datum``, else the start."""
    return plan.datum or plan.start or date(2000, 1, 1)


def build_context(plan, diagnostics: Iterable = ()) -> dict:
    cat = plan.catalog
    acts = _activities(plan)
    by_id = {a["id"]: a for a in acts}
    terug = _terugkoppeling(plan)
    for a in acts:
        base = a["einddatum_d"] or a["datum_d"]
        verslag = base + timedelta(days=terug["verslag_dagen"]) if base else None
        reactie = verslag + timedelta(days=terug["reactie_dagen"]) if verslag else None
        a["verslag_datum"], a["reactie_datum"] = nl_date(verslag), nl_date(reactie)
        a["kern"] = _key_facts(a)
        a["nazorg"] = _aftercare(a, terug, acts)
        a["voorbereiding"] = _countdown(plan, a)
        a["draaiboek"] = _runsheet(plan, a)
    diagnostics = list(diagnostics)
    meldingen = [_melding(d) for d in diagnostics if not d.waived and d.severity in ("error", "warning")]
    ctx = {
        "titel": _title(plan),
        "activiteiten": acts,
        "fasen": _phases(plan, acts),
        "terugkoppeling": terug,
        "meldingen": meldingen,
        "uitzonderingen": _waivers(plan, diagnostics),
    }
    ctx["samenvatting"] = _summary(plan, acts, meldingen)
    ctx["wet"] = _law(plan, acts)
    ctx["visie"] = _vision(plan)
    ctx["ambitie"] = _ambition(plan)
    ctx["kernvoorwaarden"] = _conditions(plan)
    ctx["interactie"] = {
        "doelen": [cat.doel(d)["naam"] for d in plan.interactie_doelen],
        "resultaat": plan.resultaat,
        "eerst_doel": _get(cat.data, "doelen", "eerst_doel", "tekst") or "",
        "cumulatief": _get(cat.data, "doelen", "cumulatief", "tekst") or "",
    }
    ctx["werving"] = _recruitment(plan)
    ctx["draagvlak"] = _support(plan, by_id)
    ctx["spelregels"] = _rules(plan)
    ctx["vertegenwoordiging"] = _representation(plan)
    ctx["planning"] = _planning(plan, acts)
    ctx["benodigdheden"] = [_s(b) for b in (plan.get("benodigdheden") or ()) if _s(b)]
    ctx["begroting"] = _budget(plan, acts)
    ctx["evaluatie"] = _evaluation(plan, acts)
    return ctx


def _title(plan) -> dict:
    g = plan.gemeente
    contact = g.get("contact") or {}
    contact_text = ", ".join(x for x in (_s(contact.get("naam")), _s(contact.get("email")),
                                          _s(contact.get("telefoon"))) if x)
    naam = _s(g.get("naam")) + (f" ({_s(g.get('code'))})" if _s(g.get("code")) else "")
    regels = [("Gemeente", naam), ("Periode", nl_range(plan.start, plan.eind)),
              ("Datum", nl_date(document_date(plan))), ("Versie", plan.versie or "(geen versienummer)")]
    if _s(g.get("portefeuillehouder")):
        regels.append(("Portefeuillehouder", _s(g.get("portefeuillehouder"))))
    if contact_text:
        regels.append(("Contact", contact_text))
    return {
        "regels": regels,
        "gemeente": _s(g.get("naam")),
        "code": _s(g.get("code")),
        "portefeuillehouder": _s(g.get("portefeuillehouder")),
        "contact_naam": _s(contact.get("naam")),
        "contact_email": _s(contact.get("email")),
        "contact_telefoon": _s(contact.get("telefoon")),
        "periode": nl_range(plan.start, plan.eind),
        "start": nl_date(plan.start),
        "eind": nl_date(plan.eind),
        "datum": nl_date(document_date(plan)),
        "versie": plan.versie or "(geen versienummer)",
    }


def _activities(plan) -> list[dict]:
    cat = plan.catalog
    ids = {a.id: a for a in plan.activiteiten}
    out = []
    for a in plan.activiteiten:
        trede = a.trede(cat)
        inst = a.instrument
        entry = inst.entry if inst else {}
        raw = a.raw
        start_t = datetime.combine(a.datum, a.aanvang) if a.datum and a.aanvang else None
        out.append({
            "nr": a.volgorde + 1,
            "id": a.id,
            "titel": a.titel,
            "naam": a.naam,
            "fase_id": a.fase,
            "fase": cat.fase(a.fase)["naam"],
            "instrument": inst.naam if inst else a.instrument_naam,
            "instrument_eigen": bool(inst and inst.eigen),
            "soort": (entry.get("soort") if entry else None) or "",
            "entry": entry,
            "doel": cat.doel(a.doel)["kort"],
            "doel_naam": cat.doel(a.doel)["naam"],
            "trede_id": trede or "",
            "trede": cat.naam(trede) if trede else "onbekend",
            "invloed": cat.trede(trede).get("in_gewone_woorden", "").strip() if trede else "",
            "datum_d": a.datum,
            "einddatum_d": a.einddatum,
            "datum": nl_date(a.datum) or "nog niet gepland",
            "datum_lang": nl_date(a.datum, weekday=True) or "nog niet gepland",
            "wanneer": nl_range(a.datum, a.einddatum) or "nog niet gepland",
            "aanvang": clock(a.aanvang),
            "einde": clock(a.einde),
            "tijd": (f"{clock(a.aanvang)}–{clock(a.einde)}" if a.aanvang and a.einde else clock(a.aanvang)),
            "start_dt": start_t,
            "locatie": a.locatie,
            "deelnemers": a.deelnemers,
            "deelnemers_tekst": str(a.deelnemers) if a.deelnemers else "",
            "tafels": (ceil_div(a.deelnemers, raw["tafelgrootte"])
                       if a.deelnemers and raw.get("tafelgrootte") else None),
            "tafelgrootte": raw.get("tafelgrootte"),
            "doelgroep": a.doelgroep,
            "trekker": a.trekker,
            "trekkers": [_s(t) for t in (raw.get("trekkers") or ()) if _s(t)],
            "panels": [_s(t) for t in (raw.get("panels") or ()) if _s(t)],
            "voorzitter": _s(raw.get("voorzitter")),
            "mandaat": bool(raw.get("mandaat")),
            "budget": euro(raw.get("budget_eur")) if raw.get("budget_eur") is not None else "",
            "omschrijving": a.omschrijving,
            "bouwt_voort_op_nrs": ", ".join(str(ids[b].volgorde + 1) for b in a.bouwt_voort_op if b in ids),
            "bouwt_voort_op": [f"{ids[b].volgorde + 1}. {ids[b].titel}" for b in a.bouwt_voort_op if b in ids],
            "bouwt_voort_op_ids": list(a.bouwt_voort_op),
        })
    return out


def _key_facts(a: dict) -> list[tuple[str, str]]:
    rows = [("Instrument", f"{a['instrument']} ({a['trede'].lower()}, doel: {a['doel']})"), ("Fase", a["fase"]),
            ("Datum", a["datum_lang"] + (f" t/m {nl_date(a['einddatum_d'])}" if a["einddatum_d"] else ""))]
    if a["tijd"]:
        rows.append(("Tijd", a["tijd"]))
    if a["locatie"]:
        rows.append(("Locatie", a["locatie"]))
    if a["deelnemers_tekst"]:
        text = a["deelnemers_tekst"]
        if a["tafels"]:
            text += f" (tafels van {a['tafelgrootte']}: {a['tafels']} tafels)"
        rows.append(("Deelnemers", text))
    for label, key in (("Doelgroep", "doelgroep"), ("Trekker", "trekker"), ("Voorzitter", "voorzitter"),
                       ("Budget", "budget")):
        if a[key]:
            rows.append((label, a[key]))
    if a["panels"]:
        rows.append(("Panels", "; ".join(a["panels"])))
    if a["bouwt_voort_op"]:
        rows.append(("Bouwt voort op", "; ".join(a["bouwt_voort_op"])))
    return rows


def _phases(plan, acts: list[dict]) -> list[dict]:
    cat = plan.catalog
    out = []
    for i, f in enumerate(plan.fasen):
        c = cat.fase(f.fase)
        max_trede = c.get("max_trede")
        out.append({
            "nr": i + 1,
            "id": f.fase,
            "naam": c["naam"],
            "product": c.get("product", ""),
            "invloed": _s(c.get("invloed")),
            "max_trede": cat.naam(max_trede) if max_trede else "",
            "van_d": f.van,
            "tot_d": f.tot,
            "periode": nl_range(f.van, f.tot) or "nog niet gepland",
            "omschrijving": f.omschrijving,
            "activiteiten": [a for a in acts if a["fase_id"] == f.fase and
                             a["nr"] - 1 in {x.volgorde for x in f.activiteiten}],
        })
    return out


def _terugkoppeling(plan) -> dict:
    cat = plan.catalog.terugkoppeling
    own = plan.get("terugkoppeling")
    src = own if isinstance(own, Mapping) else {}

    def pick(key):
        value = src.get(key)
        return value if value is not None else cat[key]

    verslag, reactie, besluit = pick("verslag_binnen_dagen"), pick("reactietermijn_dagen"), pick("na_besluit_dagen")
    return {
        "eigen": bool(src),
        "bron": cat.get("bron", ""),
        "omschrijving": _s(cat.get("omschrijving")),
        "verslag_dagen": verslag,
        "reactie_dagen": reactie,
        "besluit_dagen": besluit,
        "verslag_woorden": days_in_words(verslag),
        "reactie_woorden": days_in_words(reactie),
        "besluit_woorden": days_in_words(besluit),
        "reactienota": bool(pick("reactienota")),
    }


def _aftercare(a: dict, terug: dict, acts: list[dict]) -> list[dict]:
    base = a["einddatum_d"] or a["datum_d"]
    rows = []
    if base:
        verslag = base + timedelta(days=terug["verslag_dagen"])
        reactie = verslag + timedelta(days=terug["reactie_dagen"])
        rows.append({"datum_d": verslag, "datum": nl_date(verslag),
                     "wat": "Verslag naar alle genodigden, ook naar wie er niet bij was "
                            f"(binnen {terug['verslag_woorden']})."})
        rows.append({"datum_d": reactie, "datum": nl_date(reactie),
                     "wat": f"Laatste dag om op het verslag te reageren ({terug['reactie_woorden']} na het verslag)."})
    later = [b for b in acts if a["id"] in b["bouwt_voort_op_ids"]]
    for b in later:
        rows.append({"datum_d": b["datum_d"], "datum": b["datum"],
                     "wat": f"De uitkomsten zijn input voor activiteit {b['nr']}: {b['titel']}."})
    rows.sort(key=lambda r: (r["datum_d"] or date.max))
    if terug["reactienota"]:
        rows.append({"datum_d": None, "datum": "bij het besluit",
                     "wat": "De reacties en het antwoord van de gemeente staan herkenbaar in de reactienota "
                            "bij het voorstel aan college of raad."})
    rows.append({"datum_d": None, "datum": "na het collegebesluit",
                 "wat": f"Deelnemers binnen {terug['besluit_woorden']} schriftelijk laten weten wat er is besloten."})
    return rows


def _countdown(plan, a: dict) -> list[dict]:
    d = a["datum_d"]
    middelen = [m for m in (plan.get("werving", "middelen") or ()) if isinstance(m, Mapping)]
    college = plan.get("draagvlak", "college", "aanwezig_bij") or ()
    rows: list[tuple[int, str]] = []
    meeting = bool(a["aanvang"])
    if meeting and a["locatie"]:
        rows.append((-WEKEN_ZAAL, f"Zaal vastleggen ({a['locatie']}) en het programma vaststellen."))
    elif meeting:
        rows.append((-WEKEN_ZAAL, "Locatie kiezen en vastleggen; het programma vaststellen."))
    if a["id"] in college:
        rows.append((-WEKEN_ZAAL, "Wethouder en college uitnodigen; de datum in hun agenda laten zetten."))
    personal = [m for m in middelen if m.get("persoonlijk")]
    general = [m for m in middelen if not m.get("persoonlijk")]
    for m in personal:
        who = _join([_group_name(plan, g) for g in (m.get("doelgroepen") or ())])
        rows.append((-WEKEN_PERSOONLIJK, f"Persoonlijke benadering starten: {_s(m.get('kanaal'))}"
                     + (f" (via {_s(m.get('via'))})" if _s(m.get("via")) else "")
                     + (f", voor {who.lower()}" if who else "") + "."))
    for m in general:
        rows.append((-WEKEN_UITNODIGING, f"Uitnodiging versturen: {_s(m.get('kanaal'))}"
                     + (f" (via {_s(m.get('via'))})" if _s(m.get("via")) else "")
                     + "; met wat we vragen, de invloed van deelnemers en wat er met de inbreng gebeurt."))
    if not middelen:
        rows.append((-WEKEN_UITNODIGING, "Uitnodiging versturen (het plan noemt nog geen wervingskanalen onder "
                                         "werving.middelen)."))
    rows.append((-WEKEN_HERINNERING, "Herinnering sturen, aanmeldingen tellen"
                 + (", tafels en materialen klaarzetten." if meeting else " en materialen klaarleggen.")))
    out = []
    if not meeting:
        rows = [(w, t.replace("Uitnodiging versturen:", "Aankondigen:")) for w, t in rows]
    for weeks, wat in sorted(rows, key=lambda r: r[0]):
        when = d + timedelta(weeks=weeks) if d else None
        out.append({"wanneer": weeks_label(weeks), "datum": nl_date(when) or "—", "wat": wat})
    return out


def _group_name(plan, gid: str) -> str:
    for g in plan.catalog.bijzondere_groepen:
        if g["id"] == gid:
            return g["naam"]
    return gid


def _blocks(start: datetime | None, blocks: list[Mapping]) -> list[dict]:
    rows = []
    t = start
    for b in blocks:
        minutes = int(b.get("minuten") or 0)
        lo = b.get("minuten_min")
        if t is not None:
            end = t + timedelta(minutes=minutes)
            tijd = f"vanaf {clock(t)}" if minutes == 0 else f"{clock(t)}–{clock(end)}"
        else:
            end = None
            tijd = "open einde" if minutes == 0 else f"{minutes} min."
        duur = ("open einde" if minutes == 0 else
                f"{lo}–{minutes} min." if lo else f"{minutes} min.")
        rows.append({"tijd": tijd, "begin": clock(t), "eind": clock(end) if minutes else "",
                     "titel": str(b.get("titel", "")), "duur": duur, "rol": str(b.get("rol") or ""),
                     "omschrijving": _s(b.get("omschrijving"))})
        t = end
    return rows


def _runsheet(plan, a: dict) -> dict:
    """The run-sheet: the catalog method, or a generic one so that no activity is left empty."""
    methode = _get(a["entry"], "deel_b", "methode") if a["entry"] else None
    start = a["start_dt"]
    sheet = {"bron": "", "programma": [], "programma_einde": "", "stappen": [], "rollen": [], "materialen": [],
             "tips": [], "voorbeeldvragen": [], "generiek": False, "opmerking": "", "trekkers": []}
    if methode:
        sheet["bron"] = f"brochure p. {_get(a['entry'], 'deel_b', 'pagina')}"
        if methode.get("programma"):
            sheet["programma"] = _blocks(start, list(methode["programma"]))
        if methode.get("stappen"):
            sheet["stappen"] = _steps(a["datum_d"], list(methode["stappen"]))
        sheet["rollen"] = [{"naam": r["naam"], "taak": _s(r.get("taak"))} for r in methode.get("rollen") or ()]
        sheet["materialen"] = [str(m) for m in methode.get("materialen") or ()]
        sheet["tips"] = [_s(t) for t in methode.get("tips") or ()]
        sheet["voorbeeldvragen"] = [str(v) for v in methode.get("voorbeeldvragen") or ()]
    else:
        sheet["generiek"] = True
        if a["aanvang"]:
            sheet["programma"] = _blocks(start, _generic_blocks(a))
        else:
            sheet["stappen"] = _generic_steps(a)
        sheet["rollen"] = _generic_roles(a)
        sheet["materialen"] = _generic_materials(a)
    # the programme against the planned end time
    if sheet["programma"] and a["einde"] and start is not None:
        last = sheet["programma"][-1]
        end = last["eind"] or last["begin"]
        sheet["programma_einde"] = end
        if end and end != a["einde"]:
            if end < a["einde"]:
                sheet["opmerking"] = (f"Het programma eindigt om {end}; tot {a['einde']} is er ruimte voor "
                                      "uitloop en napraten.")
            else:
                sheet["opmerking"] = (f"Let op: het programma duurt tot {end}, later dan de geplande eindtijd "
                                      f"{a['einde']}. Kort de blokken in of pas de eindtijd aan.")
    if a["trekkers"]:
        sheet["trekkers"] = a["trekkers"]
    return sheet


def _steps(d: date | None, steps: list[Mapping]) -> list[dict]:
    out = []
    for s in steps:
        weeks = int(s.get("weken") or 0)
        when = d + timedelta(weeks=weeks) if d else None
        out.append({"week": weeks_label(weeks), "datum": nl_date(when) or "—", "titel": str(s.get("titel", "")),
                    "omschrijving": _s(s.get("omschrijving"))})
    return out


def _generic_blocks(a: dict) -> list[dict]:
    total = GENERIEKE_DUUR
    if a["start_dt"] is not None and a["einde"]:
        end = datetime.combine(a["datum_d"], time.fromisoformat(a["einde"]))
        total = max(30, int((end - a["start_dt"]).total_seconds() // 60))
    intake = 15 if total >= 90 else 0
    opening = 10
    closing = 15 if total >= 60 else 5
    core = max(10, total - intake - opening - closing)
    blocks = []
    if intake:
        blocks.append({"titel": "Ontvangst en inloop", "minuten": intake,
                       "omschrijving": "Deelnemers ontvangen, presentielijst, koffie en thee.", "rol": "Gastheer/-vrouw"})
    blocks.append({"titel": "Opening en spelregels", "minuten": opening,
                   "omschrijving": "Doel van de bijeenkomst, de invloed van de deelnemers en wat er met de "
                                   "inbreng gebeurt (spelregels).", "rol": "Voorzitter"})
    blocks.append({"titel": f"Inhoudelijk deel: {a['instrument']}", "minuten": core,
                   "omschrijving": "Het onderwerp van de activiteit (zie de omschrijving hierboven).",
                   "rol": "Voorzitter"})
    blocks.append({"titel": "Afronding en vervolg", "minuten": closing,
                   "omschrijving": "Samenvatten, vertellen wanneer het verslag komt en wat de volgende stap is.",
                   "rol": "Voorzitter"})
    return blocks


def _generic_steps(a: dict) -> list[dict]:
    d, end = a["datum_d"], a["einddatum_d"]
    onderzoek = a["soort"] == "onderzoek"
    steps: list[tuple[date | None, str, str, str]] = []

    def add(offset_weeks: int, titel: str, wat: str):
        when = d + timedelta(weeks=offset_weeks) if d else None
        steps.append((when, weeks_label(offset_weeks), titel, wat))

    if onderzoek:
        add(-6, "Doel en vragen bepalen", "Leg vast wat u wilt weten en stel de vragen op.")
        add(-4, "Adressen verzamelen", "Stel de lijst van organisaties samen, ook via het steunpunt.")
        add(-1, "Aankondigen", "Kondig het onderzoek aan via de wervingskanalen.")
        add(0, "Start", "Het onderzoek begint; deelnemers ontvangen de uitnodiging.")
    else:
        add(-4, "Voorbereiden", "Afspraken maken met de deelnemers en de benodigdheden regelen.")
        add(0, "Start", "De activiteit begint.")
    if d and end and end > d:
        mid = d + timedelta(days=(end - d).days // 2)
        steps.append((mid, "halverwege", "Tussenstand en herinnering",
                      "Bekijk de respons of voortgang en stuur wie nog niet meedeed een herinnering."))
        steps.append((end, "einddatum", "Afronden", "Sluit af en verwerk de uitkomsten voor het verslag."))
    elif d:
        when = d + timedelta(weeks=4 if onderzoek else 1)
        steps.append((when, weeks_label(4 if onderzoek else 1), "Afronden",
                      "Sluit af en verwerk de uitkomsten voor het verslag."))
    return [{"week": w, "datum": nl_date(when) or "—", "titel": t, "omschrijving": o} for when, w, t, o in steps]


def _generic_roles(a: dict) -> list[dict]:
    roles = [{"naam": "Trekker", "taak": (f"{a['trekker']}: " if a["trekker"] else "") +
              "houdt de regie, bewaakt planning en budget en zorgt voor het verslag."}]
    if a["aanvang"]:
        roles.append({"naam": "Voorzitter", "taak": (f"{a['voorzitter']}: " if a["voorzitter"] else "") +
                      "leidt de bijeenkomst, bewaakt de tijd en geeft iedereen de ruimte."})
        roles.append({"naam": "Verslaglegger", "taak": "Noteert inbreng, afspraken en vervolg voor het verslag."})
        roles.append({"naam": "Gastheer/-vrouw", "taak": "Ontvangt de deelnemers en houdt de presentielijst bij."})
    else:
        roles.append({"naam": "Contactpersoon", "taak": "Beantwoordt vragen van deelnemers en bewaakt de respons."})
    return roles


def _generic_materials(a: dict) -> list[str]:
    if a["aanvang"]:
        return ["Uitnodiging met de spelregels (invloed en terugkoppeling)", "Presentielijst en naambadges",
                "Programma en achtergrondstukken voor de deelnemers", "Flap-over, stiften en verslagformulier"]
    return ["Uitnodiging met de spelregels (invloed en terugkoppeling)", "Adressenlijst van deelnemers",
            "Vragenlijst of gespreksleidraad", "Overzicht van de respons"]


def _summary(plan, acts: list[dict], meldingen: list[dict]) -> dict:
    cat = plan.catalog
    t = plan.type_gewenst
    dates: list[tuple[date, str]] = []
    if plan.start:
        dates.append((plan.start, "Start van het traject"))
    dated = [a for a in acts if a["datum_d"]]
    if dated:
        first = min(dated, key=lambda a: a["datum_d"])
        dates.append((first["datum_d"], f"Eerste activiteit: {first['titel']}"))
    wmo = plan.get("draagvlak", "wmo_advies")
    if isinstance(wmo, Mapping) and wmo.get("datum"):
        d = date.fromisoformat(str(wmo["datum"]))
        dates.append((d, "Advies " + (_s(wmo.get("orgaan")) or "Wmo-raad")))
    for f in plan.fasen:
        if f.fase in ("beleidsplan", "verordening") and f.tot:
            dates.append((f.tot, f"Einde fase {cat.fase(f.fase)['naam'].lower()}"))
    ev = plan.get("evaluatie", "datum")
    if ev:
        dates.append((date.fromisoformat(str(ev)), "Evaluatie"))
    if plan.eind:
        dates.append((plan.eind, "Einde van het traject"))
    dates.sort(key=lambda x: x[0])
    begroting = [b for b in (plan.get("begroting") or ()) if isinstance(b, Mapping)]
    total = sum(float(b.get("bedrag_eur") or 0) for b in begroting)
    return {
        "type": f"{t['id']} ‘{t['naam']}’" if t else "onbekend",
        "trede": f"{cat.trede(plan.trede)['nummer']}. {cat.naam(plan.trede)}",
        "fasen": [cat.fase(f.fase)["naam"] for f in plan.fasen],
        "aantal_fasen": len(plan.fasen),
        "aantal_activiteiten": len(acts),
        "sleuteldata": [{"datum": nl_date(d), "wat": w} for d, w in dates],
        "begroting": euro(total) if begroting else "geen begroting opgenomen",
        "fouten": sum(1 for m in meldingen if m["ernst"] == "fout"),
        "waarschuwingen": sum(1 for m in meldingen if m["ernst"] == "waarschuwing"),
        "resultaat": plan.resultaat,
    }


def _law(plan, acts: list[dict]) -> dict:
    cat = plan.catalog
    wet = cat.wet["wet"]
    leden = []
    for art in cat.wet["artikelen"]:
        parts = [_pointer_part(plan, ptr, acts) for ptr in art.get("plan") or ()]
        leden.append({
            "artikel": art["artikel"], "lid": art["lid"], "tekst": _s(art.get("tekst")),
            "onderdelen": parts,
            "secties": list(dict.fromkeys(p["sectie"] for p in parts)),
            "gedekt": any(p["aanwezig"] for p in parts),
        })
    return {"naam": wet["naam"], "afkorting": wet.get("afkorting", ""), "versie": str(wet.get("versie", "")),
            "opmerking": _s(wet.get("opmerking")), "pagina": str(wet.get("pagina", "")),
            "opvolgers": [o["naam"] for o in wet.get("opvolgers") or ()], "leden": leden}


def _pointer_part(plan, pointer: str, acts: list[dict]) -> dict:
    keys = [k for k in pointer.split("/") if k]
    value = plan.get(*keys) if keys else None
    sectie = SECTIES.get(keys[0], "het plan") if keys else "het plan"
    present = value not in (None, "", [], {}) and value is not False
    if keys == ["fasen"]:
        text = (f"{len(plan.fasen)} fasen met {len(acts)} activiteiten, van "
                f"{nl_date(plan.start)} tot {nl_date(plan.eind)}.")
        present = bool(plan.fasen)
    elif keys == ["ambitie"]:
        text = f"Gekozen trede: {plan.catalog.naam(plan.trede).lower()}"
        if plan.quickscan_score is not None:
            text += f" (quickscan-score {plan.quickscan_score})"
        text += "; deelnemers doen vanaf de eerste fase voorstellen."
        present = True
    elif keys == ["draagvlak"]:
        bits = []
        if plan.get("draagvlak", "intern"):
            bits.append(f"{len(plan.get('draagvlak', 'intern'))} beleidsvelden intern betrokken")
        if plan.get("draagvlak", "college"):
            bits.append("rol van het college vastgelegd")
        if plan.get("draagvlak", "raad"):
            bits.append("afspraken met de raad")
        if plan.get("draagvlak", "wmo_advies"):
            bits.append("advies van de Wmo-raad gepland")
        text = (_join(bits) + ".") if bits else "Ontbreekt in het plan."
        text = text[0].upper() + text[1:]
    elif keys == ["terugkoppeling"]:
        t = _terugkoppeling(plan)
        text = (f"Verslag binnen {t['verslag_woorden']}, daarna {t['reactie_woorden']} om te reageren; na een "
                f"collegebesluit bericht binnen {t['besluit_woorden']}.")
        if not present:
            text += f" (Termijnen van {t['bron']}; het plan legt geen eigen termijnen vast.)"
    elif keys == ["spelregels"]:
        n = sum(1 for r in plan.catalog.spelregels if plan.text("spelregels", r["id"]))
        text = f"{n} van de {len(plan.catalog.spelregels)} spelregels vastgelegd."
        present = n > 0
    elif keys == ["draagvlak", "wmo_advies"] and isinstance(value, Mapping):
        d = value.get("datum")
        text = (f"Advies van {_s(value.get('orgaan')) or 'de Wmo-raad'}"
                + (f" op {nl_date(date.fromisoformat(str(d)))}" if d else "")
                + (f" over: {_s(value.get('onderwerp'))}" if _s(value.get("onderwerp")) else "") + ".")
    elif keys == ["terugkoppeling", "reactienota"]:
        reactienota = _terugkoppeling(plan)["reactienota"]
        text = ("Een reactienota bij het raadsvoorstel laat zien hoe de reacties zijn gewogen."
                if reactienota else "Het plan voorziet niet in een reactienota.")
        present = reactienota
    elif isinstance(value, str):
        text = value.strip()
    elif present:
        text = "Opgenomen in het plan."
    else:
        text = "Ontbreekt in het plan."
    if not present and not text.startswith("Ontbreekt") and keys != ["terugkoppeling"]:
        text = "Ontbreekt in het plan. " + text
    return {"sectie": sectie, "tekst": text, "aanwezig": present}


def _type_info(cat, beleid: str, sturing: str) -> dict | None:
    t = cat.type_for(beleid, sturing)
    dims = cat.data["gemeentetypen"]["dimensies"]
    b = next((x["naam"] for x in dims["beleid"] if x["id"] == beleid), beleid)
    s = next((x["naam"] for x in dims["sturing"] if x["id"] == sturing), sturing)
    if not t:
        return None
    return {"id": t["id"], "naam": t["naam"], "beleid": b, "sturing": s, "omschrijving": _s(t.get("omschrijving")),
            "comfortzone": cat.naam(t["comfortzone"]), "label": f"type {t['id']} ‘{t['naam']}’"}


def _vision(plan) -> dict:
    cat = plan.catalog
    huidig = _type_info(cat, plan.huidig.beleid, plan.huidig.sturing) if plan.huidig else None
    gewenst = _type_info(cat, plan.gewenst.beleid, plan.gewenst.sturing)
    differs = bool(huidig and gewenst and huidig["id"] != gewenst["id"])
    return {
        "waarom": plan.text("visie", "waarom"),
        "doelen": [_s(d) for d in (plan.get("visie", "doelen") or ()) if _s(d)],
        "huidig": huidig,
        "gewenst": gewenst,
        "verandert": differs,
        "conclusie": _s(_get(cat.data, "gemeentetypen", "conclusie", "tekst")) if differs else "",
    }


def _ambition(plan) -> dict:
    cat = plan.catalog
    t = plan.type_gewenst
    chosen = cat.trede(plan.trede)
    cz = plan.comfortzone
    if cz:
        diff = cat.rank(plan.trede) - cat.rank(cz)
        relatie = ("binnen de comfortzone" if diff == 0 else
                   f"{diff} trede{'n' if diff > 1 else ''} boven de comfortzone" if diff > 0 else
                   f"{-diff} trede{'n' if diff < -1 else ''} onder de comfortzone")
    else:
        relatie = ""
    risks = []
    plan_risks = dict(plan.risicos)
    known = cat.risk_ids()
    for r in (t["risicos"] if t else ()):
        risks.append({"risico": _s(r["tekst"]), "maatregel": _s(plan_risks.pop(r["id"], "")) or
                      "Geen maatregel in het plan opgenomen."})
    for rid in sorted(plan_risks):
        text = _s(known[rid]["tekst"]) if rid in known else rid
        risks.append({"risico": text, "maatregel": _s(plan_risks[rid])})
    qs = []
    if plan.quickscan:
        for q, ans in zip(cat.quickscan["vragen"], plan.quickscan):
            qs.append({"nr": q["nummer"], "vraag": q["vraag"], "antwoord": _answer_names(cat).get(ans, ans),
                       "punten": q["punten"][ans]})
    band = plan.quickscan_band
    return {
        "trede": chosen["naam"], "trede_nr": chosen["nummer"], "trede_omschrijving": _s(chosen.get("omschrijving")),
        "interactief": bool(chosen.get("interactief")),
        "comfortzone": cat.naam(cz) if cz else "onbekend",
        "type": f"type {t['id']} ‘{t['naam']}’" if t else "",
        "relatie": relatie,
        "score": plan.quickscan_score,
        "band": cat.naam(band) if band else "",
        "quickscan": qs,
        "motivering": plan.motivering,
        "risicos": risks,
        "comfortzone_uitleg": _s(_get(cat.data, "gemeentetypen", "comfortzone", "tekst")),
    }


def _conditions(plan) -> dict:
    cat = plan.catalog
    rows = []
    for v in cat.voorwaarden:
        own = plan.kernvoorwaarden.get(v["id"]) or {}
        extra = ""
        if v["id"] == "geschikte_problematiek" and own.get("uitgekristalliseerd"):
            p = cat.problematiek_for(own["uitgekristalliseerd"])
            if p:
                extra = f"{p['naam']}. "
        rows.append({
            "naam": v["naam"],
            "criterium": _s(v["criteria"][plan.trede]),
            "oordeel": OORDEEL.get(own.get("oordeel"), "Niet beoordeeld"),
            "toelichting": (extra + _s(own.get("toelichting"))).strip() or "—",
        })
    advies = cat.data["kernvoorwaarden"].get("advies") or {}
    return {"trede": cat.naam(plan.trede), "rijen": rows, "bron": _s(cat.data["kernvoorwaarden"].get("bron")),
            "advies": _s(advies.get("toelichting")) or _s(advies.get("tekst"))}


def _recruitment(plan) -> dict:
    cat = plan.catalog
    w = plan.get("werving") or {}
    steps = []
    names = {s["id"]: s["naam"] for s in cat.sectoren}
    ook = {s["id"]: s["naam"] for s in cat.minder_georganiseerd}
    for step in cat.wervingscirkel:
        regels: list[dict] = []
        lijst: list[str] = []
        sid = step["id"]
        if sid == "doel":
            doel = w.get("doel") or {}
            if _s(doel.get("tekst")):
                regels.append({"label": "Doel", "tekst": _s(doel["tekst"])})
            if doel.get("aantal"):
                regels.append({"label": "Aantal", "tekst": str(doel["aantal"])})
            if doel.get("periode_maanden"):
                regels.append({"label": "Periode", "tekst": f"{doel['periode_maanden']} maanden"})
            if _s(doel.get("tijdsinzet")):
                regels.append({"label": "Gevraagde tijd", "tekst": _s(doel["tijdsinzet"])})
        elif sid == "doelgroep":
            if w.get("sectoren"):
                regels.append({"label": f"Sectoren ({len(w['sectoren'])} van {len(cat.sectoren)})",
                               "tekst": _join([names.get(s, s) for s in w["sectoren"]])})
            if w.get("ook"):
                regels.append({"label": "Ook", "tekst": _join([ook.get(s, s) for s in w["ook"]])})
            if w.get("bijzondere_groepen"):
                regels.append({"label": "Expliciet uitgenodigd",
                               "tekst": _join([_group_name(plan, g) for g in w["bijzondere_groepen"]])})
            if _s(w.get("moeilijk_bereikbaar")):
                regels.append({"label": "Wie zich moeilijk laat horen", "tekst": _s(w["moeilijk_bereikbaar"])})
        elif sid == "boodschap":
            b = w.get("boodschap") or {}
            for item in cat.boodschap:
                if _s(b.get(item["id"])):
                    regels.append({"label": item["naam"], "tekst": _s(b[item["id"]])})
        elif sid == "middel":
            for m in w.get("middelen") or ():
                groups = _join([_group_name(plan, g).lower() for g in (m.get("doelgroepen") or ())])
                text = _s(m.get("kanaal"))
                if _s(m.get("via")):
                    text += f", via {_s(m['via'])}"
                if groups:
                    text += f" (voor {groups})"
                if m.get("persoonlijk"):
                    text += "; persoonlijke benadering"
                lijst.append(text)
        elif sid == "organisatie":
            o = w.get("organisatie") or {}
            if _s(o.get("trekker")):
                regels.append({"label": "Trekker", "tekst": _s(o["trekker"])})
            if o.get("budget_eur") is not None:
                regels.append({"label": "Budget", "tekst": euro(o["budget_eur"])})
            if _s(o.get("planning")):
                regels.append({"label": "Planning", "tekst": _s(o["planning"])})
        steps.append({"naam": step["naam"], "vraag": step["vraag"], "regels": regels, "lijst": lijst,
                      "leeg": not regels and not lijst})
    return {"stappen": steps, "aanwezig": bool(w)}


def _support(plan, by_id: dict) -> dict:
    cat = plan.catalog
    d = plan.get("draagvlak") or {}
    college = d.get("college") or {}
    raad = d.get("raad") or {}
    wmo = d.get("wmo_advies") or {}
    aanwezig = [f"{by_id[i]['nr']}. {by_id[i]['titel']} ({by_id[i]['datum']})"
                for i in college.get("aanwezig_bij") or () if i in by_id]
    return {
        "intern": [_s(x) for x in d.get("intern") or () if _s(x)],
        "intern_uitleg": _s(_get(cat.data, "draagvlak", "intern", "tekst")),
        "college_rol": _s(college.get("rol")),
        "college_aanwezig": aanwezig,
        "college_tip": _s(_get(cat.data, "draagvlak", "college_tip", "tekst")),
        "raad": [{"vraag": q["vraag"], "antwoord": _s(raad.get(q["id"])) or "Nog niet vastgelegd."}
                 for q in cat.raad_vragen],
        "wmo_orgaan": _s(wmo.get("orgaan")),
        "wmo_datum": nl_date(date.fromisoformat(str(wmo["datum"]))) if wmo.get("datum") else "",
        "wmo_onderwerp": _s(wmo.get("onderwerp")),
        "laat_zien": _s(_get(cat.data, "draagvlak", "laat_zien", "tekst")),
    }


def _rules(plan) -> list[dict]:
    return [{"id": r["id"], "naam": r["naam"], "vraag": r["vraag"], "antwoord": plan.text("spelregels", r["id"])}
            for r in plan.catalog.spelregels]


def _representation(plan) -> dict | None:
    v = plan.get("vertegenwoordiging")
    if not isinstance(v, Mapping) or not v:
        return None
    cat = plan.catalog
    rows = []
    for item in cat.vertegenwoordiging:
        value = v.get(item["id"])
        if item["id"] == "faciliteiten":
            lijst = [_s(x) for x in value or () if _s(x)]
            rows.append({"naam": item["naam"], "tekst": "", "lijst": lijst, "ontbreekt": not lijst})
        elif item["id"] == "zittingstermijn_maanden":
            text = f"{value} maanden" if value else ""
            rows.append({"naam": "Zittingstermijn", "tekst": text, "lijst": [], "ontbreekt": not text})
        else:
            rows.append({"naam": item["naam"], "tekst": _s(value), "lijst": [], "ontbreekt": not _s(value)})
    return {"vorm": _s(v.get("vorm")) or "vertegenwoordiging", "regels": rows}


def _planning(plan, acts: list[dict]) -> dict:
    rows = []
    for f in _phases(plan, acts):
        rows.append({"fase": f["naam"], "van": nl_date(f["van_d"]) or "—", "tot": nl_date(f["tot_d"]) or "—",
                     "activiteiten": ", ".join(str(a["nr"]) for a in f["activiteiten"]) or "—"})
    milestones = []
    wmo = plan.get("draagvlak", "wmo_advies")
    if isinstance(wmo, Mapping) and wmo.get("datum"):
        milestones.append({"label": "Wmo-advies", "datum_d": date.fromisoformat(str(wmo["datum"])),
                           "wat": "Advies " + (_s(wmo.get("orgaan")) or "Wmo-raad")})
    ev = plan.get("evaluatie", "datum")
    if ev:
        milestones.append({"label": "Evaluatie", "datum_d": date.fromisoformat(str(ev)), "wat": "Evaluatie"})
    for m in milestones:
        m["datum"] = nl_date(m["datum_d"])
    chrono = sorted((a for a in acts if a["datum_d"]), key=lambda a: (a["datum_d"], a["nr"]))
    return {"fasen": rows, "mijlpalen": milestones, "chronologisch": chrono,
            "ongepland": [a for a in acts if not a["datum_d"]]}


def _budget(plan, acts: list[dict]) -> dict:
    posts = [b for b in (plan.get("begroting") or ()) if isinstance(b, Mapping)]
    total = sum(float(b.get("bedrag_eur") or 0) for b in posts)
    return {
        "posten": [{"post": _s(b.get("post")), "bedrag": euro(b.get("bedrag_eur")),
                    "toelichting": _s(b.get("toelichting"))} for b in posts],
        "totaal": euro(total),
        "aanwezig": bool(posts),
        "activiteiten": [{"titel": f"{a['nr']}. {a['titel']}", "bedrag": a["budget"]} for a in acts if a["budget"]],
    }


def _evaluation(plan, acts: list[dict]) -> dict:
    cat = plan.catalog
    e = plan.get("evaluatie") or {}
    given = e.get("procestest") or {}
    columns = []
    for col in cat.procestest["kolommen"]:
        vragen = []
        for q in col["vragen"]:
            own = given.get(q["id"]) or {}
            antwoord = _answer_names(cat).get(own.get("antwoord"), "")
            vragen.append({"id": q["id"], "vraag": q["vraag"], "antwoord": antwoord,
                           "toelichting": _s(own.get("toelichting")),
                           "vinkje": "☑" if antwoord else "☐"})
        columns.append({"naam": col["naam"], "vragen": vragen})
    pairs = []
    n = max(len(c["vragen"]) for c in columns) if columns else 0
    for i in range(n):
        pairs.append([(c["vragen"][i] if i < len(c["vragen"]) else None) for c in columns])
    all_q = [q for c in columns for q in c["vragen"]]
    datum = e.get("datum")
    return {
        "datum": nl_date(date.fromisoformat(str(datum))) if datum else "",
        "door": _s(e.get("door")),
        "vervolg": _s(e.get("vervolg")),
        "vervolgscenario": _s(_get(cat.data, "evaluatie", "vervolgscenario", "tekst")),
        "bron": cat.procestest.get("bron", ""),
        "pagina": str(cat.procestest.get("pagina", "")),
        "kolommen": columns,
        "paren": pairs,
        "beantwoord": [q for q in all_q if q["antwoord"]],
        "met_toelichting": [q for q in all_q if q["antwoord"] or q["toelichting"]],
        "open": [q for q in all_q if not q["antwoord"]],
        "aantal": len(all_q),
        "activiteiten": [a for a in acts if a["fase_id"] == "evaluatie"],
        "aanwezig": bool(e),
    }


def _melding(d) -> dict:
    from ..diagnostics import SEVERITY_NL

    return {"ernst": SEVERITY_NL[d.severity], "regel": d.rule, "regel_nr": d.line, "tekst": d.message}


def _waivers(plan, diagnostics: list) -> list[dict]:
    out = []
    waived = [d for d in diagnostics if d.waived]
    for w in plan.get("uitzonderingen") or ():
        if not isinstance(w, Mapping):
            continue
        rule = _s(w.get("regel"))
        hits = [d for d in waived if d.rule == rule]
        out.append({"regel": rule, "pad": _s(w.get("pad")) or "het hele plan", "reden": _s(w.get("reden")),
                    "meldingen": [d.message for d in hits]})
    return out


def ceil_div(a: int, b: int) -> int:
    return math.ceil(a / b)
