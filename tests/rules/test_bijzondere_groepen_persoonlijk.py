from .helpers import BASE, check, edit, messages

RULE = "bijzondere-groepen-persoonlijk"


def test_fires_for_a_group_without_personal_channel():
    plan = edit(("bijzondere_groepen: [jongeren]", "bijzondere_groepen: [jongeren, migranten]"))
    assert check(plan, RULE) == [(RULE, "warning", 75, 34)]
    [msg] = messages(plan, RULE)
    assert "migranten" in msg and "persoonlijk: true" in msg and "doelgroepen: [migranten]" in msg


def test_fires_when_the_channel_is_not_personal():
    plan = edit(("persoonlijk: true", "persoonlijk: false"))
    assert check(plan, RULE) == [(RULE, "warning", 75, 24)]


def test_fires_when_the_personal_channel_targets_another_group():
    plan = edit(("doelgroepen: [jongeren]", "doelgroepen: [migranten]"))
    assert check(plan, RULE) == [(RULE, "warning", 75, 24)]


def test_fires_without_any_middelen():
    plan = edit(("  middelen:\n    - kanaal: Persoonlijke uitnodiging\n      via: Jongerenwerk\n"
                 "      doelgroepen: [jongeren]\n      persoonlijk: true\n", ""))
    assert check(plan, RULE) == [(RULE, "warning", 75, 24)]


def test_silent_on_base_and_for_groups_that_need_no_personal_approach():
    assert check(BASE, RULE) == []
    plan = edit(("bijzondere_groepen: [jongeren]", "bijzondere_groepen: [jongeren, kleine-sectoren]"))
    assert check(plan, RULE) == []
