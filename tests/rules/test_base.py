"""The base plan of the rule tests is itself a clean plan, so every finding in a test comes from its edit."""
from plancompiler.rules import RULES

from .helpers import BASE, compile_text, diagnostics, drop_lines, edit


def test_base_plan_is_clean():
    compiled = compile_text(BASE)
    assert compiled.plan is not None  # the rules ran
    assert diagnostics(BASE) == []
    assert compiled.ok


def test_base_plan_exercises_the_rules():
    # Every semantic rule ran without crashing (an internal error would be a diagnostic).
    assert all(d.rule != "interne-fout" for d in diagnostics(BASE))
    assert "uitzondering-zonder-reden" in RULES


def test_edit_helpers_refuse_silent_misses():
    import pytest

    with pytest.raises(AssertionError):
        edit(("bestaat-niet", "x"))
    with pytest.raises(AssertionError):
        edit(("doel: draagvlak", "x"))  # twice in the plan
    assert drop_lines(1).splitlines()[0] == "gemeente:"
