from .helpers import BASE, check, drop_lines, edit, messages

RULE = "problematiek-past-niet"


def test_fires_when_the_problem_is_too_crystallised_for_the_rung():
    plan = edit(("uitgekristalliseerd: onvoldoende", "uitgekristalliseerd: grotendeels"))
    assert check(plan, RULE) == [(RULE, "warning", 32, 26)]
    [msg] = messages(plan, RULE)
    assert "past bij raadplegen, niet bij adviseren" in msg
    assert "Bij adviseren past: ‘nog niet voldoende uitgekristalliseerd’" in msg


def test_fires_when_the_problem_is_too_open_for_the_rung():
    plan = edit(("uitgekristalliseerd: onvoldoende", "uitgekristalliseerd: verre-van"))
    assert check(plan, RULE) == [(RULE, "warning", 32, 26)]
    assert "past bij coproduceren of meebeslissen" in messages(plan, RULE)[0]


def test_silent_on_base_matching_rungs_and_without_assessment():
    assert check(BASE, RULE) == []
    plan = edit(("uitgekristalliseerd: onvoldoende", "uitgekristalliseerd: verre-van"),
                ("  trede: adviseren", "  trede: meebeslissen"))
    assert check(plan, RULE) == []
    assert check(drop_lines(32), RULE) == []
