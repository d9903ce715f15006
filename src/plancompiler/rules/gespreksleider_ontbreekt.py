"""Een debatvorm heeft geen gespreksleider.

Bij een debat is "een goede gespreksleider een absolute voorwaarde om de discussie in goede banen
te leiden" (deel B, p. 40). Dat geldt voor het vrijwilligersdebat, voor de kenniscafés die de
brochure als voorbeeld ervan geeft ("Onder leiding van een gespreksleider", Haarlemmermeer, p. 40)
en voor het dilemmadebat. Noem onder `voorzitter` wie het gesprek leidt.
"""
from ._base import Finding

ID = "gespreksleider-ontbreekt"
SEVERITY = "warning"
PAGE = "40"
SUMMARY = "Debat zonder gespreksleider"


def check(plan):
    eis = plan.catalog.data["instrumenten"]["gespreksleider"]
    debates = set(eis["instrumenten"])
    for a in plan.activiteiten:
        if a.instrument and not a.instrument.eigen and a.instrument.id in debates and not a.voorzitter:
            yield Finding(f"{a.ptr}/instrument",
                          f"{a.instrument.naam} ('{a.id}') is een debatvorm zonder gespreksleider: "
                          f"‘{eis['tekst'].rstrip('.')}’ (brochure p. {eis['pagina']}). Vul 'voorzitter' in.")
