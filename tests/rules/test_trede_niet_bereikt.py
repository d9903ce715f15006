from .helpers import BASE, check, edit, messages

RULE = "trede-niet-bereikt"
CAFE = "instrument: vrijwilligerscafe"


def test_fires_when_every_activity_works_below_the_plans_rung():
    # trede adviseren; the café becomes a klankbordgroep (raadplegen): nothing reaches adviseren
    plan = edit((CAFE, "instrument: klankbordgroep"))
    assert check(plan, RULE) == [(RULE, "warning", 17, 10)]
    [msg] = messages(plan, RULE)
    assert "kiest adviseren, maar geen activiteit werkt op die trede; de hoogste is raadplegen" in msg
    assert "(enquete, cafe en inspraak)" in msg and "(brochure p. 24 en 25)" in msg


def test_a_stated_rung_counts():
    plan = edit((CAFE, "instrument: klankbordgroep"), ("        tafelgrootte: 8", "        trede: adviseren"))
    assert check(plan, RULE) == []


def test_silent_on_base_and_when_the_plan_asks_less():
    assert check(BASE, RULE) == []  # the café works at adviseren
    plan = edit((CAFE, "instrument: klankbordgroep"), ("  trede: adviseren", "  trede: raadplegen"))
    assert check(plan, RULE) == []


def test_silent_when_no_activity_has_a_known_rung():
    plan = edit(("instrument: enquete\n", "instrument: onbekend-ding\n"), (CAFE, "instrument: ander-ding"),
                ("instrument: inspraakavonden", "instrument: nog-een-ding"))
    assert check(plan, RULE) == []  # instrument-onbekend speaks
