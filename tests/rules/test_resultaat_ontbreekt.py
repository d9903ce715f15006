from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "resultaat-ontbreekt"


def test_fires_at_interactie_without_resultaat():
    plan = drop_lines(37)
    assert check(plan, RULE) == [(RULE, "error", 35, 1)]
    assert "'interactie.resultaat'" in messages(plan, RULE)[0]


def test_a_blank_resultaat_is_missing():
    plan = edit(("  resultaat: Een nota vrijwilligerswerk die het veld draagt.", '  resultaat: "   "'))
    assert_blank_is_shape_error(plan, RULE, '"   "')


def test_fires_at_the_top_without_interactie():
    assert check(drop_lines(35, 37), RULE) == [(RULE, "error", 1, 1)]


def test_silent_on_base():
    assert check(BASE, RULE) == []
