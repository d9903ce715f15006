"""Een van de zes kernvoorwaarden is niet beoordeeld.

Interactief beleid slaagt alleen als aan zes kernvoorwaarden is voldaan: openheid, duidelijkheid
over rol en inbreng, meerwaarde, een constructieve relatie, geschikte problematiek, en personele
capaciteit en middelen (Stap 3, p. 16–18). Beoordeel elke voorwaarde voor de gekozen trede onder
`kernvoorwaarden` met `oordeel: voldaan|deels|niet` en een toelichting.
"""
from ._base import Finding

ID = "kernvoorwaarde-ontbreekt"
SEVERITY = "error"
PAGE = "16-18"
SUMMARY = "Kernvoorwaarde niet beoordeeld"


def check(plan):
    present = plan.kernvoorwaarden is not None
    for v in plan.catalog.voorwaarden:
        entry = plan.kernvoorwaarde(v["id"])
        if entry is None or not entry.oordeel:
            ptr = entry.ptr if entry is not None else ("/kernvoorwaarden" if present else "")
            crit = v["criteria"][plan.trede]
            yield Finding(ptr, f"De kernvoorwaarde ‘{v['naam']}’ is niet beoordeeld. Bij {plan.trede} "
                          f"vraagt de brochure: ‘{crit.rstrip('.')}’. Voeg '{v['id']}: {{oordeel: "
                          "voldaan|deels|niet, toelichting: ...}' toe onder 'kernvoorwaarden'.", key=True)
