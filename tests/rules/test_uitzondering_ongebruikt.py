"""uitzondering-ongebruikt: checked by the engine (compiler.run_rules) after all rules ran."""
from .helpers import BASE, append, check, compile_text, edit, messages

RULE = "uitzondering-ongebruikt"


def test_an_unused_waiver_is_info_at_the_waiver():
    plan = append("uitzonderingen:\n  - regel: niet-interactief\n    reden: Raadplegen is bewust.\n")
    assert check(plan, RULE) == [(RULE, "info", 121, 5)]
    [msg] = messages(plan, RULE)
    assert "'niet-interactief'" in msg and "Haal de uitzondering weg." in msg
    assert compile_text(plan).ok


def test_a_waiver_whose_pad_matches_nothing_is_unused():
    plan = append("uitzonderingen:\n  - regel: niet-interactief\n    pad: /fasen/0\n    reden: Bewust.\n",
                  edit(("  trede: adviseren", "  trede: raadplegen")))
    assert check(plan, RULE) == [(RULE, "info", 121, 5)]  # niet-interactief points at /ambitie/trede


def test_one_finding_per_unused_waiver():
    plan = append("uitzonderingen:\n  - regel: niet-interactief\n    reden: Bewust.\n"
                  "  - regel: weinig-rendement\n    reden: Bewust.\n")
    assert check(plan, RULE) == [(RULE, "info", 121, 5), (RULE, "info", 123, 5)]


def test_silent_on_base_and_for_a_used_waiver():
    assert check(BASE, RULE) == []
    plan = append("uitzonderingen:\n  - regel: niet-interactief\n    reden: Raadplegen is bewust.\n",
                  edit(("  trede: adviseren", "  trede: raadplegen")))
    assert check(plan, RULE) == []
