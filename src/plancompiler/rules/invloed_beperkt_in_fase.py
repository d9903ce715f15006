"""Een activiteit belooft het veld meer invloed dan in deze fase kan.

In de fasen beleidsplan en verordening beslist de gemeenteraad. Bij het beleidsplan noemt de
brochure het voorleggen aan het veld "slechts een consultatieronde" met een invloed die "erg
beperkt" is (p. 20); bij de verordening "De vertegenwoordigers geven advies, de gemeenteraad
besluit" (p. 21). plancompiler leest dat als hoogstens raadplegen in de fase beleidsplan en
hoogstens adviseren in de fase verordening (werkafspraak van plancompiler, uit deze woorden van de
brochure). Een activiteit op een hogere trede wekt verwachtingen die niemand kan waarmaken:
verplaats haar naar een eerdere fase of kies een instrument op een lagere trede.

Het formele advies van een adviesorgaan over het ontwerp (een Wmo-raad, Wmo-panel of adviesraad,
of `draagvlak.wmo_advies` en `draagvlak.adviesorganen`) is iets anders dan de consultatie van het
veld en valt niet onder deze grens.
"""
from ._base import Finding

ID = "invloed-beperkt-in-fase"
SEVERITY = "warning"
PAGE = "20-21"
SUMMARY = "Te veel invloed beloofd in de fase"


def check(plan):
    cat = plan.catalog
    for f in plan.fasen:
        entry = cat.fase(f.fase)
        cap = entry.get("max_trede")
        if not cap:
            continue
        formal = set(entry.get("formeel_advies") or ())
        for a in f.activiteiten:
            if a.instrument and not a.instrument.eigen and a.instrument.id in formal:
                continue
            t = a.trede(cat)
            if t and cat.rank(t) > cat.rank(cap):
                where = f"{a.ptr}/trede" if a.trede_opgegeven else f"{a.ptr}/instrument"
                yield Finding(where, f"'{a.id}' werkt op {t}, maar in de fase ‘{entry['naam']}’ is de "
                              f"invloed van het veld beperkt: {entry['invloed'].rstrip('.')} (brochure p. "
                              f"{entry['pagina']}). plancompiler houdt daarom hoogstens {cap} aan "
                              "(werkafspraak van plancompiler). Verplaats de activiteit naar een eerdere fase "
                              "of kies een instrument op een lagere trede.")
