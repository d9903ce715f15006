"""Het plan haalt weinig rendement uit interactie: één activiteit, of alles in één fase.

Interactie levert meer op als u verschillende instrumenten in opeenvolgende fasen inzet, die op
elkaar voortbouwen: Utrecht begon met een stadsbrede enquête, hield daarna tien wijkbijeenkomsten
en sloot af met een inspraakbijeenkomst (Stap 5, p. 25–26).
"""
from ._base import Finding

ID = "weinig-rendement"
SEVERITY = "info"
PAGE = "25-26"
SUMMARY = "Weinig rendement uit interactie"


def check(plan):
    acts = plan.activiteiten
    if len(acts) == 1:
        yield Finding(f"{acts[0].ptr}/id", "Het plan heeft maar één activiteit. U haalt meer rendement "
                      "uit interactie met meerdere instrumenten die op elkaar voortbouwen, verspreid over "
                      "de fasen.")
    elif len(acts) > 1 and len({a.fase for a in acts}) == 1:
        yield Finding("/fasen", "Alle activiteiten vallen in één fase. Zet ook in andere fasen een "
                      "activiteit in die voortbouwt op de vorige, zodat deelnemers het hele proces volgen.",
                      key=True)
