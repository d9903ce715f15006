"""Breed beleid, maar de werving bereikt weinig sectoren of geen minder georganiseerde vormen.

Breed beleid steunt alle vormen van vrijwillige inzet; dat vraagt een grote diversiteit aan
deelnemers (Stap 6, p. 29): veel sectoren, en ook burgerinitiatieven, informele groepen en
vrijwilligers binnen professionele organisaties. Hoeveel sectoren minstens, staat als besluit in de
catalogus.
"""
from ._base import Finding

ID = "representativiteit-smal"
SEVERITY = "warning"
PAGE = "27-29"
SUMMARY = "Smalle vertegenwoordiging bij breed beleid"


def check(plan):
    cat = plan.catalog
    werving = plan.werving
    if plan.gewenst.beleid != "breed" or werving is None:
        return
    minimum = cat.data["vrijwilligers"]["breed_min_sectoren"]
    sectoren = werving.sectoren or ()
    if len(sectoren) < minimum:
        missing = [s["naam"].lower() for s in cat.sectoren if s["id"] not in sectoren][:4]
        yield Finding("/werving/sectoren" if werving.sectoren is not None else werving.ptr,
                      f"Bij breed beleid hoort een grote diversiteit, maar de werving noemt {len(sectoren)} "
                      f"sector(en); neem er minstens {minimum} op, bijvoorbeeld {', '.join(missing)}.",
                      key=True)
    if not werving.ook:
        names = ", ".join(m["naam"].lower() for m in cat.minder_georganiseerd)
        yield Finding(werving.ptr, f"Bij breed beleid horen ook minder georganiseerde vormen. Voeg onder "
                      f"'werving.ook' toe wie u daarvan betrekt: {names}.", key=True)
