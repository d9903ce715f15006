"""De gemeente kiest zelf de leden van de vertegenwoordiging.

"Als er een selectieprocedure wordt toegepast, is het verstandig om de rol van de gemeente daarin te
beperken zodat de vertegenwoordiging zelf haar verantwoordelijkheid neemt en draagt" (Stap 7,
p. 34). Gorinchem kreeg meer aanmeldingen dan plaatsen voor de klankbordgroep. Laat de
vertegenwoordiging zelf, het veld of een onafhankelijke partij kiezen
(`vertegenwoordiging.selectie.door`).
"""
from ._base import Finding

ID = "selectie-door-gemeente"
SEVERITY = "warning"
PAGE = "34"
SUMMARY = "Gemeente selecteert de leden"


def check(plan):
    v = plan.vertegenwoordiging
    if v is None or v.selectie is None or v.selectie.door != "gemeente":
        return
    tip = plan.catalog.data["draagvlak"]["selectie"]
    yield Finding(f"{v.selectie.ptr}/door",
                  f"De gemeente kiest de leden zelf. ‘{tip['tekst'].rstrip('.')}’ (brochure p. {tip['pagina']}). "
                  "Laat de vertegenwoordiging zelf, het veld of een onafhankelijke partij kiezen.")
