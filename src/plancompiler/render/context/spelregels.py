"""The spelregels: a handout for participants in plain Dutch (B1), one page where possible.

Every sentence comes from the plan or the catalog: the ten rules are the plan's answers under the
catalog's questions in plain words (``kort``); the influence per activity follows from the plan, from
the phase the activity is in (what lies on the table then, ``beleidsfasen.voor_deelnemers``) and the
trede it works at (``ladder.voor_deelnemers``), never from a fixed rung per instrument alone. Words a
volunteer may not know (coproductie, reactienota, verordening, ...) get one line of explanation, but
only when the handout uses them.
"""
from __future__ import annotations

from ...model import stated
from .common import nl_range, txt


def rules(plan) -> list[dict]:
    """The ten spelregels (p. 32) in the catalog's order, with the plan's answer ("" if open)."""
    own = plan.spelregels
    return [{"id": r["id"], "naam": r["naam"], "vraag": r["vraag"], "kort": r.get("kort") or r["vraag"],
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
        label = item.get("kort") or item["naam"]
        if item["id"] == "faciliteiten":
            lijst = [txt(x) for x in value or () if txt(x)]
            rows.append({"naam": item["naam"], "kort": label, "tekst": "", "lijst": lijst, "ontbreekt": not lijst})
        elif item["id"] == "zittingstermijn_maanden":
            if v.open_netwerk:
                continue  # members choose when and how long they take part (p. 35)
            text = f"{value} maanden." if value else ""
            rows.append({"naam": "Zittingstermijn", "kort": label, "tekst": text, "lijst": [], "ontbreekt": not text})
        else:
            text = value[:1].upper() + value[1:] if value else ""
            if text and not text.endswith((".", "!", "?")):
                text += "."
            rows.append({"naam": item["naam"], "kort": label, "tekst": text, "lijst": [], "ontbreekt": not value})
    if v.achterban:
        text = v.achterban[:1].upper() + v.achterban[1:]
        if not text.endswith((".", "!", "?")):
            text += "."
        rows.append({"naam": "Achterban", "kort": "Achterban", "tekst": text, "lijst": [], "ontbreekt": False})
    vorm = v.vorm or "vertegenwoordiging"
    return {"vorm": vorm, "de_het": article(vorm), "regels": rows, "open_netwerk": v.open_netwerk}


# Nouns for a representation that take 'het' (het platform, het panel, ...); the others take 'de'.
HET_WOORDEN = ("platform", "panel", "netwerk", "overleg", "forum", "team", "comité", "comite", "beraad")


def article(noun: str) -> str:
    """'Het' or 'De' for the name of a representation ('het vrijwilligersplatform', 'de klankbordgroep')."""
    last = noun.strip().lower().split()[-1] if noun.strip() else ""
    return "Het" if last.endswith(HET_WOORDEN) else "De"


def influence(plan, acts: list[dict]) -> list[dict]:
    """Per phase of the plan: what lies on the table, and the influence per trede, with its activities.

    Activities of a phase with the same influence share one line, so the handout stays short. Feedback
    dates are the general terms (section "Wat er met uw inbreng gebeurt"); only where a term is cut
    short (the plan ends or the evaluation comes first) the activity says so, with its dates.
    """
    cat = plan.catalog
    out = []
    for f in plan.fasen:
        entry = cat.fase(f.fase)
        groups: dict[str, list[dict]] = {}
        for a in acts:
            if a["fase_id"] != f.fase or a["nr"] - 1 not in {x.volgorde for x in f.activiteiten}:
                continue
            trede = cat.trede(a["trede_id"]) if a["trede_id"] else {}
            tekst = txt(trede.get("voor_deelnemers")) or txt(trede.get("in_gewone_woorden"))
            noot = ""
            if a.get("termijn_noot") and a.get("verslag_datum"):
                noot = (f"Het verslag komt uiterlijk {a['verslag_datum']}. U kunt reageren tot en met "
                        f"{a['reactie_datum']}. {a['termijn_noot']}")
            groups.setdefault(tekst, []).append({"titel": a["titel"], "wanneer": a["wanneer"], "noot": noot,
                                                 "verslag_datum": a.get("verslag_datum", ""),
                                                 "reactie_datum": a.get("reactie_datum", "")})
        if groups:
            out.append({"naam": entry["naam"], "periode": nl_range(f.van, f.tot),
                        "tekst": txt(entry.get("voor_deelnemers")),
                        "groepen": [{"invloed": k, "activiteiten": v} for k, v in groups.items()],
                        "activiteiten": [x for v in groups.values() for x in v]})
    return out


def glossary(plan, texts: list[str]) -> list[dict]:
    """The catalog's plain explanations of the words the handout actually uses."""
    haystack = " " + " ".join(texts).lower() + " "
    return [{"woord": w["woord"], "uitleg": w["uitleg"]} for w in plan.catalog.data["draagvlak"].get("woorden", ())
            if any(z.lower() in haystack for z in w["zoek"])]


def context(plan, acts: list[dict] | None = None, terug: dict | None = None) -> dict:
    acts = acts or []
    regels = rules(plan)
    vert = representation(plan)
    fasen = influence(plan, acts)
    texts = [r["antwoord"] for r in regels]
    texts += [f["naam"] + " " + f["tekst"] for f in fasen]
    texts += [g["invloed"] + " " + " ".join(a["titel"] + " " + a["noot"] for a in g["activiteiten"])
              for f in fasen for g in f["groepen"]]
    if vert:
        texts += [vert["vorm"]] + [r["tekst"] + " " + " ".join(r["lijst"]) for r in vert["regels"]]
    if terug and terug.get("reactienota"):
        texts.append("reactienota")
    texts.append("college")  # the handout's own text names the college (decisions, feedback)
    return {"spelregels": regels, "vertegenwoordiging": vert, "invloed_per_fase": fasen,
            "woorden": glossary(plan, texts)}
