"""fastschema reports exactly what jsonschema reports: the same (keyword, pointer) pairs.

``shape_errors(data, validator="jsonschema")`` is the reference. Checked on every example, on every
corpus file that loads to a mapping, and on the fuzzer's mutations of the examples.
"""
from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest
from hypothesis import given

from plancompiler.fastschema import FastValidator, UnsupportedSchema
from plancompiler.load import read_file
from plancompiler.shape import plan_schema, shape_errors

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
    """Booleans versus numbers, integer-valued floats, unicode digits, trailing newlines.

    Both validators match patterns with ECMA-262 semantics, so "2027-01-01\\n" is refused by
    both (test_trailing_newline_is_refused_by_both)."""
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


@pytest.mark.parametrize("path, value", [
    (("datum",), "2027-01-01\n"), (("periode", "start"), "2027-01-01\n"),
    (("gemeente", "code"), "GM0453\n"), (("fasen", 1, "activiteiten", 0, "aanvang"), "15:00\n"),
    (("gemeente", "code"), "\nGM0453"), (("fasen", 1, "activiteiten", 0, "aanvang"), "１５:００"),
])
def test_trailing_newline_is_refused_by_both(path, value):
    """ECMA `$` is the end of the text (Python's also accepts a final newline); `[0-9]` is ASCII."""
    data = read_file(str(ROOT / "examples" / "velsen.plan.yaml")).data
    node = data
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value
    pointer = "/" + "/".join(map(str, path))
    for validator in ("fast", "jsonschema"):
        assert (("pattern", pointer) in pairs(data, validator)), (validator, path)


# -- the guard: fastschema refuses what it would not check, anywhere in the schema ----------------

BASE = {"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"type": "string"}}}


@pytest.mark.parametrize("schema, what", [
    ({**BASE, "definitions": {"x": {"not": {"type": "string"}}}}, "not"),
    ({**BASE, "definitions": {"x": {"multipleOf": 2}}}, "multipleOf"),
    ({**BASE, "$defs": {"a": {"type": "string", "oneOf": [{"type": "string"}]}}}, "oneOf"),
    ({**BASE, "properties": {"a": {"items": {"contains": {"type": "string"}}}}}, "contains"),
    ({**BASE, "properties": {"a": {"additionalProperties": {"if": {}}}}}, "if"),
    ({**BASE, "properties": {"a": {"$ref": "#"}}}, "'#'"),
    ({**BASE, "properties": {"a": {"$ref": "https://example.org/s.json"}}}, "https://example.org"),
    ({**BASE, "properties": {"a": {"$ref": "#/properties/b"}}}, "#/properties/b"),
    ({**BASE, "properties": {"a": {"$ref": "#/$defs/ontbreekt"}}}, "ontbreekt"),
    ({**BASE, "properties": {"a": {"type": "string", "format": "uri"}}}, "uri"),
    ({**BASE, "$defs": {"a": {"type": "string", "format": "date-time"}}}, "date-time"),
    ({**BASE, "properties": {"a": {"type": "tekst"}}}, "tekst"),
    ({**BASE, "properties": {"a": {"type": "string", "pattern": "(?<naam"}}}, "patroon"),
    ({**BASE, "unevaluatedProperties": False}, "unevaluatedProperties"),
])
def test_guard_refuses_what_it_does_not_implement(schema, what):
    with pytest.raises(UnsupportedSchema, match=__import__("re").escape(what)):
        FastValidator(schema)


def test_guard_accepts_the_supported_forms():
    schema = {**BASE, "definitions": {"b": {"type": "integer", "minimum": 1}},
              "properties": {"a": {"$ref": "#/$defs/a", "markdownDescription": "x", "errorMessage": "y",
                                   "patternErrorMessage": "z", "defaultSnippets": [{"body": "a"}]},
                             "b": {"$ref": "#/definitions/b"}, "c": {"type": "string", "format": "date"}}}
    v = FastValidator(schema)
    assert [(e.keyword, e.pointer) for e in v.errors({"a": 1, "b": 0, "c": "x"})] == [
        ("type", "/a"), ("minimum", "/b"), ("format", "/c")]


def test_the_shipped_schema_passes_the_guard():
    FastValidator(plan_schema())


def _imports(path: Path) -> set[str]:
    """Every plancompiler module a file imports, also inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            out.add(node.module or "")
            out.update(a.name for a in node.names if not node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_no_import_cycle_between_shape_and_fastschema():
    src = ROOT / "src" / "plancompiler"
    assert "fastschema" in _imports(src / "shape.py")
    assert not {"shape", "plancompiler.shape"} & _imports(src / "fastschema.py")
