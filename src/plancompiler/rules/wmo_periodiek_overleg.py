"""In de uitvoering is geen periodiek overleg met inwoners of cliënten te zien.

De Wmo 2015 laat de gemeente in een verordening regelen hoe ingezetenen, waaronder cliënten, deel
kunnen nemen aan periodiek overleg en er onderwerpen voor kunnen aanmelden (art. 2.1.3 lid 3 sub d
en e). Dit bindt de verordening, niet elk plan: de melding is een aandachtspunt (info). Ze geldt
alleen voor plannen die op of na 1 januari 2015 lopen en de fase uitvoering omvatten. Het plan laat
het overleg zien met een activiteit in de uitvoering met een instrument dat een vaste structuur is
(bijvoorbeeld een vrijwilligersnetwerk of klankbordgroep, p. 34-35), of met `adviesraad.overleg`
(hoe vaak de adviesraad met de gemeente overlegt). De informatie voor dat overleg (sub f) regelt
de spelregel `informatie`.
"""
from __future__ import annotations

from ._base import Finding, listing
from ._wet import citeer, kader

ID = "wmo-periodiek-overleg"
SEVERITY = "info"
PAGE = "34-35"
SUMMARY = "Periodiek overleg in de uitvoering (Wmo 2015 art. 2.1.3 lid 3 sub d en e)"
WETTELIJK = True
BEPALINGEN = ("wmo2015-art2-1-3-lid3-d", "wmo2015-art2-1-3-lid3-e")  # every provision it may cite (explain quotes them)


def _uitvoering(plan) -> list:
    cat = plan.catalog
    return [f for f in plan.fasen if cat.cyclusdeel(f.fase) == "uitvoering"]


def bepalingen(plan) -> list[str]:
    return ["wmo2015-art2-1-3-lid3-d", "wmo2015-art2-1-3-lid3-e"]


def in_scope(plan) -> bool:
    return kader(plan).wmo2015 and bool(_uitvoering(plan))


def check(plan):
    if not in_scope(plan):
        return
    fasen = _uitvoering(plan)
    if plan.adviesraad is not None and plan.adviesraad.overleg:
        return
    if any(a.instrument is not None and a.instrument.soort == "structuur" for f in fasen for a in f.activiteiten):
        return
    structuur = [i["naam"].lower() for i in plan.catalog.instrumenten if i.get("soort") == "structuur"][:3]
    ref = f"{citeer(plan, 'wmo2015-art2-1-3-lid3-d')} en e"
    yield Finding(fasen[0].ptr,
                  f"In de uitvoering is geen periodiek overleg te zien. De Wmo-verordening regelt dat inwoners "
                  f"en cliënten deel kunnen nemen aan periodiek overleg en er onderwerpen voor kunnen aanmelden "
                  f"({ref}). Plan in de uitvoering een vaste structuur, bijvoorbeeld {listing(structuur, 'of')}, "
                  "of zeg onder 'adviesraad.overleg' hoe vaak de adviesraad met de gemeente overlegt.", key=True)
