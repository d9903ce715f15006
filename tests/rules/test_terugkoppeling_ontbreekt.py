from .helpers import BASE, check, drop_lines, edit, messages

RULE = "terugkoppeling-ontbreekt"


def test_fires_without_terugkoppeling_and_proposes_the_hengelo_terms():
    plan = drop_lines(112, 116)
    assert check(plan, RULE) == [(RULE, "warning", 1, 1)]
    [msg] = messages(plan, RULE)
    assert "Gemeente Hengelo" in msg
    assert ("'terugkoppeling: {verslag_binnen_dagen: 21, reactietermijn_dagen: 14, na_besluit_dagen: 7, "
            "reactienota: true}'") in msg


def test_fires_for_a_missing_term():
    plan = drop_lines(115)
    assert check(plan, RULE) == [(RULE, "warning", 112, 1)]
    assert "'na_besluit_dagen' (voorstel: 7)" in messages(plan, RULE)[0]


def test_fires_once_for_all_missing_terms():
    plan = drop_lines(113, 115)
    assert check(plan, RULE) == [(RULE, "warning", 112, 1)]


def test_fires_for_reactienota_false_at_the_value():
    plan = edit(("  reactienota: true", "  reactienota: false"))
    assert check(plan, RULE) == [(RULE, "warning", 116, 16)]
    assert "'reactienota: true'" in messages(plan, RULE)[0]


def test_fires_for_a_missing_reactienota_at_the_section():
    assert check(drop_lines(116), RULE) == [(RULE, "warning", 112, 1)]


def test_silent_on_base():
    assert check(BASE, RULE) == []
