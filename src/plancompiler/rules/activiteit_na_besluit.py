"""Een activiteit levert input voor iets dat eerder plaatsvindt.

In een goed proces bouwt elke activiteit voort op de vorige en wordt de opbrengst teruggekoppeld
(Stap 5, p. 25-26: eerst de enquête, dan de wijkbijeenkomsten die haar uitkomsten bespreken). Deze
regel meldt twee soorten tijdsfouten:

- een activiteit bouwt voort op een activiteit (`bouwt_voort_op`) die pas later begint (een
  activiteit die een periode beslaat, zoals werkgroepen die een jaar lopen, mag al eerder input
  geven);
- een adviesorgaan (`draagvlak.adviesorganen`) adviseert pas na het einde van de fase waarin de
  gemeenteraad over het plan besluit (beleidsplan of verordening, p. 20-21).

De volgorde komt uit de brochure; deze toets op de data is een werkafspraak van plancompiler.
Verschuif de data, of haal de verwijzing weg als de activiteit er niet op voortbouwt.
"""
from ._base import Finding

ID = "activiteit-na-besluit"
SEVERITY = "warning"
PAGE = "20-21, 25-26"
SUMMARY = "Input gepland na het moment dat hij nodig is"


def _d(value) -> str:
    return value.strftime("%d-%m-%Y")


def check(plan):
    cat = plan.catalog
    by_id = {}
    for a in plan.activiteiten:
        by_id.setdefault(a.id, a)
    for a in plan.activiteiten:
        if not a.datum:
            continue
        for i, ref in enumerate(a.bouwt_voort_op):
            source = by_id.get(ref)
            # The start counts, not the end: a progress meeting may build on working groups that run on.
            start = source.datum if source else None
            if start and start > a.datum and source.volgorde < a.volgorde:
                yield Finding(f"{a.ptr}/bouwt_voort_op/{i}",
                              f"'{a.id}' ({_d(a.datum)}) bouwt voort op '{ref}', maar die begint pas op "
                              f"{_d(start)}. Plan '{a.id}' na '{ref}', of haal de verwijzing weg.")
    decisions = [f for f in plan.fasen if cat.fase(f.fase).get("raad_besluit") and f.tot]
    if not decisions or plan.draagvlak is None:
        return
    last = max(decisions, key=lambda f: f.tot)
    for orgaan in plan.draagvlak.adviesorganen:
        if orgaan.datum and orgaan.datum > last.tot:
            naam = cat.fase(last.fase)["naam"]
            yield Finding(f"{orgaan.ptr}/datum",
                          f"{orgaan.orgaan} adviseert op {_d(orgaan.datum)}, na het einde van de fase "
                          f"‘{naam}’ ({_d(last.tot)}), waarin de gemeenteraad besluit. Vraag het advies "
                          "zo dat het vóór het besluit ligt.")
