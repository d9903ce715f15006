"""Een activiteit belooft meer invloed dan in deze fase kan.

In de fasen beleidsplan en verordening beslist de gemeenteraad; deelnemers kunnen dan hooguit
advies geven (Stap 4). Een activiteit op een hogere trede wekt verwachtingen die niemand kan
waarmaken. Verplaats zo'n activiteit naar een eerdere fase of kies een instrument op een lagere
trede.
"""
from ._base import Finding

ID = "invloed-beperkt-in-fase"
SEVERITY = "warning"
PAGE = "20-21"
SUMMARY = "Te veel invloed beloofd in de fase"


def check(plan):
    cat = plan.catalog
    for f in plan.fasen:
        cap = cat.fase(f.fase).get("max_trede")
        if not cap:
            continue
        for a in f.activiteiten:
            t = a.trede(cat)
            if t and cat.rank(t) > cat.rank(cap):
                where = f"{a.ptr}/trede" if a.trede_opgegeven else f"{a.ptr}/instrument"
                yield Finding(where, f"'{a.id}' werkt op {t}, maar in de fase "
                              f"‘{cat.fase(f.fase)['naam']}’ is de invloed beperkt tot {cap}: "
                              f"{cat.fase(f.fase)['invloed'].rstrip('.')}. Verplaats de activiteit "
                              "naar een eerdere fase of kies een instrument op een lagere trede.")
