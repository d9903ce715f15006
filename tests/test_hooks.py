"""Acceptance: the pre-commit hook as users run it, in remote-repo mode, against a pinned commit.

A local git repository is made from this working tree (the files git would see), committed, and
used as the hook's ``repo:`` with ``rev:`` set to that commit: pre-commit clones it and installs
it with pip into its own environment (the lean core, without the documents' extra), exactly as it
does from a server. The plan repository then commits a good plan (passes), a plan called
``beleid.yaml`` with an error (fails, as ``validate .`` would) and other YAML (never checked).

It installs packages, so it runs when PLANCOMPILER_ACCEPTANCE=1 (.ci/run sets it); pre-commit's
environments are kept in a cache folder between runs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plancompiler-tests"

pytestmark = pytest.mark.skipif(not os.environ.get("PLANCOMPILER_ACCEPTANCE"),
                                reason="installs packages: set PLANCOMPILER_ACCEPTANCE=1 (CI does)")


def git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This working tree as a git repository with one commit: (path, commit)."""
    repo = tmp_path_factory.mktemp("plancompiler-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "plancompiler", cwd=repo)
    return repo, git("rev-parse", "HEAD", cwd=repo).strip()


def pre_commit(cwd: Path, *args):
    exe = Path(sys.executable).parent / "pre-commit"
    assert exe.exists(), "pre-commit belongs to the test extra"
    env = {**os.environ, "PRE_COMMIT_HOME": str(CACHE / "pre-commit"), "NO_COLOR": "1"}
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def test_pre_commit_in_remote_repo_mode(hook_repo, tmp_path):
    repo, commit = hook_repo
    plans = tmp_path / "plannen"
    plans.mkdir()
    git("init", "-q", cwd=plans)
    (plans / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_uri()}\n    rev: {commit}\n    hooks:\n      - id: plancompiler-validate\n",
        "utf-8")
    velsen = (ROOT / "examples" / "velsen.plan.yaml").read_text("utf-8")
    (plans / "velsen.plan.yaml").write_text(velsen, "utf-8")
    (plans / "notities.yaml").write_text("aantekening: geen plan\n", "utf-8")
    git("add", "-A", cwd=plans)

    good = pre_commit(plans, "run", "--all-files")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "plancompiler validate" in good.stdout and "Passed" in good.stdout

    # beleid.yaml is a plan by its `plancompiler:` key, as `validate .` sees it: the hook checks it
    (plans / "beleid.yaml").write_text(velsen.replace("instrument: vrijwilligerscafe",
                                                      "instrument: vrijwilligerskafee", 1), "utf-8")
    git("add", "-A", cwd=plans)
    bad = pre_commit(plans, "run", "--all-files")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "beleid.yaml:" in bad.stdout and "instrument-onbekend" in bad.stdout
    assert "notities.yaml" not in bad.stdout

    # the hook's environment is the lean core: validate works there without pandoc, Pillow or jinja2
    envs = [p for p in (CACHE / "pre-commit").glob("repo*/py_env-*") if (p / "bin" / "plancompiler").exists()]
    env = max(envs, key=lambda p: p.stat().st_mtime)
    probe = subprocess.run([str(env / "bin" / "python"), "-c",
                            "import importlib.util as u; print([m for m in ('jinja2', 'PIL', 'pypandoc') "
                            "if u.find_spec(m)])"], capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "[]", probe.stdout
    build = subprocess.run([str(env / "bin" / "plancompiler"), "build", "velsen.plan.yaml", "--format", "md"],
                           cwd=plans, capture_output=True, text=True)
    assert build.returncode == 2 and 'pip install "plancompiler[documenten]"' in build.stderr
