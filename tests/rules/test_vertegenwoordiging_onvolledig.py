from plancompiler.catalog import get_catalog

from .helpers import assert_blank_is_shape_error, BASE, append, check, messages

RULE = "vertegenwoordiging-onvolledig"
FULL = """\
vertegenwoordiging:
  vorm: klankbordgroep
  toetreding: Organisaties melden zich aan; bij meer dan acht kiezen de deelnemers.
  representativiteit: Eén lid per kern en één informele groep.
  faciliteiten: [Vergaderruimte]
  kader: huishoudelijk reglement
  zittingstermijn_maanden: 12
"""


def test_fires_per_missing_element():
    plan = append(FULL.replace("  kader: huishoudelijk reglement\n", ""))
    assert check(plan, RULE) == [(RULE, "warning", 120, 1)]
    assert "Vul 'vertegenwoordiging.kader' in." in messages(plan, RULE)[0]
    plan = append(FULL.replace("  faciliteiten: [Vergaderruimte]\n", "  faciliteiten: []\n")
                  .replace("  zittingstermijn_maanden: 12\n", ""))
    assert check(plan, RULE) == [(RULE, "warning", 120, 1)] * 2
    assert sorted(m.split("'vertegenwoordiging.")[1].split("'")[0] for m in messages(plan, RULE)) == [
        "faciliteiten", "zittingstermijn_maanden"]


def test_a_bare_representation_misses_all_five():
    plan = append("vertegenwoordiging:\n  vorm: panel\n")
    assert check(plan, RULE) == [(RULE, "warning", 120, 1)] * 5
    keys = {m.split("'vertegenwoordiging.")[1].split("'")[0] for m in messages(plan, RULE)}
    assert keys == {e["id"] for e in get_catalog().vertegenwoordiging}


def test_a_blank_text_is_missing():
    plan = append(FULL.replace("Eén lid per kern en één informele groep.", '"  "'))
    assert_blank_is_shape_error(plan, RULE, '"  "')


def test_silent_on_base_and_complete():
    assert check(BASE, RULE) == []  # no representation: nothing to arrange
    assert check(append(FULL), RULE) == []


def test_an_open_network_is_not_asked_for_a_zittingstermijn():
    """p. 35: in a network "bepalen de mensen zelf wanneer zij in- en uitstappen en voor welke duur"."""
    net = FULL.replace("  zittingstermijn_maanden: 12\n", "  samenstelling: open-netwerk\n")
    assert check(append(net), RULE) == []
    # a fixed group, or a representation that does not say, still needs one
    for samenstelling in ("  samenstelling: vaste-groep\n", ""):
        plan = append(FULL.replace("  zittingstermijn_maanden: 12\n", samenstelling))
        assert check(plan, RULE) == [(RULE, "warning", 120, 1)]
        assert "Vul 'vertegenwoordiging.zittingstermijn_maanden' in." in messages(plan, RULE)[0]
    # the other elements are asked of a network too (p. 34 makes no exception)
    plan = append(net.replace("  kader: huishoudelijk reglement\n", ""))
    assert check(plan, RULE) == [(RULE, "warning", 120, 1)]
