"""uitzondering-zonder-reden: checked by the engine (waivers.py) while it applies the waivers."""
from .helpers import assert_blank_is_shape_error, BASE, append, check, compile_text, edit, findings, messages

RULE = "uitzondering-zonder-reden"
TYPE_IV = ("  gemeentetype: III", "  gemeentetype: IV")  # gemeentetype-tegenstrijdig, an error at 15:17


def test_a_waiver_without_reden_is_an_error_and_waives_nothing():
    plan = append("uitzonderingen:\n  - regel: gemeentetype-tegenstrijdig\n", edit(TYPE_IV))
    assert check(plan, RULE) == [(RULE, "error", 121, 5)]
    [msg] = messages(plan, RULE)
    assert "geen reden" in msg and "Voeg 'reden: ...' toe" in msg
    [diag] = findings(plan, "gemeentetype-tegenstrijdig")
    assert not diag.waived
    assert check(plan, "uitzondering-ongebruikt") == []


def test_a_blank_reden_is_no_reden():
    plan = append('uitzonderingen:\n  - regel: gemeentetype-tegenstrijdig\n    reden: "   "\n', edit(TYPE_IV))
    assert_blank_is_shape_error(plan, RULE, '"   "')


def test_an_unknown_rule_gets_a_did_you_mean():
    plan = append("uitzonderingen:\n  - regel: gemeentetype-tegenstrijdg\n    reden: Bewust.\n", edit(TYPE_IV))
    assert check(plan, RULE) == [(RULE, "error", 121, 12)]
    [msg] = messages(plan, RULE)
    assert "'gemeentetype-tegenstrijdg'" in msg and "Bedoelt u 'gemeentetype-tegenstrijdig'?" in msg
    assert not findings(plan, "gemeentetype-tegenstrijdig")[0].waived


def test_an_unknown_rule_without_close_match_points_to_explain():
    plan = append("uitzonderingen:\n  - regel: xyzzy\n    reden: Bewust.\n")
    assert check(plan, RULE) == [(RULE, "error", 121, 12)]
    assert "'plancompiler explain'" in messages(plan, RULE)[0]


def test_the_engine_rules_cannot_be_waived():
    plan = append("uitzonderingen:\n  - regel: uitzondering-ongebruikt\n    reden: Bewust.\n")
    assert check(plan, RULE) == [(RULE, "error", 121, 12)]
    assert "kan niet worden uitgezonderd" in messages(plan, RULE)[0]


def test_a_used_waiver_marks_the_diagnostic_waived_and_does_not_fail():
    plan = append("uitzonderingen:\n  - regel: gemeentetype-tegenstrijdig\n    reden: De raad koos type IV.\n",
                  edit(TYPE_IV))
    compiled = compile_text(plan)
    [diag] = [d for d in compiled.result.diagnostics if d.rule == "gemeentetype-tegenstrijdig"]
    assert (diag.severity, diag.line, diag.column) == ("error", 15, 17)
    assert diag.waived and diag.waiver_reason == "De raad koos type IV."
    assert compiled.ok and compiled.result.count("error") == 0 and compiled.result.waived == 1
    assert check(plan, RULE) == [] and check(plan, "uitzondering-ongebruikt") == []


def test_a_waiver_with_pad_silences_only_that_pointer():
    cafe = ("        deelnemers: 60\n        tafelgrootte: 8", "        deelnemers: 250\n        tafelgrootte: 12")
    waiver = ("uitzonderingen:\n  - regel: instrument-eis\n    pad: /fasen/1/activiteiten/0/tafelgrootte\n"
              "    reden: Grote tafels met twee gespreksleiders.\n")
    plan = append(waiver, edit(cafe))
    diags = findings(plan, "instrument-eis")
    assert [(d.line, d.column, d.waived) for d in diags] == [(55, 21, False), (56, 23, True)]
    assert compile_text(plan).result.count("warning") == 1
    # A pad names a subtree: the activity's pointer covers both of its findings.
    plan = append(waiver.replace("/fasen/1/activiteiten/0/tafelgrootte", "/fasen/1/activiteiten/0/"), edit(cafe))
    assert [d.waived for d in findings(plan, "instrument-eis")] == [True, True]
    # ... but not a sibling whose name merely starts the same way.
    plan = append(waiver.replace("/fasen/1/activiteiten/0/tafelgrootte", "/fasen/1/activiteiten/0/deel"), edit(cafe))
    assert [d.waived for d in findings(plan, "instrument-eis")] == [False, False]


def test_silent_on_base_and_for_a_good_waiver():
    assert check(BASE, RULE) == []
