"""Het instrument staat niet in de catalogus en niet onder `eigen_instrumenten`.

Instrumenten komen uit de matrix van de brochure (Stap 5, p. 23–24) of uit uw eigen lijst
`eigen_instrumenten` (met trede en doelen). Schrijf de naam zoals de catalogus hem kent (zie
`plancompiler catalog instrumenten`), of voeg het instrument toe aan `eigen_instrumenten`.
"""
from ..catalog import normalize
from ._base import Finding, did_you_mean

ID = "instrument-onbekend"
SEVERITY = "error"
PAGE = "23-24"
SUMMARY = "Onbekend instrument"


def check(plan):
    names = plan.catalog.instrument_names() + sorted(plan.eigen_instrumenten)
    for a in plan.activiteiten:
        if a.instrument is None:
            hint = did_you_mean(normalize(a.instrument_naam), names, n=3,
                                otherwise=" Kies een instrument uit 'plancompiler catalog instrumenten'.")
            yield Finding(f"{a.ptr}/instrument",
                          f"Het instrument '{a.instrument_naam}' is onbekend.{hint} Staat het er niet "
                          "tussen, voeg het dan toe aan 'eigen_instrumenten' met trede en doelen.")
