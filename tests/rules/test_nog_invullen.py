from .helpers import BASE, check, edit, position_of

RULE = "nog-invullen"


def test_silent_on_a_finished_plan():
    assert check(BASE, RULE) == []


def test_fires_at_each_placeholder():
    plan = edit(("  resultaat: Een nota vrijwilligerswerk die het veld draagt.", "  resultaat: '[invullen]'"))
    line, column = position_of(plan, "'[invullen]'")
    assert check(plan, RULE) == [(RULE, "warning", line, column)]
