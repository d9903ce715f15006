from .helpers import BASE, check, edit, messages

RULE = "kernvoorwaarde-niet-voldaan"
OPENHEID = "openheid: {oordeel: voldaan"


def test_niet_is_a_warning_not_an_error():
    """p. 16: 'wees dan bescheiden' and 'Uiteindelijk beslist u natuurlijk zelf': advice, no error."""
    plan = edit((OPENHEID, "openheid: {oordeel: niet"))
    assert check(plan, RULE) == [(RULE, "warning", 26, 23)]
    [msg] = messages(plan, RULE)
    assert "‘Openheid’ is niet vervuld" in msg
    assert "Bij adviseren vraagt de brochure: ‘" in msg
    assert "‘wees dan bescheiden met de mate van interactie’; u beslist zelf (p. 16)" in msg
    assert "lagere trede" not in msg


def test_deels_is_a_warning():
    plan = edit((OPENHEID, "openheid: {oordeel: deels"))
    assert check(plan, RULE) == [(RULE, "warning", 26, 23)]
    assert "is maar deels vervuld" in messages(plan, RULE)[0]


def test_one_finding_per_condition():
    plan = edit((OPENHEID, "openheid: {oordeel: deels"), ("    oordeel: voldaan", "    oordeel: niet"))
    assert check(plan, RULE) == [(RULE, "warning", 26, 23), (RULE, "warning", 31, 14)]


def test_the_criterion_is_that_of_the_chosen_rung():
    from plancompiler.catalog import get_catalog

    crit = get_catalog().voorwaarde("openheid")["criteria"]
    plan = edit((OPENHEID, "openheid: {oordeel: niet"), ("  trede: adviseren", "  trede: coproduceren"))
    assert crit["coproduceren"].rstrip(".") in messages(plan, RULE)[0]


def test_silent_on_base():
    assert check(BASE, RULE) == []
