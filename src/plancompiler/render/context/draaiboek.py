"""The draaiboek: per activity its key facts, preparation countdown, run-sheet and aftercare.

The run-sheet is the catalog's method (deel B) where the brochure gives one, else a generic one
so that no activity is left empty.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Mapping

from .common import clock, catalog_value, group_name, nl_date, nl_join, txt, weeks_label

# Working model of the project for the preparation countdown (the brochure gives no lead times):
# weeks before the activity. Personal approaches start earlier because they take longer (p. 29).
WEKEN_ZAAL = 8


WEKEN_PERSOONLIJK = 6


WEKEN_UITNODIGING = 4


WEKEN_HERINNERING = 1


GENERIEKE_DUUR = 120  # minutes of a meeting without an end time


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
    middelen = plan.werving.middelen if plan.werving else ()
    college = plan.draagvlak.college.aanwezig_bij if plan.draagvlak and plan.draagvlak.college else ()
    rows: list[tuple[int, str]] = []
    meeting = bool(a["aanvang"])
    if meeting and a["locatie"]:
        rows.append((-WEKEN_ZAAL, f"Zaal vastleggen ({a['locatie']}) en het programma vaststellen."))
    elif meeting:
        rows.append((-WEKEN_ZAAL, "Locatie kiezen en vastleggen; het programma vaststellen."))
    if a["id"] in college:
        rows.append((-WEKEN_ZAAL, "Wethouder en college uitnodigen; de datum in hun agenda laten zetten."))
    personal = [m for m in middelen if m.persoonlijk]
    general = [m for m in middelen if not m.persoonlijk]
    for m in personal:
        who = nl_join([group_name(plan, g) for g in m.doelgroepen])
        rows.append((-WEKEN_PERSOONLIJK, f"Persoonlijke benadering starten: {m.kanaal}"
                     + (f" (via {m.via})" if m.via else "")
                     + (f", voor {who.lower()}" if who else "") + "."))
    for m in general:
        rows.append((-WEKEN_UITNODIGING, f"Uitnodiging versturen: {m.kanaal}"
                     + (f" (via {m.via})" if m.via else "")
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
                     "omschrijving": txt(b.get("omschrijving"))})
        t = end
    return rows


def _runsheet(plan, a: dict) -> dict:
    """The run-sheet: the catalog method, or a generic one so that no activity is left empty."""
    methode = catalog_value(a["entry"], "deel_b", "methode") if a["entry"] else None
    start = a["start_dt"]
    sheet = {"bron": "", "programma": [], "programma_einde": "", "stappen": [], "rollen": [], "materialen": [],
             "tips": [], "voorbeeldvragen": [], "generiek": False, "opmerking": "", "trekkers": []}
    if methode:
        page = catalog_value(a['entry'], 'deel_b', 'pagina')
        sheet["bron"] = (f"een werkmodel van plancompiler (werkafspraak), naar de brochure p. {page}"
                         if methode.get("werkmodel") else f"de werkwijze in de brochure p. {page}")
        if methode.get("programma"):
            sheet["programma"] = _blocks(start, list(methode["programma"]))
        if methode.get("stappen"):
            sheet["stappen"] = _steps(a["datum_d"], list(methode["stappen"]))
        sheet["rollen"] = [{"naam": r["naam"], "taak": txt(r.get("taak"))} for r in methode.get("rollen") or ()]
        sheet["materialen"] = [str(m) for m in methode.get("materialen") or ()]
        sheet["tips"] = [txt(t) for t in methode.get("tips") or ()]
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
                    "omschrijving": txt(s.get("omschrijving"))})
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


def add_to_activities(plan, acts: list[dict], terug: dict) -> None:
    """Give every activity dict what the draaiboek shows of it (the plan van aanpak reads some too)."""
    for a in acts:
        base = a["einddatum_d"] or a["datum_d"]
        verslag = base + timedelta(days=terug["verslag_dagen"]) if base else None
        reactie = verslag + timedelta(days=terug["reactie_dagen"]) if verslag else None
        a["verslag_datum"], a["reactie_datum"] = nl_date(verslag), nl_date(reactie)
        a["kern"] = _key_facts(a)
        a["nazorg"] = _aftercare(a, terug, acts)
        a["voorbereiding"] = _countdown(plan, a)
        a["draaiboek"] = _runsheet(plan, a)
