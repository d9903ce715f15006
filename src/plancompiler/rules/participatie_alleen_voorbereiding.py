"""Alle activiteiten vallen in de voorbereiding van het beleid; uitvoering en evaluatie blijven buiten.

Sinds 1 januari 2025 gaat de participatieverordening van artikel 150 Gemeentewet niet alleen over
de voorbereiding, maar ook over de uitvoering en de evaluatie van gemeentelijk beleid. Dat bindt
de verordening van uw gemeente, niet elk afzonderlijk plan: deze melding is een aandachtspunt
(info), geen wetsovertreding. De brochure vraagt vooraf een bewuste keuze voor de beleidsfasen
waarin u vrijwilligers betrekt (p. 19). Overweeg een activiteit in de fase uitvoering of evaluatie,
of leg onder `fasenkeuze` vast waarom dit traject zich tot de voorbereiding beperkt; die reden komt
in het plan van aanpak. De indeling van de fasen in voorbereiding, uitvoering en evaluatie staat in
de catalogus van beleidsfasen. Plannen die vóór 2025 eindigen, vallen buiten deze
regel: toen ging de verordening alleen over de voorbereiding.
"""
from __future__ import annotations

from ._base import Finding, listing
from ._wet import citeer, kader

ID = "participatie-alleen-voorbereiding"
SEVERITY = "info"
PAGE = "19"
SUMMARY = "Participatie alleen in de voorbereiding, niet in uitvoering of evaluatie"
WETTELIJK = True
BEPALINGEN = ("gemw-art150-lid1",)  # every provision it may cite (explain quotes them)


def bepalingen(plan) -> list[str]:
    return ["gemw-art150-lid1"]


def in_scope(plan) -> bool:
    return kader(plan).art150_nieuw and bool(plan.activiteiten)


def check(plan):
    if not in_scope(plan) or plan.fasenkeuze:
        return
    cat = plan.catalog
    if any(cat.cyclusdeel(a.fase) != "voorbereiding" for a in plan.activiteiten):
        return
    fasen = listing(dict.fromkeys(cat.fase(f.fase)["naam"].lower() for f in plan.fasen if f.activiteiten))
    uitvoering = ", ".join(cat.fase(f)["naam"].lower() for f in cat.fasen_in_deel("uitvoering"))
    evaluatie = ", ".join(cat.fase(f)["naam"].lower() for f in cat.fasen_in_deel("evaluatie"))
    yield Finding("/fasen",
                  f"Alle activiteiten vallen in de voorbereiding van het beleid ({fasen}). Sinds 1 januari "
                  f"2025 gaat de participatieverordening ook over de uitvoering en de evaluatie van "
                  f"gemeentelijk beleid ({citeer(plan, 'gemw-art150-lid1')}). Overweeg een activiteit in "
                  f"de fase {uitvoering} of {evaluatie}, of leg onder 'fasenkeuze' vast waarom dit traject "
                  "zich tot de voorbereiding beperkt (p. 19).", key=True)
