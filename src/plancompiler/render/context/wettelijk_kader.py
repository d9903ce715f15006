"""The plan van aanpak's legal section ("Wettelijk kader"): which law applies, what was checked.

It leads with the law of the plan's period (the Wmo 2015, art. 150 Gemeentewet and the
municipality's own participatieverordening by name), then says what the plan was checked against
and with what result, then gives the brochure's Wmo 2007 frame as background. Nothing here claims
compliance: the result is built from the legal rules' own verdicts (``rules._wet``: every rule
module with ``WETTELIJK``), so a finding, a waiver and a passed check each read as what they are.
"""
from __future__ import annotations

from ...rules import participatie_alleen_voorbereiding
from ...rules._wet import kader
from .common import nl_date, nl_join, txt

# The current provisions the section shows, in the order a jurist reads them (catalog ids).
HUIDIG = ("wmo2015-art2-1-2-lid1", "wmo2015-art2-1-2-lid2-b", "wmo2015-art2-1-2-lid6", "wmo2015-art2-1-3-lid3",
          "wmo2015-art2-2-2-lid1", "gemw-art150-lid1", "gemw-art150-lid2", "gemw-art150-uitdaagrecht")
BINDT = {"plan": "het Wmo-plan van de raad", "verordening": "de verordening van de gemeente",
         "college": "het college"}
ERNST = {"error": "fout", "warning": "waarschuwing", "info": "aandachtspunt, geen wettelijke plicht"}


def _citaat(plan, bid: str, frame) -> str:
    """A citation; a historical article after 2015 reads as good practice, not as law."""
    cat = plan.catalog
    p = cat.bepaling(bid)
    text = cat.citeer(p)
    if p.get("status") == "historisch":
        text = f"Wmo 2007 art. {p['artikel']} lid {p['lid']}"
        if not frame.alleen_wmo2007:
            text = f"goede praktijk naar {text} (brochure p. {cat.wet['wet']['pagina']})"
    elif "uitdaagrecht" in p["id"]:
        text += " (uitdaagrecht)"
    return text


def _merge(cites) -> str:
    """'Wmo 2015 art. 2.1.3 lid 3 sub d', '... sub e' → 'Wmo 2015 art. 2.1.3 lid 3 sub d en e'; no repeats."""
    groups: dict[str, list[str]] = {}
    for c in dict.fromkeys(cites):
        head, sep, sub = c.rpartition(" sub ")
        key = head if sep and " " not in sub else c
        groups.setdefault(key, []).append(sub if key == head and sep else "")
    return nl_join(k + (" sub " + nl_join(subs) if all(subs) else "") for k, subs in groups.items())


def _provision(plan, bid: str) -> dict:
    """One row: citation, text (the lid's subs a, b, ... follow its opening words), whom it binds."""
    cat = plan.catalog
    p = cat.bepaling(bid)
    tekst = " ".join(((p.get("aanhef") or "") + " " + p["tekst"]).split())
    subs = [q for q in cat.bepalingen if q["id"].startswith(bid + "-") and q.get("sub")]
    if subs:
        tekst += " " + " ".join(f"{q['sub']}. {' '.join(q['tekst'].split())}" for q in subs)
    return {"citaat": cat.citeer(p), "tekst": tekst, "parafrase": bool(p.get("parafrase")),
            "te_controleren": p.get("te_controleren") or "", "bindt": BINDT.get(p.get("bindt"), "")}


def _checks(plan, diagnostics: list, frame) -> list[dict]:
    from ...rules import SEMANTIC

    out = []
    for rule in SEMANTIC:
        if not getattr(rule, "WETTELIJK", False) or not rule.in_scope(plan):
            continue
        mine = [d for d in diagnostics if d.rule == rule.ID]
        open_ = [d for d in mine if not d.waived]
        waived = [d for d in mine if d.waived]
        cites = [_citaat(plan, b, frame) for b in rule.bepalingen(plan)]
        status = "open" if open_ else "uitzondering" if waived else "geen-open-punten"
        out.append({
            # the college reads the check by its summary; rule ids and messages are in the controlerapport
            "regel": rule.ID, "toets": rule.SUMMARY, "citaat": _merge(cites), "citaten": cites, "status": status,
            "open": [{"ernst": ERNST[d.severity], "tekst": d.message, "regel_nr": d.line} for d in open_],
            "reden": waived[0].waiver_reason if waived else "",
        })
    return out


def _out_of_scope(plan, frame) -> list[str]:
    """The legal checks that do not apply to this plan: the provisions they would test."""
    from ...rules import SEMANTIC

    return [_merge(_citaat(plan, b, frame) for b in r.bepalingen(plan))
            for r in SEMANTIC if getattr(r, "WETTELIJK", False) and not r.in_scope(plan)]


def _verordening(plan) -> dict | None:
    v = plan.participatieverordening
    if v is None:
        return None
    bits = ["vastgesteld" if v.vastgesteld else "in voorbereiding"]
    if v.datum:
        bits.append(("in werking sinds " if v.vastgesteld else "gepland op ") + nl_date(v.datum))
    if v.cvdr:
        bits.append(v.cvdr)
    art = v.artikelen
    uitdaag = ""
    if v.uitdaagrecht is True:
        where = f" (art. {art.uitdaagrecht})" if art and art.uitdaagrecht else ""
        uitdaag = f"De verordening regelt het uitdaagrecht{where}."
    elif v.uitdaagrecht is False:
        uitdaag = "De verordening regelt het uitdaagrecht niet."
    return {"titel": v.titel, "details": ", ".join(bits), "url": v.url, "uitdaagrecht": uitdaag}


def _vng(plan) -> list[str]:
    """The participatieplan and eindverslag in the sense of the VNG model (good practice, not law)."""
    out = []
    pp, ev = plan.participatieplan, plan.eindverslag
    if pp is not None:
        door = {"college": "het college", "raad": "de raad"}.get(pp.vastgesteld_door, "")
        out.append(f"Een participatieplan vooraf{' door ' + door if door else ''}"
                   f"{', vastgesteld op ' + nl_date(pp.datum) if pp.datum else ''}"
                   f"{' (' + pp.url + ')' if pp.url else ''}.")
    if ev is not None:
        out.append(f"Een eindverslag achteraf over wat is opgehaald en wat ermee is gedaan"
                   f"{', op ' + nl_date(ev.datum) if ev.datum else ''}{' (' + ev.url + ')' if ev.url else ''}.")
    return out


def _historisch(plan, acts: list[dict], kop: dict) -> list[dict]:
    """The brochure's Wmo 2007 articles, each with what the plan gives for it and what replaced it."""
    from .plan_parts import _pointer_part

    cat = plan.catalog
    leden = []
    for art in cat.historische_artikelen:
        parts = [_pointer_part(plan, ptr, acts, kop) for ptr in art.get("plan") or ()]
        opv = art.get("opvolging") or {}
        if opv.get("soort") == "goede-praktijk":
            nu = "Geen directe opvolger: goede praktijk."
        else:
            nu = nl_join(cat.citeer(cat.bepaling(b)) for b in opv.get("bepalingen") or ()) + "."
        leden.append({
            "artikel": art["artikel"], "lid": art["lid"], "tekst": txt(art.get("tekst")),
            "onderdelen": parts, "secties": list(dict.fromkeys(p["sectie"] for p in parts)), "nu": nu,
        })
    return leden


def context(plan, acts: list[dict], diagnostics: list, kop: dict) -> dict:
    cat = plan.catalog
    frame = kader(plan)
    wet = cat.wet["wet"]
    checks = _checks(plan, diagnostics, frame)
    open_checks = [c for c in checks if c["status"] == "open"]
    adviesraad = plan.adviesraad
    return {
        "periode": f"{nl_date(plan.start)} tot en met {nl_date(plan.eind)}" if plan.start and plan.eind else "",
        "alleen_wmo2007": frame.alleen_wmo2007,
        "wmo2015": frame.wmo2015,
        "art150_nieuw": frame.art150_nieuw,
        "verordening_verplicht": frame.verordening_verplicht,
        "uiterlijk": nl_date(cat.participatieverordening_uiterlijk),
        "bepalingen": [_provision(plan, b) for b in HUIDIG
                       if frame.wmo2015 and (frame.art150_nieuw or not b.startswith("gemw-"))],
        "bepalingen_oud_150": [_provision(plan, b) for b in ("gemw-art150-lid1-oud", "gemw-art150-lid2-oud")]
        if frame.wmo2015 and not frame.art150_nieuw else [],
        "verordening": _verordening(plan),
        "vng": _vng(plan),
        "adviesraad": adviesraad.naam if adviesraad is not None else "",
        "gemeente": plan.gemeente.naam,
        "fasenkeuze": plan.fasenkeuze,
        "fasenkeuze_pagina": participatie_alleen_voorbereiding.PAGE,  # p. 19: choose the phases
        "toetsing": checks,
        "buiten": _out_of_scope(plan, frame),
        "open": open_checks,
        "uitgezonderd": [c for c in checks if c["status"] == "uitzondering"],
        "geen_open_punten": not open_checks,
        "getoetst": _merge(x for c in checks for x in c["citaten"]),
        "naam": wet["naam"], "afkorting": wet.get("afkorting", ""), "versie": str(wet.get("versie", "")),
        "pagina": str(wet.get("pagina", "")),
        "leden": _historisch(plan, acts, kop),
    }
