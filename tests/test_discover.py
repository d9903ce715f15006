"""Which files ``validate DIR`` reads: regular files inside the folder the user named, nothing else.

A committed symlink whose target leaves the named folder (``ln -s /etc/passwd d/x.plan.yaml``) is
never read and never echoed: it gets a positioned ``bestand-onleesbaar`` diagnostic and exit 2. A
FIFO or device named like a plan is refused the same way instead of blocking the run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plancompiler.discover import expand
from plancompiler.entry import main

ROOT = Path(__file__).resolve().parents[1]
VELSEN = ROOT / "examples" / "velsen.plan.yaml"
SECRET = "root:x:0:0:GEHEIM-123"
needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX")


def validate(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return info.value.code, out, err


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """tmp/secret.txt outside the folder d/, which holds one good plan."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    d = tmp_path / "d"
    d.mkdir()
    shutil.copy(VELSEN, d / "velsen.plan.yaml")
    return d


@needs_symlinks
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_symlink_out_of_the_named_folder_is_refused_and_never_echoed(tree, capsys, fmt):
    (tree / "x.plan.yaml").symlink_to("../secret.txt")
    code, out, err = validate(capsys, "--format", fmt, "d")
    assert code == 2
    assert "GEHEIM" not in out + err
    assert "bestand-onleesbaar" in out and "buiten de map" in out
    if fmt == "text":
        assert "d/x.plan.yaml:1:1: fout[bestand-onleesbaar]" in out


@needs_symlinks
def test_absolute_symlink_and_symlinked_folder_are_not_followed_out(tree, tmp_path, capsys):
    (tree / "abs.plan.yaml").symlink_to(tmp_path / "secret.txt")
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.plan.yaml").write_text(SECRET + "\n", encoding="utf-8")
    (tree / "sub").symlink_to(outside, target_is_directory=True)
    code, out, _ = validate(capsys, "d")
    assert code == 2 and "GEHEIM" not in out
    assert "d/abs.plan.yaml:1:1: fout[bestand-onleesbaar]" in out
    assert "geheim.plan.yaml" not in out  # a symlinked folder is not walked


@needs_symlinks
def test_glob_does_not_follow_a_symlink_out_of_its_folder(tree, capsys):
    (tree / "x.plan.yaml").symlink_to("../secret.txt")
    code, out, _ = validate(capsys, "d/*.plan.yaml")
    assert code == 2 and "GEHEIM" not in out
    assert "d/x.plan.yaml:1:1: fout[bestand-onleesbaar]" in out


@needs_symlinks
def test_symlink_inside_the_folder_is_followed(tree, capsys):
    (tree / "sub").mkdir()
    (tree / "sub" / "kopie.plan.yaml").symlink_to("../velsen.plan.yaml")
    code, out, _ = validate(capsys, "d")
    assert code == 0, out
    assert "2 bestanden gecontroleerd" in out


@needs_symlinks
def test_a_plain_yaml_symlink_out_is_skipped_without_reading_it(tree, capsys):
    # not named like a plan: whether it is one would need reading the target, so it is left out
    (tree / "notities.yaml").symlink_to("../secret.txt")
    assert expand(["d"]) == ["d/velsen.plan.yaml"]
    refused: dict[str, str] = {}
    assert expand(["d"], refused) == ["d/velsen.plan.yaml"] and refused == {}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_a_fifo_in_a_folder_is_refused_not_waited_for(tree):
    os.mkfifo(tree / "wacht.plan.yaml")
    os.mkfifo(tree / "ook.yaml")
    proc = subprocess.run([sys.executable, "-m", "plancompiler", "validate", "d"], capture_output=True,
                          text=True, timeout=15, cwd=tree.parent)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "d/wacht.plan.yaml:1:1: fout[bestand-onleesbaar]" in proc.stdout
    assert "geen gewoon bestand" in proc.stdout
    assert "ook.yaml" not in proc.stdout  # not named like a plan, and not opened to find out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_refused_is_left_out_when_the_caller_cannot_report_it(tree):
    os.mkfifo(tree / "wacht.plan.yaml")
    assert expand(["d"]) == ["d/velsen.plan.yaml"]


@needs_symlinks
def test_a_named_symlink_out_of_its_folder_is_refused_too(tree, capsys):
    # what `plancompiler validate $(git ls-files '*.plan.yaml')` passes for a committed symlink
    (tree / "x.plan.yaml").symlink_to("../secret.txt")
    code, out, _ = validate(capsys, "d/x.plan.yaml", "d/velsen.plan.yaml")
    assert code == 2 and "GEHEIM" not in out
    assert "d/x.plan.yaml:1:1: fout[bestand-onleesbaar]" in out


@needs_symlinks
def test_a_named_symlink_inside_its_folder_is_followed(tree, capsys):
    (tree / "kopie.plan.yaml").symlink_to("velsen.plan.yaml")
    code, out, _ = validate(capsys, "d/kopie.plan.yaml")
    assert code == 0, out
