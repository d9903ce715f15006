"""Turn a checked plan and the catalog into plain template data, per document.

``common`` holds what every document shares (formatting, title, activities, phases, feedback
terms); ``plan_van_aanpak``, ``spelregels``, ``draaiboek`` and ``evaluatiekader`` each add what
their document shows. The templates only lay the data out. All modules read the typed model
(``model.Plan``) and the catalog, never the plan's data by path.
"""
from __future__ import annotations

from typing import Iterable

from . import controlerapport, draaiboek, evaluatiekader, plan_van_aanpak, spelregels
from .common import (  # noqa: F401 (the formatting helpers are part of this package's interface)
    activities, clock, days_in_words, document_date, euro, nl_date, nl_month, nl_range, own_texts, phases,
    terugkoppeling, title, weeks_label,
)


def build_context(plan, diagnostics: Iterable = ()) -> dict:
    """The data of all five documents (they share activities and phases, so one pass builds them)."""
    acts = activities(plan)
    terug = terugkoppeling(plan)
    draaiboek.add_to_activities(plan, acts, terug)
    ctx = {
        "titel": title(plan),
        "activiteiten": acts,
        "fasen": phases(plan, acts),
        "terugkoppeling": terug,
        "teksten": own_texts(plan),
    }
    ctx.update(spelregels.context(plan, acts, terug))
    ctx.update(evaluatiekader.context(plan, acts))
    diagnostics = list(diagnostics)
    ctx.update(plan_van_aanpak.context(plan, acts, diagnostics))
    ctx.update(controlerapport.context(plan, diagnostics))
    return ctx
