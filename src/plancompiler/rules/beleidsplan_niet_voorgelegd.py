"""In de fase beleidsplan krijgt het veld het concept niet voorgelegd.

"Het beleidsplan zult u in ieder geval aan de vertegenwoordigers van het vrijwilligersveld moeten
voorleggen", vaak met een schriftelijke inspraakronde, een hoorzitting of een inspraakbijeenkomst
(Stap 4, p. 20). Het formele advies van een adviesorgaan (Wmo-raad, Wmo-panel, adviesraad) over het
ontwerp is iets anders: dat vervangt de consultatie van het veld niet (werkafspraak van
plancompiler, naar de woorden van p. 20). Deze regel meldt een fase beleidsplan waarin alleen zo'n
adviesorgaan aan bod komt. Voeg een activiteit toe waarin vertegenwoordigers van het veld op het
concept reageren, zoals een inspraakavond of hoorzitting.
"""
from ._base import Finding, listing

ID = "beleidsplan-niet-voorgelegd"
SEVERITY = "warning"
PAGE = "20"
SUMMARY = "Concept beleidsplan niet aan het veld voorgelegd"


def check(plan):
    cat = plan.catalog
    rule = cat.data["beleidsfasen"]["voorleggen"]
    for f in plan.fasen:
        entry = cat.fase(f.fase)
        formal = set(entry.get("formeel_advies") or ())
        if f.fase != "beleidsplan" or not f.activiteiten:
            continue  # an empty phase: fase-zonder-activiteit
        if all(a.instrument and not a.instrument.eigen and a.instrument.id in formal for a in f.activiteiten):
            examples = [cat.instrument(i)["naam"].lower() for i in entry.get("instrumenten", ())]
            yield Finding(f"{f.ptr}/activiteiten",
                          f"In de fase ‘{entry['naam']}’ adviseert alleen een adviesorgaan; het veld zelf krijgt "
                          f"het concept niet voorgelegd. ‘{rule['tekst'].rstrip('.')}’ (brochure p. "
                          f"{rule['pagina']}). Voeg een activiteit toe, bijvoorbeeld {listing(examples, 'of')}.",
                          key=True)
