from .helpers import BASE, check, edit, messages

RULE = "invloed-beperkt-in-fase"
INSPRAAK = "instrument: inspraakavonden"


def test_fires_above_raadplegen_in_beleidsplan():
    """p. 20: 'slechts een consultatieronde', invloed 'erg beperkt': raadplegen at most."""
    plan = edit((INSPRAAK, "instrument: dilemmadebat"))  # adviseren (draagvlak)
    assert check(plan, RULE) == [(RULE, "warning", 63, 21)]
    [msg] = messages(plan, RULE)
    assert "'inspraak' werkt op adviseren" in msg and "(brochure p. 20)" in msg
    assert "hoogstens raadplegen aan (werkafspraak van plancompiler)" in msg
    assert "Verplaats de activiteit naar een eerdere fase" in msg


def test_fires_for_a_stated_rung_in_verordening():
    plan = edit(("  - fase: beleidsplan", "  - fase: verordening"),
                ("        datum: 2027-09-15", "        datum: 2027-09-15\n        trede: meebeslissen"))
    assert check(plan, RULE) == [(RULE, "warning", 66, 16)]
    assert "hoogstens adviseren" in messages(plan, RULE)[0] and "(brochure p. 20-21)" in messages(plan, RULE)[0]


def test_the_formal_advice_of_an_advisory_body_is_not_capped():
    """The field's consultation (p. 20) is capped; the formal advice of a Wmo-raad on the draft is not."""
    assert check(edit((INSPRAAK, "instrument: wmo-raad")), RULE) == []  # adviseren (verrijking)
    assert check(edit((INSPRAAK, "instrument: adviesraden")), RULE) == []
    # the same advisory body in verordening is capped at adviseren anyway; a field instrument is not exempt
    assert check(edit((INSPRAAK, "instrument: meedenksessies")), RULE) == [(RULE, "warning", 63, 21)]


def test_silent_on_base_and_in_phases_without_a_cap():
    assert check(BASE, RULE) == []  # inspraakavonden: raadplegen
    assert check(edit((INSPRAAK, "instrument: dilemmadebat"), ("  - fase: beleidsplan", "  - fase: verordening")),
                 RULE) == []  # adviseren is allowed in verordening (p. 21 'geven advies')
    plan = edit((INSPRAAK, "instrument: participatiebijeenkomsten"), ("  trede: adviseren", "  trede: coproduceren"),
                ("  - fase: beleidsplan", "  - fase: beleidsvoorbereiding"))
    assert check(plan, RULE) == []
