"""The official yaml-test-suite (tests/yaml-test-suite/, MIT License, inputs only) as hostile input.

Every one of its 402 inputs (94 of them invalid YAML) goes through the loader and through
``plancompiler validate`` in every output format. Properties: no exit status 3, every diagnostic
positioned inside the file, and no message carrying libyaml's English texts (the original text is
kept apart, under ``parser_message`` in ``--format json``).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler.cli import cli
from plancompiler.compiler import compile_loaded
from plancompiler.load import load_bytes

from test_load import english

SUITE = Path(__file__).resolve().parent / "yaml-test-suite"
INPUTS = sorted(SUITE.rglob("in.yaml"))
INVALID = [p for p in INPUTS if (p.parent / "error").exists()]


def _line_count(raw: bytes) -> int:
    text = raw.decode("utf-8", errors="replace")
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def test_the_copy_is_complete():
    assert len(INPUTS) == 402 and len(INVALID) == 94
    assert (SUITE / "License").is_file()


def test_every_input_loads_to_dutch_positioned_diagnostics():
    problems = []
    for path in INPUTS:
        raw = path.read_bytes()
        compiled = compile_loaded(load_bytes(raw, str(path)))
        lines = _line_count(raw)
        for d in compiled.result.diagnostics:
            if english(d.message) or not (1 <= d.line <= lines + 1 and d.column >= 1):
                problems.append((str(path.relative_to(SUITE)), d.rule, d.line, d.column, d.message))
    assert problems == []


def test_every_invalid_input_is_refused():
    accepted = []
    for path in INVALID:
        compiled = compile_loaded(load_bytes(path.read_bytes(), str(path)))
        if not [d for d in compiled.result.diagnostics if d.severity == "error"]:
            accepted.append(str(path.relative_to(SUITE)))
    assert accepted == []


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_validate_answers_every_input_in_every_format(fmt):
    result = CliRunner().invoke(cli, ["validate", "--format", fmt, "--no-color", *map(str, INPUTS)],
                                catch_exceptions=False)
    assert result.exit_code in (1, 2), result.output[-3000:]
    assert "interne fout" not in result.output and "Traceback" not in result.output
    if fmt in ("json", "sarif", "gitlab"):
        doc = json.loads(result.stdout)
        if fmt == "json":
            assert len(doc["files"]) == len(INPUTS)
            messages = [d["message"] for f in doc["files"] for d in f["diagnostics"]]
            assert messages and not [m for m in messages if english(m)]
    elif fmt == "junit":
        ET.fromstring(result.stdout)
    else:
        assert not english(result.stdout)
