from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "wervingsdoel-vaag"


def test_fires_per_missing_part():
    plan = drop_lines(70)
    assert check(plan, RULE) == [(RULE, "warning", 68, 3)]
    assert "Vul 'werving.doel.aantal' in." in messages(plan, RULE)[0]
    plan = drop_lines(70, 72)
    assert check(plan, RULE) == [(RULE, "warning", 68, 3)] * 3
    assert sorted(m.split("'werving.doel.")[1].split("'")[0] for m in messages(plan, RULE)) == [
        "aantal", "periode_maanden", "tijdsinzet"]


def test_a_blank_time_is_missing():
    plan = edit(("    tijdsinzet: Twee avonden.", '    tijdsinzet: "  "'))
    assert_blank_is_shape_error(plan, RULE, '"  "')


def test_fires_at_werving_without_doel():
    plan = drop_lines(68, 72)
    assert check(plan, RULE) == [(RULE, "warning", 67, 1)]
    assert "'aantal', 'periode_maanden' en 'tijdsinzet'" in messages(plan, RULE)[0]


def test_fires_at_the_top_without_werving():
    plan = drop_lines(67, 88)
    assert check(plan, RULE) == [(RULE, "warning", 1, 1)]
    assert "wervingscirkel" in messages(plan, RULE)[0]


def test_silent_on_base():
    assert check(BASE, RULE) == []
