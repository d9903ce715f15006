from .helpers import BASE, append, check, messages

RULE = "tekst-sectie-onbekend"
OWN = "teksten:\n  - document: {doc}\n    sectie: {sectie}\n    tekst: Eigen tekst.\n"


def test_silent_on_base_and_on_a_known_section():
    assert check(BASE, RULE) == []
    assert check(append(OWN.format(doc="plan-van-aanpak", sectie="besluitvorming")), RULE) == []


def test_an_unknown_section_is_an_error_at_the_id_with_a_suggestion():
    plan = append(OWN.format(doc="plan-van-aanpak", sectie="aanleidng"))
    assert check(plan, RULE) == [(RULE, "error", 122, 13)]
    [msg] = messages(plan, RULE)
    assert "geen onderdeel 'aanleidng'" in msg and "Bedoelt u 'aanleiding'?" in msg and "besluitvorming" in msg


def test_each_handout_knows_its_sections():
    for doc, sectie in (("spelregels", "invloed"), ("draaiboek", "overzicht"), ("evaluatiekader", "vervolg")):
        assert check(append(OWN.format(doc=doc, sectie=sectie)), RULE) == [], doc


def test_an_activity_section_of_the_draaiboek_is_not_a_section_id():
    plan = append(OWN.format(doc="draaiboek", sectie="programma"))
    assert check(plan, RULE) == [(RULE, "error", 122, 13)]
    [msg] = messages(plan, RULE)
    assert "'draaiboek' heeft geen onderdeel 'programma'" in msg and "inleiding, overzicht." in msg
