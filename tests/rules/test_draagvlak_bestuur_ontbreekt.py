from .helpers import BASE, check, drop_lines, edit, messages

RULE = "draagvlak-bestuur-ontbreekt"


def test_fires_for_a_missing_college():
    plan = drop_lines(90, 92)
    assert check(plan, RULE) == [(RULE, "warning", 89, 1)]
    [msg] = messages(plan, RULE)
    assert "'draagvlak.college'" in msg and "aanwezig_bij" in msg


def test_fires_for_a_missing_raad():
    plan = drop_lines(93, 97)
    assert check(plan, RULE) == [(RULE, "warning", 89, 1)]
    assert "'draagvlak.raad'" in messages(plan, RULE)[0]


def test_fires_twice_at_the_top_without_draagvlak():
    plan = drop_lines(89, 100)
    assert check(plan, RULE) == [(RULE, "warning", 1, 1)] * 2


def test_an_empty_college_is_not_involved():
    plan = edit(("    rol: De wethouder opent het café.\n    aanwezig_bij: [cafe]\n", "    aanwezig_bij: []\n"))
    assert check(plan, RULE) == [(RULE, "warning", 89, 1)]


def test_silent_on_base_and_with_a_college_that_only_attends():
    assert check(BASE, RULE) == []
    assert check(drop_lines(91), RULE) == []
