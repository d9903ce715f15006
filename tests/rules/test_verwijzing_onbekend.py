from .helpers import BASE, check, edit, messages

RULE = "verwijzing-onbekend"
CAFE_REF = "        bouwt_voort_op: [enquete]"


def test_fires_for_an_unknown_activity_with_a_suggestion():
    plan = edit((CAFE_REF, "        bouwt_voort_op: [enquette]"))
    assert check(plan, RULE) == [(RULE, "error", 57, 26)]
    [msg] = messages(plan, RULE)
    assert "'cafe' bouwt voort op 'enquette', maar die activiteit bestaat niet. Bedoelt u 'enquete'?" in msg


def test_fires_for_a_later_activity():
    plan = edit((CAFE_REF, "        bouwt_voort_op: [enquete, inspraak]"))
    assert check(plan, RULE) == [(RULE, "error", 57, 35)]
    [msg] = messages(plan, RULE)
    assert "'inspraak', die later in het plan staat" in msg and "controleer de volgorde" in msg


def test_fires_for_itself():
    plan = edit((CAFE_REF, "        bouwt_voort_op: [cafe]"))
    assert check(plan, RULE) == [(RULE, "error", 57, 26)]
    assert "bouwt voort op zichzelf" in messages(plan, RULE)[0]


def test_fires_for_an_unknown_activity_in_aanwezig_bij():
    plan = edit(("aanwezig_bij: [cafe]", "aanwezig_bij: [cafe, inspraakavond]"))
    assert check(plan, RULE) == [(RULE, "error", 92, 26)]
    [msg] = messages(plan, RULE)
    assert "Het college zou aanwezig zijn bij 'inspraakavond'" in msg and "Bedoelt u 'inspraak'?" in msg


def test_silent_on_base_and_for_earlier_activities_in_other_phases():
    assert check(BASE, RULE) == []
    plan = edit(("        bouwt_voort_op: [cafe]", "        bouwt_voort_op: [enquete, cafe]"),
                ("aanwezig_bij: [cafe]", "aanwezig_bij: [enquete, cafe, inspraak]"))
    assert check(plan, RULE) == []
