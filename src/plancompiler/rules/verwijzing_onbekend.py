"""Een verwijzing naar een activiteit klopt niet.

`bouwt_voort_op` noemt eerdere activiteiten waarop een activiteit voortbouwt (Stap 5, p. 25);
`draagvlak.college.aanwezig_bij` noemt activiteiten waar het college bij is (Stap 7). Elke naam
moet het `id` van een activiteit in het plan zijn, en bij `bouwt_voort_op` een activiteit die eerder
in het plan staat.
"""
from ._base import Finding, did_you_mean

ID = "verwijzing-onbekend"
SEVERITY = "error"
PAGE = "25"
SUMMARY = "Verwijzing naar een onbekende of latere activiteit"


def check(plan):
    acts = plan.activiteiten
    ids = [a.id for a in acts]
    order = {}
    for a in acts:
        order.setdefault(a.id, a.volgorde)
    for a in acts:
        for i, ref in enumerate(a.bouwt_voort_op):
            ptr = f"{a.ptr}/bouwt_voort_op/{i}"
            if ref not in order:
                yield Finding(ptr, f"'{a.id}' bouwt voort op '{ref}', maar die activiteit bestaat niet."
                              f"{did_you_mean(ref, ids)}")
            elif order[ref] >= a.volgorde:
                why = "zichzelf" if ref == a.id else f"'{ref}', die later in het plan staat"
                yield Finding(ptr, f"'{a.id}' bouwt voort op {why}. Een activiteit kan alleen "
                              "voortbouwen op een eerdere activiteit; controleer de volgorde.")
    college = plan.draagvlak.college if plan.draagvlak else None
    for i, ref in enumerate(college.aanwezig_bij if college else ()):
        if ref not in order:
            yield Finding(f"{college.ptr}/aanwezig_bij/{i}",
                          f"Het college zou aanwezig zijn bij '{ref}', maar die activiteit bestaat niet."
                          f"{did_you_mean(ref, ids)}")
