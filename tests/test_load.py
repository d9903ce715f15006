"""The loader (src/plancompiler/load.py) on its own: exact positions, YAML 1.2 corner cases, values
that documents cannot carry, and files that are not plain files.

Most tests call ``load_text``/``read_file`` directly and check the rule, the 1-based line and
column and the JSON pointer; a few go through ``plancompiler validate`` in every output format.
"""
from __future__ import annotations

import json
import re
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler import load
from plancompiler.cli import cli
from plancompiler.compiler import compile_loaded
from plancompiler.load import load_bytes, load_text, read_file

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")

# libyaml's own English problem and context texts (from its scanner and parser): none may reach a
# user's message.
LIBYAML_PHRASES = (
    "did not find", "could not find", "found unexpected", "found unknown", "found undefined",
    "found incompatible", "found character", "found duplicate", "found invalid", "found a tab",
    "found an ", "found extremely", "while scanning", "while parsing", "are not allowed in this context",
    "expected <", "expected DOCUMENT", "expected SCALAR", "expected STREAM", "expected a single",
    "expected nothing", "control characters are not allowed", "special characters are not allowed",
    "invalid Unicode", "invalid leading", "invalid trailing", "invalid length", "incompatible %YAML",
    "duplicate %TAG", "but found", "unacceptable character", "expected the node content",
)


def english(message: str) -> list[str]:
    return [p for p in LIBYAML_PHRASES if p in message]


def diags(loaded, rule=None):
    return [d for d in loaded.diagnostics if rule is None or d.rule == rule]


def where(text: str, marker: str, shift: int = 0) -> tuple[int, int]:
    at = text.index(marker) + shift
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def validate(path, fmt="json", *extra):
    return CliRunner().invoke(cli, ["validate", "--format", fmt, *extra, str(path)], catch_exceptions=False)


# ---- issue 9: YAML 1.2 in flow style, %YAML 1.1, merge keys ----------------------------------------

def test_flow_plain_scalars_with_a_colon_load_with_positions():
    text = "plancompiler: 1\na: {aanvang: 19:30}\nb: [https://x.example/pad, 'c']\n"
    loaded = load_text(text)
    assert loaded.diagnostics == [] and not loaded.fatal
    assert loaded.data == {"plancompiler": 1, "a": {"aanvang": "19:30"}, "b": ["https://x.example/pad", "c"]}
    assert loaded.positions["/a"] == where(text, "{aanvang")
    assert loaded.positions["/a/aanvang"] == where(text, "19:30")
    assert loaded.key_positions["/a/aanvang"] == where(text, "aanvang")
    assert loaded.positions["/b/0"] == where(text, "https")
    assert loaded.positions["/b/1"] == where(text, "'c'")


def test_yaml_1_1_directive_gets_a_warning_and_the_plan_still_loads():
    text = "# kop\n%YAML 1.1\n---\nplancompiler: 1\nklaar: yes\n"
    loaded = load_text(text)
    [warning] = diags(loaded, "yaml-versie")
    assert warning.severity == "warning" and (warning.line, warning.column) == (2, 1)
    assert "1.2" in warning.message and "yes" in warning.message
    assert loaded.data == {"plancompiler": 1, "klaar": "yes"} and not loaded.fatal


def test_merge_key_gets_a_positioned_diagnostic():
    text = ("plancompiler: 1\nbasis: &b\n  naam: Ergens\ngemeente:\n  <<: *b\n  code: GM0999\n")
    compiled = compile_loaded(load_text(text, "p.plan.yaml"))
    found = [d for d in compiled.result.diagnostics if d.rule == "yaml-samenvoegsleutel"]
    assert [(d.line, d.column, d.pointer) for d in found] == [(*where(text, "<<"), "/gemeente/<<")]
    assert "niet ondersteund" in found[0].message
    assert not [d for d in compiled.result.diagnostics if "'<<'" in d.message and d.rule != found[0].rule]


def test_quoted_merge_key_is_an_ordinary_key():
    loaded = load_text("plancompiler: 1\n'<<': x\n")
    assert loaded.data == {"plancompiler": 1, "<<": "x"} and loaded.diagnostics == []


# ---- issue 13 item 4: a complex key inside a complex key --------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_nested_complex_key_is_reported_once_in_every_format(tmp_path, fmt):
    plan = tmp_path / "a.yaml"
    plan.write_text("{[a]: b}: c\n", encoding="utf-8")
    loaded = read_file(str(plan))
    assert [(d.rule, d.line, d.column, d.pointer) for d in loaded.diagnostics] == [
        ("yaml-complexe-sleutel", 1, 1, "")]
    result = validate(plan, fmt)
    assert result.exit_code == 1, result.output[-2000:]


# ---- issue 13 items 5/6: characters XML forbids, after escape processing ----------------------------

FORBIDDEN_ESCAPES = [("\\0", 0x0), ("\\e", 0x1B), ("\\v", 0xB), ("\\x01", 0x1), ("\\x1f", 0x1F),
                     ("\\uFFFE", 0xFFFE), ("\\uFFFF", 0xFFFF), ("\\f", 0xC), ("\\b", 0x8)]


@pytest.mark.parametrize("escape,code", FORBIDDEN_ESCAPES, ids=[e for e, _ in FORBIDDEN_ESCAPES])
def test_control_character_in_a_value_is_refused_with_position(escape, code):
    text = f'plancompiler: 1\ngemeente:\n  naam: "Velsen{escape}"\n'
    loaded = load_text(text)
    [d] = diags(loaded, "tekst-stuurteken")
    assert (d.line, d.column, d.pointer, d.severity) == (3, 9, "/gemeente/naam", "error")
    assert f"U+{code:04X}" in d.message


def test_control_character_in_a_key_and_a_list_item():
    text = 'plancompiler: 1\nlijst: [a, "b\\e"]\n"sleutel\\0": 1\n'
    loaded = load_text(text)
    found = [(d.line, d.column, d.pointer) for d in diags(loaded, "tekst-stuurteken")]
    assert found == [(2, 12, "/lijst/1"), (3, 1, "/sleutel\ufffd")]


def test_allowed_escapes_stay_allowed():
    loaded = load_text('plancompiler: 1\na: "tab\\there\\nnieuwe regel\\r\\u00e9\\x85"\n')
    assert loaded.diagnostics == [] and loaded.data["a"] == "tab\there\nnieuwe regel\r\u00e9\x85"


def test_lone_surrogate_is_refused_also_after_the_flow_retry():
    text = 'plancompiler: 1\na: {t: 19:30, b: "x\\ud800"}\n'
    loaded = load_text(text)
    [d] = diags(loaded, "tekst-stuurteken")
    assert (d.line, d.column, d.pointer) == (*where(text, '"x'), "/a/b")


@pytest.mark.parametrize("fmt", FORMATS)
def test_forbidden_characters_in_keys_never_reach_a_report(tmp_path, fmt):
    """A key with a lone surrogate (possible after the second, pure-Python reading) is reported once;
    the messages that quote the key (unknown key) stay printable in every format."""
    plan = tmp_path / "p.plan.yaml"
    plan.write_text('plancompiler: 1\na: {t: 1:2}\n"x\\ud800": 1\nb: {"y\\udfff\\e": 2}\n', encoding="utf-8")
    result = validate(plan, fmt)
    assert result.exit_code == 1, result.output[-2000:]
    assert "\ud800" not in result.output and "\x1b" not in result.output
    found = [(d.rule, d.line, d.column, d.pointer) for d in read_file(str(plan)).diagnostics]
    assert found == [("tekst-stuurteken", 3, 1, "/x\ufffd"), ("tekst-stuurteken", 4, 5, "/b/y\ufffd\ufffd")]


def test_lone_surrogate_escape_is_refused():
    loaded = load_text('plancompiler: 1\na: "x\\ud800"\n')
    assert loaded.fatal and [d.rule for d in loaded.diagnostics] == ["yaml-syntaxis"]


# ---- issue 13 item 8: free-text size ------------------------------------------------------------------

def test_a_huge_text_field_is_a_quick_validate_error(tmp_path):
    text = "plancompiler: 1\nvisie:\n  waarom: " + "woord " * 1_500_000 + "\n"  # 9 MB
    plan = tmp_path / "groot.plan.yaml"
    plan.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = validate(plan)
    seconds = time.perf_counter() - start
    found = [d for d in json.loads(result.stdout)["files"][0]["diagnostics"] if d["rule"] == "tekst-te-lang"]
    assert [(d["line"], d["column"], d["pointer"]) for d in found] == [(3, 11, "/visie/waarom")]
    assert result.exit_code == 1 and seconds < 5


def test_text_limits_per_field_and_per_plan():
    per_field, total = load.MAX_TEXT, load.MAX_TEXT_TOTAL
    assert per_field >= 20_000 and total >= 10 * per_field  # far above any real plan
    ok = load_text("plancompiler: 1\na: " + "x" * per_field + "\n")
    assert ok.diagnostics == []
    over = load_text("plancompiler: 1\na: |\n  " + "x" * (per_field + 1) + "\n")
    assert [(d.rule, d.line, d.column, d.pointer) for d in over.diagnostics] == [("tekst-te-lang", 2, 4, "/a")]
    n = total // per_field + 1
    text = "plancompiler: 1\nteksten:\n" + "".join(f"  - {'y' * per_field}\n" for _ in range(n))
    many = load_text(text)
    assert [(d.rule, d.line, d.column, d.pointer) for d in many.diagnostics] == [
        ("tekst-te-lang", 2 + n, 5, f"/teksten/{n - 1}")]
    # numbers are written the Dutch way, and the sentence keeps its commas
    limit = f"{per_field:,}".replace(",", ".")  # 20.000
    assert f"de grens is {limit} tekens per tekst. Een plan heeft korte teksten" in over.diagnostics[0].message
    assert "Het plan bevat, met aliassen uitgevouwen, meer dan " in many.diagnostics[0].message
    assert "in een bijlage, of verhoog" in many.diagnostics[0].message


# ---- issue 13 item 10: depth through aliases ----------------------------------------------------------

def test_depth_is_counted_through_aliases():
    lines = ["plancompiler: 1", "c0: &c0 [x]"] + [f"c{i}: &c{i} [*c{i - 1}]" for i in range(1, 100)]
    text = "\n".join(lines) + "\n"
    loaded = load_text(text)
    [d] = diags(loaded, "yaml-te-diep")
    # the root mapping is level 1 and c0's list level 2; the alias in c_i's list adds i+1 more levels
    # (c_i's list at level 2 holds c_(i-1) at level 3 ... down to c0's list at level i+2).
    i = load.MAX_DEPTH - 1  # first i with i + 2 > MAX_DEPTH
    assert (d.line, d.column) == where(text, f"*c{i - 1}]")
    assert loaded.fatal


def test_shallow_aliases_still_load():
    loaded = load_text("plancompiler: 1\nc0: &c0 [x]\nc1: &c1 [*c0]\nc2: [*c1, *c0]\n")
    assert loaded.diagnostics == [] and loaded.data["c2"] == [[["x"]], ["x"]]


# ---- issue 13 item 11: FIFOs, devices, sockets ----------------------------------------------------------

def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "wacht.plan.yaml"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        proc = subprocess.run([sys.executable, "-m", "plancompiler", "validate", "--format", "json", str(fifo)],
                              capture_output=True, text=True, env=env, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("validate blocked on a FIFO")
    assert proc.returncode == 2, proc.stderr
    [d] = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert (d["rule"], d["line"], d["column"]) == ("bestand-soort", 1, 1)


def test_device_is_refused():
    loaded = read_file("/dev/null")
    assert [d.rule for d in loaded.diagnostics] == ["bestand-soort"] and loaded.unreadable


def test_symlink_leaving_the_allowed_root_is_refused(tmp_path):
    outside = tmp_path / "geheim.txt"
    outside.write_text("root:x:0:0\n", encoding="utf-8")
    folder = tmp_path / "plannen"
    folder.mkdir()
    (folder / "x.plan.yaml").symlink_to(outside)
    (folder / "echt.plan.yaml").write_text("plancompiler: 1\n", encoding="utf-8")
    (folder / "binnen.plan.yaml").symlink_to(folder / "echt.plan.yaml")
    refused = read_file(str(folder / "x.plan.yaml"), root=str(folder))
    assert [d.rule for d in refused.diagnostics] == ["bestand-buiten-map"] and refused.unreadable
    assert refused.text == "" and "root:x" not in refused.diagnostics[0].message
    inside = read_file(str(folder / "binnen.plan.yaml"), root=str(folder))
    assert inside.diagnostics == [] and inside.data == {"plancompiler": 1}
    followed = read_file(str(folder / "x.plan.yaml"))  # without a root: followed, and not a plan
    assert [d.rule for d in followed.diagnostics] == ["yaml-geen-mapping"]


# ---- issue 13 item 16: libyaml's problems in Dutch ----------------------------------------------------

ODD_INPUTS = {
    "onbekend-directief": "%FOO bar\n---\nplancompiler: 1\n",
    "yaml-1.3": "%YAML 1.3\n---\nplancompiler: 1\n",
    "yaml-twee-keer": "%YAML 1.2\n%YAML 1.2\n---\nplancompiler: 1\n",
    "tag-handle": "plancompiler: !x!y a\n",
    "blok-lijst-buiten-context": "plancompiler: 1\na: b\n- c\n",
    "document-start": "plancompiler: 1\n...\nkey: 1\n",
    "sleutel-in-flow": "[a, b]: 1\n{a: 1, b: 2\n",
    "ankernaam": "a: &\n",
    "inspringing-0": "a: |0\n  x\n",
}


@pytest.mark.parametrize("name", sorted(ODD_INPUTS))
def test_yaml_problems_are_dutch_and_keep_the_original_apart(name, tmp_path):
    plan = tmp_path / f"{name}.plan.yaml"
    plan.write_text(ODD_INPUTS[name], encoding="utf-8")
    result = validate(plan)
    assert result.exit_code == 1
    found = json.loads(result.stdout)["files"][0]["diagnostics"]
    assert found and not [d["message"] for d in found if english(d["message"])]
    syntax = [d for d in found if d["rule"] == "yaml-syntaxis"]
    assert all(d.get("parser_message") for d in syntax)


# ---- issue 13 item 17: positions in files with CR or CRLF line ends -----------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_positions_of_bad_characters_count_every_line_break(newline):
    base = ["plancompiler: 1", "gemeente:", "  naam: Erg{}ens"]
    text = newline.join(base).format("\x07") + newline
    assert [(d.line, d.column) for d in load_text(text).diagnostics] == [(3, 12)]
    raw = newline.join(base).format("\x00").encode() + newline.encode()
    assert [(d.line, d.column) for d in load_bytes(raw, "p").diagnostics] == [(3, 12)]
    raw = newline.join(base).format("é").encode("latin-1") + newline.encode()
    assert [(d.line, d.column) for d in load_bytes(raw, "p").diagnostics] == [(3, 12)]


def test_yaml_errors_in_a_cr_only_file_count_lines_like_yaml():
    text = "plancompiler: 1\rgemeente:\r  naam: 'Ergens\r"
    [d] = load_text(text).diagnostics
    assert d.line == 3 and d.rule == "yaml-syntaxis"


# Every problem and context text in libyaml's scanner and parser (as in its source, yaml 0.2.5).
LIBYAML_PROBLEMS = [
    "block sequence entries are not allowed in this context", "control characters are not allowed",
    "could not find expected ':'", "could not find expected directive name", "did not find URI escaped octet",
    "did not find expected '!'", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
    "did not find expected '-' indicator", "did not find expected <document start>",
    "did not find expected <stream-start>", "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break", "did not find expected digit or '.' character",
    "did not find expected hexdecimal number", "did not find expected key", "did not find expected node content",
    "did not find expected tag URI", "did not find expected version number", "did not find expected whitespace",
    "did not find expected whitespace or line break", "did not find the expected '>'",
    "duplicate %TAG directive", "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected", "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet", "found an indentation indicator equal to 0",
    "found character that cannot start any token", "found duplicate %TAG directive",
    "found duplicate %YAML directive", "found extremely long version number", "found incompatible YAML document",
    "found invalid Unicode character escape code", "found undefined alias", "found undefined tag handle",
    "found unexpected ':'", "found unexpected document indicator", "found unexpected end of stream",
    "found unexpected non-alphabetical character", "found unknown directive name",
    "found unknown escape character", "incompatible %YAML directive", "invalid Unicode character",
    "invalid leading UTF-8 octet", "invalid length of a UTF-8 sequence", "invalid trailing UTF-8 octet",
    "mapping keys are not allowed in this context", "mapping values are not allowed in this context",
]


@pytest.mark.parametrize("problem", LIBYAML_PROBLEMS)
def test_every_libyaml_problem_has_its_own_dutch_text(problem):
    from plancompiler.yamlmsg import GENERIC, dutch

    text = dutch(problem, None)
    assert text != GENERIC and not english(text) and problem not in text


# ---- the inlined fast path in _Builder.on_ScalarEvent agrees with _Builder.scalar ---------------------

SCALARS = [
    # plain text, with and without characters that start other types
    "tekst", "Velsen", "a b c", "é", "ß", "日本", "x:y", "a#b", "-x", "+x", ".x", "~x", "_x", "<<", "=", "!",
    "yes", "no", "on", "off", "y", "n", "True", "TRUE", "true", "false", "False", "FALSE",
    "null", "Null", "NULL", "~", "", "nul",
    # integers
    "0", "7", "42", "-1", "+1", "007", "0123", "09", "0777", "123456789012345678", "1234567890123456789",
    "12345678901234567890", "0x1F", "0o17", "0b101", "1_000", "-0", "+0", "٣", "²", "1" * 99, "1" * 101,
    # floats
    "1.5", "-1.5", "+1.5", ".5", "5.", "1e3", "1E3", "1.0e+3", "-1e-3", ".inf", "-.inf", "+.inf", ".Inf",
    ".INF", ".nan", ".NaN", ".NAN", "1_000.5", "1e400", "-1e400", "0.1",
    # dates and times
    "2027-01-15", "2027-1-5", "2027-02-30", "2027-13-01", "2027-01-15T10:00:00", "2027-01-15 10:00:00",
    "2027-01-15t10:00:00Z", "2027-01-15T10:00:00.5+01:00", "2027-01-15T10:00:00 -5", "2027-01-15x",
    "19:30", "1:30", "9999-12-31", "0000-01-01",
    # quoted forms of the same
    "'42'", '"42"', "'true'", '"null"', "'2027-01-15'", '"1e3"', "''", '""', "'it''s'", '"tab\\there"',
    '"\\u00e9"', "'.inf'",
]


def _loaded_value(text: str, *path):
    loaded = load_text(text)
    node = loaded.data
    for p in path:
        node = node[p]
    return node, sorted((d.rule, d.line, d.column) for d in loaded.diagnostics if d.rule != "yaml-geen-mapping")


def _same(a, b) -> bool:
    (va, da), (vb, db) = a, b
    return type(va) is type(vb) and repr(va) == repr(vb) and da == db


@pytest.mark.parametrize("scalar", SCALARS, ids=repr)
def test_fast_path_and_scalar_agree_on_values(scalar):
    # with an anchor, the value goes through scalar(); without, through the inlined path
    fast = _loaded_value(f"k: {scalar}\n", "k")
    slow = _loaded_value(f"k: &a {scalar}\n", "k")
    root = _loaded_value(f"{scalar}\n")
    assert _same(fast, slow), (fast, slow)
    # at the top level the value stands at column 1: compare values and rules
    assert (type(fast[0]), repr(fast[0]), [r for r, _, _ in fast[1]]) == (
        type(root[0]), repr(root[0]), [r for r, _, _ in root[1]]) or (scalar == "" and root[0] is None)
    in_list = _loaded_value(f"k: [{scalar}]\n", "k", 0) if scalar[:1] not in ("", "-", "!") else fast
    in_list_slow = _loaded_value(f"k: [&a {scalar}]\n", "k", 0) if scalar[:1] not in ("", "-", "!") else slow
    assert _same(in_list, in_list_slow), (in_list, in_list_slow)


@pytest.mark.parametrize("scalar", [s for s in SCALARS if s], ids=repr)
def test_fast_path_and_scalar_agree_on_keys(scalar):
    fast = load_text(f"{scalar}: 1\n")
    slow = load_text(f"&a {scalar}: 1\n")
    assert (fast.data, fast.key_positions) == (slow.data, slow.key_positions)
    assert [(d.rule, d.line, d.column) for d in fast.diagnostics] == [
        (d.rule, d.line, d.column) for d in slow.diagnostics]


def test_the_printable_prefilter_lets_no_forbidden_character_through():
    """The loader looks for forbidden characters only in texts that are not printable: every
    character XML forbids must be non-printable for that shortcut to be safe."""
    forbidden = [chr(c) for c in range(0x110000) if re.fullmatch(load._XML_FORBIDDEN, chr(c))]
    assert len(forbidden) == 29 + 2048 + 2
    assert not [c for c in forbidden if c.isprintable()]


def test_the_second_reading_is_only_for_plan_sized_files():
    flow = "plancompiler: 1\na: {aanvang: 19:30}\n"
    padding = "".join(f"k{i}: tekst\n" for i in range(load.MAX_PURE_RETRY // 10))
    assert len(flow + padding) > load.MAX_PURE_RETRY
    big = load_text(flow + padding)
    assert [(d.rule, d.line, d.column) for d in big.diagnostics] == [("yaml-syntaxis", *where(flow, "19:30", 2))]
    assert load_text(flow).data["a"] == {"aanvang": "19:30"}
    assert 64 * 1024 <= load.MAX_PURE_RETRY and max(p.stat().st_size for p in (ROOT / "examples").glob("*.yaml")) * 4 \
        < load.MAX_PURE_RETRY
