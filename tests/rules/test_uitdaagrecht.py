from .helpers import BASE, check, edit, messages, position_of

RULE = "uitdaagrecht"
VERORDENING = ("participatieverordening: {titel: Participatieverordening Teststad 2026, status: vastgesteld, "
               "datum: 2026-07-01}")
COPRODUCEREN = edit(("  trede: adviseren", "  trede: coproduceren"))


def test_fires_at_the_trede_when_the_field_takes_over_tasks():
    assert check(COPRODUCEREN, RULE) == [(RULE, "info", 17, 10)]
    [msg] = messages(COPRODUCEREN, RULE)
    assert msg.startswith("Bij coproduceren nemen inwoners en organisaties taken op zich.")
    assert "kunnen" in msg and "moet" not in msg and "(Gemw art. 150 lid 3)" in msg
    assert "'participatieverordening.uitdaagrecht'" in msg


def test_fires_at_an_activity_that_hands_tasks_to_the_field():
    plan = edit(("        doel: verrijking\n", "        doel: verrijking\n        trede: meebeslissen\n"))
    assert check(plan, RULE) == [(RULE, "info", *position_of(plan, "id: cafe"))]
    assert messages(plan, RULE)[0].startswith("Bij meebeslissen")


def test_silent_when_the_plan_says_whether_the_verordening_regulates_it():
    for value in ("true", "false"):
        plan = edit((VERORDENING, VERORDENING.replace("}", f", uitdaagrecht: {value}}}")), text=COPRODUCEREN)
        assert check(plan, RULE) == [], value


def test_silent_up_to_adviseren_and_before_2025():
    assert check(BASE, RULE) == []
    assert check(COPRODUCEREN.replace("2027-", "2024-").replace("2026-", "2023-"), RULE) == []
