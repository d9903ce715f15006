import pytest

from .helpers import assert_blank_is_shape_error, BASE, check, edit, messages

RULE = "gespreksleider-ontbreekt"
CAFE = "instrument: vrijwilligerscafe"


@pytest.mark.parametrize("instrument", ["vrijwilligersdebat", "dilemmadebat", "kenniscafes", "Kenniscafé"])
def test_fires_for_every_debate_form_without_a_gespreksleider(instrument):
    plan = edit((CAFE, f"instrument: {instrument}"))
    assert check(plan, RULE) == [(RULE, "warning", 52, 21)]
    [msg] = messages(plan, RULE)
    assert "('cafe') is een debatvorm zonder gespreksleider" in msg
    assert "‘Een goede gespreksleider is een absolute voorwaarde" in msg and "(brochure p. 40)" in msg
    assert "Vul 'voorzitter' in." in msg


def test_a_blank_gespreksleider_is_a_shape_error():
    plan = edit((CAFE, "instrument: dilemmadebat"), ("        tafelgrootte: 8", '        voorzitter: "  "'))
    assert_blank_is_shape_error(plan, RULE, '"  "')


def test_silent_with_a_gespreksleider_and_for_other_forms():
    assert check(BASE, RULE) == []
    plan = edit((CAFE, "instrument: dilemmadebat"), ("        tafelgrootte: 8", "        voorzitter: Debatleider"))
    assert check(plan, RULE) == []
    assert check(edit((CAFE, "instrument: meedenksessies")), RULE) == []
