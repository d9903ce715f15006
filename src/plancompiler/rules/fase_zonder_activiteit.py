"""Een beleidsfase in het plan heeft geen activiteit.

Neemt u een fase op in het plan (Stap 4), zeg dan ook wat er in die fase met vrijwilligers en
organisaties gebeurt. Een fase zonder activiteit is een lege belofte: voeg een activiteit toe of
haal de fase weg.
"""
from ._base import Finding

ID = "fase-zonder-activiteit"
SEVERITY = "error"
PAGE = "19-22"
SUMMARY = "Fase zonder activiteit"


def check(plan):
    for f in plan.fasen:
        if not f.activiteiten:
            naam = plan.catalog.fase(f.fase)["naam"]
            yield Finding(f"{f.ptr}/activiteiten",
                          f"De fase ‘{naam}’ heeft geen activiteiten. Voeg onder 'activiteiten' toe "
                          "hoe u deelnemers in deze fase betrekt, of haal de fase weg.", key=True)
