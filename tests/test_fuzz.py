"""Property-based fuzzing: whatever a plan file contains, validate (and build) answer with diagnostics.

Mutations of the example plans, on the data (drop, duplicate, retype and rename keys, random
unicode in texts, shuffled lists) and on the text (lines deleted, duplicated, swapped, re-indented,
random characters inserted), plus random YAML-ish text. The properties: nothing raises, every
diagnostic has a rule, a severity and a 1-based position inside the file, and an outcome without
errors is a compiled plan.

Bounded for CI: 60 examples per property by default (derandomized, so every run is the same).
For a longer hunt: PLANCOMPILER_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py
"""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancompiler.cli import cli
from plancompiler.compiler import compile_loaded
from plancompiler.diagnostics import SEVERITIES
from plancompiler.load import load_text
from testutil import data_at, data_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))
TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLES]
DATA = [load_text(t).data for t in TEXTS]
EXAMPLES_N = int(os.environ.get("PLANCOMPILER_FUZZ_EXAMPLES", "60"))

FUZZ = settings(max_examples=EXAMPLES_N, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SMALL = settings(FUZZ, max_examples=max(10, EXAMPLES_N // 4))

def _all_keys(node, out: set) -> set:
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            _all_keys(v, out)
    elif isinstance(node, list):
        for v in node:
            _all_keys(v, out)
    return out


KEYS = sorted(_all_keys(DATA, set()))

# ---- strategies ----------------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.text(max_size=30),
    st.sampled_from(["", " ", "2027-02-30", "25:00", "19:30", "ja", "nee", "informeren", "<script>",
                     "{{ 7*7 }}", "../../etc/passwd", "javascript:alert(1)", "GM0453", "-1", "1e400"]),
)
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=12), inner, max_size=4)),
    max_leaves=8)


def _typo(word: str, draw) -> str:
    if len(word) < 2:
        return word + "x"
    i = draw(st.integers(0, len(word) - 1))
    kind = draw(st.sampled_from(["drop", "double", "swap", "upper", "underscore"]))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "upper":
        return word.upper()
    return word.replace("_", "") if "_" in word else word + "_"


@st.composite
def mutated_data(draw):
    """An example plan as data, with one to four structural mutations."""
    data = copy.deepcopy(draw(st.sampled_from(DATA)))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(data_paths(data))
        path = draw(st.sampled_from(paths))
        parent_path, last = path[:-1], path[-1] if path else None
        op = draw(st.sampled_from(["drop", "duplicate", "retype", "rename", "unicode", "shuffle", "replace"]))
        if not path:
            if op == "retype":
                data = draw(json_values)
            continue
        parent = data_at(data, parent_path)
        value = parent[last]
        if op == "drop":
            del parent[last]
        elif op == "duplicate":
            if isinstance(parent, list):
                parent.insert(last, copy.deepcopy(value))
            else:
                parent[f"{last}_2"] = copy.deepcopy(value)
        elif op == "retype":
            parent[last] = draw(json_values.filter(lambda v: type(v) is not type(value)))
        elif op == "rename" and isinstance(parent, dict):
            new = _typo(str(last), draw) if draw(st.booleans()) else draw(st.text(min_size=1, max_size=15))
            parent[new] = parent.pop(last)
        elif op == "unicode" and isinstance(value, str):
            parent[last] = draw(st.text(max_size=60))
        elif op == "shuffle" and isinstance(value, list):
            parent[last] = draw(st.permutations(value))
        elif op == "replace":
            parent[last] = draw(json_values)
    return data


def dump(data, indent: int = 0) -> str:
    """Block-style YAML with JSON scalars (valid YAML 1.2); ruamel's dumper is ten times slower."""
    pad = " " * indent
    if isinstance(data, dict) and data:
        out = []
        for k, v in data.items():
            key = json.dumps(str(k), ensure_ascii=False)
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{key}:\n{dump(v, indent + 2)}")
            else:
                out.append(f"{pad}{key}: {_scalar(v)}\n")
        return "".join(out)
    if isinstance(data, list) and data:
        out = []
        for v in data:
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}-\n{dump(v, indent + 2)}")
            else:
                out.append(f"{pad}- {_scalar(v)}\n")
        return "".join(out)
    return pad + _scalar(data) + "\n"


def _scalar(value) -> str:
    if value == {} or value == []:
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


@st.composite
def mutated_text(draw):
    """An example plan's text with line-level and character-level damage."""
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert", "truncate", "tab"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 3)):]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            noise = draw(st.text(alphabet=st.sampled_from(list("\"'[]{}:,-#&*!|>%@`?\t \\") + ["é", "\u2028", "\x85", "\ufeff"])
                                 | st.characters(), min_size=1, max_size=4))
            lines[i] = lines[i][:at] + noise + lines[i][at:]
        elif op == "truncate":
            lines = lines[:i]
        elif op == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        if not lines:
            lines = [""]
    return "\n".join(lines)


yamlish = st.lists(st.sampled_from(list("ab:-[]{},'\"#&*!|>%? \n\t") + [
    "plancompiler: 1\n", "fasen:", "  - ", "1", "2027-02-30", "&a ", "*a", "!!str ", "---\n", "...\n", ": "]),
    max_size=40).map("".join)

# ---- the properties ------------------------------------------------------------------------------


def check_outcome(text: str) -> None:
    """compile_loaded(load_text(text)) never raises and reports well-formed, positioned diagnostics."""
    compiled = compile_loaded(load_text(text, "fuzz.plan.yaml"))
    n_lines = len(text.splitlines())
    for d in compiled.result.diagnostics:
        assert isinstance(d.rule, str) and d.rule, d
        assert d.severity in SEVERITIES, d
        assert isinstance(d.message, str) and d.message.strip(), d
        assert 1 <= d.line <= n_lines + 1, (d, n_lines)
        assert d.column >= 1, d
        json.dumps(d.to_json(), ensure_ascii=False)
    errors = [d for d in compiled.result.diagnostics if d.severity == "error" and not d.waived]
    if not errors:
        assert compiled.plan is not None  # a clean pass is a compiled plan


@FUZZ
@given(mutated_data())
def test_mutated_plans_never_crash(data):
    check_outcome(dump(data))


@FUZZ
@given(mutated_text())
def test_damaged_texts_never_crash(text):
    check_outcome(text)


@FUZZ
@given(yamlish)
def test_random_yaml_never_crashes(text):
    check_outcome(text)


@SMALL
@given(st.text(max_size=200))
def test_random_unicode_never_crashes(text):
    check_outcome(text)


@SMALL
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(raw):
    from plancompiler.load import load_bytes

    loaded = load_bytes(raw, "fuzz.plan.yaml")
    compiled = compile_loaded(loaded)
    for d in compiled.result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.rule


@SMALL
@given(st.one_of(mutated_data().map(dump), mutated_text()))
def test_validate_command_never_crashes(tmp_path_factory, text):
    plan = tmp_path_factory.mktemp("fuzz") / "fuzz.plan.yaml"
    plan.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(plan)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output[-2000:]
    assert "Traceback" not in result.output
    doc = json.loads(result.stdout)
    errors = [d for d in doc["files"][0]["diagnostics"] if d["severity"] == "error" and not d.get("waived")]
    assert (result.exit_code == 1) == bool(errors)


# ---- build ---------------------------------------------------------------------------------------

HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "{{ config }}", "{% raw %}", "```{=openxml}\n<w:p/>\n```", "![x](/etc/passwd)",
    "[x](javascript:alert(1))", "$(rm -rf /)", "| a | b |\n|---|---|", "# Kop", "\\", "*", "_", "<!--", "&amp;",
    "\u202e", "\u200b", "😀" * 20, "x" * 5000, "\n\n\n", "  ", "%", "---",
])


@st.composite
def plans_with_random_texts(draw):
    """An example plan whose texts are replaced by random unicode or markup: mostly still valid."""
    data = copy.deepcopy(draw(st.sampled_from(DATA)))
    leaves = [p for p in data_paths(data) if p and isinstance(data_at(data, p), str)]
    for _ in range(draw(st.integers(1, 6))):
        path = draw(st.sampled_from(leaves))
        data_at(data, path[:-1])[path[-1]] = draw(st.one_of(HOSTILE, st.text(min_size=1, max_size=40)))
    if draw(st.booleans()):  # sometimes also a structural mutation
        return draw(mutated_data()) if draw(st.booleans()) else data
    return data


BUILD_FUZZ = settings(FUZZ, max_examples=max(8, EXAMPLES_N // 5))


@BUILD_FUZZ
@given(plans_with_random_texts())
def test_build_never_crashes_and_is_all_or_nothing(tmp_path_factory, data):
    work = tmp_path_factory.mktemp("bouw")
    plan = work / "fuzz.plan.yaml"
    plan.write_text(dump(data), encoding="utf-8", errors="surrogatepass")
    out = work / "uit"
    result = CliRunner().invoke(cli, ["build", str(plan), "-o", str(out), "--format", "md"],
                                catch_exceptions=False)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output[-2000:]
    if result.exit_code == 0:
        for name in ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader"):
            assert (out / f"{name}.md").stat().st_size > 0
        assert not [p for p in work.iterdir() if p.name.startswith(".plancompiler-")]
    else:
        assert sorted(p.name for p in work.iterdir()) == ["fuzz.plan.yaml"]  # nothing written


# ---- seeded mutation fuzz through the command, every output format (issue 13) --------------------------
#
# Hostile edits of the example plans and the bad-input corpus: control characters raw and as escapes,
# complex and merge keys, alias chains, directives, CR-only and CRLF line ends, flow scalars with ':',
# huge texts, tags, truncation. Each batch of mutants goes through `plancompiler validate` once per
# output format. Properties: never exit status 3, every message Dutch (none of libyaml's English
# texts), every diagnostic inside the file. PLANCOMPILER_FUZZ=3000 runs 3.000 mutants (default 40).

import random  # noqa: E402

from test_load import english  # noqa: E402

MUTANTS = int(os.environ.get("PLANCOMPILER_FUZZ", "40"))
SEED = int(os.environ.get("PLANCOMPILER_FUZZ_SEED", "20261201"))
OUTPUT_FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
CORPUS = sorted((ROOT / "tests" / "corpus" / "bad").glob("*.plan.yaml"))

CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x80, 0x85, 0x9F)] + [
    "\ufffe", "\uffff", "\ud800", "\udfff", "\u2028", "\u2029", "\ufeff", "\u202e"]
ESCAPES = ["\\0", "\\a", "\\b", "\\e", "\\v", "\\f", "\\x01", "\\x1b", "\\x7f", "\\u0000", "\\uFFFE", "\\uFFFF",
           "\\ud800", "\\U0010FFFF", "\\N", "\\_", "\\L", "\\P", "\\t", "\\r", "\\x", "\\u12", "\\q"]
SNIPPETS = [
    "{[a]: b}: c", "? [a]\n: b", "[x]: y", "{a: 1}: 2", "? {[a]: [b]}\n: c", "*a: z", "&a x: &b y",
    "<<: *a", "<<: {naam: x}", "'<<': x", "basis: &a {naam: x}", "k: {aanvang: 19:30, eind: 21:00}",
    "k: [https://x.example/a:b, 'c']", "k: {a: b: c}", "%YAML 1.1\n---", "%YAML 1.3\n---", "%FOO bar\n---",
    "%TAG !x! tag:x,2027:\n---", "k: !x!y a", "k: !!python/object:os.system x", "k: !<tag:x> y",
    "---", "...", "k: |0\n  x", "k: >-\n  x\n y", "k: \"open", "k: 'open", "k: [", "k: {", "]]", "}",
    "\t- x", "k: *onbekend", "k: &", "k: 0x_", "k: 2027-02-30", "k: .nan", "k: 1e400", "k: " + "9" * 200,
]


def _alias_chain(n: int) -> str:
    return "c0: &c0 [x]\n" + "".join(f"c{i}: &c{i} [*c{i - 1}, *c{i - 1}]\n" for i in range(1, n))


def _mutant(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        op = rng.choice(["control", "escape", "snippet", "snippet", "alias", "delete", "duplicate", "indent",
                         "long", "flow", "truncate", "key-escape"])
        line = lines[i]
        if op == "control":
            at = rng.randint(0, len(line))
            lines[i] = line[:at] + rng.choice(CONTROL) + line[at:]
        elif op in ("escape", "key-escape") and ": " in line:
            key, _, value = line.partition(": ")
            if op == "escape":
                value = value.strip("'\"").replace("\\", "\\\\").replace('"', "'")
                lines[i] = f'{key}: "{value}{rng.choice(ESCAPES)}"'
            else:
                indent = len(key) - len(key.lstrip())
                lines[i] = f'{key[:indent]}"{key.strip()}{rng.choice(ESCAPES)}": {value}'
        elif op == "snippet":
            indent = " " * (len(line) - len(line.lstrip()))
            lines.insert(i, "\n".join(indent + part for part in rng.choice(SNIPPETS).split("\n")))
        elif op == "alias":
            lines.insert(i, _alias_chain(rng.randint(2, 90)))
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "indent":
            lines[i] = " " * rng.randint(1, 3) + line
        elif op == "long" and ": " in line:
            key = line.partition(": ")[0]
            lines[i] = f"{key}: " + "woord " * rng.choice([100, 9_000, 60_000])
        elif op == "flow" and ": " in line:
            key = line.partition(": ")[0]
            lines[i] = f"{key}: {{tijd: {rng.randint(0, 23)}:{rng.randint(0, 59):02d}, url: [https://x.example]}}"
        elif op == "truncate":
            lines = lines[: i + 1]
            lines[-1] = line[: rng.randint(0, len(line))]
        if not lines:
            lines = [""]
    out = "\n".join(lines)
    ends = rng.random()
    if ends < 0.15:
        out = out.replace("\n", "\r")
    elif ends < 0.3:
        out = out.replace("\n", "\r\n")
    return out


def _source(rng: random.Random) -> str:
    """Mostly an example plan (a mutant then reaches the schema and the rules), else a corpus file."""
    if rng.random() < 0.7:
        return rng.choice(TEXTS)
    return rng.choice(CORPUS).read_text(encoding="utf-8", errors="surrogateescape")


def _lines_in(raw: bytes) -> int:
    text = raw.decode("utf-8", errors="replace")
    return len(text.splitlines()) + 1


def test_seeded_mutants_never_crash_in_any_format(tmp_path):
    rng = random.Random(SEED)
    batch_size = 100
    seen = 0
    for start in range(0, MUTANTS, batch_size):
        folder = tmp_path / f"batch{start}"
        folder.mkdir()
        paths = []
        for n in range(start, min(start + batch_size, MUTANTS)):
            path = folder / f"m{n:05d}.plan.yaml"
            path.write_bytes(_mutant(rng, _source(rng)).encode("utf-8", errors="surrogatepass"))
            paths.append(path)
        lines = {str(p): _lines_in(p.read_bytes()) for p in paths}
        for fmt in OUTPUT_FORMATS:
            result = CliRunner().invoke(cli, ["validate", "--format", fmt, "--no-color", *map(str, paths)],
                                        catch_exceptions=False)
            failure = f"{fmt}, batch from m{start:05d}, seed {SEED}: {result.output[-1500:]}"
            assert result.exit_code in (0, 1, 2), failure
            assert "interne fout" not in result.output and "Traceback" not in result.output, failure
            if fmt == "json":
                doc = json.loads(result.stdout)
                for f in doc["files"]:
                    for d in f["diagnostics"]:
                        assert not english(d["message"]), (f["path"], d)
                        assert 1 <= d["line"] <= lines[f["path"]] and d["column"] >= 1, (f["path"], d)
            elif fmt in ("text", "github"):
                assert not english(result.stdout), failure
        seen += len(paths)
    assert seen == MUTANTS
