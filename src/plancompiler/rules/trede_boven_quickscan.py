"""De gekozen trede ligt hoger dan de quickscan aangeeft.

De quickscan 'Visie op betrekken' meet hoeveel invloed het bestuur werkelijk wil geven (Stap 3).
Ligt de gekozen trede hoger dan de band van de score, dan is de ambitie groter dan de bereidheid:
deelnemers krijgen dan verwachtingen die het bestuur misschien niet waarmaakt.
"""
from ._base import Finding

ID = "trede-boven-quickscan"
SEVERITY = "warning"
PAGE = "15-16"
SUMMARY = "Ambitie boven de bereidheid uit de quickscan"


def check(plan):
    band = plan.quickscan_band
    if band and plan.catalog.rank(plan.trede) > plan.catalog.rank(band):
        yield Finding("/ambitie/quickscan",
                      f"Uw quickscan scoort {plan.quickscan_score} punten: dat past bij {band}, maar u "
                      f"kiest {plan.trede}. Bespreek met het bestuur of het die invloed echt wil geven, "
                      f"of kies {band}.")
