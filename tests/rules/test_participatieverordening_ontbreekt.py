from .helpers import BASE, check, drop_lines, edit, findings, messages, position_of

RULE = "participatieverordening-ontbreekt"
VERORDENING = ("participatieverordening: {titel: Participatieverordening Teststad 2026, status: vastgesteld, "
               "datum: 2026-07-01}")


def test_fires_at_the_end_date_without_a_verordening():
    plan = drop_lines(120)
    assert check(plan, RULE) == [(RULE, "warning", 6, 9)]
    [msg] = messages(plan, RULE)
    assert "tot 31-12-2027, op of na 01-01-2027" in msg
    assert "Gemw art. 150 lid 1 (tekst vanaf 1-1-2025)" in msg and "'participatieverordening'" in msg


def test_fires_at_the_status_of_a_verordening_in_preparation():
    plan = edit((VERORDENING, VERORDENING.replace("status: vastgesteld", "status: in-voorbereiding")))
    assert check(plan, RULE) == [(RULE, "warning", *position_of(plan, "in-voorbereiding"))]
    [msg] = messages(plan, RULE)
    assert "‘Participatieverordening Teststad 2026’ is nog in voorbereiding" in msg and "'vastgesteld'" in msg


def test_fires_for_a_plan_ending_on_the_deadline():
    plan = edit(("  eind: 2027-12-31", "  eind: 2027-01-01"), text=drop_lines(120))
    assert check(plan, RULE) == [(RULE, "warning", 6, 9)]


def test_silent_with_a_vastgestelde_verordening_and_before_the_deadline():
    assert check(BASE, RULE) == []
    early = BASE.replace("2027-", "2026-").replace("datum: 2026-07-01}", "datum: 2025-07-01}")
    assert check(drop_lines(120, text=early), RULE) == []
    assert check(edit(("  eind: 2027-12-31", "  eind: 2026-12-31"), text=drop_lines(120)), RULE) == []


def test_a_waiver_covers_it_with_its_reason():
    plan = drop_lines(120) + ("uitzonderingen:\n  - regel: participatieverordening-ontbreekt\n"
                              "    reden: De raad stelt de verordening in december vast.\n")
    [d] = findings(plan, RULE)
    assert d.waived and d.waiver_reason == "De raad stelt de verordening in december vast."


def test_a_bad_cvdr_number_is_a_shape_error():
    plan = edit((VERORDENING, VERORDENING.replace("}", ", cvdr: CVDR 683030}")))
    assert check(plan, "schema-vorm") == [("schema-vorm", "error", *position_of(plan, "CVDR 683030"))]
    assert "bijvoorbeeld CVDR683030" in messages(plan, "schema-vorm")[0]
