"""The stable ids of the document sections a plan's ``teksten:`` can replace or extend.

Lean on purpose: the rule that checks ``teksten`` runs on the validate path and reads this module,
not the render package. A section id is part of the plan's interface, like a rule id: once a plan
names it, it must keep working. tests/test_plan_van_aanpak.py checks that every id here is wired in its
document's template (``eigen.<id>.vervangen`` and ``eigen.<id>.aanvullen``) and that the plan van
aanpak's ids are its chapters and appendices.

A document whose sections are not wired yet has no ids here; a plan that names it gets a finding
that says so, rather than text that silently goes nowhere.
"""
from __future__ import annotations

# The plan van aanpak: every chapter and appendix (render/context/plan_van_aanpak.py's HOOFDSTUKKEN
# and BIJLAGEN use these ids as chapter keys).
PLAN_VAN_AANPAK = (
    "samenvatting", "aanleiding", "visie", "afbakening", "wet", "ambitie", "kernvoorwaarden", "aanpak",
    "werving", "draagvlak", "planning", "organisatie", "communicatie", "risicos", "begroting",
    "evaluatie", "besluitvorming", "uitzonderingen",
)

# The handouts: their introduction and every top-level section (## heading) they always print. A
# section a document prints only for some plans (the spelregels' vertegenwoordiging and word list,
# the draaiboek's one section per activity) has no id, so an own text never goes nowhere.
SPELREGELS = ("inleiding", "samenwerking", "invloed", "inbreng", "vragen")
DRAAIBOEK = ("inleiding", "overzicht")
EVALUATIEKADER = ("opzet", "resultaten", "procestest", "stand", "vervolg")

SECTIONS: dict[str, tuple[str, ...]] = {
    "plan-van-aanpak": PLAN_VAN_AANPAK,
    "spelregels": SPELREGELS,
    "draaiboek": DRAAIBOEK,
    "evaluatiekader": EVALUATIEKADER,
}
