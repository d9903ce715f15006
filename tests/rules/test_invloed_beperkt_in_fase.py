from .helpers import BASE, check, edit, messages

RULE = "invloed-beperkt-in-fase"
INSPRAAK = "instrument: inspraakavonden"


def test_fires_for_an_instrument_above_adviseren_in_beleidsplan():
    plan = edit((INSPRAAK, "instrument: participatiebijeenkomsten"), ("  trede: adviseren", "  trede: coproduceren"))
    assert check(plan, RULE) == [(RULE, "warning", 63, 21)]
    [msg] = messages(plan, RULE)
    assert "'inspraak' werkt op coproduceren" in msg and "beperkt tot adviseren" in msg
    assert "Verplaats de activiteit naar een eerdere fase" in msg


def test_fires_for_a_stated_rung_in_verordening():
    plan = edit(("  - fase: beleidsplan", "  - fase: verordening"),
                ("        datum: 2027-09-15", "        datum: 2027-09-15\n        trede: meebeslissen"))
    assert check(plan, RULE) == [(RULE, "warning", 66, 16)]
    assert "beperkt tot adviseren" in messages(plan, RULE)[0]


def test_silent_on_base_at_adviseren_and_in_phases_without_a_cap():
    assert check(BASE, RULE) == []
    assert check(edit((INSPRAAK, "instrument: dilemmadebat")), RULE) == []  # adviseren itself
    plan = edit((INSPRAAK, "instrument: participatiebijeenkomsten"), ("  trede: adviseren", "  trede: coproduceren"),
                ("  - fase: beleidsplan", "  - fase: beleidsvoorbereiding"))
    assert check(plan, RULE) == []
