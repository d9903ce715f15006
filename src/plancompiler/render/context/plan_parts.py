"""Parts of the plan as the legal frame names them: a catalog pointer (wet.yaml ``plan:``) followed
through the model, and where that part appears in the plan van aanpak.

Shared by the plan van aanpak and its legal section (wettelijk_kader), so neither imports the other.
"""
from __future__ import annotations

from typing import Mapping

from ...model import stated
from ...textutil import pointer_tokens
from .common import nl_date, nl_join, terugkoppeling
from .spelregels import rules

# Where each plan part appears in the plan van aanpak (for the legal frame): chapter, and what else.
PLAN_PARTS = {
    "visie": ("visie", ""),
    "ambitie": ("ambitie", ""),
    "kernvoorwaarden": ("kernvoorwaarden", ""),
    "fasen": ("aanpak", ""),
    "interactie": ("aanpak", ""),
    "werving": ("werving", ""),
    "draagvlak": ("draagvlak", ""),
    "spelregels": ("draagvlak", " en het document Spelregels"),
    "terugkoppeling": ("draagvlak", " en het document Spelregels"),
    "vertegenwoordiging": ("draagvlak", " en het document Spelregels"),
    "begroting": ("begroting", ""),
    "benodigdheden": ("begroting", ""),
    "capaciteit": ("begroting", ""),
    "dekking": ("begroting", ""),
    "aanleiding": ("aanleiding", ""),
    "afbakening": ("afbakening", ""),
    "organisatie": ("organisatie", ""),
    "communicatie": ("communicatie", ""),
    "projectrisicos": ("risicos", ""),
    "besluitvorming": ("besluitvorming", ""),
    "evaluatie": ("evaluatie", " en het Evaluatiekader"),
}


def plan_part(plan, pointer: str):
    """The model object or value at a pointer the catalog names (wet.yaml, ``plan:``).

    The catalog links law articles to parts of the plan by JSON pointer; this follows such a
    pointer through the model's attributes (which mirror the plan's keys), never through the
    plan's data. A pointer the model does not have raises LookupError (tests/test_model.py runs
    every pointer in the catalog through it).
    """
    node = plan
    for token in pointer_tokens(pointer):
        if isinstance(node, tuple) and not hasattr(node, "_fields"):
            if not token.isdigit() or int(token) >= len(node):
                return None
            node = node[int(token)]
        elif isinstance(node, Mapping):
            node = node.get(token)
        elif node is None:
            return None
        elif token in getattr(node, "_fields", ()) and token != "ptr":
            node = getattr(node, token)
        else:
            raise LookupError(f"the model has no part {pointer!r}")
    return node


def _present(value) -> bool:
    if hasattr(value, "_fields"):
        return stated(value)
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, (), False) and not (isinstance(value, Mapping) and not value)


def _pointer_part(plan, pointer: str, acts: list[dict], kop: dict) -> dict:
    keys = pointer_tokens(pointer)
    value = plan_part(plan, pointer)
    where = PLAN_PARTS.get(keys[0]) if keys else None
    sectie = kop[where[0]]["kop"] + where[1] if where else "het plan"
    present = _present(value)
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
        d = plan.draagvlak
        if d is not None and d.intern:
            bits.append(f"{len(d.intern)} beleidsvelden intern betrokken")
        if d is not None and stated(d.college):
            bits.append("rol van het college vastgelegd")
        if d is not None and stated(d.raad):
            bits.append("afspraken met de raad")
        if d is not None and stated(d.wmo_advies):
            bits.append("advies van de Wmo-raad gepland")
        text = (nl_join(bits) + ".") if bits else "Ontbreekt in het plan."
        text = text[0].upper() + text[1:]
    elif keys == ["terugkoppeling"]:
        t = terugkoppeling(plan)
        text = (f"Verslag binnen {t['verslag_woorden']}, daarna {t['reactie_woorden']} om te reageren; na een "
                f"collegebesluit bericht binnen {t['besluit_woorden']}.")
        if not present:
            text += f" (Termijnen van {t['bron']}; het plan legt geen eigen termijnen vast.)"
    elif keys == ["spelregels"]:
        n = sum(1 for r in rules(plan) if r["antwoord"])
        text = f"{n} van de {len(plan.catalog.spelregels)} spelregels vastgelegd."
        present = n > 0
    elif keys == ["draagvlak", "wmo_advies"] and value is not None:
        text = (f"Advies van {value.orgaan or 'de Wmo-raad'}"
                + (f" op {nl_date(value.datum)}" if value.datum else "")
                + (f" over: {value.onderwerp}" if value.onderwerp else "") + ".")
    elif keys == ["terugkoppeling", "reactienota"]:
        reactienota = terugkoppeling(plan)["reactienota"]
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
