"""Een instrument dat om een vervolg vraagt, heeft er geen.

Sommige instrumenten leveren pas iets op als er een vervolg komt. Bij de Digimon-enquête zegt de
brochure "Een vervolg is noodzakelijk" (deel B, p. 39); Utrecht liet de enquête volgen door tien
wijkbijeenkomsten (p. 25-26); bij de vrijwilligersbeurs roept de gemeente de trekkers twee keer per
jaar bijeen (p. 43). Dat een gewone enquête ook een vervolg vraagt, is een werkafspraak van
plancompiler naar het voorbeeld van Utrecht. Laat een latere activiteit met `bouwt_voort_op` op de
uitkomsten voortbouwen.
"""
from ._base import Finding

ID = "vervolg-ontbreekt"
SEVERITY = "warning"
PAGE = "25-26, 39, 43-44"
SUMMARY = "Geen vervolg op een instrument dat erom vraagt"


def check(plan):
    for a in plan.activiteiten:
        if a.instrument and a.instrument.vervolg_nodig and not plan.has_followup(a):
            yield Finding(f"{a.ptr}/instrument",
                          f"{a.instrument.naam} ('{a.id}') vraagt om een vervolg, maar geen latere "
                          f"activiteit bouwt erop voort. Voeg een activiteit toe met "
                          f"'bouwt_voort_op: [{a.id}]', bijvoorbeeld een bijeenkomst waarin u de "
                          "uitkomsten bespreekt.")
