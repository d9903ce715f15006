"""Het wervingsdoel is niet concreet: aantal, periode of gevraagde tijd ontbreekt.

De wervingscirkel begint bij het doel: wat wilt u bereiken? Wees concreet: hoeveel vrijwilligers
of organisaties, binnen welke periode en voor hoeveel tijd (Stap 6, p. 28). Zonder die getallen
kunt u niet nagaan of de werving slaagt.
"""
from ._base import Finding

ID = "wervingsdoel-vaag"
SEVERITY = "warning"
PAGE = "28"
SUMMARY = "Wervingsdoel niet concreet"

PARTS = (("aantal", "hoeveel deelnemers u zoekt"), ("periode_maanden", "binnen hoeveel maanden"),
         ("tijdsinzet", "hoeveel tijd u van hen vraagt"))


def check(plan):
    werving = plan.werving
    if werving is None:
        yield Finding("", "Het plan heeft nog geen 'werving' (Stap 6). Beschrijf langs de "
                      "wervingscirkel wie u wilt betrekken: doel, doelgroep, boodschap, middelen en "
                      "organisatie.", key=True)
        return
    doel = werving.doel
    if doel is None:
        yield Finding(werving.ptr, "Het wervingsdoel ontbreekt. Voeg 'doel:' toe met 'aantal', "
                      "'periode_maanden' en 'tijdsinzet'.", key=True)
        return
    for key, what in PARTS:
        if getattr(doel, key) in (None, ""):
            yield Finding(doel.ptr, f"Het wervingsdoel zegt niet {what}. Vul "
                          f"'werving.doel.{key}' in.", key=True)
