"""The draaiboek: per activity its key facts, invitation countdown, sessions, run-sheet and aftercare.

What the plan says comes first: its own ``programma`` replaces the method's; its ``plenair``,
``stellingen`` (how many) and ``stellingteksten`` (which), ``sprekers``, ``vragen``, ``rollen``,
``materialen`` and ``wethouder`` shape the programme; the dated meetings of its ``reeks`` give a group
that meets repeatedly its schedule. Then the instrument's method from the catalog (deel B), marked as the brochure's working method or as the project's
working model (``werkmodel``). Only an activity with neither gets a generic programme, said so.

Invitation steps follow the audience of *that* activity (``uitnodiging``, else the kind of
instrument; catalog ``vrijwilligers.uitnodigen``): only an open meeting uses the plan's recruitment
channels, and a channel that goes along with another activity (``bij``) only counts for activities
that build on it, on its date. No derived date lies after the plan's end, and no date of an activity
held before the evaluation lies after the evaluation.
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


GENERIEKE_DUUR = 120  # minutes of a meeting without an end time


MINUTEN_OPBOUW = 45  # the room opens this long before the start, for setting up (working model)


PAUZE_VANAF = 120  # a generic programme of at least this many minutes gets a break (working model)


# The audience when the plan does not say: by the kind of instrument (catalog ``soort``).
PUBLIEK_PER_SOORT = {"bijeenkomst": "open", "communicatie": "open", "structuur": "leden",
                     "onderzoek": "respondenten"}


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


def _limits(plan, a: dict) -> tuple[date | None, str]:
    """The last day a date derived from this activity may fall on, and why (plan end or evaluation)."""
    limit, why = plan.eind, f"het traject eindigt op {nl_date(plan.eind)}" if plan.eind else ""
    e = plan.evaluatie
    start = a["datum_d"]
    if e is not None and e.datum and start and start < e.datum and (limit is None or e.datum <= limit):
        limit, why = e.datum - timedelta(days=1), f"de evaluatie is op {nl_date(e.datum)}"
    return limit, why


def _feedback_dates(plan, a: dict, terug: dict) -> dict:
    """Report and reaction dates from the plan's terms, never past the plan's end or the evaluation."""
    base = a["einddatum_d"] or a["datum_d"]
    out = {"verslag_d": None, "reactie_d": None, "noot": ""}
    if not base:
        return out
    limit, why = _limits(plan, a)
    verslag = base + timedelta(days=terug["verslag_dagen"])
    reactie = verslag + timedelta(days=terug["reactie_dagen"])
    notes = []
    if limit is not None and reactie > limit:
        # report and reaction must both fit before the limit: the report in the first half of what is left
        room = max(0, (limit - base).days)
        if verslag > base + timedelta(days=room // 2):
            verslag = base + timedelta(days=room // 2)
            notes.append("het verslag komt eerder")
        reactie = max(verslag, limit)
        notes.append("de termijn om te reageren is korter")
    out.update(verslag_d=verslag, reactie_d=reactie)
    if notes:
        out["noot"] = f"Let op: {' en '.join(notes)}, want {why}."
    return out


def _aftercare(a: dict, terug: dict, acts: list[dict]) -> list[dict]:
    rows = []
    if a["verslag_d"]:
        rows.append({"datum_d": a["verslag_d"], "datum": nl_date(a["verslag_d"]),
                     "wat": "Verslag naar alle genodigden, ook naar wie er niet bij was"
                            + ("." if a["termijn_noot"] else f" (binnen {terug['verslag_woorden']}).")})
        rows.append({"datum_d": a["reactie_d"], "datum": nl_date(a["reactie_d"]),
                     "wat": "Laatste dag om op het verslag te reageren"
                            + (f". {a['termijn_noot']}" if a["termijn_noot"] else
                               f" ({terug['reactie_woorden']} na het verslag).")})
    later = [b for b in acts if a["id"] in b["bouwt_voort_op_ids"]]
    for b in later:
        # named by the activity, not its date: moving that activity does not change this section
        rows.append({"datum_d": None, "datum": f"voor activiteit {b['nr']}",
                     "wat": f"De uitkomsten zijn input voor activiteit {b['nr']}: {b['titel']}."})
    rows.sort(key=lambda r: (r["datum_d"] or date.max))
    if a["sessies"]:
        rows.insert(0, {"datum_d": None, "datum": "na elke bijeenkomst",
                        "wat": f"Verslag naar de leden binnen {terug['verslag_woorden']}; daarna "
                               f"{terug['reactie_woorden']} om te reageren."})
    if terug["reactienota"]:
        rows.append({"datum_d": None, "datum": "bij het besluit",
                     "wat": "De reacties en het antwoord van de gemeente staan herkenbaar in de reactienota "
                            "bij het voorstel aan college of raad."})
    rows.append({"datum_d": None, "datum": "na het collegebesluit",
                 "wat": f"Deelnemers binnen {terug['besluit_woorden']} schriftelijk laten weten wat er is besloten."})
    return rows


def _audience(plan, model_act, a: dict) -> dict:
    cat = plan.catalog
    entries = {p["id"]: p for p in catalog_value(cat.data, "vrijwilligers", "uitnodigen", "publiek") or ()}
    default = PUBLIEK_PER_SOORT.get(a["soort"]) or ("open" if a["aanvang"] else "genodigden")
    wanted = (model_act.uitnodiging if model_act is not None else None) or default
    return entries.get(wanted) or {"id": wanted, "naam": wanted, "kanalen": False, "stappen": []}


def _countdown(plan, a: dict) -> list[dict]:
    """Preparation before the (first) date: room, wethouder, and the invitation of THIS audience."""
    d = a["datum_d"]
    middelen = plan.werving.middelen if plan.werving else ()
    college = plan.draagvlak.college.aanwezig_bij if plan.draagvlak and plan.draagvlak.college else ()
    publiek = a["publiek"]
    rows: list[tuple[date | None, str, str]] = []

    def add(weeks: int, text: str):
        rows.append((d + timedelta(weeks=weeks) if d else None, weeks_label(weeks), text))

    meeting = bool(a["aanvang"])
    if meeting and a["locatie"]:
        add(-WEKEN_ZAAL, f"Zaal vastleggen ({a['locatie']}) en het programma vaststellen.")
    elif meeting:
        add(-WEKEN_ZAAL, "Locatie kiezen en vastleggen; het programma vaststellen.")
    if a["id"] in college:
        add(-WEKEN_ZAAL, "Wethouder uitnodigen en de datum in de agenda laten zetten"
            + (f"; de rol van de wethouder: {a['wethouder'][:1].lower() + a['wethouder'][1:]}"
               if a["wethouder"] else "") + ("" if a["wethouder"].endswith(".") else "."))
    if publiek.get("kanalen"):
        used = False
        personal: list[str] = []
        mass: list[str] = []
        by_id = {b.id: b for b in plan.activiteiten}
        for m in middelen:
            via = f" (via {m.via})" if m.via else ""
            if m.bij:
                other = by_id.get(m.bij)
                if m.bij not in a["bouwt_voort_op_ids"] or other is None or not other.datum or not d \
                        or other.datum >= d:
                    continue
                rows.append((other.datum, f"bij activiteit {other.volgorde + 1}",
                             f"Uitnodiging meesturen: {m.kanaal}{via}."))
            elif m.persoonlijk:
                who = nl_join([group_name(plan, g) for g in m.doelgroepen])
                personal.append(f"{m.kanaal}{via}" + (f", voor {who.lower()}" if who else ""))
            else:
                mass.append(f"{m.kanaal}{via}")
            used = True
        # one row per moment, however many channels: a plan that adds a channel changes one line
        if personal:
            add(-WEKEN_PERSOONLIJK, f"Persoonlijke benadering starten: {'; '.join(personal)}.")
        if mass:
            add(-WEKEN_UITNODIGING, f"Uitnodiging versturen: {'; '.join(mass)}. Vertel erin wat we vragen, "
                "de invloed van deelnemers en wat er met de inbreng gebeurt.")
        if not used:
            add(-WEKEN_UITNODIGING, "Uitnodiging versturen via de kanalen van de werving (het plan noemt er nog "
                                    "geen onder werving.middelen).")
    for step in publiek.get("stappen") or ():
        add(int(step["weken"]), txt(step["tekst"]))
    rows.sort(key=lambda r: (r[0] or date.max))
    # tasks of the same moment share a row: moving the activity then changes one line per moment
    merged: list[list] = []
    for when, label, text in rows:
        if merged and merged[-1][0] == when and merged[-1][1] == label:
            merged[-1][2] += " " + text
        else:
            merged.append([when, label, text])
    return [{"wanneer": label, "datum": nl_date(when) or "—", "wat": text} for when, label, text in merged]


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


def _plan_mentions(plan, word: str) -> bool:
    """Whether the plan's own organisation texts name ``word`` (e.g. a steunpunt it has)."""
    texts = [a.trekker + " " + a.doelgroep + " " + a.omschrijving for a in plan.activiteiten]
    texts += list(plan.benodigdheden)
    if plan.werving is not None:
        texts += [m.via for m in plan.werving.middelen]
        if plan.werving.organisatie is not None:
            texts.append(plan.werving.organisatie.trekker)
    return any(word in t.lower() for t in texts)


def _roles(catalog_roles: list[Mapping], own, a: dict, plan) -> list[dict]:
    """The method's roles, filled in by the plan's ``rollen`` (same name), then the plan's other roles."""
    own_by_name = {r.rol.lower(): r.wie for r in own}
    college = plan.draagvlak.college.aanwezig_bij if plan.draagvlak and plan.draagvlak.college else ()
    out = []
    for r in catalog_roles:
        naam = r["naam"]
        wie = own_by_name.pop(naam.lower(), "") or txt(r.get("wie"))
        if not wie and naam.lower() == "wethouder" and a["id"] in college:
            wie = plan.gemeente.portefeuillehouder
        out.append({"naam": naam, "wie": wie, "taak": txt(r.get("taak"))})
    for r in own:
        if r.rol.lower() in own_by_name:
            out.append({"naam": r.rol, "wie": r.wie, "taak": ""})
    if a["id"] in college and not any(r["naam"].lower() == "wethouder" for r in out):
        out.append({"naam": "Wethouder", "wie": plan.gemeente.portefeuillehouder,
                    "taak": a["wethouder"] or "Is aanwezig, zoals de rol van het college in het plan zegt."})
    return out


def _generic_blocks(a: dict) -> list[dict]:
    """A programme for a meeting without a method, built from what the plan says about it."""
    total = GENERIEKE_DUUR
    if a["start_dt"] is not None and a["einde"]:
        end = datetime.combine(a["datum_d"], time.fromisoformat(a["einde"]))
        total = max(30, int((end - a["start_dt"]).total_seconds() // 60))
    if a["wethouder"]:
        total -= 10  # the wethouder's own slot (_with_wethouder)
    intake = 15 if total >= 90 else 0
    opening = 10
    closing = 15 if total >= 60 else 5
    pauze = 15 if total >= PAUZE_VANAF else 0
    core = max(10, total - intake - opening - closing - pauze)
    blocks = []
    if intake:
        blocks.append({"titel": "Ontvangst en inloop", "minuten": intake,
                       "omschrijving": "Deelnemers ontvangen, presentielijst, koffie en thee.", "rol": "Gastheer/-vrouw"})
    opening_text = ("Doel van de bijeenkomst, de invloed van de deelnemers en wat er met de inbreng gebeurt "
                    "(spelregels).")
    blocks.append({"titel": "Opening en spelregels", "minuten": opening, "omschrijving": opening_text,
                   "rol": "Voorzitter"})
    parts = []
    if a["plenair"]:
        parts.append({"titel": "Plenaire sessie", "omschrijving": a["plenair"],
                      "rol": "Voorzitter" + (" en sprekers" if a["sprekers"] else "")})
    elif a["sprekers"]:
        parts.append({"titel": "Inleiding", "omschrijving": "Door " + nl_join(a["sprekers"]) + ".",
                      "rol": "Sprekers"})
    if a["stellingen_aantal"]:
        parts.append({"titel": "Stellingen", "omschrijving": "De aanwezigen reageren op "
                      f"{a['stellingen_aantal']} stellingen" + (" (zie hieronder)." if a["stellingen"] else "."),
                      "rol": "Voorzitter"})
    elif a["vragen"]:
        parts.append({"titel": "Gesprek", "omschrijving": "De deelnemers bespreken de vragen hieronder.",
                      "rol": "Voorzitter"})
    if not parts:
        parts.append({"titel": f"Inhoudelijk deel: {a['instrument']}",
                      "omschrijving": "Het onderwerp van de activiteit (zie de omschrijving hierboven).",
                      "rol": "Voorzitter"})
    share = core // len(parts)
    for i, p in enumerate(parts):
        p["minuten"] = share if i < len(parts) - 1 else core - share * (len(parts) - 1)
    if pauze:
        half = len(parts) // 2 if len(parts) > 1 else 1
        if len(parts) == 1:  # split the one part around the break
            first = dict(parts[0], minuten=parts[0]["minuten"] // 2)
            second = dict(parts[0], titel=parts[0]["titel"] + " (vervolg)",
                          minuten=parts[0]["minuten"] - first["minuten"], omschrijving="Vervolg na de pauze.")
            parts = [first, second]
        parts.insert(half, {"titel": "Pauze", "minuten": pauze, "omschrijving": "Koffie en thee.", "rol": ""})
    blocks += parts
    blocks.append({"titel": "Afronding en vervolg", "minuten": closing,
                   "omschrijving": "Samenvatten, vertellen wanneer het verslag komt en wat de volgende stap is.",
                   "rol": "Voorzitter"})
    return blocks


def _with_wethouder(blocks: list[Mapping], a: dict) -> list[Mapping]:
    """The wethouder's slot the plan asks for, after the welcome, unless the method already has one."""
    if not a["wethouder"] or any((b.get("rol") or "").lower().startswith("wethouder") for b in blocks):
        return blocks
    slot = {"titel": "Woord van de wethouder", "minuten": 10, "omschrijving": a["wethouder"], "rol": "Wethouder"}
    first = (blocks[0].get("titel") or "").lower() if blocks else ""
    at = 1 if first.startswith(("inloop", "ontvangst")) else 0
    return [*blocks[:at], slot, *blocks[at:]]


def _runsheet(plan, a: dict, model_act) -> dict:
    methode = catalog_value(a["entry"], "deel_b", "methode") if a["entry"] else None
    start = a["start_dt"]
    sheet = {"bron": "", "werkmodel": False, "eigen": False, "generiek": False, "programma": [],
             "programma_einde": "", "stappen": [], "rollen": [], "materialen": [], "tips": [], "vragen": [],
             "vragen_uit_brochure": False, "generiek_stappen": False, "opmerking": "", "trekkers": [], "opstelling": [],
             "stellingen": list(a["stellingen"])}
    own = model_act.programma if model_act is not None else ()
    if methode:
        sheet["bron"] = f"brochure p. {catalog_value(a['entry'], 'deel_b', 'pagina')}"
        sheet["werkmodel"] = bool(methode.get("werkmodel"))
    if own:
        sheet["eigen"] = True
        sheet["programma"] = _blocks(start, [{"titel": b.onderdeel, "minuten": b.minuten, "rol": b.wie,
                                              "omschrijving": b.wat} for b in own])
    elif methode and methode.get("programma"):
        sheet["programma"] = _blocks(start, _with_wethouder(list(methode["programma"]), a))
    elif a["aanvang"]:
        sheet["generiek"] = not (a["plenair"] or a["stellingen_aantal"] or a["sprekers"] or a["vragen"])
        blocks = _generic_blocks(a)
        blocks = _with_wethouder(blocks, a)
        sheet["programma"] = _blocks(start, blocks)
    if methode and methode.get("stappen"):
        sheet["stappen"] = _capped(_steps(a["datum_d"], list(methode["stappen"])), _limits(plan, a))
    elif not a["aanvang"]:
        sheet["stappen"] = _capped(_generic_steps(a), _limits(plan, a))
        sheet["generiek_stappen"] = True
    roles = list(methode.get("rollen") or ()) if methode else _generic_roles(a)
    sheet["rollen"] = _roles(roles, model_act.rollen if model_act is not None else (), a, plan)
    materials = [str(m) for m in methode.get("materialen") or ()] if methode else _generic_materials(a)
    if a["stellingen_aantal"]:
        materials.append("De stellingen op kaarten of op een scherm")
    sheet["materialen"] = materials + [m for m in a["materialen"] if m not in materials]
    sheet["tips"] = [txt(t) for t in methode.get("tips") or ()] if methode else []
    if a["vragen"]:
        sheet["vragen"] = list(a["vragen"])
    elif methode and methode.get("voorbeeldvragen"):
        steunpunt = _plan_mentions(plan, "steunpunt")
        sheet["vragen"] = [str(v) for v in methode["voorbeeldvragen"] if steunpunt or "steunpunt" not in v.lower()]
        sheet["vragen_uit_brochure"] = True
    if a["aanvang"]:
        sheet["opstelling"] = _setup(a, methode)
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


def _setup(a: dict, methode: Mapping | None) -> list[str]:
    out = []
    if a["start_dt"] is not None:
        open_at = a["start_dt"] - timedelta(minutes=MINUTEN_OPBOUW)
        out.append(f"Zaal open om {clock(open_at)} voor de opbouw ({MINUTEN_OPBOUW} minuten voor de aanvang).")
    if methode and methode.get("opstelling"):
        out.append(txt(methode["opstelling"]))
    elif a["tafels"]:
        out.append(f"{a['tafels']} tafels van {a['tafelgrootte']} personen.")
    elif a["deelnemers"] and a["deelnemers"] <= 20:
        out.append("Eén tafel of stoelen in een kring, zodat iedereen elkaar ziet.")
    else:
        out.append("Stoelen in rijen of aan tafels, met een plek vooraan voor de spreker of voorzitter.")
    return out


def _steps(d: date | None, steps: list[Mapping]) -> list[dict]:
    out = []
    for s in steps:
        weeks = int(s.get("weken") or 0)
        when = d + timedelta(weeks=weeks) if d else None
        out.append({"week": weeks_label(weeks), "datum_d": when, "datum": nl_date(when) or "—",
                    "titel": str(s.get("titel", "")), "omschrijving": txt(s.get("omschrijving"))})
    return out


def _capped(steps: list[dict], limit: tuple[date | None, str]) -> list[dict]:
    """Steps after the plan's end or the evaluation move to the last day before it, and say why."""
    last, why = limit
    for s in steps:
        if last is not None and s["datum_d"] is not None and s["datum_d"] > last:
            s["datum_d"], s["datum"] = last, f"uiterlijk {nl_date(last)}"
            s["omschrijving"] = f"{s['omschrijving']} (eerder dan gewoonlijk, want {why}.)".strip()
    return steps


def _generic_steps(a: dict) -> list[dict]:
    d, end = a["datum_d"], a["einddatum_d"]
    onderzoek = a["soort"] == "onderzoek"
    steps: list[tuple[date | None, str, str, str]] = []

    def add(offset_weeks: int, titel: str, wat: str):
        when = d + timedelta(weeks=offset_weeks) if d else None
        steps.append((when, weeks_label(offset_weeks), titel, wat))

    if onderzoek:
        add(-6, "Doel en vragen bepalen", "Leg vast wat u wilt weten en stel de vragen op.")
        add(-4, "Adressen verzamelen", "Stel de lijst samen van wie u de vragen stuurt.")
        add(0, "Start", "Het onderzoek begint; de deelnemers ontvangen de uitnodiging.")
    elif a["sessies"]:
        add(-4, "Voorbereiden", "De agenda van de eerste bijeenkomst opstellen en de leden uitnodigen.")
    else:
        add(-4, "Voorbereiden", "Afspraken maken met de deelnemers en de benodigdheden regelen.")
        add(0, "Start", "De activiteit begint.")
    if d and end and end > d:
        if onderzoek:
            mid = d + timedelta(days=(end - d).days // 2)
            steps.append((mid, "halverwege", "Tussenstand en herinnering",
                          "Bekijk de respons en stuur wie nog niet meedeed een herinnering."))
        elif not a["sessies"]:
            mid = d + timedelta(days=(end - d).days // 2)
            steps.append((mid, "halverwege", "Tussenstand", "Bespreek met de trekker hoe het gaat en wat er nog nodig is."))
        steps.append((end, "einddatum", "Afronden", "Sluit af en verwerk de uitkomsten voor het verslag."))
    elif d:
        when = d + timedelta(weeks=4 if onderzoek else 1)
        steps.append((when, weeks_label(4 if onderzoek else 1), "Afronden",
                      "Sluit af en verwerk de uitkomsten voor het verslag."))
    return [{"week": w, "datum_d": when, "datum": nl_date(when) or "—", "titel": t, "omschrijving": o}
            for when, w, t, o in steps]


def _generic_roles(a: dict) -> list[dict]:
    roles = [{"naam": "Trekker", "wie": a["trekker"], "taak": "Houdt de regie, bewaakt planning en budget en zorgt voor "
              "het verslag."}]
    if a["aanvang"]:
        roles.append({"naam": "Voorzitter", "wie": a["voorzitter"],
                      "taak": "Leidt de bijeenkomst, bewaakt de tijd en geeft iedereen de ruimte."})
        roles.append({"naam": "Verslaglegger", "taak": "Noteert inbreng, afspraken en vervolg voor het verslag."})
        roles.append({"naam": "Gastheer/-vrouw", "taak": "Ontvangt de deelnemers en houdt de presentielijst bij."})
    elif a["soort"] == "onderzoek":
        roles.append({"naam": "Contactpersoon", "taak": "Beantwoordt vragen van deelnemers en bewaakt de respons."})
    else:
        roles.append({"naam": "Contactpersoon", "taak": "Beantwoordt vragen van deelnemers en houdt de afspraken bij."})
    return roles


def _generic_materials(a: dict) -> list[str]:
    if a["aanvang"]:
        return ["Uitnodiging met de spelregels (invloed en terugkoppeling)", "Presentielijst en naambadges",
                "Programma en achtergrondstukken voor de deelnemers", "Flap-over, stiften en verslagformulier"]
    if a["soort"] == "onderzoek":
        return ["Uitnodiging met de spelregels (invloed en terugkoppeling)", "Adressenlijst van deelnemers",
                "Vragenlijst", "Overzicht van de respons"]
    return ["Uitnodiging met de spelregels (invloed en terugkoppeling)", "Lijst van deelnemers en afspraken",
            "Gespreksleidraad of agenda", "Verslagformulier"]


def _sessions(a: dict, model_act) -> list[dict]:
    """The dated meetings of the activity's ``reeks``, in date order, each with its own place if given."""
    reeks = model_act.reeks if model_act is not None else None
    dated = sorted((b for b in (reeks.bijeenkomsten if reeks is not None else ()) if b.datum is not None),
                   key=lambda b: b.datum)
    return [{"nr": i + 1, "datum": nl_date(b.datum, weekday=True), "tijd": a["tijd"],
             "locatie": b.locatie or a["locatie"]} for i, b in enumerate(dated)]


def add_to_activities(plan, acts: list[dict], terug: dict) -> None:
    """Give every activity dict what the draaiboek shows of it (the spelregels and pva read some too)."""
    by_id = {x.id: x for x in plan.activiteiten}
    for a in acts:
        m = by_id.get(a["id"])
        a["plenair"] = m.plenair if m is not None else ""
        a["stellingen"] = list(m.stellingteksten) if m is not None else []
        a["stellingen_aantal"] = (m.stellingen or len(m.stellingteksten)) if m is not None else 0
        a["vragen"] = list(m.vragen) if m is not None else []
        a["sprekers"] = list(m.sprekers) if m is not None else []
        a["wethouder"] = m.wethouder if m is not None else ""
        a["materialen"] = list(m.materialen) if m is not None else []
        a["sessies"] = _sessions(a, m)
        a["publiek"] = _audience(plan, m, a)
        dates = _feedback_dates(plan, a, terug)
        a["verslag_d"], a["reactie_d"], a["termijn_noot"] = dates["verslag_d"], dates["reactie_d"], dates["noot"]
        if a["sessies"]:  # a group that meets repeatedly: a report after every session, not one date
            a["verslag_d"] = a["reactie_d"] = None
            a["termijn_noot"] = (f"Na elke bijeenkomst komt binnen {terug['verslag_woorden']} een verslag.")
        a["verslag_datum"], a["reactie_datum"] = nl_date(a["verslag_d"]), nl_date(a["reactie_d"])
        a["kern"] = _key_facts(a)
        a["nazorg"] = _aftercare(a, terug, acts)
        a["voorbereiding"] = _countdown(plan, a)
        a["draaiboek"] = _runsheet(plan, a, m)
