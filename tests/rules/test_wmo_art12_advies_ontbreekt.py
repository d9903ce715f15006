from .helpers import BASE, check, drop_lines, edit, messages

RULE = "wmo-art12-advies-ontbreekt"
# The same plan in the brochure's time: it ends before 2015-01-01, so the Wmo 2007 it quotes applies.
OLD = BASE.replace("2027-", "2008-").replace("2026-", "2007-")


def test_fires_without_advice_as_a_warning_under_the_wmo_2015():
    plan = drop_lines(98, 100)
    assert check(plan, RULE) == [(RULE, "warning", 89, 1)]
    [msg] = messages(plan, RULE)
    assert "brochure p. 4; nu Wmo 2015 art. 2.1.3 lid 3 sub b" in msg
    assert "'draagvlak.wmo_advies'" in msg and "'orgaan'" in msg and "Wmo art. 12" not in msg


def test_fires_without_advice_as_an_error_under_the_wmo_2007():
    plan = drop_lines(98, 100, text=OLD)
    assert check(plan, RULE) == [(RULE, "error", 89, 1)]
    [msg] = messages(plan, RULE)
    assert "(Wmo art. 12 lid 1)" in msg and "2015" not in msg


def test_a_plan_straddling_2015_is_judged_under_the_wmo_2015():
    plan = edit(("  start: 2027-01-01", "  start: 2014-06-01"), text=drop_lines(98, 100))
    assert check(plan, RULE) == [(RULE, "warning", 89, 1)]


def test_fires_without_orgaan():
    assert check(drop_lines(99), RULE) == [(RULE, "warning", 98, 3)]
    assert check(drop_lines(99, text=OLD), RULE) == [(RULE, "error", 98, 3)]


def test_fires_without_date():
    plan = drop_lines(100)
    assert check(plan, RULE) == [(RULE, "warning", 98, 3)]
    assert "de datum" in messages(plan, RULE)[0]


def test_fires_for_advice_after_the_beleidsplan_phase():
    plan = edit(("    datum: 2027-10-01", "    datum: 2027-11-15"))
    assert check(plan, RULE) == [(RULE, "warning", 100, 12)]
    [msg] = messages(plan, RULE)
    assert "na het einde van de fase ‘beleidsplan’ (31-10-2027)" in msg and "eerder" in msg


def test_the_verordening_phase_is_an_advice_moment_too():
    plan = edit(("    datum: 2027-10-01", "    datum: 2027-11-15"), ("  - fase: beleidsplan", "  - fase: verordening"))
    assert check(plan, RULE) == [(RULE, "warning", 100, 12)]
    assert "‘vaststellen verordening’" in messages(plan, RULE)[0]


def test_fires_at_the_top_without_draagvlak():
    assert check(drop_lines(89, 100), RULE) == [(RULE, "warning", 1, 1)]
    assert check(drop_lines(89, 100, text=OLD), RULE) == [(RULE, "error", 1, 1)]


def test_silent_on_base_on_the_last_day_and_without_beleidsplan_phase():
    assert check(BASE, RULE) == []
    assert check(OLD, RULE) == []
    assert check(edit(("    datum: 2027-10-01", "    datum: 2027-10-31")), RULE) == []
    plan = edit(("    datum: 2027-10-01", "    datum: 2027-11-15"), ("  - fase: beleidsplan", "  - fase: uitvoering"))
    assert check(plan, RULE) == []


def test_silent_without_an_advice_moment_in_scope():
    """No phase in which the raad decides: no voordracht, so no advice finding (p. 19, p. 4)."""
    no_decision = edit(("  - fase: beleidsplan", "  - fase: beleidsvoorbereiding"))
    assert check(drop_lines(98, 100, text=no_decision), RULE) == []
    old = edit(("  - fase: beleidsplan", "  - fase: beleidsvoorbereiding"), text=OLD)
    assert check(drop_lines(89, 100, text=old), RULE) == []
