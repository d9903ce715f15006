"""Een tekst in het plan is nog een invulplek uit `plancompiler init`.

`plancompiler init` zet `[invullen]` op de plekken die u zelf moet schrijven. Zolang zo'n tekst
in het plan staat, is het plan niet af: het college zou anders `[invullen]` lezen in het plan van
aanpak. Elke invulplek geeft één melding.
"""
from ._base import Finding

ID = "nog-invullen"
SEVERITY = "warning"
PAGE = "-"
SUMMARY = "Invulplek nog niet ingevuld"
MARK = "[invullen]"


def check(plan):
    for tekst in plan.teksten:
        if MARK in tekst.value:
            yield Finding(tekst.ptr, f"Hier staat nog '{MARK}'. Vervang het door uw eigen tekst.")
