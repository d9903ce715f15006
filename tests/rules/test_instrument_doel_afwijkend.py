from .helpers import BASE, check, edit, messages

RULE = "instrument-doel-afwijkend"


def test_fires_at_the_aim_the_matrix_does_not_list():
    plan = edit(("instrument: enquete\n        doel: draagvlak", "instrument: enquete\n        doel: verrijking"))
    assert check(plan, RULE) == [(RULE, "warning", 45, 15)]
    [msg] = messages(plan, RULE)
    assert "Enquête is in de brochure bedoeld voor draagvlak" in msg
    assert "passen bijvoorbeeld" in msg


def test_silent_on_base_and_for_instruments_listed_for_the_aim():
    assert check(BASE, RULE) == []
    plan = edit(("instrument: enquete\n", "instrument: digimon-enquete\n"))
    assert check(plan, RULE) == []
