"""The evaluatiekader (Stap 8): the procestest as a checklist, and the results per doel.

Stap 8 evaluates the process *and its results* (p. 6): the procestest of Stichting Rekenschap
(p. 37-38) with answer fields ja / deels / nee as the catalog names them, and per doel the plan's
indicator, nulmeting, streefwaarde, bron and moment. A result names the activity that collects its
data when the plan has one; the document promises no measurement the plan does not schedule.
"""
from __future__ import annotations

from ...model import stated
from .common import answer_names, catalog_value, nl_date, txt


def _results(plan, acts: list[dict]) -> list[dict]:
    e = plan.evaluatie
    by_id = {a["id"]: a for a in acts}
    out = []
    for r in (e.resultaten if e is not None else ()):
        act = by_id.get(r.activiteit)
        out.append({"doel": r.doel, "indicator": r.indicator, "nulmeting": r.nulmeting,
                    "streefwaarde": r.streefwaarde, "bron": r.bron, "moment": nl_date(r.moment),
                    "activiteit": f"{act['nr']}. {act['titel']} ({act['wanneer']})" if act else ""})
    return out


def evaluation(plan, acts: list[dict]) -> dict:
    cat = plan.catalog
    e = plan.evaluatie
    given = e.procestest if e is not None else {}
    names = answer_names(cat)
    columns = []
    for col in cat.procestest["kolommen"]:
        vragen = []
        for q in col["vragen"]:
            own = given.get(q["id"])
            chosen = own.antwoord if own is not None else None
            antwoord = names.get(chosen, "") if chosen else ""
            keuzes = [{"naam": naam.lower(), "gekozen": aid == chosen} for aid, naam in names.items()]
            vragen.append({"id": q["id"], "vraag": q["vraag"], "antwoord": antwoord,
                           "toelichting": own.toelichting if own is not None else "",
                           "keuzes": keuzes,
                           "vakjes": " ".join(("☒ " if k["gekozen"] else "☐ ") + k["naam"] for k in keuzes),
                           "vinkje": "☑" if antwoord else "☐"})
        columns.append({"naam": col["naam"], "vragen": vragen})
    all_q = [q for c in columns for q in c["vragen"]]
    vervolg = e.vervolg if e is not None else ""
    return {
        "datum": nl_date(e.datum) if e is not None else "",
        "door": e.door if e is not None else "",
        "vervolg": vervolg,
        # the brochure's general advice only where the plan has not chosen a scenario yet
        "vervolgscenario": "" if vervolg else txt(catalog_value(cat.data, "evaluatie", "vervolgscenario", "tekst")),
        "vervolg_pagina": str(catalog_value(cat.data, "evaluatie", "vervolgscenario", "pagina") or ""),
        "bron": cat.procestest.get("bron", ""),
        "pagina": str(cat.procestest.get("pagina", "")),
        "resultaten_pagina": str(catalog_value(cat.data, "evaluatie", "resultaten", "pagina") or ""),
        "kolommen": columns,
        "antwoorden": list(names.values()),
        "beantwoord": [q for q in all_q if q["antwoord"]],
        "open": [q for q in all_q if not q["antwoord"]],
        "aantal": len(all_q),
        "resultaten": _results(plan, acts),
        "activiteiten": [a for a in acts if a["fase_id"] == "evaluatie"],
        "aanwezig": stated(e),
    }


def context(plan, acts: list[dict]) -> dict:
    return {"evaluatie": evaluation(plan, acts)}
