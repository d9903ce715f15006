"""Een tekst in het plan is nog een invulplek uit `plancompiler init`.

`plancompiler init` zet `[invullen]` op de plekken die u zelf moet schrijven. Zolang zo'n tekst
in het plan staat, is het plan niet af: het college zou anders `[invullen]` lezen in het plan van
aanpak. Elke invulplek geeft één melding.
"""
from ..load import escape
from ._base import Finding

ID = "nog-invullen"
SEVERITY = "warning"
PAGE = "-"
SUMMARY = "Invulplek nog niet ingevuld"
MARK = "[invullen]"


def _walk(node, pointer):
    if isinstance(node, str):
        if MARK in node:
            yield pointer
    elif hasattr(node, "items"):
        for key, value in node.items():
            yield from _walk(value, f"{pointer}/{escape(str(key))}")
    elif isinstance(node, tuple):
        for i, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{i}")


def check(plan):
    for pointer in _walk(plan.raw, ""):
        yield Finding(pointer, f"Hier staat nog '{MARK}'. Vervang het door uw eigen tekst.")
