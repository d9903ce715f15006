"""Het gewenste resultaat van de interactie ontbreekt.

'Bepaal altijd eerst het doel en het gewenste resultaat van het proces' (Stap 5, p. 23). Zonder
resultaat weten deelnemers niet waar hun inbreng toe leidt, en valt het proces achteraf niet te
evalueren. Beschrijf het onder `interactie.resultaat`.
"""
from ._base import Finding

ID = "resultaat-ontbreekt"
SEVERITY = "error"
PAGE = "23"
SUMMARY = "Gewenst resultaat ontbreekt"


def check(plan):
    if not plan.resultaat:
        ptr = plan.interactie.ptr if plan.interactie is not None else ""
        yield Finding(ptr, "Beschrijf onder 'interactie.resultaat' wat het proces moet opleveren, "
                      "bijvoorbeeld ‘een door het veld gedragen beleidsnota met drie speerpunten’.", key=True)
