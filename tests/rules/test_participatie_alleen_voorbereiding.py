from .helpers import BASE, append, check, drop_lines, edit, findings, messages

RULE = "participatie-alleen-voorbereiding"
NO_CHOICE = drop_lines(122)  # without 'fasenkeuze'


def test_fires_at_fasen_when_every_activity_prepares_policy():
    assert check(NO_CHOICE, RULE) == [(RULE, "info", 38, 1)]
    [msg] = messages(NO_CHOICE, RULE)
    assert "(opstellen inventarisatie, visievorming en beleidsplan)" in msg
    assert "Gemw art. 150 lid 1 (tekst vanaf 1-1-2025)" in msg
    assert "uitvoering of evaluatie en benchmarking" in msg and "'fasenkeuze'" in msg and "(p. 19)" in msg


def test_silent_with_an_activity_in_uitvoering_or_evaluatie():
    assert check(edit(("  - fase: beleidsplan", "  - fase: uitvoering"), text=NO_CHOICE), RULE) == []
    assert check(edit(("  - fase: beleidsplan", "  - fase: evaluatie"), text=NO_CHOICE), RULE) == []


def test_silent_when_the_plan_limits_its_phases_deliberately():
    assert check(BASE, RULE) == []


def test_silent_before_2025_when_the_verordening_covered_preparation_only():
    old = NO_CHOICE.replace("2027-", "2024-").replace("2026-", "2023-")
    assert check(old, RULE) == []
    assert check(NO_CHOICE.replace("2027-", "2008-").replace("2026-", "2007-"), RULE) == []


def test_a_waiver_is_the_other_way_to_choose():
    plan = append("uitzonderingen:\n  - regel: participatie-alleen-voorbereiding\n    reden: Alleen de nota.\n",
                  NO_CHOICE)
    [d] = findings(plan, RULE)
    assert d.waived and d.waiver_reason == "Alleen de nota."
