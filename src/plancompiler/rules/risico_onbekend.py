"""Een maatregel onder `ambitie.risicos` noemt een risico dat niet bij uw gemeentetype hoort.

De sleutels onder `ambitie.risicos` zijn de ids van de comfortzonerisico's van het gewenste
gemeentetype (zie `plancompiler catalog gemeentetypen`). Een onbekend of ander id wordt niet als
maatregel meegeteld.
"""
from ._base import Finding, did_you_mean

ID = "risico-onbekend"
SEVERITY = "warning"
PAGE = "14"
SUMMARY = "Maatregel bij een onbekend risico"


def check(plan):
    t = plan.type_gewenst
    if not t:
        return
    own = [r["id"] for r in t["risicos"]]
    elsewhere = plan.catalog.risk_ids()
    for rid in plan.risicos:
        if rid in own:
            continue
        ptr = f"/ambitie/risicos/{rid}"
        owner = next((x["id"] for x in plan.catalog.typen.values()
                      if any(r["id"] == rid for r in x["risicos"])), None)
        if owner:
            msg = (f"Het risico '{rid}' hoort bij type {owner}, niet bij uw gewenste type {t['id']}. "
                   f"Gebruik de ids van type {t['id']}: {', '.join(own)}.")
        else:
            hint = did_you_mean(rid, own + list(elsewhere), otherwise=f" Kies uit: {', '.join(own)}.")
            msg = f"Het risico '{rid}' is onbekend.{hint}"
        yield Finding(ptr, msg, key=True)
