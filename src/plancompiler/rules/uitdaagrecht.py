"""Het veld neemt taken op zich; het plan zegt niet hoe het uitdaagrecht van uw verordening meespeelt.

Bij coproduceren en meebeslissen (p. 13) voeren vrijwilligersorganisaties zelf een deel van het
beleid uit. Sinds 1 januari 2025 kan de participatieverordening van artikel 150 Gemeentewet het
uitdaagrecht regelen: inwoners en maatschappelijke partijen kunnen de gemeente verzoeken de
uitvoering van een gemeentelijke taak over te nemen, al dan niet met het budget. Of de verordening
dat moet of kan regelen, is in de catalogus nog niet letterlijk nagelezen; plancompiler zegt daarom
"kan". De melding is een aandachtspunt (info): zet onder `participatieverordening.uitdaagrecht` of
uw verordening het uitdaagrecht regelt (en onder `participatieverordening.artikelen` in welk artikel), zodat
deelnemers weten hoe een verzoek zich tot dit traject verhoudt.
"""
from __future__ import annotations

from ._base import Finding
from ._wet import TAKEN_OVER, citeer, kader

ID = "uitdaagrecht"
SEVERITY = "info"
PAGE = "13"
SUMMARY = "Uitdaagrecht bij coproduceren of meebeslissen"
WETTELIJK = True
BEPALINGEN = ("gemw-art150-uitdaagrecht",)  # every provision it may cite (explain quotes them)


def _where(plan) -> str | None:
    """The pointer of the place where the plan hands tasks to the field, or None."""
    if plan.trede in TAKEN_OVER:
        return "/ambitie/trede"
    cat = plan.catalog
    return next((a.ptr for a in plan.activiteiten if a.trede(cat) in TAKEN_OVER), None)


def bepalingen(plan) -> list[str]:
    return ["gemw-art150-uitdaagrecht"]


def in_scope(plan) -> bool:
    return kader(plan).art150_nieuw and _where(plan) is not None


def check(plan):
    if not in_scope(plan):
        return
    v = plan.participatieverordening
    if v is not None and v.uitdaagrecht is not None:
        return
    trede = plan.catalog.naam(plan.trede if plan.trede in TAKEN_OVER else
                              next(a.trede(plan.catalog) for a in plan.activiteiten
                                   if a.trede(plan.catalog) in TAKEN_OVER)).lower()
    yield Finding(_where(plan),
                  f"Bij {trede} nemen inwoners en organisaties taken op zich. Gemeenten kunnen in de "
                  f"participatieverordening het uitdaagrecht regelen: het verzoek om een gemeentelijke taak "
                  f"over te nemen ({citeer(plan, 'gemw-art150-uitdaagrecht')}). Zet onder "
                  "'participatieverordening.uitdaagrecht' of uw verordening dat doet, zodat deelnemers weten "
                  "hoe zo'n verzoek zich tot dit traject verhoudt.")
