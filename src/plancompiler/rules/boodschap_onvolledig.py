"""De wervingsboodschap mist een element van 'halen en brengen'.

Een goede boodschap zegt wat u vraagt en wat u biedt, hoeveel uren het kost, hoeveel invloed
deelnemers hebben, wat er met hun inbreng gebeurt en onder welke voorwaarden (Stap 6, p. 29).
Elk ontbrekend element geeft één melding.
"""
from ._base import Finding

ID = "boodschap-onvolledig"
SEVERITY = "warning"
PAGE = "29"
SUMMARY = "Boodschap mist een element"


def check(plan):
    if plan.werving is None:
        return
    boodschap = plan.werving.boodschap
    where = boodschap.ptr if boodschap is not None else plan.werving.ptr
    for element in plan.catalog.boodschap:
        if boodschap is None or not getattr(boodschap, element["id"]):
            yield Finding(where, f"De boodschap zegt niets over ‘{element['naam'].lower()}’. Vul "
                          f"'werving.boodschap.{element['id']}' in.", key=True)
