from .helpers import BASE, check, edit, messages

RULE = "risico-onbekend"
LAST = "    selecte-groep: Het steunpunt nodigt organisaties uit die de gemeente nog niet kent."


def test_fires_for_a_risk_of_another_type():
    plan = edit((LAST, LAST + "\n    geen-draagvlak-i: Een inspraakavond."))
    assert check(plan, RULE) == [(RULE, "warning", 25, 5)]
    [msg] = messages(plan, RULE)
    assert "hoort bij type I, niet bij uw gewenste type III" in msg and "selecte-groep" in msg


def test_fires_for_a_misspelled_risk_with_a_suggestion():
    plan = edit(("    selecte-groep:", "    selecte-groepen:"))
    assert check(plan, RULE) == [(RULE, "warning", 24, 5)]
    assert "Bedoelt u 'selecte-groep'?" in messages(plan, RULE)[0]


def test_fires_for_an_unknown_risk_listing_the_own_ids():
    plan = edit((LAST, LAST + "\n    xyzzy: Niets."))
    assert check(plan, RULE) == [(RULE, "warning", 25, 5)]
    assert "Kies uit: weinig-inhoud-richting-iii" in messages(plan, RULE)[0]


def test_silent_on_base():
    assert check(BASE, RULE) == []
