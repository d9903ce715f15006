"""Een van de vier vragen over de rol van de gemeenteraad is niet beantwoord.

De raad beslist over het kader van het proces, of hij erbuiten blijft of meedoet, of hij zich
richt op zijn achterban of op de samenleving, en of en hoe vaak hij voortgangsrapportages wil
(Stap 7, p. 31). Elke onbeantwoorde vraag geeft één melding.
"""
from ._base import Finding

ID = "raad-rol-onbepaald"
SEVERITY = "warning"
PAGE = "31"
SUMMARY = "Rol van de raad niet bepaald"


def check(plan):
    raad = plan.draagvlak.raad if plan.draagvlak else None
    if raad is None or not raad.betrokken:
        return  # draagvlak-bestuur-ontbreekt already reports the raad as a whole
    for q in plan.catalog.raad_vragen:
        if not getattr(raad, q["id"]):
            yield Finding(raad.ptr, f"De raad moet nog beslissen: {q['vraag'].rstrip('?')}? "
                          f"Vul 'draagvlak.raad.{q['id']}' in.", key=True)
