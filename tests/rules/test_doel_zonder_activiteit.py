from .helpers import BASE, check, edit, messages

RULE = "doel-zonder-activiteit"


def test_fires_at_the_aim_no_activity_serves():
    plan = edit(("doelen: [draagvlak, verrijking]", "doelen: [draagvlak, verrijking, samenwerking]"))
    assert check(plan, RULE) == [(RULE, "warning", 36, 35)]
    [msg] = messages(plan, RULE)
    assert "'doel: samenwerking'" in msg and "bijvoorbeeld Rondetafelgesprekken" in msg


def test_fires_when_the_only_activity_serving_an_aim_changes_aim():
    plan = edit(("        doel: verrijking", "        doel: draagvlak"))
    assert check(plan, RULE) == [(RULE, "warning", 36, 23)]
    assert "'doel: verrijking'" in messages(plan, RULE)[0]


def test_silent_on_base_and_with_fewer_aims():
    assert check(BASE, RULE) == []
    assert check(edit(("doelen: [draagvlak, verrijking]", "doelen: [verrijking]")), RULE) == []
