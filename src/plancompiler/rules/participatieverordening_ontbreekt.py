"""Het plan loopt door na 1 januari 2027 zonder een vastgestelde participatieverordening te noemen.

Sinds 1 januari 2025 vraagt artikel 150 van de Gemeentewet (gewijzigd door de Wet versterking
participatie op decentraal niveau) een participatieverordening: regels over hoe inwoners en
maatschappelijke partijen worden betrokken bij de voorbereiding, de uitvoering en de evaluatie van
gemeentelijk beleid. Gemeenten hebben tot 1 januari 2027 om hun inspraakverordening te vervangen.
Een traject dat op of na die datum loopt, steunt op die verordening: noem haar onder
`participatieverordening` met titel, status (‘vastgesteld’ of ‘in-voorbereiding’), datum en
CVDR-nummer. Staat zij nog in voorbereiding, zet de status op ‘vastgesteld’ zodra de raad haar
heeft vastgesteld. Deze regel toetst alleen of het plan zegt onder welke verordening het
participatie organiseert, niet de inhoud van die verordening.
"""
from __future__ import annotations

from ._base import Finding, quote
from ._wet import citeer, dmy, kader

ID = "participatieverordening-ontbreekt"
SEVERITY = "warning"
PAGE = "-"
SUMMARY = "Participatieverordening niet genoemd (verplicht vanaf 1 januari 2027)"
WETTELIJK = True
BEPALINGEN = ("gemw-art150-lid1",)  # every provision it may cite (explain quotes them)


def bepalingen(plan) -> list[str]:
    return ["gemw-art150-lid1"]


def in_scope(plan) -> bool:
    return kader(plan).verordening_verplicht


def check(plan):
    if not in_scope(plan):
        return
    deadline = dmy(plan.catalog.participatieverordening_uiterlijk)
    ref = citeer(plan, "gemw-art150-lid1")
    eind = plan.eind or plan.start  # in scope, so at least one of them is a valid date
    v = plan.participatieverordening
    if v is None:
        yield Finding("/periode/eind",
                      f"Uw plan loopt tot {dmy(eind)}, op of na {deadline}. Vanaf die datum moet uw "
                      f"gemeente een participatieverordening hebben ({ref}). Noem onder "
                      "'participatieverordening' de verordening waarop dit traject steunt: titel, status, "
                      "datum en CVDR-nummer.")
    elif not v.vastgesteld:
        yield Finding(f"{v.ptr}/status",
                      f"De participatieverordening {quote(v.titel)} is nog in voorbereiding, terwijl uw plan "
                      f"doorloopt tot {dmy(eind)}; vanaf {deadline} moet zij er zijn ({ref}). Zet de "
                      "status op 'vastgesteld', met de datum, zodra de raad haar heeft vastgesteld.")
