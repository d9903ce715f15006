"""De huidige en de gewenste situatie leveren een ander gemeentetype op.

Verschilt het type van nu van het gewenste type, dan moeten beleid en sturing veranderen
(Stap 1, 'Conclusies trekken'). Dat is geen fout, maar het plan doet er goed aan te beschrijven
hoe die verandering wordt aangepakt.
"""
from ._base import Finding

ID = "typetest-verschil"
SEVERITY = "info"
PAGE = "10"
SUMMARY = "Huidig en gewenst gemeentetype verschillen"


def check(plan):
    now, wanted = plan.type_huidig, plan.type_gewenst
    if now and wanted and now["id"] != wanted["id"]:
        changes = []
        if plan.huidig.beleid != plan.gewenst.beleid:
            changes.append(f"van {plan.huidig.beleid} naar {plan.gewenst.beleid} beleid")
        if plan.huidig.sturing != plan.gewenst.sturing:
            changes.append(f"van {plan.huidig.sturing} naar {plan.gewenst.sturing}")
        yield Finding(plan.huidig.ptr,
                      f"Nu bent u type {now['id']} (‘{now['naam']}’), gewenst is type {wanted['id']} "
                      f"(‘{wanted['naam']}’): dat vraagt een verandering {' en '.join(changes)}. "
                      "Beschrijf onder 'visie.waarom' hoe u die verandering aanpakt.")
