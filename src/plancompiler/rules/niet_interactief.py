"""De gekozen trede is nog geen interactieve beleidsvorming in de zin van de brochure.

De brochure zegt: "In feite spreken we pas van interactief werken vanaf trede drie" (adviseren), en
ook: "Raadplegen en adviseren zijn de meest voorkomende vormen" (Stap 2, p. 11). Informeren of
raadplegen is dus een gewone keuze, en "Uiteindelijk beslist u natuurlijk zelf welke vorm van
betrekken u kiest" (p. 16). Deze opmerking (info) zegt alleen dat het plan dan nog geen
interactieve beleidsvorming is: vertel de deelnemers eerlijk hoeveel invloed zij hebben. Wilt u
vrijwilligers zelf problemen en oplossingen laten aandragen, dan begint dat bij adviseren.
"""
from ._base import Finding

ID = "niet-interactief"
SEVERITY = "info"
PAGE = "11"
SUMMARY = "Trede onder de interactieve treden"


def check(plan):
    cat = plan.catalog
    first = cat.eerste_interactieve
    if cat.rank(plan.trede) < cat.rank(first):
        where = cat.data["ladder"]["interactief"]["pagina"]
        own_choice = cat.data["kernvoorwaarden"]["advies"]["pagina"]
        yield Finding("/ambitie/trede",
                      f"{cat.naam(plan.trede)} is een gewone vorm van betrekken, maar nog geen interactieve "
                      f"beleidsvorming: de brochure spreekt daarvan 'pas ... vanaf trede drie', "
                      f"{cat.naam(first).lower()} (p. {where}). U beslist zelf welke vorm u kiest "
                      f"(p. {own_choice}); vertel de deelnemers dan eerlijk hoeveel invloed zij hebben.")
