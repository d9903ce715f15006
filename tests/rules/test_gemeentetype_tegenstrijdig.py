from .helpers import BASE, check, drop_lines, edit, messages

RULE = "gemeentetype-tegenstrijdig"


def test_fires_at_the_declared_type():
    plan = edit(("  gemeentetype: III", "  gemeentetype: IV"))
    assert check(plan, RULE) == [(RULE, "error", 15, 17)]
    [msg] = messages(plan, RULE)
    assert "U noemt type IV" in msg and "Pas 'gemeentetype' aan naar III" in msg


def test_fires_when_gewenst_changes_but_the_type_does_not():
    plan = edit(("  gewenst:\n    beleid: smal", "  gewenst:\n    beleid: breed"))
    assert check(plan, RULE) == [(RULE, "error", 15, 17)]
    assert "aan naar IV" in messages(plan, RULE)[0]


def test_silent_on_base_and_without_declared_type():
    assert check(BASE, RULE) == []
    assert check(drop_lines(15), RULE) == []
