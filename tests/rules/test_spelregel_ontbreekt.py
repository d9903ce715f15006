from plancompiler.catalog import get_catalog

from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "spelregel-ontbreekt"


def test_fires_per_missing_topic():
    plan = drop_lines(109)  # openbaarheid
    assert check(plan, RULE) == [(RULE, "warning", 101, 1)]
    [msg] = messages(plan, RULE)
    assert "hoe openbaar zijn de bijeenkomsten" in msg and "Vul 'spelregels.openbaarheid' in." in msg
    plan = drop_lines(109, 110)
    assert check(plan, RULE) == [(RULE, "warning", 101, 1)] * 2


def test_a_blank_topic_is_missing():
    plan = edit(("  conflicten: Bij verschil van mening beslist het college.", '  conflicten: " "'))
    assert_blank_is_shape_error(plan, RULE, '" "')


def test_fires_for_all_ten_topics_without_spelregels():
    plan = drop_lines(101, 111)
    assert check(plan, RULE) == [(RULE, "warning", 1, 1)] * 10
    keys = {m.split("'spelregels.")[1].split("'")[0] for m in messages(plan, RULE)}
    assert keys == {t["id"] for t in get_catalog().spelregels}


def test_silent_on_base():
    assert check(BASE, RULE) == []
