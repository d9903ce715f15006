"""Een tekst in het plan is nog een invulplek uit `plancompiler init`.

`plancompiler init` zet `[invullen]` op de plekken die u zelf moet schrijven. Zolang zo'n tekst
in het plan staat, is het plan niet af: het college zou anders `[invullen]` lezen in het plan van
aanpak. Elke invulplek geeft één melding.
"""
from ..model import INVULPLEK as MARK
from ._base import Finding

ID = "nog-invullen"
SEVERITY = "warning"
PAGE = "-"
SUMMARY = "Invulplek nog niet ingevuld"


def check(plan):
    for pointer in plan.invulplekken:
        yield Finding(pointer, f"Hier staat nog '{MARK}'. Vervang het door uw eigen tekst.")
