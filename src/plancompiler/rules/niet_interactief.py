"""De gekozen trede is niet interactief.

Interactief beleid begint op de participatieladder pas bij adviseren: daar krijgen vrijwilligers
echt ruimte voor eigen inbreng (Stap 2). De Wmo vraagt het college burgers en belanghebbenden
vroegtijdig in staat te stellen eigen voorstellen in te brengen (art. 11 lid 2). Bij informeren
of raadplegen is dat beperkt: kies een hogere trede, of motiveer de keuze met een uitzondering.
"""
from ._base import Finding

ID = "niet-interactief"
SEVERITY = "warning"
PAGE = "11-13"
SUMMARY = "Trede onder de interactieve treden"


def check(plan):
    cat = plan.catalog
    first = cat.eerste_interactieve
    if cat.rank(plan.trede) < cat.rank(first):
        law = next((a for a in cat.wet["artikelen"] if a["id"] == "art11-lid2"), None)
        ref = f" ({cat.wet['wet']['afkorting']} art. {law['artikel']} lid {law['lid']})" if law else ""
        yield Finding("/ambitie/trede",
                      f"{cat.naam(plan.trede)} is nog geen interactieve beleidsvorming; die begint bij "
                      f"{cat.naam(first).lower()}. Geef deelnemers vroeg ruimte voor eigen voorstellen{ref}: "
                      f"kies minstens {first}, of motiveer deze keuze onder 'uitzonderingen'.")
