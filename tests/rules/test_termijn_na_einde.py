from .helpers import BASE, check, edit, messages

RULE = "termijn-na-einde"


def test_fires_when_the_reaction_period_runs_past_the_evaluation():
    # inspraak 15-09-2027 + 21 + 14 days = 20-10-2027; evaluation moved to 10-10-2027
    plan = edit(("  datum: 2027-12-15", "  datum: 2027-10-10"))
    line = plan.splitlines().index("  reactietermijn_dagen: 14") + 1
    assert check(plan, RULE) == [(RULE, "warning", line, 25)]
    [msg] = messages(plan, RULE)
    assert "Na 'inspraak' (15-09-2027) loopt de terugkoppeling tot 20-10-2027" in msg
    assert "na de evaluatie op 10-10-2027" in msg


def test_fires_when_it_runs_past_the_end_of_the_plan():
    plan = edit(("  eind: 2027-12-31", "  eind: 2027-10-15"), ("  datum: 2027-12-15", "  datum: 2027-09-01"))
    line = plan.splitlines().index("  reactietermijn_dagen: 14") + 1
    assert check(plan, RULE) == [(RULE, "warning", line, 25)]
    [msg] = messages(plan, RULE)
    assert "tot 20-10-2027 (verslag en reactie: 35 dagen), na het einde van het plan op 15-10-2027" in msg


def test_silent_on_base_and_without_periods():
    assert check(BASE, RULE) == []  # 20-10-2027 is before the evaluation (15-12-2027)
    plan = edit(("  verslag_binnen_dagen: 21\n  reactietermijn_dagen: 14\n", ""),
                ("  datum: 2027-12-15", "  datum: 2027-10-10"))
    assert check(plan, RULE) == []


def test_the_evaluation_phase_itself_does_not_count():
    plan = edit(("  - fase: beleidsplan", "  - fase: evaluatie"), ("  datum: 2027-12-15", "  datum: 2027-10-10"))
    assert check(plan, RULE) == []  # 'inspraak' is now part of the evaluation
