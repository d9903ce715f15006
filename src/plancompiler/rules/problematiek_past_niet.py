"""De mate waarin de problematiek is uitgekristalliseerd past niet bij de gekozen trede.

Geschikte problematiek is een schaal (Stap 3, p. 16–18): hoe verder een vraagstuk al is
uitgekristalliseerd, hoe minder er voor deelnemers te beïnvloeden valt. Een volledig
uitgekristalliseerd vraagstuk past bij informeren; een vraagstuk dat nog verre van
uitgekristalliseerd is, past bij coproduceren en meebeslissen.
"""
from ._base import Finding, listing

ID = "problematiek-past-niet"
SEVERITY = "warning"
PAGE = "16-18"
SUMMARY = "Problematiek past niet bij de trede"


def check(plan):
    entry = plan.kernvoorwaarde("geschikte_problematiek")
    value = entry.uitgekristalliseerd if entry is not None else None
    scale = plan.catalog.problematiek_for(value) if value else None
    if scale and plan.trede not in scale["treden"]:
        fits = next((p for p in plan.catalog.problematiek if plan.trede in p["treden"]), None)
        hint = f" Bij {plan.trede} past: ‘{fits['naam'].lower()}’." if fits else ""
        yield Finding(f"{entry.ptr}/uitgekristalliseerd",
                      f"‘{scale['naam']}’ past bij {listing(scale['treden'], 'of')}, niet bij "
                      f"{plan.trede}.{hint} Kies een passende trede, of stel het vraagstuk opener of "
                      "juist concreter.")
