from .helpers import BASE, check, drop_lines, edit, messages

RULE = "wmo-art12-advies-ontbreekt"


def test_fires_without_advice():
    plan = drop_lines(98, 100)
    assert check(plan, RULE) == [(RULE, "error", 89, 1)]
    [msg] = messages(plan, RULE)
    assert "Wmo art. 12 lid 1" in msg and "'draagvlak.wmo_advies'" in msg and "'orgaan'" in msg


def test_fires_without_orgaan():
    plan = drop_lines(99)
    assert check(plan, RULE) == [(RULE, "error", 98, 3)]


def test_fires_without_date():
    plan = drop_lines(100)
    assert check(plan, RULE) == [(RULE, "error", 98, 3)]
    assert "de datum" in messages(plan, RULE)[0]


def test_fires_for_advice_after_the_beleidsplan_phase():
    plan = edit(("    datum: 2027-10-01", "    datum: 2027-11-15"))
    assert check(plan, RULE) == [(RULE, "error", 100, 12)]
    [msg] = messages(plan, RULE)
    assert "na het einde van de fase ‘beleidsplan’ (31-10-2027)" in msg and "eerder" in msg


def test_fires_at_the_top_without_draagvlak():
    assert check(drop_lines(89, 100), RULE) == [(RULE, "error", 1, 1)]


def test_silent_on_base_on_the_last_day_and_without_beleidsplan_phase():
    assert check(BASE, RULE) == []
    assert check(edit(("    datum: 2027-10-01", "    datum: 2027-10-31")), RULE) == []
    plan = edit(("    datum: 2027-10-01", "    datum: 2027-11-15"), ("  - fase: beleidsplan", "  - fase: uitvoering"))
    assert check(plan, RULE) == []
