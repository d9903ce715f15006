from .helpers import BASE, check, edit, messages

RULE = "activiteit-na-besluit"


def test_fires_when_an_activity_builds_on_one_that_starts_later():
    # the enquête is moved after the café that discusses its results
    plan = edit(("        datum: 2027-02-01\n", "        datum: 2027-04-20\n"),
                ("    tot: 2027-03-31\n", "    tot: 2027-04-30\n"))
    assert check(plan, RULE) == [(RULE, "warning", 57, 26)]
    [msg] = messages(plan, RULE)
    assert "'cafe' (15-04-2027) bouwt voort op 'enquete', maar die begint pas op 20-04-2027" in msg


def test_a_period_that_runs_on_may_feed_an_activity_halfway():
    plan = edit(("        datum: 2027-02-01\n", "        datum: 2027-02-01\n        einddatum: 2027-04-20\n"),
                ("    tot: 2027-03-31\n", "    tot: 2027-04-30\n"))
    assert check(plan, RULE) == []


def test_fires_for_advice_after_the_raads_decision():
    plan = edit(("  wmo_advies:\n", "  adviesorganen:\n    - orgaan: Seniorenraad\n      datum: 2027-11-15\n"
                                    "  wmo_advies:\n"))
    line = plan.splitlines().index("      datum: 2027-11-15") + 1
    assert check(plan, RULE) == [(RULE, "warning", line, 14)]
    assert "na het einde van de fase ‘Beleidsplan’ (31-10-2027)" in messages(plan, RULE)[0]


def test_silent_on_base_and_for_timely_advice():
    assert check(BASE, RULE) == []
    plan = edit(("  wmo_advies:\n", "  adviesorganen:\n    - orgaan: Seniorenraad\n      datum: 2027-10-15\n"
                                    "  wmo_advies:\n"))
    assert check(plan, RULE) == []
