from .helpers import BASE, check, edit, findings, messages

RULE = "fasen-volgorde"


def test_fires_for_a_phase_out_of_brochure_order():
    plan = edit(("  - fase: inventarisatie", "  - fase: visievorming"),
                ("  - fase: visievorming\n    van: 2027-04-01", "  - fase: inventarisatie\n    van: 2027-04-01"))
    assert check(plan, RULE) == [(RULE, "error", 47, 11)]
    [msg] = messages(plan, RULE)
    assert "‘Opstellen inventarisatie’ staat na ‘Visievorming’" in msg and "volgorde van de brochure" in msg


def test_fires_for_a_repeated_phase():
    plan = edit(("  - fase: beleidsplan", "  - fase: visievorming"))
    assert check(plan, RULE) == [(RULE, "error", 58, 11)]
    assert "twee keer" in messages(plan, RULE)[0]


def test_fires_for_a_phase_date_outside_the_periode():
    plan = edit(("    van: 2027-01-01", "    van: 2026-12-01"))
    assert check(plan, RULE) == [(RULE, "error", 40, 10)]
    [msg] = messages(plan, RULE)
    assert "01-12-2026 valt buiten de periode" in msg and "'periode'" in msg


def test_fires_for_a_phase_ending_before_it_starts():
    plan = edit(("    tot: 2027-10-31", "    tot: 2027-06-30"))
    # The phase's own dates, and the activity that now lies outside it.
    assert check(plan, RULE) == [(RULE, "error", 60, 10), (RULE, "error", 65, 16)]
    assert "Verwissel of corrigeer 'van' en 'tot'" in messages(plan, RULE)[0]


def test_fires_for_an_activity_outside_its_phase():
    plan = edit(("        datum: 2027-02-01", "        datum: 2027-04-02"))
    assert check(plan, RULE) == [(RULE, "error", 46, 16)]
    [msg] = messages(plan, RULE)
    assert "'enquete' op 02-04-2027 valt buiten haar fase (01-01-2027 tot en met 31-03-2027)" in msg


def test_fires_for_an_end_date_outside_the_phase_and_before_the_start():
    plan = edit(("        datum: 2027-02-01", "        datum: 2027-02-01\n        einddatum: 2027-04-30"))
    assert check(plan, RULE) == [(RULE, "error", 47, 20)]
    plan = edit(("        datum: 2027-02-01", "        datum: 2027-02-01\n        einddatum: 2027-01-20"))
    assert check(plan, RULE) == [(RULE, "error", 47, 20)]
    assert "einddatum van 'enquete' ligt voor de begindatum" in messages(plan, RULE)[0]


def test_fires_for_a_periode_ending_before_it_starts():
    plan = edit(("  eind: 2027-12-31", "  eind: 2026-12-31"))
    found = check(plan, RULE)
    assert (RULE, "error", 6, 9) in found
    [periode] = [d for d in findings(plan, RULE) if d.line == 6]
    assert "De periode eindigt (31-12-2026) voordat zij begint" in periode.message
    assert "Corrigeer 'start' of 'eind'" in periode.message


def test_silent_on_base_and_on_the_boundaries():
    assert check(BASE, RULE) == []
    plan = edit(("        datum: 2027-02-01", "        datum: 2027-03-31"),
                ("    van: 2027-04-01", "    van: 2027-03-31"))  # phases may touch
    assert check(plan, RULE) == []
    plan = edit(("  - fase: visievorming", "  - fase: beleidsvoorbereiding"))  # skipping a phase is fine
    assert check(plan, RULE) == []
