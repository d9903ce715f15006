from .helpers import BASE, check, drop_lines, edit, messages

RULE = "fase-zonder-activiteit"


def test_fires_at_an_empty_activity_list():
    plan = edit(("    activiteiten:\n      - id: inspraak\n        instrument: inspraakavonden\n"
                 "        doel: draagvlak\n        datum: 2027-09-15\n        bouwt_voort_op: [cafe]\n",
                 "    activiteiten: []\n"))
    assert check(plan, RULE) == [(RULE, "error", 61, 5)]
    [msg] = messages(plan, RULE)
    assert "Beleidsplan" in msg and "'activiteiten'" in msg and "haal de fase weg" in msg


def test_silent_on_base_and_when_the_phase_is_removed():
    assert check(BASE, RULE) == []
    assert check(drop_lines(58, 66), RULE) == []
