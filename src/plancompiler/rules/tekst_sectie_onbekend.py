"""Een eigen tekst onder `teksten` noemt een onderdeel dat het document niet heeft.

Onder `teksten` vervangt of vult u de tekst van een onderdeel van een document aan, met de vaste
naam van dat onderdeel (`sectie`). Bestaat die naam niet in het gekozen document, dan zou uw tekst
nergens komen; daarom is dit een fout. De melding noemt de naam die er het meest op lijkt en de
namen die het document kent.
"""
from ..sections import SECTIONS
from ._base import Finding, did_you_mean

ID = "tekst-sectie-onbekend"
SEVERITY = "error"
PAGE = "-"
SUMMARY = "Eigen tekst voor een onbekend onderdeel"


def check(plan):
    for t in plan.teksten:
        known = SECTIONS.get(t.document, ())
        if not known:
            yield Finding(f"{t.ptr}/document",
                          f"Het document '{t.document}' heeft nog geen onderdelen die u met eigen tekst kunt "
                          "vervangen of aanvullen. Kies een van deze documenten: "
                          + ", ".join(f"'{d}'" for d, ids in SECTIONS.items() if ids) + ".")
        elif t.sectie not in known:
            yield Finding(f"{t.ptr}/sectie",
                          f"Het document '{t.document}' heeft geen onderdeel '{t.sectie}'."
                          + did_you_mean(t.sectie, known, otherwise="")
                          + " De onderdelen zijn: " + ", ".join(known) + ".")
