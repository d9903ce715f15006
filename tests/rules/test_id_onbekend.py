from .helpers import BASE, append, check, edit, messages

RULE = "id-onbekend"


def test_a_typo_in_bijzondere_groepen_with_a_suggestion():
    plan = edit(("bijzondere_groepen: [jongeren]", "bijzondere_groepen: [jongern]"))
    assert check(plan, RULE) == [(RULE, "error", 75, 24)]
    assert messages(plan, RULE) == ["De bijzondere groep 'jongern' is onbekend. Bedoelt u 'jongeren'?"]


def test_an_unknown_group_without_a_close_match_lists_the_groups():
    plan = edit(("bijzondere_groepen: [jongeren]", "bijzondere_groepen: [jongeren, xyz]"))
    assert check(plan, RULE) == [(RULE, "error", 75, 34)]
    [msg] = messages(plan, RULE)
    assert msg.startswith("De bijzondere groep 'xyz' is onbekend. Kies uit: jongeren, migranten")


def test_a_typo_in_the_doelgroepen_of_a_middel():
    plan = edit(("doelgroepen: [jongeren]", "doelgroepen: [jongren]"))
    assert check(plan, RULE) == [(RULE, "error", 87, 21)]
    assert "Bedoelt u 'jongeren'?" in messages(plan, RULE)[0]


def test_an_unknown_procestest_question():
    plan = append("  procestest:\n    kennis-benutt: {antwoord: ja}\n")
    line = plan.splitlines().index("    kennis-benutt: {antwoord: ja}") + 1
    assert check(plan, RULE) == [(RULE, "error", line, 5)]
    assert "Bedoelt u 'kennis-benut'?" in messages(plan, RULE)[0]


def test_silent_on_known_ids():
    assert check(BASE, RULE) == []
    plan = append("  procestest:\n    kennis-benut: {antwoord: ja}\n")
    assert check(plan, RULE) == []
