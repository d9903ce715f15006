"""waivers.py: parse and apply as pure functions; every waived diagnostic knows its uitzondering."""
from __future__ import annotations

import pytest

from plancompiler import rules, waivers
from plancompiler.diagnostics import Diagnostic
from plancompiler.model import Uitzondering

from rules.helpers import append, check, compile_text, edit, findings, messages, position_of

# Two instrument-eis findings at two pointers of one activity (the café, line 55 and 56 of BASE).
CAFE = ("        deelnemers: 60\n        tafelgrootte: 8", "        deelnemers: 250\n        tafelgrootte: 12")
DEELNEMERS = "/fasen/1/activiteiten/0/deelnemers"
TAFELGROOTTE = "/fasen/1/activiteiten/0/tafelgrootte"
TWO_WAIVERS = ("uitzonderingen:\n"
               "  - regel: instrument-eis\n"
               f"    pad: {TAFELGROOTTE}\n"
               "    reden: Grote tafels met twee gespreksleiders.\n"
               "  - regel: instrument-eis\n"
               f"    pad: {DEELNEMERS}\n"
               "    reden: De sporthal biedt plaats aan 300 mensen.\n")


def diag(rule: str, pointer: str) -> Diagnostic:
    return Diagnostic(rule, "warning", f"{rule} bij {pointer}", "plan.yaml", 1, 1, pointer)


def waiver(index: int, rule: str, pad: str = "", reden: str = "Bewust.") -> waivers.Waiver:
    return waivers.Waiver(index, rule, rule, pad, reden)


def test_apply_attributes_each_diagnostic_to_the_waiver_that_matched():
    ds = [diag("instrument-eis", DEELNEMERS), diag("instrument-eis", TAFELGROOTTE), diag("fasen-volgorde", "/fasen/0")]
    ws = (waiver(0, "instrument-eis", TAFELGROOTTE, "Tafels."), waiver(1, "instrument-eis", DEELNEMERS, "Zaal."))
    out, unused = waivers.apply(ds, ws)
    assert [(d.pointer, d.waived, d.waiver, d.waiver_reason) for d in out] == [
        (DEELNEMERS, True, 1, "Zaal."), (TAFELGROOTTE, True, 0, "Tafels."), ("/fasen/0", False, None, "")]
    assert unused == []


def test_apply_is_pure_and_repeatable():
    ds = [diag("instrument-eis", DEELNEMERS)]
    ws = (waiver(0, "instrument-eis", DEELNEMERS), waiver(1, "fasen-volgorde"))
    before = (list(ds), tuple(ws))
    first = waivers.apply(ds, ws)
    assert waivers.apply(ds, ws) == first
    assert (ds, ws) == before and not ds[0].waived  # inputs untouched
    assert first[1] == [ws[1]]  # the waiver that covered nothing comes back as unused


def test_the_first_matching_waiver_in_plan_order_covers_a_diagnostic():
    out, unused = waivers.apply([diag("instrument-eis", DEELNEMERS)],
                                (waiver(0, "instrument-eis"), waiver(1, "instrument-eis", DEELNEMERS)))
    assert out[0].waiver == 0 and [w.index for w in unused] == [1]


def test_engine_rules_are_never_covered():
    d = diag("uitzondering-ongebruikt", "/uitzonderingen/0")
    out, _ = waivers.apply([d], (waiver(0, "uitzondering-ongebruikt"),))
    assert out == [d]


def test_parse_keeps_the_index_and_reports_invalid_entries():
    parsed = waivers.parse((Uitzondering(0, "instrument-eis", "", "", "/uitzonderingen/0"),
                            Uitzondering(1, "instrument-eis", "/fasen", "Reden.", "/uitzonderingen/1")))
    assert parsed.waivers == (waivers.Waiver(1, "instrument-eis", "instrument-eis", "/fasen", "Reden."),)
    assert [f.pointer for f in parsed.invalid] == ["/uitzonderingen/0"] and parsed.renamed == ()


def test_two_waivers_of_one_rule_through_the_pipeline():
    plan = append(TWO_WAIVERS, edit(CAFE))
    diags = findings(plan, "instrument-eis")
    assert [(d.line, d.column, d.waived, d.waiver) for d in diags] == [(55, 21, True, 1), (56, 23, True, 0)]
    assert check(plan, "uitzondering-ongebruikt") == []
    assert compile_text(plan).result.count("warning") == 0
    assert [d.to_json()["waiver"] for d in diags] == [1, 0]


# -- renamed rule ids (rules.ALIASES) ----------------------------------------------------------------

@pytest.fixture
def renamed(monkeypatch):
    """No rule has been renamed yet: pretend tafelgrootte checks were once 'tafel-te-groot'."""
    monkeypatch.setitem(rules.ALIASES, "tafel-te-groot", "instrument-eis")


def test_a_waiver_with_an_old_rule_id_still_works_and_names_the_new_id(renamed):
    plan = append("uitzonderingen:\n  - regel: tafel-te-groot\n"
                  f"    pad: {TAFELGROOTTE}\n    reden: Grote tafels met twee gespreksleiders.\n", edit(CAFE))
    [tafel] = [d for d in findings(plan, "instrument-eis") if d.pointer == TAFELGROOTTE]
    assert tafel.waived and tafel.waiver == 0
    line, column = position_of(plan, "tafel-te-groot")
    assert check(plan, "uitzondering-hernoemd") == [("uitzondering-hernoemd", "info", line, column)]
    [msg] = messages(plan, "uitzondering-hernoemd")
    assert "'tafel-te-groot'" in msg and "'instrument-eis'" in msg and "regel: instrument-eis" in msg
    assert check(plan, "uitzondering-zonder-reden") == [] and check(plan, "uitzondering-ongebruikt") == []


def test_without_the_alias_the_old_id_is_unknown():
    plan = append("uitzonderingen:\n  - regel: tafel-te-groot\n    reden: Bewust.\n", edit(CAFE))
    assert [r for r, *_ in check(plan, "uitzondering-zonder-reden")] == ["uitzondering-zonder-reden"]
    assert check(plan, "uitzondering-hernoemd") == []


def test_an_alias_to_an_engine_rule_cannot_waive(monkeypatch):
    monkeypatch.setitem(rules.ALIASES, "oude-ongebruikt", "uitzondering-ongebruikt")
    plan = append("uitzonderingen:\n  - regel: oude-ongebruikt\n    reden: Bewust.\n")
    assert "kan niet worden uitgezonderd" in messages(plan, "uitzondering-zonder-reden")[0]


# -- retired rule ids (rules.RETIRED) ----------------------------------------------------------------

def test_a_waiver_for_a_retired_rule_gets_an_info_and_covers_nothing():
    assert "instrument-doel-afwijkend" in rules.RETIRED and "instrument-doel-afwijkend" not in rules.ALL
    plan = append("uitzonderingen:\n  - regel: instrument-doel-afwijkend\n    reden: Bewust.\n")
    line, column = position_of(plan, "instrument-doel-afwijkend")
    assert check(plan, "uitzondering-hernoemd") == [("uitzondering-hernoemd", "info", line, column)]
    [msg] = messages(plan, "uitzondering-hernoemd")
    assert "bestaat niet meer" in msg and "plancompiler explain instrument-doel-afwijkend" in msg
    assert check(plan, "uitzondering-zonder-reden") == [] and check(plan, "uitzondering-ongebruikt") == []
