"""The evaluatiekader: the procestest (Stap 8) as a checklist, with the plan's answers so far."""
from __future__ import annotations

from ...model import stated
from .common import answer_names, catalog_value, nl_date, txt


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
            antwoord = names.get(own.antwoord, "") if own is not None else ""
            vragen.append({"id": q["id"], "vraag": q["vraag"], "antwoord": antwoord,
                           "toelichting": own.toelichting if own is not None else "",
                           "vinkje": "☑" if antwoord else "☐"})
        columns.append({"naam": col["naam"], "vragen": vragen})
    pairs = []
    n = max(len(c["vragen"]) for c in columns) if columns else 0
    for i in range(n):
        pairs.append([(c["vragen"][i] if i < len(c["vragen"]) else None) for c in columns])
    all_q = [q for c in columns for q in c["vragen"]]
    return {
        "datum": nl_date(e.datum) if e is not None else "",
        "door": e.door if e is not None else "",
        "vervolg": e.vervolg if e is not None else "",
        "vervolgscenario": txt(catalog_value(cat.data, "evaluatie", "vervolgscenario", "tekst")),
        "bron": cat.procestest.get("bron", ""),
        "pagina": str(cat.procestest.get("pagina", "")),
        "kolommen": columns,
        "paren": pairs,
        "beantwoord": [q for q in all_q if q["antwoord"]],
        "met_toelichting": [q for q in all_q if q["antwoord"] or q["toelichting"]],
        "open": [q for q in all_q if not q["antwoord"]],
        "aantal": len(all_q),
        "activiteiten": [a for a in acts if a["fase_id"] == "evaluatie"],
        "aanwezig": stated(e),
    }


def context(plan, acts: list[dict]) -> dict:
    return {"evaluatie": evaluation(plan, acts)}
