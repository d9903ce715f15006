"""Het plan heeft geen evaluatiemoment.

Evalueer het proces, bijvoorbeeld met de procestest van Stichting Rekenschap (Stap 8): zijn de
juiste partijen betrokken, zijn verwachtingen gecommuniceerd, is er met de inbreng gedaan wat was
afgesproken? Leg onder `evaluatie` vast wanneer en door wie.
"""
from ._base import Finding

ID = "evaluatie-ontbreekt"
SEVERITY = "warning"
PAGE = "37-38"
SUMMARY = "Geen evaluatiemoment"


def check(plan):
    e = plan.evaluatie
    if e is None or not e.datum:
        yield Finding(e.ptr if e is not None else "",
                      "Leg een evaluatiemoment vast: 'evaluatie: {datum: ..., door: ...}'. De procestest "
                      "uit Stap 8 helpt bij de vragen.", key=True)
    elif not e.door:
        yield Finding(e.ptr, "Zeg wie de evaluatie uitvoert ('evaluatie.door').", key=True)
