from .helpers import BASE, check, drop_lines, messages

RULE = "kernvoorwaarde-ontbreekt"


def test_fires_for_a_missing_condition_at_kernvoorwaarden():
    plan = drop_lines(28)  # meerwaarde
    assert check(plan, RULE) == [(RULE, "error", 25, 1)]
    [msg] = messages(plan, RULE)
    assert "‘Meerwaarde’ is niet beoordeeld" in msg and "'meerwaarde: {oordeel: voldaan|deels|niet" in msg


def test_fires_for_a_condition_without_oordeel():
    plan = drop_lines(31)  # geschikte_problematiek.oordeel
    assert check(plan, RULE) == [(RULE, "error", 30, 3)]


def test_fires_six_times_without_kernvoorwaarden():
    plan = drop_lines(25, 34)
    assert check(plan, RULE) == [(RULE, "error", 1, 1)] * 6


def test_silent_on_base():
    assert check(BASE, RULE) == []
