"""The instrument matrix of p. 24 is cumulative: at a rung, that rung's cell and every lower one."""
from .helpers import BASE, append, check, edit, messages

RULE = "instrument-boven-trede"


def test_at_adviseren_an_enquete_is_allowed_for_draagvlak_a_referendum_is_not():
    assert check(BASE, RULE) == []  # the base plan's enquête serves draagvlak at adviseren
    plan = edit(("instrument: inspraakavonden", "instrument: referendum"))
    assert check(plan, RULE) == [(RULE, "error", 63, 21)]
    [msg] = messages(plan, RULE)
    assert "Referendum hoort voor ‘draagvlak’ bij meebeslissen" in msg
    # Suggestions start at the plan's own rung: what still gives the influence the plan promises.
    assert "Voor dit doel passen bijvoorbeeld: Vrijwilligersconferentie, Werkconferentie" in msg


def test_lower_cells_are_allowed_cumulatively():
    plan = edit(("instrument: inspraakavonden", "instrument: informatieavond"))  # informeren
    assert check(plan, RULE) == []
    plan = edit(("instrument: inspraakavonden", "instrument: dilemmadebat"))  # adviseren itself
    assert check(plan, RULE) == []


def test_vrijwilligerscafe_for_verrijking_is_adviseren_not_raadplegen():
    assert check(BASE, RULE) == []
    plan = edit(("  trede: adviseren", "  trede: raadplegen"))
    assert check(plan, RULE) == [(RULE, "error", 52, 21)]
    assert "Vrijwilligerscafé hoort voor" in messages(plan, RULE)[0]


def test_fires_for_a_stated_activity_rung_above_the_plan():
    plan = edit(("        doel: verrijking", "        doel: verrijking\n        trede: coproduceren"))
    assert check(plan, RULE) == [(RULE, "error", 54, 16)]
    [msg] = messages(plan, RULE)
    assert "'cafe' staat op coproduceren" in msg and "'ambitie.trede'" in msg


def test_fires_for_an_own_instrument_above_the_plan():
    plan = append("eigen_instrumenten:\n  - {id: burgerberaad, naam: Burgerberaad, trede: meebeslissen, "
                  "doelen: [draagvlak]}\n",
                  edit(("instrument: inspraakavonden", "instrument: burgerberaad")))
    assert check(plan, RULE) == [(RULE, "error", 63, 21)]


def test_silent_when_the_plan_rises_to_the_instrument():
    plan = edit(("instrument: inspraakavonden", "instrument: participatiebijeenkomsten"),
                ("  trede: adviseren", "  trede: coproduceren"))
    assert check(plan, RULE) == []
