from .helpers import BASE, check, edit, messages

RULE = "niet-interactief"


def test_fires_below_adviseren():
    for trede in ("raadplegen", "informeren"):
        plan = edit(("  trede: adviseren", f"  trede: {trede}"))
        assert check(plan, RULE) == [(RULE, "warning", 17, 10)]
    [msg] = messages(plan, RULE)
    assert "kies minstens adviseren" in msg and "Wmo art. 11 lid 2" in msg and "'uitzonderingen'" in msg


def test_silent_from_adviseren_up():
    assert check(BASE, RULE) == []
    assert check(edit(("  trede: adviseren", "  trede: coproduceren")), RULE) == []
