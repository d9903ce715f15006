"""College of gemeenteraad is niet bij het proces betrokken.

Draagvlak begint intern, maar college en raad betrekken is 'meestal een must' (Stap 7, p. 31):
zij nemen uiteindelijk de besluiten. Beschrijf onder `draagvlak.college` en `draagvlak.raad` welke
rol zij hebben.
"""
from ._base import Finding

ID = "draagvlak-bestuur-ontbreekt"
SEVERITY = "warning"
PAGE = "31"
SUMMARY = "College of raad niet betrokken"


def _filled(section) -> bool:
    return bool(section) and any(v not in (None, "", (), []) for v in section.values())


def check(plan):
    draagvlak = plan.get("draagvlak")
    where = "/draagvlak" if draagvlak is not None else ""
    if not _filled(plan.get("draagvlak", "college")):
        yield Finding(where, "Het college is niet betrokken. Beschrijf onder 'draagvlak.college' zijn "
                      "rol en bij welke activiteiten de wethouder aanwezig is ('aanwezig_bij').", key=True)
    if not _filled(plan.get("draagvlak", "raad")):
        yield Finding(where, "De gemeenteraad is niet betrokken. Beschrijf onder 'draagvlak.raad' de "
                      "kaders, de rol van de raad, zijn oriëntatie en hoe hij op de hoogte blijft.", key=True)
