"""Een doel van de interactie wordt door geen enkele activiteit gediend.

Bepaal eerst het doel en het gewenste resultaat van het proces (Stap 5, p. 23) en kies daarna
instrumenten die dat doel dienen. Een doel dat onder `interactie.doelen` staat maar bij geen
activiteit terugkomt, blijft een voornemen.
"""
from ._base import Finding, suggestions

ID = "doel-zonder-activiteit"
SEVERITY = "warning"
PAGE = "23"
SUMMARY = "Doel zonder activiteit"


def check(plan):
    served = {a.doel for a in plan.activiteiten}
    for i, doel in enumerate(plan.interactie_doelen):
        if doel not in served:
            options = suggestions(plan.catalog, plan.trede, doel, 4)
            yield Finding(f"/interactie/doelen/{i}",
                          f"Geen activiteit dient het doel ‘{plan.catalog.doel(doel)['naam'].lower()}’. "
                          f"Voeg een activiteit met 'doel: {doel}' toe"
                          + (f", bijvoorbeeld {', '.join(options)}." if options else ".")
                          + " Of haal het doel weg.")
