"""Een activiteit voldoet niet aan een eis die de brochure aan het instrument stelt.

Deel B beschrijft zes instrumenten met hun voorwaarden (p. 39-45): een vrijwilligerscafé werkt met
tafels van 5 tot 10 personen en hooguit 200 deelnemers (p. 42), een stakeholdersdialoog met twee
panels en 'buurt aan zet' met een gemandateerde stuurgroep en een budget (p. 45). De eisen staan in
de catalogus; deze regel toetst de velden van de activiteit eraan. De gespreksleider van een debat
(p. 40) toetst gespreksleider-ontbreekt, het vervolg van een enquête of beurs vervolg-ontbreekt.
De trekkers van een vrijwilligersbeurs vraagt plancompiler niet vooraf: "Tijdens de beurs worden er
een aantal trekkers aangewezen" (p. 43).
"""
from ._base import Finding

ID = "instrument-eis"
SEVERITY = "warning"
PAGE = "39-45"
SUMMARY = "Eis van het instrument niet vervuld"


def _empty(value) -> bool:
    """Absent, blank text or an empty list (lists arrive frozen, as tuples)."""
    return (value is None or (isinstance(value, str) and not value.strip())
            or (isinstance(value, (list, tuple)) and not value))


def _unmet(eis, value, plan, activity) -> bool:
    if eis.get("vervolg"):
        return not plan.has_followup(activity)
    if eis.get("aanwezig") and _empty(value):
        return True
    if eis.get("waar") and value is not True:
        return True
    if value is None:
        return bool(eis.get("min_items") or (eis.get("min") is not None and not eis.get("max")))
    if "min_items" in eis and (not isinstance(value, (list, tuple)) or len(value) < eis["min_items"]):
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "min" in eis and value < eis["min"]:
            return True
        if "max" in eis and value > eis["max"]:
            return True
    return False


def check(plan):
    for a in plan.activiteiten:
        if not a.instrument or not a.instrument.eisen:
            continue
        for eis in a.instrument.eisen:
            if eis.get("vervolg") and a.instrument.vervolg_nodig:
                continue  # vervolg-ontbreekt reports it; one finding, one waiver
            field = eis.get("veld")
            value = a.veld(field) if field else None
            if _unmet(eis, value, plan, a):
                given = bool(field) and a.heeft(field)
                ptr = f"{a.ptr}/{field}" if given else f"{a.ptr}/instrument"
                what = (f" Pas '{field}' aan." if given else f" Vul '{field}' in.") if field else ""
                yield Finding(ptr, f"{a.instrument.naam} ('{a.id}'): {eis['tekst'].rstrip('.')}.{what} "
                              f"(brochure p. {a.instrument.deel_b.get('pagina', PAGE)})")
