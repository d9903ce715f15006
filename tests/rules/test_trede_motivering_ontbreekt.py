from .helpers import BASE, check, edit, messages

RULE = "trede-motivering-ontbreekt"
QS = "quickscan: [ja, ja, nee, ja, ja, nee, nee, ja, nee, nee]"


def test_fires_when_leaving_comfort_zone_and_band_without_motivering():
    plan = edit(("  trede: adviseren", "  trede: coproduceren"))
    assert check(plan, RULE) == [(RULE, "warning", 17, 10)]
    [msg] = messages(plan, RULE)
    assert "de comfortzone van type III is adviseren en uw quickscan (score 13) wijst op adviseren" in msg
    assert "'ambitie.motivering'" in msg


def test_fires_when_only_the_band_differs():
    plan = edit((QS, "quickscan: [ja, ja, nee, nee, nee, nee, nee, ja, nee, nee]"))  # score 11: raadplegen
    assert check(plan, RULE) == [(RULE, "warning", 17, 10)]
    [msg] = messages(plan, RULE)
    assert "comfortzone" not in msg and "wijst op raadplegen" in msg


def test_silent_on_base_and_with_a_motivering():
    assert check(BASE, RULE) == []
    plan = edit(("  trede: adviseren", "  trede: coproduceren\n  motivering: Het veld wil en kan meer."))
    assert check(plan, RULE) == []
