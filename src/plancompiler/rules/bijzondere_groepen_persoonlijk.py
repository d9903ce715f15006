"""Jongeren of migranten worden beoogd zonder persoonlijke benadering via hun eigen netwerken.

Groepen die minder vanzelf aanschuiven, zoals jongeren en migranten, bereikt u vooral persoonlijk,
via hun eigen netwerken en sleutelfiguren (Stap 6, p. 29). Een algemene oproep in de krant
volstaat niet. Neem onder `werving.middelen` een middel op met `persoonlijk: true` en zet de groep
in de `doelgroepen` van dat middel (`werving.middelen[].doelgroepen`).
"""
from ._base import Finding

ID = "bijzondere-groepen-persoonlijk"
SEVERITY = "warning"
PAGE = "29"
SUMMARY = "Bijzondere groep zonder persoonlijke benadering"


def check(plan):
    werving = plan.werving
    if werving is None:
        return
    groups = {g["id"]: g for g in plan.catalog.bijzondere_groepen if g.get("persoonlijke_benadering")}
    for i, group in enumerate(werving.bijzondere_groepen):
        if group in groups and not werving.persoonlijk_benaderd(group):
            yield Finding(f"/werving/bijzondere_groepen/{i}",
                          f"U wilt {groups[group]['naam'].lower()} betrekken, maar geen middel benadert "
                          "hen persoonlijk via hun eigen netwerken. Voeg onder 'werving.middelen' een "
                          f"kanaal toe met 'persoonlijk: true' en 'doelgroepen: [{group}]'.")
