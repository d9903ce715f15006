"""Het plan vraagt advies, maar zegt niet of de adviesraad ook ongevraagd advies kan geven.

De Wmo 2015 laat de gemeente in een verordening regelen hoe ingezetenen, waaronder cliënten,
vroegtijdig gevraagd én ongevraagd advies kunnen uitbrengen over verordeningen en
beleidsvoorstellen (art. 2.1.3 lid 3 sub b). In de praktijk doet een adviesraad sociaal domein of
Wmo-raad dat. Dit bindt de verordening, niet elk plan: de melding is een aandachtspunt (info).
Ze geldt alleen voor plannen die op of na 1 januari 2015 lopen en een fase hebben waarin de raad
besluit (beleidsplan of verordening). Noem onder `adviesraad` de raad, en zet
`ongevraagd_advies: true` als hij ook ongevraagd advies kan geven. Ontbreekt het gevraagde advies
zelf, dan meldt `wmo-art12-advies-ontbreekt` dat.
"""
from __future__ import annotations

from ._base import Finding
from ._wet import adviesmomenten, citeer, kader

ID = "wmo-advies-gevraagd-ongevraagd"
SEVERITY = "info"
PAGE = "4"
SUMMARY = "Gevraagd en ongevraagd advies (Wmo 2015 art. 2.1.3 lid 3 sub b)"
WETTELIJK = True
BEPALINGEN = ("wmo2015-art2-1-3-lid3-b",)  # every provision it may cite (explain quotes them)


def bepalingen(plan) -> list[str]:
    return ["wmo2015-art2-1-3-lid3-b"]


def in_scope(plan) -> bool:
    return kader(plan).wmo2015 and bool(adviesmomenten(plan))


def check(plan):
    if not in_scope(plan):
        return
    advies = plan.draagvlak.wmo_advies if plan.draagvlak else None
    if advies is None or not advies.orgaan:
        return  # the requested advice itself is missing: wmo-art12-advies-ontbreekt says so
    ref = citeer(plan, "wmo2015-art2-1-3-lid3-b")
    raad = plan.adviesraad
    if raad is None:
        yield Finding(advies.ptr,
                      f"Uw plan vraagt advies van {advies.orgaan}. De Wmo-verordening regelt dat inwoners en "
                      f"cliënten vroegtijdig gevraagd én ongevraagd advies kunnen geven ({ref}). Noem onder "
                      "'adviesraad' de raad die dat doet, met 'ongevraagd_advies: true' als hij ook ongevraagd "
                      "advies kan geven.", key=True)
    elif raad.ongevraagd_advies is not True:
        yield Finding(raad.ptr,
                      f"Zeg onder 'adviesraad' of {raad.naam} ook ongevraagd advies kan geven "
                      f"('ongevraagd_advies: true'); de Wmo-verordening regelt gevraagd én ongevraagd advies "
                      f"({ref}).", key=True)
