from .helpers import BASE, append, check, diagnostics, edit, messages

RULE = "instrument-onbekend"
CAFE = "instrument: vrijwilligerscafe"


def test_a_misspelling_gets_the_closest_name_first():
    plan = edit((CAFE, "instrument: vrijwilligerskafee"))
    assert check(plan, RULE) == [(RULE, "error", 52, 21)]
    [msg] = messages(plan, RULE)
    assert "Het instrument 'vrijwilligerskafee' is onbekend. Bedoelt u 'vrijwilligerscafe'" in msg
    assert "'eigen_instrumenten'" in msg


def test_an_unknown_name_without_close_match_points_to_the_catalog():
    plan = edit((CAFE, "instrument: luchtballonvaart"))
    assert check(plan, RULE) == [(RULE, "error", 52, 21)]
    [msg] = messages(plan, RULE)
    assert "Bedoelt u" not in msg
    assert "Kies een instrument uit 'plancompiler catalog instrumenten'. Staat het er niet tussen" in msg


def test_synonyms_names_and_case_resolve_without_any_diagnostic():
    for name in ("vrijwilligerscafés", "Vrijwilligerscafé", "VRIJWILLIGERSCAFES", "vrijwilligers café"):
        assert diagnostics(edit((CAFE, f"instrument: {name}"))) == [], name


def test_own_instruments_resolve_by_id_name_and_synonym():
    own = ("eigen_instrumenten:\n  - {id: dorpsronde, naam: Dorpsronde, trede: adviseren, doelen: [verrijking],"
           " synoniemen: [keukentafelronde]}\n")
    for name in ("dorpsronde", "Dorpsronde", "keukentafelronde"):
        assert diagnostics(append(own, edit((CAFE, f"instrument: {name}")))) == [], name
    plan = append(own, edit((CAFE, "instrument: dorpsrondje")))
    assert check(plan, RULE) == [(RULE, "error", 52, 21)]
    assert "Bedoelt u 'dorpsronde'" in messages(plan, RULE)[0]


def test_silent_on_base():
    assert check(BASE, RULE) == []
