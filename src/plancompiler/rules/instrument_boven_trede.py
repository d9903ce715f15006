"""Het instrument hoort bij een hogere trede dan het plan kiest.

De matrix van Stap 5 is cumulatief: op de gekozen trede mag u de instrumenten van die trede en van
alle lagere treden inzetten, voor hetzelfde doel (p. 25). Een instrument van een hogere trede
geeft deelnemers meer invloed dan het plan belooft. Kies een instrument dat past, of een hogere
trede voor het hele plan.
"""
from ._base import Finding, listing, suggestions

ID = "instrument-boven-trede"
SEVERITY = "error"
PAGE = "23-25"
SUMMARY = "Instrument boven de gekozen trede"


def check(plan):
    cat = plan.catalog
    top = cat.rank(plan.trede)
    for a in plan.activiteiten:
        inst = a.instrument
        if a.trede_opgegeven and cat.rank(a.trede_opgegeven) > top:
            yield Finding(f"{a.ptr}/trede", f"'{a.id}' staat op {a.trede_opgegeven}, hoger dan de trede "
                          f"van het plan ({plan.trede}). Verlaag de trede van de activiteit of verhoog "
                          "'ambitie.trede'.")
            continue
        if not inst or a.doel not in inst.matrix:
            continue
        cell = inst.matrix[a.doel]
        if cat.rank(cell) > top:
            options = suggestions(cat, plan.trede, a.doel, 6)
            alt = f" Voor dit doel passen bijvoorbeeld: {listing(options, 'of')}." if options else ""
            yield Finding(f"{a.ptr}/instrument",
                          f"{inst.naam} hoort voor ‘{cat.doel(a.doel)['kort']}’ bij {cell}, hoger dan "
                          f"de trede van het plan ({plan.trede}).{alt}")
