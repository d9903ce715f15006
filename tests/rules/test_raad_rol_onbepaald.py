from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "raad-rol-onbepaald"


def test_fires_per_unanswered_question():
    plan = drop_lines(96)  # orientatie
    assert check(plan, RULE) == [(RULE, "warning", 93, 3)]
    [msg] = messages(plan, RULE)
    assert "Vul 'draagvlak.raad.orientatie' in." in msg
    assert check(drop_lines(94), RULE) == [(RULE, "warning", 93, 3)]  # kaders
    assert "'draagvlak.raad.kaders'" in messages(drop_lines(94), RULE)[0]
    plan = drop_lines(96, 97)
    assert check(plan, RULE) == [(RULE, "warning", 93, 3)] * 2
    assert sorted(m.split("'draagvlak.raad.")[1].split("'")[0] for m in messages(plan, RULE)) == [
        "orientatie", "voortgang"]


def test_a_blank_answer_is_unanswered():
    plan = edit(("    voortgang: Eén voortgangsbrief.", '    voortgang: "  "'))
    assert_blank_is_shape_error(plan, RULE, '"  "')


def test_silent_on_base_and_without_raad():
    assert check(BASE, RULE) == []
    assert check(drop_lines(93, 97), RULE) == []  # draagvlak-bestuur-ontbreekt reports it
