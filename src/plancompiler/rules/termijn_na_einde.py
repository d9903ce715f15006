"""De termijnen van de terugkoppeling lopen door na de evaluatie of na het einde van het plan.

Hengelo (Stap 7, p. 33) stuurt verslagen binnen drie weken aan de deelnemers, die daarna twee weken
hebben om te reageren. Tel die termijnen op bij de laatste activiteit vóór de evaluatie (de
activiteiten van de fase evaluatie zelf tellen niet mee: zij zijn de evaluatie): ligt de
reactietermijn dan na de `evaluatie.datum`, dan evalueert u voordat deelnemers hebben kunnen
reageren; ligt hij na het einde van de `periode`, dan valt de terugkoppeling buiten het plan.
De termijnen komen uit de brochure; dat zij vóór de evaluatie en binnen het plan moeten vallen, is
een werkafspraak van plancompiler. Schuif de evaluatie of het einde van het plan op, plan de
activiteit eerder, of kort de termijnen in.
"""
from datetime import timedelta

from ._base import Finding

ID = "termijn-na-einde"
SEVERITY = "warning"
PAGE = "33"
SUMMARY = "Terugkoppeling loopt door na evaluatie of einde"


def _d(value) -> str:
    return value.strftime("%d-%m-%Y")


def check(plan):
    t = plan.terugkoppeling
    if t is None or (t.verslag_binnen_dagen is None and t.reactietermijn_dagen is None):
        return
    days = (t.verslag_binnen_dagen or 0) + (t.reactietermijn_dagen or 0)
    ptr = f"{t.ptr}/{'reactietermijn_dagen' if t.reactietermijn_dagen is not None else 'verslag_binnen_dagen'}"
    evaluatie = plan.evaluatie.datum if plan.evaluatie else None
    # The evaluation's own meetings are the evaluation (Stap 8), not input that must be reported first.
    dated = [(a.einddatum or a.datum, a) for a in plan.activiteiten
             if (a.einddatum or a.datum) and a.fase != "evaluatie"]
    checks = (("de evaluatie", evaluatie), ("het einde van het plan", plan.eind))
    for what, limit in checks:
        if limit is None:
            continue
        before = [(d, a) for d, a in dated if d < limit]
        if not before:
            continue
        day, last = max(before, key=lambda x: (x[0], x[1].volgorde))
        due = day + timedelta(days=days)
        if due > limit:
            yield Finding(ptr, f"Na '{last.id}' ({_d(day)}) loopt de terugkoppeling tot {_d(due)} (verslag en "
                          f"reactie: {days} dagen), na {what} op {_d(limit)}. Schuif {what} op, plan "
                          f"'{last.id}' eerder of kort de termijnen in.")
