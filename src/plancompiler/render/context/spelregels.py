"""The spelregels document: the ten rules for participants and the standing representation."""
from __future__ import annotations

from ...model import stated
from .common import txt


def rules(plan) -> list[dict]:
    """The ten spelregels (p. 32) in the catalog's order, with the plan's answer ("" if open)."""
    own = plan.spelregels
    return [{"id": r["id"], "naam": r["naam"], "vraag": r["vraag"],
             "antwoord": getattr(own, r["id"]) if own is not None else ""}
            for r in plan.catalog.spelregels]


def representation(plan) -> dict | None:
    v = plan.vertegenwoordiging
    if not stated(v):
        return None
    cat = plan.catalog
    rows = []
    for item in cat.vertegenwoordiging:
        value = getattr(v, item["id"])
        if item["id"] == "faciliteiten":
            lijst = [txt(x) for x in value or () if txt(x)]
            rows.append({"naam": item["naam"], "tekst": "", "lijst": lijst, "ontbreekt": not lijst})
        elif item["id"] == "zittingstermijn_maanden":
            if v.open_netwerk:
                continue  # members choose when and how long they take part (p. 35)
            text = f"{value} maanden" if value else ""
            rows.append({"naam": "Zittingstermijn", "tekst": text, "lijst": [], "ontbreekt": not text})
        else:
            rows.append({"naam": item["naam"], "tekst": value, "lijst": [], "ontbreekt": not value})
    if v.achterban:
        rows.append({"naam": "Achterban", "tekst": v.achterban, "lijst": [], "ontbreekt": False})
    return {"vorm": v.vorm or "vertegenwoordiging", "regels": rows, "open_netwerk": v.open_netwerk}


def context(plan) -> dict:
    return {"spelregels": rules(plan), "vertegenwoordiging": representation(plan)}
