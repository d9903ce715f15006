"""U kiest de trede van uw comfortzone; elk risico daarvan vraagt een maatregel.

Elk gemeentetype heeft een comfortzone op de participatieladder: de trede die het meest bij dat
type past (Stap 2, p. 14). Blijft u daar, dan lopen de risico's die de brochure bij die
comfortzone noemt. Leg per risico onder `ambitie.risicos` vast wat u ertegen doet, met het id
van het risico als sleutel. Voor elk risico zonder maatregel volgt één melding.
"""
from ._base import Finding

ID = "comfortzone-risico"
SEVERITY = "warning"
PAGE = "14"
SUMMARY = "Risico van de comfortzone zonder maatregel"


def check(plan):
    t = plan.type_gewenst
    if not t or plan.trede != t["comfortzone"]:
        return
    where = "/ambitie/risicos" if plan.ambitie.risicos is not None else "/ambitie/trede"
    for risk in t["risicos"]:
        measure = plan.risicos.get(risk["id"])
        if not (isinstance(measure, str) and measure.strip()):
            yield Finding(where,
                          f"U kiest {plan.trede}, de comfortzone van type {t['id']}. Risico: "
                          f"{risk['tekst'].rstrip('.')}. Leg vast wat u hiertegen doet onder "
                          f"'ambitie.risicos' als '{risk['id']}: <uw maatregel>'.", key=True)
