"""Markdown a person reads in a git diff: a one-line plan edit changes at most 8 lines of each document.

Each case changes exactly one line of an example plan (an activity's date, one word of visie.waarom,
an activity's locatie), builds Markdown before and after through the CLI, and counts the changed
lines per document with difflib. A date or place that is the same fact in a few places may change
in each of them; a cascade (renumbering, reflowed paragraphs, shifted table columns) may not.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader", "controlerapport")
MAX_CHANGED = 8


def build_md(plan: Path, out: Path) -> dict[str, list[str]]:
    result = CliRunner().invoke(cli, ["build", str(plan), "-o", str(out), "--format", "md", "--force"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {d: (out / f"{d}.md").read_text(encoding="utf-8").splitlines() for d in DOCUMENTS}


def changed_lines(before: list[str], after: list[str]) -> int:
    """Lines removed or added, counting a replaced line once (the larger side of each hunk)."""
    n = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag != "equal":
            n += max(i2 - i1, j2 - j1)
    return n


def edit_first(pattern: str, replace):
    """An edit of the first line matching ``pattern`` (a regex with one group, the value)."""
    def edit(text: str) -> str:
        m = re.search(pattern, text, flags=re.M)
        assert m, pattern
        return text[:m.start(1)] + replace(m.group(1)) + text[m.end(1):]
    return edit


def later_date(value: str) -> str:
    y, m, d = value.split("-")
    return f"{y}-{m}-{int(d) + 1:02d}" if int(d) < 28 else f"{y}-{m}-{int(d) - 1:02d}"


EDITS = {
    # the first dated activity with one day (not a period: its einddatum stays after it)
    "activiteit-datum": edit_first(r"^ {6,}datum: (\d{4}-\d\d-\d\d)\n(?! +einddatum)", later_date),
    "visie-woord": edit_first(r"^  waarom: [>|]-?\n +(\S+)", lambda w: "Juist" if w != "Juist" else "Net"),
    "activiteit-locatie": edit_first(r"^ {6,}locatie: (.+)$", lambda v: "Buurthuis De Brug"),
}
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cache = {}

    def get(example: Path, edit: str | None):
        key = (example.name, edit)
        if key not in cache:
            text = example.read_text(encoding="utf-8")
            if edit:
                new = EDITS[edit](text)
                diff = [ln for ln in difflib.ndiff(text.splitlines(), new.splitlines()) if ln[:1] in "+-"]
                assert len(diff) == 2, diff  # exactly one line of the plan changed
                text = new
            work = tmp_path_factory.mktemp(example.name.split(".")[0])
            plan = work / example.name
            plan.write_text(text, encoding="utf-8")
            cache[key] = build_md(plan, work / "uit")
        return cache[key]
    return get


@pytest.mark.parametrize("edit", sorted(EDITS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_a_one_line_plan_edit_changes_at_most_8_lines_per_document(built, example, edit):
    before, after = built(example, None), built(example, edit)
    counts = {d: changed_lines(before[d], after[d]) for d in DOCUMENTS}
    assert any(counts.values()), counts  # the edit reaches the documents: the test can fail
    too_many = {d: n for d, n in counts.items() if n > MAX_CHANGED}
    assert not too_many, {d: "\n".join(difflib.unified_diff(before[d], after[d], lineterm="", n=0))
                          for d in too_many}
