"""Fasen staan niet in de volgorde van de brochure, of data vallen buiten hun periode.

De zeven beleidsfasen volgen elkaar op (Stap 4): inventarisatie, visievorming,
beleidsvoorbereiding, beleidsplan, verordening, uitvoering, evaluatie. Elke fase valt binnen de
`periode` van het plan, `van` ligt niet na `tot`, en elke activiteit valt binnen haar fase.
"""
from ._base import Finding

ID = "fasen-volgorde"
SEVERITY = "error"
PAGE = "19-22"
SUMMARY = "Fasen of data buiten volgorde"


def _d(value) -> str:
    return value.strftime("%d-%m-%Y")


def check(plan):
    cat = plan.catalog
    previous = None
    for f in plan.fasen:
        idx = cat.fase_index(f.fase)
        if previous is not None and idx <= previous[0]:
            same = idx == previous[0]
            yield Finding(f"{f.ptr}/fase",
                          f"De fase ‘{cat.fase(f.fase)['naam']}’ staat "
                          + ("twee keer in het plan. Voeg de activiteiten samen onder één fase."
                             if same else
                             f"na ‘{cat.fase(previous[1])['naam']}’, maar komt in de brochure daarvoor. "
                             "Zet de fasen in de volgorde van de brochure."))
        previous = (max(idx, previous[0]) if previous else idx,
                    f.fase if previous is None or idx > previous[0] else previous[1])
        if f.van and f.tot and f.van > f.tot:
            yield Finding(f"{f.ptr}/tot", f"De fase eindigt ({_d(f.tot)}) voordat zij begint "
                          f"({_d(f.van)}). Verwissel of corrigeer 'van' en 'tot'.")
        for name, value in (("van", f.van), ("tot", f.tot)):
            if value and plan.start and plan.eind and not plan.start <= value <= plan.eind:
                yield Finding(f"{f.ptr}/{name}", f"{_d(value)} valt buiten de periode van het plan "
                              f"({_d(plan.start)} tot en met {_d(plan.eind)}). Pas de datum of de "
                              "'periode' aan.")
        for a in f.activiteiten:
            for name, value in (("datum", a.datum), ("einddatum", a.einddatum)):
                if not value:
                    continue
                lo, hi = f.van or plan.start, f.tot or plan.eind
                if lo and hi and not lo <= value <= hi:
                    yield Finding(f"{a.ptr}/{name}",
                                  f"Activiteit '{a.id}' op {_d(value)} valt buiten haar fase "
                                  f"({_d(lo)} tot en met {_d(hi)}). Verplaats de activiteit of de "
                                  "grenzen van de fase.")
            if a.datum and a.einddatum and a.einddatum < a.datum:
                yield Finding(f"{a.ptr}/einddatum", f"De einddatum van '{a.id}' ligt voor de "
                              "begindatum. Corrigeer een van beide.")
    if plan.start and plan.eind and plan.start > plan.eind:
        yield Finding("/periode/eind", f"De periode eindigt ({_d(plan.eind)}) voordat zij begint "
                      f"({_d(plan.start)}). Corrigeer 'start' of 'eind'.")
