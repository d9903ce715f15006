"""The figures: labels never overlap, stay on the canvas and are readable at print size."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from plancompiler.compiler import compile_file
from plancompiler.render import prepare
from plancompiler.render.figures import MIN_TEXT, _numbers, label_boxes, overlaps, timeline_png, timeline_svg

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))
PAGE_PX = 16 / 2.54 * 96  # a 16 cm wide text column at 96 px per inch


def check_boxes(boxes, size):
    width, height = size
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= width and a[1] >= 0 and a[3] <= height, f"buiten het beeld: {a}"
        for b in boxes[i + 1:]:
            assert not overlaps(a, b), f"'{a[4]}' overlapt '{b[4]}'"


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.name.split(".")[0])
@pytest.mark.parametrize("figure, key", [("ladder", "_ladder"), ("tijdlijn", "_tijdlijn")])
def test_example_figures_have_no_overlapping_labels(plan, figure, key):
    compiled = compile_file(str(plan))
    ctx = prepare(compiled.plan, compiled.result.diagnostics)
    boxes, size = label_boxes(figure, **ctx[key])
    assert boxes
    check_boxes(boxes, size)
    if figure == "tijdlijn":
        # every activity number appears in a label (alone or in a range)
        shown = set()
        for b in boxes:
            for part in b[4].split(", "):
                lo, _, hi = part.partition("-")
                if lo.isdigit() and (not hi or hi.isdigit()):
                    shown.update(range(int(lo), int(hi or lo) + 1))
        for row in ctx[key]["rows"]:
            for act in row["activiteiten"]:
                if act.get("datum"):
                    assert act["nr"] in shown


def crowded(n_acts: int, n_milestones: int):
    start = date(2027, 1, 1)
    acts = [{"nr": i + 1, "datum": start + timedelta(days=i % 7), "einddatum": None} for i in range(n_acts)]
    rows = [{"label": "Een fase met een lange naam", "van": start, "tot": start + timedelta(days=60),
             "activiteiten": acts},
            {"label": "Tweede", "van": start, "tot": start + timedelta(days=400),
             "activiteiten": [{"nr": 99, "datum": start + timedelta(days=399), "einddatum": None}]}]
    milestones = [{"label": f"Mijlpaal met een naam {i}", "datum": start + timedelta(days=3 * i)}
                  for i in range(n_milestones)]
    return {"rows": rows, "milestones": milestones, "start": start, "end": start + timedelta(days=400),
            "title": "test"}


@pytest.mark.parametrize("n_acts, n_milestones", [(1, 0), (12, 0), (30, 3), (5, 6)])
def test_crowded_timeline_has_no_overlapping_labels(n_acts, n_milestones):
    kwargs = crowded(n_acts, n_milestones)
    boxes, size = label_boxes("tijdlijn", **kwargs)
    check_boxes(boxes, size)
    svg = timeline_svg(**kwargs)
    assert f'height="{size[1]}"' in svg  # the drawing grows with the milestone lanes it needs
    assert timeline_png(**kwargs)[:8] == b"\x89PNG\r\n\x1a\n"


def test_text_is_readable_at_print_size():
    """No text smaller than 8 pt once the figure is scaled to a 16 cm text column."""
    compiled = compile_file(str(EXAMPLES[0]))
    ctx = prepare(compiled.plan, compiled.result.diagnostics)
    for figure, key in (("ladder", "_ladder"), ("tijdlijn", "_tijdlijn")):
        boxes, (width, _) = label_boxes(figure, **ctx[key])
        scale = min(1.0, PAGE_PX / width)
        smallest = min((b[3] - b[1]) / 1.05 for b in boxes)  # a box is 1.05 times the font size high
        assert smallest * 0.75 * scale >= 8 - 0.01, (figure, smallest)
    assert MIN_TEXT * 0.75 * min(1.0, PAGE_PX / 680) >= 8 - 0.01


def test_numbers_of_close_activities_are_ranges():
    assert _numbers([3, 1, 2, 5]) == "1-3, 5"
    assert _numbers([7, 8]) == "7, 8"
    assert _numbers([4]) == "4"
