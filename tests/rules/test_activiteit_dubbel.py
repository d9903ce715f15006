from .helpers import BASE, check, edit, messages

RULE = "activiteit-dubbel"


def test_fires_at_the_second_id():
    plan = edit(("      - id: inspraak", "      - id: cafe"))
    assert check(plan, RULE) == [(RULE, "error", 62, 13)]
    [msg] = messages(plan, RULE)
    assert "'cafe'" in msg and "Geef elke activiteit een eigen id" in msg


def test_fires_once_per_repeat():
    plan = edit(("      - id: cafe", "      - id: enquete"), ("      - id: inspraak", "      - id: enquete"),
                ("bouwt_voort_op: [cafe]", "bouwt_voort_op: [enquete]"),
                ("aanwezig_bij: [cafe]", "aanwezig_bij: [enquete]"))
    assert check(plan, RULE) == [(RULE, "error", 51, 13), (RULE, "error", 62, 13)]


def test_silent_on_base_and_similar_ids():
    assert check(BASE, RULE) == []
    plan = edit(("      - id: inspraak", "      - id: cafe-2"), ("aanwezig_bij: [cafe]", "aanwezig_bij: [cafe-2]"))
    assert check(plan, RULE) == []
