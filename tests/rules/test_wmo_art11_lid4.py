from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "wmo-art11-lid4"
OLD = BASE.replace("2027-", "2008-").replace("2026-", "2007-")  # ends before 2015: Wmo 2007


def test_fires_at_werving_without_moeilijk_bereikbaar_under_the_wmo_2007():
    plan = drop_lines(76, text=OLD)
    assert check(plan, RULE) == [(RULE, "warning", 67, 1)]
    [msg] = messages(plan, RULE)
    assert "'werving.moeilijk_bereikbaar'" in msg and "(Wmo art. 11 lid 4)" in msg


def test_is_good_practice_after_2015():
    plan = drop_lines(76)
    assert check(plan, RULE) == [(RULE, "info", 67, 1)]
    [msg] = messages(plan, RULE)
    assert "goede praktijk naar Wmo art. 11 lid 4" in msg and "geen wettelijke plicht meer" in msg


def test_a_blank_answer_is_missing():
    plan = edit(("  moeilijk_bereikbaar: De ouderenadviseur vraagt naar de wensen van wie zelf niet komt.",
                 '  moeilijk_bereikbaar: " "'))
    assert_blank_is_shape_error(plan, RULE, '" "')


def test_fires_at_the_top_without_werving():
    assert check(drop_lines(67, 88, text=OLD), RULE) == [(RULE, "warning", 1, 1)]
    assert check(drop_lines(67, 88), RULE) == [(RULE, "info", 1, 1)]


def test_silent_on_base():
    assert check(BASE, RULE) == []
    assert check(OLD, RULE) == []
