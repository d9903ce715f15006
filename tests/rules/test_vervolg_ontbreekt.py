from .helpers import BASE, check, drop_lines, edit, messages

RULE = "vervolg-ontbreekt"


def test_fires_for_an_enquete_nothing_builds_on():
    plan = drop_lines(57)  # the café no longer builds on the enquête
    assert check(plan, RULE) == [(RULE, "warning", 44, 21)]
    [msg] = messages(plan, RULE)
    assert "Enquête ('enquete') vraagt om een vervolg" in msg and "'bouwt_voort_op: [enquete]'" in msg


def test_fires_for_the_last_activity_needing_follow_up():
    plan = edit(("instrument: inspraakavonden", "instrument: digimon-enquete"))
    assert check(plan, RULE) == [(RULE, "warning", 63, 21)]


def test_an_earlier_activity_building_on_it_is_no_follow_up():
    # 'enquete' claims to build on 'cafe', which comes later: that is not a follow-up of the café.
    plan = edit(("        bouwt_voort_op: [cafe]\n", ""),
                ("instrument: vrijwilligerscafe", "instrument: vrijwilligersbeurs"),
                ("        doel: verrijking", "        doel: samenwerking"),
                ("        datum: 2027-02-01", "        datum: 2027-02-01\n        bouwt_voort_op: [cafe]"))
    assert check(plan, RULE) == [(RULE, "warning", 53, 21)]


def test_silent_on_base_and_for_instruments_without_need():
    assert check(BASE, RULE) == []
    assert check(edit(("instrument: inspraakavonden", "instrument: informatieavond")), RULE) == []
