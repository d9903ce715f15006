from .helpers import BASE, check, drop_lines, edit, messages

RULE = "wmo-advies-gevraagd-ongevraagd"
RAAD = "adviesraad: {naam: Adviesraad Sociaal Domein Teststad, ongevraagd_advies: true}"


def test_fires_at_wmo_advies_without_an_adviesraad():
    plan = drop_lines(121)
    assert check(plan, RULE) == [(RULE, "info", 98, 3)]
    [msg] = messages(plan, RULE)
    assert "advies van Wmo-raad" in msg and "Wmo 2015 art. 2.1.3 lid 3 sub b" in msg and "'adviesraad'" in msg


def test_fires_at_the_adviesraad_when_unsolicited_advice_is_not_stated():
    for raad in ("adviesraad: {naam: Adviesraad Sociaal Domein Teststad}",
                 RAAD.replace("true", "false")):
        plan = edit((RAAD, raad))
        assert check(plan, RULE) == [(RULE, "info", 121, 1)]
        assert "ook ongevraagd advies" in messages(plan, RULE)[0]


def test_silent_on_base_and_without_an_advice_moment():
    assert check(BASE, RULE) == []
    no_decision = edit(("  - fase: beleidsplan", "  - fase: beleidsvoorbereiding"), text=drop_lines(121))
    assert check(no_decision, RULE) == []


def test_silent_when_the_requested_advice_itself_is_missing():
    """wmo-art12-advies-ontbreekt reports that; one finding for one gap."""
    assert check(drop_lines(98, 100, text=drop_lines(121)), RULE) == []


def test_silent_under_the_wmo_2007():
    old = drop_lines(121).replace("2027-", "2008-").replace("2026-", "2007-")
    assert check(old, RULE) == []
