from .helpers import BASE, check, edit, messages

RULE = "niet-interactief"


def test_a_note_below_adviseren():
    for trede in ("raadplegen", "informeren"):
        plan = edit(("  trede: adviseren", f"  trede: {trede}"))
        assert check(plan, RULE) == [(RULE, "info", 17, 10)]
    [msg] = messages(plan, RULE)
    # The brochure's point (p. 11) and its 'u beslist zelf' (p. 16); no law, no push to a higher rung.
    assert "'pas ... vanaf trede drie', adviseren (p. 11)" in msg and "U beslist zelf" in msg and "(p. 16)" in msg
    assert "Wmo" not in msg and "kies minstens" not in msg and "uitzonderingen" not in msg


def test_silent_from_adviseren_up():
    assert check(BASE, RULE) == []
    assert check(edit(("  trede: adviseren", "  trede: coproduceren")), RULE) == []
