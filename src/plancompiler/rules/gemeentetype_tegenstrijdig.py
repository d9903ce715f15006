"""Het opgegeven gemeentetype past niet bij de gewenste situatie uit de typetest.

Het gemeentetype volgt uit twee antwoorden van de typetest: smal of breed beleid, en de rol van
dirigent of van regisseur op afstand (Stap 1). Noemt het plan onder `visie.gemeentetype` een ander
type dan bij `visie.gewenst` hoort, dan spreekt het plan zichzelf tegen. Pas het type of de
antwoorden aan.
"""
from ._base import Finding

ID = "gemeentetype-tegenstrijdig"
SEVERITY = "error"
PAGE = "7-10"
SUMMARY = "Gemeentetype en typetest spreken elkaar tegen"


def check(plan):
    t = plan.type_gewenst
    if plan.gemeentetype and t and plan.gemeentetype != t["id"]:
        yield Finding("/visie/gemeentetype",
                      f"U noemt type {plan.gemeentetype}, maar de gewenste situatie (beleid "
                      f"'{plan.gewenst.beleid}', sturing '{plan.gewenst.sturing}') hoort bij type "
                      f"{t['id']}, ‘{t['naam']}’. Pas 'gemeentetype' aan naar {t['id']}, of corrigeer "
                      "'gewenst'.")
