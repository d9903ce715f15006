from .helpers import BASE, check, drop_lines, edit, messages

RULE = "typetest-verschil"


def test_fires_at_huidig_when_the_type_changes():
    plan = edit(("  huidig:\n    beleid: smal", "  huidig:\n    beleid: breed"))
    assert check(plan, RULE) == [(RULE, "info", 10, 5)]
    [msg] = messages(plan, RULE)
    assert "Nu bent u type IV" in msg and "gewenst is type III" in msg
    assert "van breed naar smal beleid" in msg and "'visie.waarom'" in msg


def test_names_both_changes():
    plan = edit(("  huidig:\n    beleid: smal\n    sturing: regisseur", "  huidig:\n    beleid: breed\n    sturing: dirigent"))
    assert check(plan, RULE) == [(RULE, "info", 10, 5)]
    assert "van breed naar smal beleid en van dirigent naar regisseur" in messages(plan, RULE)[0]


def test_silent_on_base_and_without_huidig():
    assert check(BASE, RULE) == []
    assert check(drop_lines(9, 11), RULE) == []
