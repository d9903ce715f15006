from .helpers import BASE, check, drop_lines, messages

RULE = "weinig-rendement"


def test_fires_for_a_single_activity():
    plan = drop_lines(47, 66)
    assert check(plan, RULE) == [(RULE, "info", 43, 13)]
    assert "maar één activiteit" in messages(plan, RULE)[0]


def test_fires_when_all_activities_are_in_one_phase():
    # Without the phase headers of lines 47-50 and 58-61 all three activities fall in inventarisatie.
    plan = drop_lines(47, 50, text=drop_lines(58, 61))
    assert check(plan, RULE) == [(RULE, "info", 38, 1)]
    assert "Alle activiteiten vallen in één fase" in messages(plan, RULE)[0]


def test_silent_on_base_and_for_two_activities_in_two_phases():
    assert check(BASE, RULE) == []
    assert check(drop_lines(58, 66), RULE) == []
