from .helpers import assert_blank_is_shape_error, BASE, check, drop_lines, edit, messages

RULE = "comfortzone-risico"


def test_fires_for_the_one_unmitigated_risk():
    plan = drop_lines(22)  # geen-prikkel-iii
    assert check(plan, RULE) == [(RULE, "warning", 19, 3)]
    [msg] = messages(plan, RULE)
    assert "comfortzone van type III" in msg and "'geen-prikkel-iii: <uw maatregel>'" in msg


def test_fires_once_per_risk_without_risicos_at_the_trede():
    plan = drop_lines(19, 24)
    assert check(plan, RULE) == [(RULE, "warning", 17, 3)] * 5
    ids = sorted(m.split("'ambitie.risicos' als '")[1].split(":")[0] for m in messages(plan, RULE))
    assert ids == sorted(["weinig-inhoud-richting-iii", "weinig-resultaatgericht-iii", "geen-prikkel-iii",
                          "weinig-oog-voor-verscheidenheid", "selecte-groep"])


def test_an_empty_measure_is_no_measure():
    plan = edit(("    selecte-groep: Het steunpunt nodigt organisaties uit die de gemeente nog niet kent.",
                 '    selecte-groep: "  "'))
    assert_blank_is_shape_error(plan, RULE, '"  "')


def test_fires_for_the_risks_of_the_desired_type():
    # Type IV (breed, regisseur) has the same comfort zone but other risks: all five unmitigated.
    plan = edit(("  gewenst:\n    beleid: smal", "  gewenst:\n    beleid: breed"),
                ("  gemeentetype: III", "  gemeentetype: IV"))
    assert check(plan, RULE) == [(RULE, "warning", 19, 3)] * 5
    assert all("type IV" in m for m in messages(plan, RULE))


def test_silent_on_base_and_outside_the_comfort_zone():
    assert check(BASE, RULE) == []
    plan = edit(("  trede: adviseren", "  trede: raadplegen"))
    assert check(drop_lines(19, 24, text=plan), RULE) == []
