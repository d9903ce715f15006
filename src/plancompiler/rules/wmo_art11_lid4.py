"""Het plan zegt niet hoe u de belangen peilt van wie ze zelf moeilijk naar voren brengt.

De Wmo vraagt het college zich ook een beeld te vormen van de belangen van ingezetenen die niet
goed in staat zijn hun belangen kenbaar te maken (art. 11 lid 4, geciteerd op p. 4). Beschrijf
onder `werving.moeilijk_bereikbaar` hoe u dat doet.
"""
from ._base import Finding

ID = "wmo-art11-lid4"
SEVERITY = "warning"
PAGE = "4"
SUMMARY = "Geen aandacht voor wie moeilijk mee kan praten"


def check(plan):
    werving = plan.werving
    if werving is None or not werving.moeilijk_bereikbaar:
        where = werving.ptr if werving is not None else ""
        law = next(a for a in plan.catalog.wet["artikelen"] if a["id"] == "art11-lid4")
        yield Finding(where, f"Beschrijf onder 'werving.moeilijk_bereikbaar' hoe u de belangen peilt "
                      f"van inwoners die die zelf moeilijk kenbaar maken ({plan.catalog.wet['wet']['afkorting']} "
                      f"art. {law['artikel']} lid {law['lid']}), bijvoorbeeld via huisbezoeken of "
                      "sleutelfiguren.", key=True)
