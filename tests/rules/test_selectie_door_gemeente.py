from .helpers import BASE, append, check, messages

RULE = "selectie-door-gemeente"
VERT = """\
vertegenwoordiging:
  vorm: klankbordgroep
  selectie:
    door: {door}
"""


def test_fires_when_the_municipality_selects():
    plan = append(VERT.format(door="gemeente"))
    assert check(plan, RULE) == [(RULE, "warning", 123, 11)]
    [msg] = messages(plan, RULE)
    assert "De gemeente kiest de leden zelf." in msg and "rol van de gemeente daarin te beperken" in msg
    assert "(brochure p. 34)" in msg


def test_silent_when_others_select_or_nobody_says():
    assert check(BASE, RULE) == []
    for door in ("vertegenwoordiging-zelf", "veld", "onafhankelijk", "geen-selectie"):
        assert check(append(VERT.format(door=door)), RULE) == []
    assert check(append("vertegenwoordiging:\n  vorm: klankbordgroep\n  selectie:\n    toelichting: Meer "
                        "aanmeldingen dan plaatsen.\n"), RULE) == []
