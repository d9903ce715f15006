from .helpers import BASE, check, edit, messages

RULE = "beleidsplan-niet-voorgelegd"
INSPRAAK = "instrument: inspraakavonden"


def test_fires_when_only_an_advisory_body_sees_the_draft():
    """p. 20: the draft goes before the field in any case; a Wmo-raad's formal advice is not that."""
    plan = edit((INSPRAAK, "instrument: wmo-raad"))
    assert check(plan, RULE) == [(RULE, "warning", 61, 5)]
    [msg] = messages(plan, RULE)
    assert "In de fase ‘Beleidsplan’ adviseert alleen een adviesorgaan" in msg
    assert "in ieder geval aan de vertegenwoordigers van het vrijwilligersveld moeten voorleggen" in msg
    assert "(brochure p. 20)" in msg and "hoorzittingen of inspraakavonden" in msg
    # and the same advice is not capped as field participation (invloed-beperkt-in-fase, p. 20)
    assert check(plan, "invloed-beperkt-in-fase") == []


def test_silent_when_the_field_is_consulted_too():
    assert check(BASE, RULE) == []
    plan = edit(("        bouwt_voort_op: [cafe]\n",
                 "        bouwt_voort_op: [cafe]\n      - id: wmo-raad\n        instrument: wmo-raad\n"
                 "        doel: verrijking\n        datum: 2027-10-01\n"))
    assert check(plan, RULE) == []


def test_silent_outside_the_beleidsplan_phase():
    plan = edit((INSPRAAK, "instrument: wmo-raad"), ("  - fase: beleidsplan", "  - fase: verordening"))
    assert check(plan, RULE) == []
