"""The plan van aanpak for the college: its chapters, their numbers, and what each one shows.

Every derived fact is computed here, once: the summary's key dates, the mapping of the law onto
the plan, the comfortzone relation, totals. Chapter numbers come from ``HOOFDSTUKKEN`` only.
"""
from __future__ import annotations

from datetime import date

from ...model import Kernvoorwaarde, stated
from ...textutil import pointer_tokens
from .common import answer_names, catalog_value, euro, group_name, nl_date, nl_join, phases, txt

OORDEEL = {"voldaan": "Voldaan", "deels": "Deels voldaan", "niet": "Niet voldaan"}


# The chapters of the plan van aanpak, in order: the ONE place where their numbers come from. The
# template takes every heading from ``kop`` (below), the legal frame names chapters through it too.
HOOFDSTUKKEN = (
    ("samenvatting", "Samenvatting"),
    ("aanleiding", "Aanleiding en probleemstelling"),
    ("visie", "Doel en resultaat"),
    ("afbakening", "Afbakening"),
    ("wet", "Wettelijk kader"),
    ("ambitie", "Ambitie"),
    ("kernvoorwaarden", "Kernvoorwaarden"),
    ("aanpak", "Aanpak per fase"),
    ("werving", "Werving van deelnemers"),
    ("draagvlak", "Draagvlak en spelregels"),
    ("planning", "Planning en besluitmomenten"),
    ("organisatie", "Organisatie en rollen"),
    ("communicatie", "Communicatie"),
    ("risicos", "Risico’s en beheersmaatregelen"),
    ("begroting", "Capaciteit, kosten en dekking"),
    ("evaluatie", "Evaluatie"),
    ("besluitvorming", "Besluitvorming"),
)
BIJLAGEN = (
    ("uitzonderingen", "Gemotiveerde uitzonderingen"),
)

def headings() -> dict[str, dict]:
    """Per chapter key: ``nr`` ("3", "A"), ``kop`` ("3. Visie") and ``ref`` ("hoofdstuk 3", "bijlage A").

    plancompiler's own text, marked Raw: "3. Visie" is a heading, not the start of a numbered list
    that the escaper would have to defuse.
    """
    from ..escape import Raw

    out = {}
    for i, (key, titel) in enumerate(HOOFDSTUKKEN, 1):
        out[key] = {"nr": str(i), "titel": titel, "kop": Raw(f"{i}. {titel}"), "ref": f"hoofdstuk {i}"}
    for i, (key, titel) in enumerate(BIJLAGEN):
        letter = chr(ord("A") + i)
        out[key] = {"nr": letter, "titel": titel, "kop": Raw(f"Bijlage {letter}. {titel}"),
                    "ref": f"bijlage {letter}"}
    return out


def _summary(plan, acts: list[dict], open_points: dict) -> dict:
    cat = plan.catalog
    dates: list[tuple[date, str]] = []
    if plan.start:
        dates.append((plan.start, "Start van het traject"))
    dated = [a for a in acts if a["datum_d"]]
    if dated:
        first = min(dated, key=lambda a: a["datum_d"])
        dates.append((first["datum_d"], f"Eerste activiteit: {first['titel']}"))
    wmo = _wmo_advies(plan)
    if wmo is not None and wmo.datum:
        dates.append((wmo.datum, "Advies " + (wmo.orgaan or "Wmo-raad")))
    for m in _decisions(plan):
        dates.append((m["datum_d"], f"Besluit {m['orgaan']}: {m['besluit']}"))
    for f in plan.fasen:
        if f.fase in ("beleidsplan", "verordening") and f.tot:
            dates.append((f.tot, f"Einde fase {cat.fase(f.fase)['naam'].lower()}"))
    if plan.evaluatie is not None and plan.evaluatie.datum:
        dates.append((plan.evaluatie.datum, "Evaluatie"))
    if plan.eind:
        dates.append((plan.eind, "Einde van het traject"))
    dates.sort(key=lambda x: x[0])
    begroting = plan.begroting
    total = sum(float(b.bedrag_eur or 0) for b in begroting)
    gewenst = _type_info(cat, plan.gewenst.beleid, plan.gewenst.sturing)
    return {
        "type": gewenst["label"] if gewenst else "onbekend",
        "trede": f"{cat.trede(plan.trede)['nummer']}. {cat.naam(plan.trede)}",
        "fasen": [cat.fase(f.fase)["naam"] for f in plan.fasen],
        "aantal_fasen": len(plan.fasen),
        "aantal_activiteiten": len(acts),
        "sleuteldata": [{"datum": nl_date(d), "wat": w} for d, w in dates],
        "begroting": euro(total) if begroting else "",
        "uren": _hours(sum(float(c.uren or 0) for c in plan.capaciteit)) if plan.capaciteit else "",
        "open": open_points,
        "resultaat": plan.resultaat,
        "probleemstelling": plan.aanleiding.probleemstelling if plan.aanleiding else "",
    }


def _type_info(cat, beleid: str, sturing: str) -> dict | None:
    """A gemeentetype named by what it is (smal/breed beleid, dirigent/regisseur); the brochure's
    nickname only in ``bijnaam``, for the one reference the template makes to it."""
    t = cat.type_for(beleid, sturing)
    dims = cat.data["gemeentetypen"]["dimensies"]
    b = next((x for x in dims["beleid"] if x["id"] == beleid), {"naam": beleid})
    s = next((x for x in dims["sturing"] if x["id"] == sturing), {"naam": sturing})
    if not t:
        return None
    label = f"{b['naam'].lower()} met de gemeente als {s['naam'].lower()} (type {t['id']})"
    return {"id": t["id"], "bijnaam": t["naam"], "beleid": b["naam"], "sturing": s["naam"],
            "beleid_uitleg": txt(b.get("omschrijving")), "sturing_uitleg": txt(s.get("omschrijving")),
            "omschrijving": txt(t.get("omschrijving")), "pagina": str(t.get("pagina", "")),
            "beleid_pagina": str(b.get("pagina", "")), "sturing_pagina": str(s.get("pagina", "")),
            "comfortzone": cat.naam(t["comfortzone"]), "label": label[0].upper() + label[1:],
            "label_klein": label}


def _vision(plan) -> dict:
    cat = plan.catalog
    huidig = _type_info(cat, plan.huidig.beleid, plan.huidig.sturing) if plan.huidig else None
    gewenst = _type_info(cat, plan.gewenst.beleid, plan.gewenst.sturing)
    differs = bool(huidig and gewenst and huidig["id"] != gewenst["id"])
    changes = []
    if differs and huidig["beleid"] != gewenst["beleid"]:
        changes.append(f"van {huidig['beleid'].lower()} naar {gewenst['beleid'].lower()}")
    if differs and huidig["sturing"] != gewenst["sturing"]:
        changes.append(f"van {huidig['sturing'].lower()} naar {gewenst['sturing'].lower()}")
    return {
        "verandering": nl_join(changes),
        "waarom": plan.visie.waarom,
        "doelen": [txt(d) for d in plan.visie.doelen if txt(d)],
        "huidig": huidig,
        "gewenst": gewenst,
        "verandert": differs,
    }


def _ambition(plan) -> dict:
    cat = plan.catalog
    chosen = cat.trede(plan.trede)
    cz = plan.comfortzone
    if cz:
        diff = cat.rank(plan.trede) - cat.rank(cz)
        relatie = ("binnen de comfortzone" if diff == 0 else
                   f"{diff} trede{'n' if diff > 1 else ''} boven de comfortzone" if diff > 0 else
                   f"{-diff} trede{'n' if diff < -1 else ''} onder de comfortzone")
    else:
        relatie = ""
    qs = []
    if plan.quickscan:
        for q, ans in zip(cat.quickscan["vragen"], plan.quickscan):
            qs.append({"nr": q["nummer"], "vraag": q["vraag"], "antwoord": answer_names(cat).get(ans, ans),
                       "punten": q["punten"][ans]})
    band = plan.quickscan_band
    gewenst = _type_info(cat, plan.gewenst.beleid, plan.gewenst.sturing)
    comfort = catalog_value(cat.data, "gemeentetypen", "comfortzone") or {}
    return {
        "trede": chosen["naam"], "trede_nr": chosen["nummer"], "trede_omschrijving": txt(chosen.get("omschrijving")),
        "trede_pagina": str(chosen.get("pagina", "")),
        "interactief": bool(chosen.get("interactief")),
        "comfortzone": cat.naam(cz) if cz else "onbekend",
        "type": gewenst["label_klein"] if gewenst else "",
        "relatie": relatie,
        "score": plan.quickscan_score,
        "band": cat.naam(band) if band else "",
        "quickscan": qs,
        "quickscan_pagina": str(cat.quickscan.get("pagina", "")),
        "motivering": plan.motivering,
        "comfortzone_pagina": str(comfort.get("pagina", "")),
    }


def _risks(plan) -> dict:
    """Chapter 'Risico's': the comfort zone's risks (brochure p. 14) with the plan's measures, and the
    plan's own project risks. A comfort-zone risk is listed when the plan works at that rung or states
    a measure for it; a missing measure is in the controlerapport (comfortzone-risico)."""
    cat = plan.catalog
    t = plan.type_gewenst
    plan_risks = dict(plan.risicos)
    known = cat.risk_ids()
    at_comfort = bool(t) and plan.trede == t["comfortzone"]
    comfort = []
    for r in (t["risicos"] if t else ()):
        measure = txt(plan_risks.pop(r["id"], ""))
        if measure or at_comfort:
            comfort.append({"risico": txt(r["tekst"]), "maatregel": measure or "Nog geen maatregel vastgelegd."})
    for rid in sorted(plan_risks):
        text = txt(known[rid]["tekst"]) if rid in known else rid
        comfort.append({"risico": text, "maatregel": txt(plan_risks[rid])})
    pagina = {str(r.get("pagina", "")) for r in (t["risicos"] if t else ())} - {""}
    return {
        "comfortzone": comfort,
        "comfortzone_trede": cat.naam(t["comfortzone"]).lower() if t else "",
        "pagina": ", ".join(sorted(pagina)),
        "project": [{"risico": r.risico, "maatregel": r.maatregel} for r in plan.projectrisicos],
    }


def _conditions(plan) -> dict:
    cat = plan.catalog
    rows = []
    for v in cat.voorwaarden:
        own = plan.kernvoorwaarde(v["id"]) or Kernvoorwaarde(None, "", None, "")
        extra = ""
        if v["id"] == "geschikte_problematiek" and own.uitgekristalliseerd:
            p = cat.problematiek_for(own.uitgekristalliseerd)
            if p:
                extra = f"{p['naam']}. "
        rows.append({
            "naam": v["naam"],
            "criterium": txt(v["criteria"][plan.trede]),
            "oordeel": OORDEEL.get(own.oordeel, "Niet beoordeeld"),
            "toelichting": (extra + own.toelichting).strip() or "—",
        })
    return {"trede": cat.naam(plan.trede), "rijen": rows, "bron": txt(cat.data["kernvoorwaarden"].get("bron"))}


def _recruitment(plan) -> dict:
    cat = plan.catalog
    w = plan.werving
    steps = []
    names = {s["id"]: s["naam"] for s in cat.sectoren}
    ook = {s["id"]: s["naam"] for s in cat.minder_georganiseerd}
    for step in cat.wervingscirkel:
        regels: list[dict] = []
        lijst: list[str] = []
        sid = step["id"]
        if w is None:
            pass
        elif sid == "doel" and w.doel is not None:
            doel = w.doel
            if doel.tekst:
                regels.append({"label": "Doel", "tekst": doel.tekst})
            if doel.aantal:
                regels.append({"label": "Aantal", "tekst": str(doel.aantal)})
            if doel.periode_maanden:
                regels.append({"label": "Periode", "tekst": f"{doel.periode_maanden} maanden"})
            if doel.tijdsinzet:
                regels.append({"label": "Gevraagde tijd", "tekst": doel.tijdsinzet})
        elif sid == "doelgroep":
            if w.sectoren:
                regels.append({"label": f"Sectoren ({len(w.sectoren)} van {len(cat.sectoren)})",
                               "tekst": nl_join([names.get(s, s) for s in w.sectoren])})
            if w.ook:
                regels.append({"label": "Ook", "tekst": nl_join([ook.get(s, s) for s in w.ook])})
            if w.bijzondere_groepen:
                regels.append({"label": "Expliciet uitgenodigd",
                               "tekst": nl_join([group_name(plan, g) for g in w.bijzondere_groepen])})
            if w.moeilijk_bereikbaar:
                regels.append({"label": "Wie zich moeilijk laat horen", "tekst": w.moeilijk_bereikbaar})
        elif sid == "boodschap" and w.boodschap is not None:
            for item in cat.boodschap:
                value = getattr(w.boodschap, item["id"])
                if value:
                    regels.append({"label": item["naam"], "tekst": value})
        elif sid == "middel":
            for m in w.middelen:
                groups = nl_join([group_name(plan, g).lower() for g in m.doelgroepen])
                text = m.kanaal
                if m.via:
                    text += f", via {m.via}"
                if groups:
                    text += f" (voor {groups})"
                if m.persoonlijk:
                    text += "; persoonlijke benadering"
                lijst.append(text)
        elif sid == "organisatie" and w.organisatie is not None:
            o = w.organisatie
            if o.trekker:
                regels.append({"label": "Trekker", "tekst": o.trekker})
            if o.budget_eur is not None:
                regels.append({"label": "Budget", "tekst": euro(o.budget_eur)})
            if o.planning:
                regels.append({"label": "Planning", "tekst": o.planning})
        steps.append({"naam": step["naam"], "vraag": step["vraag"], "regels": regels, "lijst": lijst,
                      "leeg": not regels and not lijst})
    from ...schemagen import format_pages

    return {"stappen": steps, "aanwezig": stated(w), "pagina": format_pages([s["pagina"] for s in cat.wervingscirkel])}


def _support(plan, by_id: dict) -> dict:
    cat = plan.catalog
    d = plan.draagvlak
    college = d.college if d is not None else None
    raad = d.raad if d is not None else None
    wmo = _wmo_advies(plan)
    aanwezig = [f"{by_id[i]['nr']}. {by_id[i]['titel']} ({by_id[i]['datum']})"
                for i in (college.aanwezig_bij if college else ()) if i in by_id]
    return {
        "intern": [txt(x) for x in (d.intern if d is not None else ()) if txt(x)],
        "intern_uitleg": txt(catalog_value(cat.data, "draagvlak", "intern", "tekst")),
        "college_rol": college.rol if college else "",
        "college_aanwezig": aanwezig,
        "college_tip": txt(catalog_value(cat.data, "draagvlak", "college_tip", "tekst")),
        "raad": [{"vraag": q["vraag"], "antwoord": (getattr(raad, q["id"]) if raad else "") or "Nog niet vastgelegd."}
                 for q in cat.raad_vragen],
        "wmo_orgaan": wmo.orgaan if wmo else "",
        "wmo_datum": nl_date(wmo.datum) if wmo else "",
        "wmo_onderwerp": wmo.onderwerp if wmo else "",
        "laat_zien": txt(catalog_value(cat.data, "draagvlak", "laat_zien", "tekst")),
    }


def _wmo_advies(plan):
    return plan.draagvlak.wmo_advies if plan.draagvlak is not None else None


def _planning(plan, acts: list[dict]) -> dict:
    rows = []
    for f in phases(plan, acts):
        rows.append({"fase": f["naam"], "van": nl_date(f["van_d"]) or "—", "tot": nl_date(f["tot_d"]) or "—",
                     "activiteiten": ", ".join(str(a["nr"]) for a in f["activiteiten"]) or "—"})
    milestones = []
    wmo = _wmo_advies(plan)
    if wmo is not None and wmo.datum:
        milestones.append({"label": "Wmo-advies", "datum_d": wmo.datum, "wat": "Advies " + (wmo.orgaan or "Wmo-raad")})
    if plan.evaluatie is not None and plan.evaluatie.datum:
        milestones.append({"label": "Evaluatie", "datum_d": plan.evaluatie.datum, "wat": "Evaluatie"})
    for m in milestones:
        m["datum"] = nl_date(m["datum_d"])
    chrono = sorted((a for a in acts if a["datum_d"]), key=lambda a: (a["datum_d"], a["nr"]))
    besluiten = _decisions(plan)
    # one table by date: activities, milestones and the decisions of college and raad
    rijen = ([(a["datum_d"], 0, a["nr"], {"wanneer": a["wanneer"], "nr": a["nr"], "titel": a["titel"],
                                          "tijd": a["tijd"]}) for a in chrono]
             + [(m["datum_d"], 1, i, {"wanneer": m["datum"], "nr": "", "titel": m["wat"], "tijd": ""})
                for i, m in enumerate(milestones)]
             + [(b["datum_d"], 2, i, {"wanneer": b["datum"], "nr": "", "titel": f"Besluit {b['orgaan']}: {b['besluit']}",
                                      "tijd": ""}) for i, b in enumerate(besluiten)])
    return {"fasen": rows, "mijlpalen": milestones, "chronologisch": chrono,
            "rijen": [r[3] for r in sorted(rijen, key=lambda r: r[:3])],
            "besluiten": besluiten,
            "ongepland": [a for a in acts if not a["datum_d"]]}


ORGAAN = {"college": "college", "raad": "gemeenteraad"}


def _decisions(plan) -> list[dict]:
    """The decision moments of college and raad, by date (the plan's ``besluitvorming.momenten``)."""
    b = plan.besluitvorming
    moments = sorted((m for m in (b.momenten if b else ()) if m.datum), key=lambda m: (m.datum, m.orgaan))
    return [{"datum_d": m.datum, "datum": nl_date(m.datum), "orgaan": ORGAAN.get(m.orgaan, m.orgaan),
             "besluit": m.besluit} for m in moments]


def _hours(total: float) -> str:
    return f"{total:,.0f}".replace(",", ".") if float(total).is_integer() else f"{total:,.1f}".replace(
        ",", "#").replace(".", ",").replace("#", ".")


def _budget(plan, acts: list[dict]) -> dict:
    posts = plan.begroting
    total = sum(float(b.bedrag_eur or 0) for b in posts)
    hours = sum(float(c.uren or 0) for c in plan.capaciteit)
    return {
        "posten": [{"post": b.post, "bedrag": euro(b.bedrag_eur), "toelichting": b.toelichting} for b in posts],
        "totaal": euro(total),
        "aanwezig": bool(posts),
        "activiteiten": [{"titel": f"{a['nr']}. {a['titel']}", "bedrag": a["budget"]} for a in acts if a["budget"]],
        "capaciteit": [{"wie": c.wie, "uren": _hours(float(c.uren or 0)), "toelichting": c.toelichting}
                       for c in plan.capaciteit],
        "uren": _hours(hours),
        "dekking": plan.dekking,
    }


def _project(plan) -> dict:
    """The parts of the usual municipal outline the brochure does not cover, as the plan states them."""
    a, f, o, b = plan.aanleiding, plan.afbakening, plan.organisatie, plan.besluitvorming
    return {
        "aanleiding": {"tekst": a.tekst if a else "", "probleemstelling": a.probleemstelling if a else ""},
        "afbakening": {"open": [txt(x) for x in (f.open if f else ()) if txt(x)],
                       "vast": [txt(x) for x in (f.vast if f else ()) if txt(x)]},
        "organisatie": {
            "opdrachtgever": o.opdrachtgever if o else "",
            "projectleider": o.projectleider if o else "",
            "projectgroep": [txt(x) for x in (o.projectgroep if o else ()) if txt(x)],
        },
        "communicatie": [{"doelgroep": c.doelgroep, "boodschap": c.boodschap, "middel": c.middel,
                          "wanneer": c.wanneer} for c in plan.communicatie],
        "besluitvorming": {"momenten": _decisions(plan),
                           "voorstel": [txt(x) for x in (b.voorstel if b else ()) if txt(x)]},
    }



def _waivers(plan, diagnostics: list) -> list[dict]:
    """Appendix A: every uitzondering, named by what its rule checks (no rule ids in the college's
    document), with where it applies, its reason and how many findings it covers."""
    from ...rules import lookup

    covered: dict[int, int] = {}
    for d in diagnostics:
        if d.waived and d.waiver is not None:
            covered[d.waiver] = covered.get(d.waiver, 0) + 1
    out = []
    for w in plan.uitzonderingen:
        rule, _ = lookup(w.regel)
        out.append({"controle": rule.SUMMARY if rule is not None else w.regel,
                    "plek": _place(plan, w.pad) if w.pad else "het hele plan",
                    "reden": w.reden, "meldingen": covered.get(w.index, 0)})
    return out


def _place(plan, pointer: str) -> str:
    """A JSON pointer in words a college reads: the activity or phase it lies in, else the plan key."""
    keys = pointer_tokens(pointer)
    if len(keys) >= 4 and keys[0] == "fasen" and keys[2] == "activiteiten" and keys[1].isdigit() and keys[3].isdigit():
        fi, ai = int(keys[1]), int(keys[3])
        if fi < len(plan.fasen) and ai < len(plan.fasen[fi].activiteiten):
            a = plan.fasen[fi].activiteiten[ai]
            return f"activiteit {a.volgorde + 1} ({a.titel})"
    if len(keys) >= 2 and keys[0] == "fasen" and keys[1].isdigit() and int(keys[1]) < len(plan.fasen):
        return f"de fase {plan.catalog.fase(plan.fasen[int(keys[1])].fase)['naam'].lower()}"
    return "het onderdeel ‘" + ".".join(keys) + "’" if keys else "het hele plan"


def context(plan, acts: list[dict], diagnostics: list) -> dict:
    """What the plan van aanpak shows beyond the shared parts (common) and the other documents'."""
    from . import wettelijk_kader

    cat = plan.catalog
    by_id = {a["id"]: a for a in acts}
    kop = headings()
    active = [d for d in diagnostics if not d.waived]
    open_points = {
        "fouten": sum(1 for d in active if d.severity == "error"),
        "waarschuwingen": sum(1 for d in active if d.severity == "warning"),
        "opmerkingen": sum(1 for d in active if d.severity == "info"),
    }
    open_points["totaal"] = sum(open_points.values())
    parts = [f"{n} {word if n == 1 else plural}" for n, word, plural in (
        (open_points["fouten"], "fout", "fouten"), (open_points["waarschuwingen"], "waarschuwing", "waarschuwingen"),
        (open_points["opmerkingen"], "opmerking", "opmerkingen")) if n]
    open_points["tekst"] = nl_join(parts)
    open_points["werkwoord"] = "staat" if open_points["totaal"] == 1 else "staan"
    return {
        "kop": kop,
        "uitzonderingen": _waivers(plan, diagnostics),
        "samenvatting": _summary(plan, acts, open_points),
        "wet": wettelijk_kader.context(plan, acts, diagnostics, kop),
        "visie": _vision(plan),
        "ambitie": _ambition(plan),
        "risicos": _risks(plan),
        "kernvoorwaarden": _conditions(plan),
        "interactie": {
            "doelen": [cat.doel(d)["naam"] for d in plan.interactie_doelen],
            "resultaat": plan.resultaat,
        },
        "werving": _recruitment(plan),
        "draagvlak": _support(plan, by_id),
        "planning": _planning(plan, acts),
        "benodigdheden": [txt(b) for b in plan.benodigdheden if txt(b)],
        "begroting": _budget(plan, acts),
        "project": _project(plan),
    }

