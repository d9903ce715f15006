"""Twee activiteiten hebben hetzelfde `id`.

Activiteiten verwijzen naar elkaar met hun `id` (`bouwt_voort_op`, `aanwezig_bij`), en het
draaiboek gebruikt het als kenmerk. Elk id mag daarom maar één keer voorkomen.
"""
from ._base import Finding

ID = "activiteit-dubbel"
SEVERITY = "error"
PAGE = "25"
SUMMARY = "Dubbel activiteit-id"


def check(plan):
    first = {}
    for a in plan.activiteiten:
        if a.id in first:
            yield Finding(f"{a.ptr}/id", f"Het id '{a.id}' is al gebruikt door een eerdere activiteit "
                          f"({first[a.id].titel}). Geef elke activiteit een eigen id.")
        else:
            first[a.id] = a
