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


def check(plan):
    d = plan.draagvlak
    where = d.ptr if d is not None else ""
    if d is None or d.college is None or not d.college.betrokken:
        yield Finding(where, "Het college is niet betrokken. Beschrijf onder 'draagvlak.college' zijn "
                      "rol en bij welke activiteiten de wethouder aanwezig is ('aanwezig_bij').", key=True)
    if d is None or d.raad is None or not d.raad.betrokken:
        yield Finding(where, "De gemeenteraad is niet betrokken. Beschrijf onder 'draagvlak.raad' de "
                      "kaders, de rol van de raad, zijn oriëntatie en hoe hij op de hoogte blijft.", key=True)
