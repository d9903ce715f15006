"""The plan van aanpak for the college: its chapters, their numbers, and what each one shows.

Every derived fact is computed here, once: the summary's key dates, the mapping of the law onto
the plan, the comfortzone relation, totals. Chapter numbers come from ``HOOFDSTUKKEN`` only.
"""
from __future__ import annotations

from datetime import date

from ...model import Kernvoorwaarde, stated
from .common import answer_names, catalog_value, euro, group_name, nl_date, nl_join, phases, txt

OORDEEL = {"voldaan": "Voldaan", "deels": "Deels voldaan", "niet": "Niet voldaan"}


# The chapters of the plan van aanpak, in order: the ONE place where their numbers come from. The
# template takes every heading from ``kop`` (below), the legal frame names chapters through it too.
HOOFDSTUKKEN = (
    ("samenvatting", "Samenvatting"),
    ("wet", "Wettelijk kader"),
    ("visie", "Visie"),
    ("ambitie", "Ambitie"),
    ("kernvoorwaarden", "Kernvoorwaarden"),
    ("aanpak", "Aanpak per fase"),
    ("werving", "Werving van deelnemers"),
    ("draagvlak", "Draagvlak"),
    ("planning", "Planning"),
    ("begroting", "Benodigdheden en begroting"),
    ("evaluatie", "Evaluatie"),
)
BIJLAGEN = (
    ("uitzonderingen", "Gemotiveerde uitzonderingen"),
    ("waarschuwingen", "Openstaande waarschuwingen"),
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
    wmo = _wmo_advies(plan)
    if wmo is not None and wmo.datum:
        dates.append((wmo.datum, "Advies " + (wmo.orgaan or "Wmo-raad")))
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


def _type_info(cat, beleid: str, sturing: str) -> dict | None:
    t = cat.type_for(beleid, sturing)
    dims = cat.data["gemeentetypen"]["dimensies"]
    b = next((x["naam"] for x in dims["beleid"] if x["id"] == beleid), beleid)
    s = next((x["naam"] for x in dims["sturing"] if x["id"] == sturing), sturing)
    if not t:
        return None
    return {"id": t["id"], "naam": t["naam"], "beleid": b, "sturing": s, "omschrijving": txt(t.get("omschrijving")),
            "comfortzone": cat.naam(t["comfortzone"]), "label": f"type {t['id']} ‘{t['naam']}’"}


def _vision(plan) -> dict:
    cat = plan.catalog
    huidig = _type_info(cat, plan.huidig.beleid, plan.huidig.sturing) if plan.huidig else None
    gewenst = _type_info(cat, plan.gewenst.beleid, plan.gewenst.sturing)
    differs = bool(huidig and gewenst and huidig["id"] != gewenst["id"])
    return {
        "waarom": plan.visie.waarom,
        "doelen": [txt(d) for d in plan.visie.doelen if txt(d)],
        "huidig": huidig,
        "gewenst": gewenst,
        "verandert": differs,
        "conclusie": txt(catalog_value(cat.data, "gemeentetypen", "conclusie", "tekst")) if differs else "",
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
        risks.append({"risico": txt(r["tekst"]), "maatregel": txt(plan_risks.pop(r["id"], "")) or
                      "Geen maatregel in het plan opgenomen."})
    for rid in sorted(plan_risks):
        text = txt(known[rid]["tekst"]) if rid in known else rid
        risks.append({"risico": text, "maatregel": txt(plan_risks[rid])})
    qs = []
    if plan.quickscan:
        for q, ans in zip(cat.quickscan["vragen"], plan.quickscan):
            qs.append({"nr": q["nummer"], "vraag": q["vraag"], "antwoord": answer_names(cat).get(ans, ans),
                       "punten": q["punten"][ans]})
    band = plan.quickscan_band
    return {
        "trede": chosen["naam"], "trede_nr": chosen["nummer"], "trede_omschrijving": txt(chosen.get("omschrijving")),
        "interactief": bool(chosen.get("interactief")),
        "comfortzone": cat.naam(cz) if cz else "onbekend",
        "type": f"type {t['id']} ‘{t['naam']}’" if t else "",
        "relatie": relatie,
        "score": plan.quickscan_score,
        "band": cat.naam(band) if band else "",
        "quickscan": qs,
        "motivering": plan.motivering,
        "risicos": risks,
        "comfortzone_uitleg": txt(catalog_value(cat.data, "gemeentetypen", "comfortzone", "tekst")),
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
    advies = cat.data["kernvoorwaarden"].get("advies") or {}
    return {"trede": cat.naam(plan.trede), "rijen": rows, "bron": txt(cat.data["kernvoorwaarden"].get("bron")),
            "advies": txt(advies.get("toelichting")) or txt(advies.get("tekst"))}


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
    return {"fasen": rows, "mijlpalen": milestones, "chronologisch": chrono,
            "ongepland": [a for a in acts if not a["datum_d"]]}


def _budget(plan, acts: list[dict]) -> dict:
    posts = plan.begroting
    total = sum(float(b.bedrag_eur or 0) for b in posts)
    return {
        "posten": [{"post": b.post, "bedrag": euro(b.bedrag_eur), "toelichting": b.toelichting} for b in posts],
        "totaal": euro(total),
        "aanwezig": bool(posts),
        "activiteiten": [{"titel": f"{a['nr']}. {a['titel']}", "bedrag": a["budget"]} for a in acts if a["budget"]],
    }


def _melding(d) -> dict:
    from ...diagnostics import SEVERITY_NL

    return {"ernst": SEVERITY_NL[d.severity], "regel": d.rule, "regel_nr": d.line, "tekst": d.message}


def _waivers(plan, diagnostics: list) -> list[dict]:
    """Appendix A: every uitzondering with the findings it covers, by the index each diagnostic carries."""
    covered: dict[int, list[str]] = {}
    for d in diagnostics:
        if d.waived and d.waiver is not None:
            covered.setdefault(d.waiver, []).append(d.message)
    return [{"regel": w.regel, "pad": w.pad or "het hele plan", "plek": bool(w.pad), "reden": w.reden,
             "meldingen": covered.get(w.index, [])} for w in plan.uitzonderingen]


def context(plan, acts: list[dict], diagnostics: list) -> dict:
    """What the plan van aanpak shows beyond the shared parts (common) and the other documents'."""
    from . import wettelijk_kader

    cat = plan.catalog
    by_id = {a["id"]: a for a in acts}
    kop = headings()
    meldingen = [_melding(d) for d in diagnostics if not d.waived and d.severity in ("error", "warning")]
    return {
        "kop": kop,
        "meldingen": meldingen,
        "uitzonderingen": _waivers(plan, diagnostics),
        "samenvatting": _summary(plan, acts, meldingen),
        "wet": wettelijk_kader.context(plan, acts, diagnostics, kop),
        "visie": _vision(plan),
        "ambitie": _ambition(plan),
        "kernvoorwaarden": _conditions(plan),
        "interactie": {
            "doelen": [cat.doel(d)["naam"] for d in plan.interactie_doelen],
            "resultaat": plan.resultaat,
            "eerst_doel": catalog_value(cat.data, "doelen", "eerst_doel", "tekst") or "",
            "cumulatief": catalog_value(cat.data, "doelen", "cumulatief", "tekst") or "",
        },
        "werving": _recruitment(plan),
        "draagvlak": _support(plan, by_id),
        "planning": _planning(plan, acts),
        "benodigdheden": [txt(b) for b in plan.benodigdheden if txt(b)],
        "begroting": _budget(plan, acts),
    }
