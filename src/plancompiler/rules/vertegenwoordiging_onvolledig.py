"""Een vertegenwoordiging (panel, platform, klankbordgroep) is niet volledig geregeld.

Werkt u met een vertegenwoordiging, maak dan afspraken over toetreding en representativiteit, over
faciliteiten, over een formeel kader (convenant of huishoudelijk reglement) en, bij een vaste groep,
over een korte, vaste zittingstermijn (Stap 7, p. 34-35). Elk ontbrekend onderdeel geeft één
melding. Een open netwerk (`samenstelling: open-netwerk`) krijgt geen vraag naar een
zittingstermijn: daarin "bepalen de mensen zelf wanneer zij in- en uitstappen en voor welke duur
zij zich voor het netwerk zullen inzetten" (p. 35).
"""
from ._base import Finding

ID = "vertegenwoordiging-onvolledig"
SEVERITY = "warning"
PAGE = "34-35"
SUMMARY = "Vertegenwoordiging onvolledig geregeld"

# Elements a network whose members choose their own duration does not have (p. 35).
NOT_FOR_OPEN_NETWORK = frozenset({"zittingstermijn_maanden"})


def check(plan):
    section = plan.vertegenwoordiging
    if section is None:
        return
    for element in plan.catalog.vertegenwoordiging:
        if section.open_netwerk and element["id"] in NOT_FOR_OPEN_NETWORK:
            continue
        if getattr(section, element["id"]) in (None, "", ()):
            vraag = element["vraag"].strip()
            vraag = vraag if vraag.endswith(("?", ".")) else vraag + "?"
            yield Finding(section.ptr, f"De vertegenwoordiging regelt nog niet: "
                          f"{vraag[0].lower()}{vraag[1:]} Vul 'vertegenwoordiging.{element['id']}' in.", key=True)
