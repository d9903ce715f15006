"""U wijkt af van uw comfortzone of van de uitkomst van de quickscan, zonder motivering.

Kiest u een andere trede dan de comfortzone van uw gemeentetype (Stap 2) of dan de band die uw
quickscan aangeeft (Stap 3), leg dan uit waarom onder `ambitie.motivering`. Raad en deelnemers
willen weten waarom u meer of minder invloed geeft dan voor de hand ligt.
"""
from ._base import Finding

ID = "trede-motivering-ontbreekt"
SEVERITY = "warning"
PAGE = "14-16"
SUMMARY = "Afwijkende trede zonder motivering"


def check(plan):
    if plan.motivering:
        return
    reasons = []
    zone = plan.comfortzone
    if zone and plan.trede != zone:
        reasons.append(f"de comfortzone van type {plan.type_gewenst['id']} is {zone}")
    band = plan.quickscan_band
    if band and plan.trede != band:
        reasons.append(f"uw quickscan (score {plan.quickscan_score}) wijst op {band}")
    if reasons:
        yield Finding("/ambitie/trede",
                      f"U kiest {plan.trede}, maar {' en '.join(reasons)}. Licht onder "
                      "'ambitie.motivering' toe waarom u voor deze trede kiest.")
