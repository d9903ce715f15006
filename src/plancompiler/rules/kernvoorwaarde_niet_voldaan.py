"""Een kernvoorwaarde is niet of maar deels vervuld voor de gekozen trede.

Per trede stelt de brochure een eigen eis aan elke kernvoorwaarde (Stap 3, p. 16–18). Is een
voorwaarde 'niet' vervuld, dan is dat een fout; 'deels' is een waarschuwing. Kunt u de voorwaarde
niet (helemaal) vervullen, dan raadt de brochure aan bescheiden te zijn met de mate van interactie:
kies een lagere trede, of zorg eerst dat de voorwaarde vervuld is.
"""
from ._base import Finding

ID = "kernvoorwaarde-niet-voldaan"
SEVERITY = "error"
PAGE = "16-18"
SUMMARY = "Kernvoorwaarde niet (geheel) vervuld"


def check(plan):
    cat = plan.catalog
    rank = cat.rank(plan.trede)
    lower = cat.trede_ids[rank - 1] if rank > 0 else None
    advice = cat.data["kernvoorwaarden"].get("advies", {}).get("tekst", "")
    for v in cat.voorwaarden:
        entry = plan.kernvoorwaarde(v["id"])
        if entry is None or entry.oordeel not in ("niet", "deels"):
            continue
        oordeel = entry.oordeel
        crit = v["criteria"][plan.trede].rstrip(".")
        fix = (f"Zorg dat de voorwaarde vervuld is, of kies een lagere trede ({lower}): "
               f"‘{advice}’." if lower else "Zorg dat de voorwaarde vervuld is.")
        yield Finding(f"{entry.ptr}/oordeel",
                      f"‘{v['naam']}’ is {'niet' if oordeel == 'niet' else 'maar deels'} vervuld. Bij "
                      f"{plan.trede} vraagt de brochure: ‘{crit}’. {fix}",
                      severity="error" if oordeel == "niet" else "warning")
