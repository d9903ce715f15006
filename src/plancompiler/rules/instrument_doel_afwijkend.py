"""De matrix noemt dit instrument niet voor het gekozen doel.

Elk instrument in de matrix van Stap 5 dient een of meer van de vier doelen van interactie
(draagvlak, verrijking, ambitie, samenwerking). Zet u het in voor een ander doel, controleer dan
of het daar echt bij past, of kies een instrument dat voor dat doel bedoeld is.
"""
from ._base import Finding, listing, suggestions

ID = "instrument-doel-afwijkend"
SEVERITY = "warning"
PAGE = "23-24"
SUMMARY = "Instrument voor een ander doel bedoeld"


def check(plan):
    cat = plan.catalog
    for a in plan.activiteiten:
        inst = a.instrument
        if inst and inst.matrix and a.doel not in inst.matrix:
            doelen = [cat.doel(d)["kort"] for d in inst.matrix]
            options = suggestions(cat, plan.trede, a.doel, 5)
            alt = f" Voor ‘{cat.doel(a.doel)['kort']}’ passen bijvoorbeeld {listing(options, 'of')}." if options else ""
            yield Finding(f"{a.ptr}/doel",
                          f"{inst.naam} is in de brochure bedoeld voor {listing(doelen)}, niet voor "
                          f"‘{cat.doel(a.doel)['kort']}’.{alt}")
