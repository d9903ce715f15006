"""Geen activiteit werkt op de trede die het plan kiest.

De trede van het plan (Stap 2) belooft deelnemers een mate van invloed; de instrumenten (Stap 5)
moeten die waarmaken. De matrix geeft per trede en doel de instrumenten die daar passen; wie een
trede kiest, mag ook de instrumenten van lagere treden inzetten (p. 24-25). Werken alle activiteiten
op een lagere trede, dan krijgen deelnemers minder invloed dan het plan zegt. Dat ten minste één
activiteit de gekozen trede moet halen, is een werkafspraak van plancompiler, gelezen uit de matrix.
Kies voor zo'n activiteit een instrument op de gekozen trede, of kies de trede die de activiteiten
waarmaken.
"""
from ._base import Finding, listing

ID = "trede-niet-bereikt"
SEVERITY = "warning"
PAGE = "24-25"
SUMMARY = "Geen activiteit op de gekozen trede"


def check(plan):
    cat = plan.catalog
    rungs = [(a, a.trede(cat)) for a in plan.activiteiten]
    rungs = [(a, t) for a, t in rungs if t]
    if not rungs:
        return  # no activity with a known rung: fase-zonder-activiteit or instrument-onbekend speaks
    top = max(cat.rank(t) for _, t in rungs)
    if top >= cat.rank(plan.trede):
        return
    highest = cat.trede_ids[top]
    ids = [a.id for a, t in rungs if cat.rank(t) == top]
    pages = " en ".join(dict.fromkeys((cat.doelen[0]["pagina"], cat.data["doelen"]["cumulatief"]["pagina"])))
    yield Finding("/ambitie/trede",
                  f"Het plan kiest {plan.trede}, maar geen activiteit werkt op die trede; de hoogste is "
                  f"{highest} ({listing(ids)}). Kies voor ten minste één activiteit een instrument van "
                  f"{plan.trede} uit de matrix (brochure p. {pages}), of kies de trede die de activiteiten "
                  "waarmaken.")
