"""Een vertegenwoordiging (panel, platform, klankbordgroep) is niet volledig geregeld.

Werkt u met een vaste vertegenwoordiging, maak dan afspraken over toetreding en
representativiteit, over faciliteiten, over een formeel kader (convenant of huishoudelijk
reglement) en over een korte, vaste zittingstermijn (Stap 7, p. 34–35). Elk ontbrekend onderdeel
geeft één melding.
"""
from ._base import Finding

ID = "vertegenwoordiging-onvolledig"
SEVERITY = "warning"
PAGE = "34-35"
SUMMARY = "Vertegenwoordiging onvolledig geregeld"


def check(plan):
    section = plan.vertegenwoordiging
    if section is None:
        return
    for element in plan.catalog.vertegenwoordiging:
        if getattr(section, element["id"]) in (None, "", ()):
            yield Finding(section.ptr, f"De vertegenwoordiging regelt nog niet: "
                          f"{element['vraag'][0].lower()}{element['vraag'][1:].rstrip('?')}? Vul "
                          f"'vertegenwoordiging.{element['id']}' in.", key=True)
