"""Een kernvoorwaarde is niet of maar deels vervuld voor de gekozen trede.

Per trede stelt de brochure een eigen eis aan elke kernvoorwaarde (Stap 3, p. 16-18). "Als u niet
of in beperkte mate aan de voorwaarden kunt voldoen, wees dan bescheiden met de mate van
interactie. Uiteindelijk beslist u natuurlijk zelf welke vorm van betrekken u kiest en welke
voorwaarden u daarbij stelt" (p. 16). Daarom is dit een waarschuwing, zowel bij 'niet' als bij
'deels': zorg dat de voorwaarde vervuld raakt, of weeg af of de gekozen trede niet te veel belooft
en leg uw afweging vast in de `toelichting` van de kernvoorwaarde.
"""
from ._base import Finding

ID = "kernvoorwaarde-niet-voldaan"
SEVERITY = "warning"
PAGE = "16-18"
SUMMARY = "Kernvoorwaarde niet (geheel) vervuld"


def check(plan):
    cat = plan.catalog
    advice = cat.data["kernvoorwaarden"].get("advies", {})
    for v in cat.voorwaarden:
        entry = plan.kernvoorwaarde(v["id"])
        if entry is None or entry.oordeel not in ("niet", "deels"):
            continue
        crit = v["criteria"][plan.trede].rstrip(".")
        yield Finding(f"{entry.ptr}/oordeel",
                      f"‘{v['naam']}’ is {'niet' if entry.oordeel == 'niet' else 'maar deels'} vervuld. Bij "
                      f"{plan.trede} vraagt de brochure: ‘{crit}’. Kunt u daar niet (helemaal) aan voldoen, "
                      f"‘{advice.get('tekst', '')}’; u beslist zelf (p. {advice.get('pagina', PAGE)}). "
                      "Leg uw afweging vast in de toelichting.")
