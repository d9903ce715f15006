"""Het plan zegt niet hoe u de belangen peilt van wie ze zelf moeilijk naar voren brengt.

De brochure citeert de Wmo 2007: het college vormt zich bij de voorbereiding ook een beeld van de
belangen en behoeften van ingezetenen die die niet goed kenbaar kunnen maken (art. 11 lid 4, p. 4).
Voor een plan dat vóór 1 januari 2015 eindigt, is dat de wet (waarschuwing). De Wmo 2015 heeft geen
directe opvolger van dit lid; voor latere plannen is het goede praktijk, geen wettelijke plicht
(info). Beschrijf onder `werving.moeilijk_bereikbaar` hoe u dat doet, bijvoorbeeld via huisbezoeken
of sleutelfiguren.
"""
from ._base import Finding
from ._wet import kader

ID = "wmo-art11-lid4"
SEVERITY = "warning"  # info for a plan after the Wmo 2007 (good practice, no longer law)
SEVERITIES = ("warning", "info")
PAGE = "4"
SUMMARY = "Geen aandacht voor wie moeilijk mee kan praten"
WETTELIJK = True
BEPALINGEN = ("art11-lid4",)  # every provision it may cite (explain quotes them)


def bepalingen(plan) -> list[str]:
    return ["art11-lid4"]


def in_scope(plan) -> bool:
    return True


def check(plan):
    werving = plan.werving
    if werving is not None and werving.moeilijk_bereikbaar:
        return
    where = werving.ptr if werving is not None else ""
    law = plan.catalog.bepaling("art11-lid4")
    ref = f"{plan.catalog.wet['wet']['afkorting']} art. {law['artikel']} lid {law['lid']}"
    if kader(plan).alleen_wmo2007:
        severity, why = None, ref
    else:
        severity, why = "info", f"goede praktijk naar {ref} uit de brochure, p. {PAGE}; geen wettelijke plicht meer"
    yield Finding(where, f"Beschrijf onder 'werving.moeilijk_bereikbaar' hoe u de belangen peilt "
                  f"van inwoners die die zelf moeilijk kenbaar maken ({why}), bijvoorbeeld via huisbezoeken of "
                  "sleutelfiguren.", severity=severity, key=True)
