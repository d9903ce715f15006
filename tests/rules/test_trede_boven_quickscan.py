from .helpers import BASE, check, edit, messages

RULE = "trede-boven-quickscan"


def test_fires_when_the_rung_exceeds_the_quickscan_band():
    plan = edit(("  trede: adviseren", "  trede: coproduceren"))
    assert check(plan, RULE) == [(RULE, "warning", 18, 14)]
    [msg] = messages(plan, RULE)
    assert "scoort 13 punten: dat past bij adviseren, maar u kiest coproduceren" in msg
    assert "of kies adviseren" in msg


def test_silent_on_base_below_the_band_and_without_quickscan():
    assert check(BASE, RULE) == []
    assert check(edit(("  trede: adviseren", "  trede: raadplegen")), RULE) == []
    # Score 17 (coproduceren) carries coproduceren.
    plan = edit(("  trede: adviseren", "  trede: coproduceren"),
                ("quickscan: [ja, ja, nee, ja, ja, nee, nee, ja, nee, nee]",
                 "quickscan: [nee, ja, ja, ja, ja, ja, ja, ja, nee, nee]"))
    assert check(plan, RULE) == []
    plan = edit(("  trede: adviseren", "  trede: meebeslissen"),
                ("  quickscan: [ja, ja, nee, ja, ja, nee, nee, ja, nee, nee]\n", ""))
    assert check(plan, RULE) == []
