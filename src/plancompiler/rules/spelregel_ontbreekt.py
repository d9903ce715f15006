"""Een van de tien onderwerpen van de spelregels is niet geregeld.

Spelregels structureren de interactie: rolverdeling, mate van invloed, wie wanneer beslist, hoe
de agenda tot stand komt, hoe organisaties toetreden, informatie, omgang met resultaten,
openbaarheid, conflicten en verantwoording (Stap 7, p. 32). Elk ontbrekend onderwerp geeft één
melding.
"""
from ._base import Finding

ID = "spelregel-ontbreekt"
SEVERITY = "warning"
PAGE = "32"
SUMMARY = "Spelregel ontbreekt"


def check(plan):
    regels = plan.spelregels
    where = regels.ptr if regels is not None else ""
    for topic in plan.catalog.spelregels:
        if regels is None or not getattr(regels, topic["id"]):
            yield Finding(where, f"De spelregels regelen nog niet: {topic['vraag'][0].lower()}"
                          f"{topic['vraag'][1:].rstrip('?')}? Vul 'spelregels.{topic['id']}' in.", key=True)
