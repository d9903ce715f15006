from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "boodschap-onvolledig"


def test_fires_per_missing_element_at_the_boodschap():
    plan = drop_lines(80)  # uren
    assert check(plan, RULE) == [(RULE, "warning", 77, 3)]
    [msg] = messages(plan, RULE)
    assert "'werving.boodschap.uren'" in msg
    plan = drop_lines(80, 81)  # uren, invloed
    assert check(plan, RULE) == [(RULE, "warning", 77, 3)] * 2
    assert sorted(m.split("'")[1] for m in messages(plan, RULE)) == [
        "werving.boodschap.invloed", "werving.boodschap.uren"]


def test_whitespace_counts_as_missing():
    plan = edit(("    met_inbreng: Binnen drie weken een verslag.", '    met_inbreng: " "'))
    assert_blank_is_shape_error(plan, RULE, '" "')


def test_fires_six_times_at_werving_without_boodschap():
    plan = drop_lines(77, 83)
    assert check(plan, RULE) == [(RULE, "warning", 67, 1)] * 6
    keys = {m.split("'werving.boodschap.")[1].split("'")[0] for m in messages(plan, RULE)}
    assert keys == {"vragen", "bieden", "uren", "invloed", "met_inbreng", "voorwaarden"}


def test_silent_on_base_and_without_werving():
    assert check(BASE, RULE) == []
    assert check(drop_lines(67, 88), RULE) == []  # wervingsdoel-vaag reports the missing werving
