"""Resource limits: alias bombs, huge files, deep nesting and floods are refused quickly and cheaply.

The limits (src/plancompiler/load.py, documented in docs/robustness.md): MAX_BYTES 10 MiB,
MAX_DEPTH 64 levels, MAX_NODES 100.000 values after alias expansion, MAX_REPORTED 500 diagnostics
per stage. Each limit can be changed with PLANCOMPILER_MAX_BYTES / _DEPTH / _NODES.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler import load
from plancompiler.cli import cli
from plancompiler.compiler import compile_file, compile_loaded
from plancompiler.load import load_text, read_file

ROOT = Path(__file__).resolve().parents[1]
VELSEN = ROOT / "examples" / "velsen.plan.yaml"
MB = 1024 * 1024


def measured(fn, *args, memory: bool = True):
    """Run fn and return (result, seconds, peak traced memory in bytes).

    The time comes from a plain run: tracemalloc slows Python down several times. It is the CPU time
    of this process, so other work on a shared CI machine does not make the bound flaky (the work
    measured here never waits). The peak comes from a second, traced run (skipped with
    memory=False, then 0).
    """
    start = time.process_time()
    result = fn(*args)
    seconds = time.process_time() - start
    peak = 0
    if memory:
        tracemalloc.start()
        try:
            fn(*args)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return result, seconds, peak


def rules(loaded_or_compiled) -> list[str]:
    diags = getattr(loaded_or_compiled, "diagnostics", None)
    if diags is None:
        diags = loaded_or_compiled.result.diagnostics
    return [d.rule for d in diags]


def cli_json(*args, env=None):
    result = CliRunner().invoke(cli, ["validate", "--format", "json", *map(str, args)], env=env,
                                catch_exceptions=False)
    return result, json.loads(result.stdout)["files"][0]["diagnostics"]


def run_module(*args, env_extra=None, timeout=60):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "plancompiler", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=timeout)


def test_defaults_are_documented_numbers():
    assert (load.MAX_BYTES, load.MAX_DEPTH, load.MAX_NODES, load.MAX_REPORTED) == (10 * MB, 64, 100_000, 500)
    assert (load.MAX_TEXT, load.MAX_TEXT_TOTAL) == (20_000, 200_000)
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    for number in ("10 MiB", "64", "100.000", "500", "20.000 characters", "200.000 characters",
                   "PLANCOMPILER_MAX_TEXT`", "PLANCOMPILER_MAX_TEXT_TOTAL"):
        assert number in doc


def test_text_limits_follow_the_environment():
    code = "from plancompiler import load; print(load.MAX_TEXT, load.MAX_TEXT_TOTAL)"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PLANCOMPILER_MAX_TEXT": "1000",
           "PLANCOMPILER_MAX_TEXT_TOTAL": "veel"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.stdout.split() == ["1000", "200000"]
    assert "PLANCOMPILER_MAX_TEXT_TOTAL='veel' is geen positief geheel getal" in proc.stderr


# ---- alias bombs ---------------------------------------------------------------------------------

BILLION_LAUGHS = "plancompiler: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))  # 10^10 values


def test_billion_laughs_is_refused_fast_and_small():
    loaded, seconds, peak = measured(load_text, BILLION_LAUGHS)
    assert rules(loaded) == ["yaml-te-groot"]
    assert loaded.fatal and loaded.data is None
    assert seconds < 2.0
    assert peak < 50 * MB, f"peak {peak / MB:.1f} MB"
    assert "PLANCOMPILER_MAX_NODES" in loaded.diagnostics[0].message


def test_wide_alias_bomb_is_refused():
    """One anchored list of 1.000 values, referenced 10.000 times in one flat list."""
    text = "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 10_000) + "]\n"
    loaded, seconds, peak = measured(load_text, text)
    assert rules(loaded) == ["yaml-te-groot"] and seconds < 2.0 and peak < 50 * MB


def test_alias_bomb_through_the_command_line(tmp_path):
    plan = tmp_path / "bom.plan.yaml"
    plan.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.perf_counter()
    result, diags = cli_json(plan)
    assert time.perf_counter() - start < 2.0
    assert result.exit_code == 1 and [d["rule"] for d in diags] == ["yaml-te-groot"]


def test_reasonable_aliases_still_work():
    text = VELSEN.read_text(encoding="utf-8").replace("    aanvang: \"19:30\"", "    aanvang: &avond \"19:30\"", 1)
    assert "yaml-te-groot" not in rules(load_text(text))


# ---- floods --------------------------------------------------------------------------------------

def test_a_million_values_are_refused_before_they_are_built():
    text = "plancompiler: 1\nx: [" + ",".join(["1"] * 1_000_000) + "]\n"  # 2 MB, under MAX_BYTES
    loaded, seconds, _ = measured(load_text, text, memory=False)  # the bombs above measure memory
    assert rules(loaded) == ["yaml-te-groot"]
    assert seconds < 2.0


def test_thousands_of_unknown_keys_give_a_bounded_report():
    text = "plancompiler: 1\n" + "".join(f"gemeentee{i}: 1\n" for i in range(20_000))
    compiled, seconds, _ = measured(lambda: compile_loaded(load_text(text)), memory=False)
    diags = compiled.result.diagnostics
    assert seconds < 3.0
    assert len(diags) <= 2 * load.MAX_REPORTED
    assert "meer meldingen" in " ".join(d.message for d in diags)


def test_thousands_of_duplicate_keys_give_a_bounded_report():
    text = "plancompiler: 1\n" + "plancompiler: 1\n" * 20_000
    loaded, seconds, _ = measured(load_text, text, memory=False)
    assert seconds < 2.0
    assert rules(loaded) == ["yaml-dubbele-sleutel"] * load.MAX_REPORTED
    assert "Daarna volgen nog" in loaded.diagnostics[-1].message


# ---- huge files ----------------------------------------------------------------------------------

def test_huge_file_is_refused_before_reading(tmp_path):
    plan = tmp_path / "groot.plan.yaml"
    with open(plan, "wb") as fh:  # sparse: MAX_BYTES + 1 bytes on paper, almost nothing on disk
        fh.seek(load.MAX_BYTES)
        fh.write(b"\n")
    loaded, seconds, peak = measured(read_file, str(plan))
    assert rules(loaded) == ["bestand-te-groot"] and loaded.unreadable
    assert seconds < 0.5
    assert peak < 1 * MB, "the file must not be read into memory"
    assert "PLANCOMPILER_MAX_BYTES" in loaded.diagnostics[0].message
    result, diags = cli_json(plan)
    assert result.exit_code == 2 and diags[0]["rule"] == "bestand-te-groot"
    assert (diags[0]["line"], diags[0]["column"]) == (1, 1)


def test_file_that_grows_while_read_is_still_bounded(tmp_path, monkeypatch):
    """getsize() can be wrong (a growing file, /proc, a pipe): the read itself stops at the limit."""
    monkeypatch.setattr(load, "MAX_BYTES", 1000)
    monkeypatch.setattr(load.os.path, "getsize", lambda path: 10)
    plan = tmp_path / "groeit.plan.yaml"
    plan.write_bytes(b"x: " + b"a" * 5000 + b"\n")
    loaded = read_file(str(plan))
    assert rules(loaded) == ["bestand-te-groot"]


def test_large_file_under_the_limit_is_fine(tmp_path):
    """A plan padded with 5 MB of comment is read and checked like any other."""
    plan = tmp_path / "lang.plan.yaml"
    plan.write_bytes(VELSEN.read_bytes() + b"# " + b"x" * (5 * MB) + b"\n")
    compiled, seconds, _ = measured(compile_file, plan, memory=False)
    assert not [d for d in compiled.result.diagnostics if d.severity == "error"]
    assert seconds < 3.0


# ---- deep nesting --------------------------------------------------------------------------------

DEEP = {
    "flow-lists": "plancompiler: 1\nx: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "flow-maps": "plancompiler: 1\nx: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
    "unclosed": "plancompiler: 1\nx: " + "[" * 100_000 + "\n",
    "block-lists": "plancompiler: 1\nx:\n" + "  " + "- " * 10_000 + "x\n",
    "block-maps": "plancompiler: 1\nx:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(3000)) + " " * 3001 + "b: 1\n",
}


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_nesting_is_refused_without_recursion(kind, tmp_path):
    """10.000 levels: refused with yaml-te-diep; a subprocess, so a crash could not take pytest down."""
    plan = tmp_path / f"{kind}.plan.yaml"
    plan.write_text(DEEP[kind], encoding="utf-8")
    start = time.perf_counter()
    proc = run_module("validate", "--format", "json", plan)
    assert proc.returncode == 1, proc.stderr  # not -11 (segfault), not 3 (internal error)
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert [d["rule"] for d in diags] == ["yaml-te-diep"]
    assert diags[0]["line"] >= 2
    assert time.perf_counter() - start < 5.0  # includes starting Python


def test_deep_nesting_in_process_is_cheap():
    for kind, text in DEEP.items():
        loaded, seconds, peak = measured(load_text, text)
        assert rules(loaded) == ["yaml-te-diep"], kind
        assert seconds < 1.0 and peak < 20 * MB, kind


# ---- the limits can be changed ---------------------------------------------------------------------

PROBE = textwrap.dedent("""
    import json, sys
    from plancompiler import load
    out = {"limits": [load.MAX_BYTES, load.MAX_DEPTH, load.MAX_NODES]}
    for path in sys.argv[1:]:
        out[path] = [d.rule for d in load.read_file(path).diagnostics]
    print(json.dumps(out))
""")


def probe(env_extra, *paths):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env_extra}
    proc = subprocess.run([sys.executable, "-c", PROBE, *map(str, paths)], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), proc.stderr


def test_limits_can_be_lowered_through_the_environment():
    out, _ = probe({"PLANCOMPILER_MAX_BYTES": "1000", "PLANCOMPILER_MAX_DEPTH": "3",
                    "PLANCOMPILER_MAX_NODES": "100"}, VELSEN)
    assert out["limits"] == [1000, 3, 100]
    assert out[str(VELSEN)] == ["bestand-te-groot"]
    out, _ = probe({"PLANCOMPILER_MAX_DEPTH": "3"}, VELSEN)
    assert out[str(VELSEN)] == ["yaml-te-diep"]
    out, _ = probe({"PLANCOMPILER_MAX_NODES": "100"}, VELSEN)
    assert out[str(VELSEN)] == ["yaml-te-groot"]


def test_limits_can_be_raised_through_the_environment(tmp_path):
    plan = tmp_path / "diep.plan.yaml"
    plan.write_text("plancompiler: 1\nx: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    out, _ = probe({}, plan)
    assert out[str(plan)] == ["yaml-te-diep"]
    out, _ = probe({"PLANCOMPILER_MAX_DEPTH": "200"}, plan)
    assert out[str(plan)] == []  # loads; the schema stage reports the unknown key later


def test_a_nonsense_limit_falls_back_to_the_default_with_a_note():
    out, stderr = probe({"PLANCOMPILER_MAX_NODES": "veel", "PLANCOMPILER_MAX_DEPTH": "-1"}, VELSEN)
    assert out["limits"] == [10 * MB, 64, 100_000]
    assert "PLANCOMPILER_MAX_NODES" in stderr and "PLANCOMPILER_MAX_DEPTH" in stderr
    assert out[str(VELSEN)] == []


def test_limits_can_be_patched_in_process(monkeypatch):
    monkeypatch.setattr(load, "MAX_NODES", 10)
    assert rules(load_text("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n")) == ["yaml-te-groot"]
    monkeypatch.setattr(load, "MAX_NODES", 50_000)
    monkeypatch.setattr(load, "MAX_DEPTH", 2)
    assert rules(load_text("a: [[1]]\n")) == ["yaml-te-diep"]


def test_forbidden_character_class_is_the_yaml_complement():
    """load._FORBIDDEN lists the forbidden characters; it must equal the complement of YAML 1.2's
    printable set (5.1) over every code point."""
    import re

    from plancompiler.load import _FORBIDDEN

    allowed = re.compile("[\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    for code in range(0x110000):
        ch = chr(code)
        assert bool(_FORBIDDEN.match(ch)) != bool(allowed.match(ch)), hex(code)
