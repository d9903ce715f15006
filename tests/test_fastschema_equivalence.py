"""fastschema reports exactly what jsonschema reports: the same (keyword, pointer) pairs.

``shape_errors(data, validator="jsonschema")`` is the reference. Checked on every example, on every
corpus file that loads to a mapping, and on the fuzzer's mutations of the examples.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given

from plancompiler.load import read_file
from plancompiler.shape import shape_errors

from test_fuzz import FUZZ, json_values, mutated_data

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus" / "bad").iterdir() if p.name != "expected.yaml")


def pairs(data, validator):
    return sorted({(e.keyword, e.pointer) for e in shape_errors(data, validator=validator)})


def assert_same(data):
    assert pairs(data, "fast") == pairs(data, "jsonschema")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples(path):
    data = read_file(str(path)).data
    assert pairs(data, "fast") == pairs(data, "jsonschema") == []


def test_corpus_files_that_load():
    loaded_any = 0
    for path in CORPUS:
        loaded = read_file(str(path))
        if isinstance(loaded.data, dict):
            loaded_any += 1
            assert pairs(loaded.data, "fast") == pairs(loaded.data, "jsonschema"), path.name
    assert loaded_any >= 40


@FUZZ
@given(mutated_data())
def test_mutations(data):
    assert_same(data)


@FUZZ
@given(json_values)
def test_arbitrary_json(data):
    assert_same(data)
    assert_same({"plancompiler": 1, "fasen": [{"fase": "evaluatie", "activiteiten": [data]}]})


@pytest.mark.parametrize("value", [
    1.0, True, 0, -0.0, 10**30, 1e300, "2027-02-30", "2027-2-3", "２０２７-０１-０１", "2027-01-01\n",
    "", " ", "\n", "a@b", "@", [1, True], [1, 1.0], [{"a": 1}, {"a": True}], [[1], [1.0]], {"x": None},
])
def test_edge_values_everywhere(value):
    """Booleans versus numbers, integer-valued floats, unicode digits, trailing newlines."""
    base = read_file(str(EXAMPLES[0])).data
    for path in (("datum",), ("periode", "start"), ("werving", "doel", "aantal"), ("begroting", 0, "bedrag_eur"),
                 ("interactie", "doelen"), ("gemeente", "contact", "email"), ("plancompiler",),
                 ("ambitie", "risicos"), ("terugkoppeling", "reactienota"), ("visie", "gemeentetype")):
        data = copy.deepcopy(base)
        node = data
        for p in path[:-1]:
            node = node[p]
        if isinstance(node, dict) or (isinstance(node, list) and path[-1] < len(node)):
            node[path[-1]] = value
        assert_same(data)
