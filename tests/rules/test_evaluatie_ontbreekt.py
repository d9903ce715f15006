from .helpers import BASE, check, drop_lines, messages

RULE = "evaluatie-ontbreekt"


def test_fires_without_evaluatie():
    plan = drop_lines(117, 119)
    assert check(plan, RULE) == [(RULE, "warning", 1, 1)]
    assert "'evaluatie: {datum: ..., door: ...}'" in messages(plan, RULE)[0]


def test_fires_without_a_date():
    plan = drop_lines(118)
    assert check(plan, RULE) == [(RULE, "warning", 117, 1)]


def test_fires_without_who():
    plan = drop_lines(119)
    assert check(plan, RULE) == [(RULE, "warning", 117, 1)]
    assert "'evaluatie.door'" in messages(plan, RULE)[0]


def test_silent_on_base():
    assert check(BASE, RULE) == []
