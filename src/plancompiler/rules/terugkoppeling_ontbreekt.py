"""Het plan legt niet vast hoe en wanneer deelnemers horen wat er met hun inbreng gebeurt.

Laat deelnemers weten wat er met hun inbreng is gebeurd, bijvoorbeeld met een reactienota
(Stap 4 en 7). Hengelo legde termijnen vast: verslagen binnen drie weken, dan twee weken om te
reageren, en binnen een week na een collegebesluit schriftelijk bericht (p. 33). De termijnen
staan in de catalogus en worden in de melding voorgesteld.
"""
from ._base import Finding

ID = "terugkoppeling-ontbreekt"
SEVERITY = "warning"
PAGE = "33"
SUMMARY = "Terugkoppeling niet geregeld"

TERMS = ("verslag_binnen_dagen", "reactietermijn_dagen", "na_besluit_dagen")


def check(plan):
    hengelo = plan.catalog.terugkoppeling
    proposal = ", ".join(f"{k}: {hengelo[k]}" for k in TERMS) + ", reactienota: true"
    section = plan.terugkoppeling
    if section is None:
        yield Finding("", f"Leg vast hoe deelnemers horen wat er met hun inbreng gebeurt. Neem "
                      f"bijvoorbeeld de termijnen van {hengelo['bron'].split(' (')[0]} over: "
                      f"'terugkoppeling: {{{proposal}}}'.", key=True)
        return
    missing = [k for k in TERMS if getattr(section, k) is None]
    if missing:
        yield Finding("/terugkoppeling", "Termijnen ontbreken: "
                      + ", ".join(f"'{k}' (voorstel: {hengelo[k]})" for k in missing) + ".", key=True)
    if not section.reactienota:
        where = "/terugkoppeling/reactienota" if section.reactienota is not None else "/terugkoppeling"
        yield Finding(where, "Zeg toe dat u een reactienota maakt ('reactienota: true'): daarin ziet "
                      "iedereen hoe de inbreng is gewogen.", key=where == "/terugkoppeling")
