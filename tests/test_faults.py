"""Environment faults: disk full, no permission, an interrupted build; the plan itself is never touched.

Each fault must give a clear message and an exit status other than 0 (130 for an interrupt), leave
no partial or temporary files, and leave the documents of the previous build as they were. The
entry point under test is ``plancompiler.entry.main``: the same function the installed command runs,
with its handling of KeyboardInterrupt and unexpected errors. (Broken or missing pandoc, a move
that fails halfway and a read-only output directory are covered in tests/test_build.py.)
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from plancompiler import render
from plancompiler.entry import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name.split(".")[0]: p for p in (ROOT / "examples").glob("*.plan.yaml")}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_main(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    code = info.value.code if isinstance(info.value.code, int) else (0 if info.value.code is None else 1)
    assert "Traceback" not in out + err
    return code, out, err


def snapshot(directory: Path) -> dict[str, str]:
    if not directory.exists():
        return {}
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def leftovers(directory: Path) -> list[str]:
    """Temporary files or directories a build could leave behind, anywhere below directory."""
    return [str(p) for p in directory.rglob("*") if p.name.startswith(".plancompiler-") and
            p.name != render.MANIFEST or p.name.endswith(".tmp")]


@pytest.fixture
def previous(tmp_path, capsys):
    """An output directory holding a complete earlier build of velsen (Markdown)."""
    out = tmp_path / "uit"
    code, _, err = run_main(capsys, "build", EXAMPLES["velsen"], "-o", out, "--format", "md")
    assert code == 0, err
    return out, snapshot(out)


def enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# ---- disk full ---------------------------------------------------------------------------------------

def test_disk_full_while_writing_documents(previous, capsys, monkeypatch):
    out, before = previous
    real_write = Path.write_text
    calls = {"n": 0}

    def full_after_two(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 2:
            enospc()
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_after_two)
    code, out_text, err = run_main(capsys, "build", EXAMPLES["dorpshaven"], "-o", out, "--format", "md")
    monkeypatch.setattr(Path, "write_text", real_write)
    assert code == 2
    assert "No space left on device" in err or "schijf" in err
    assert "niets gewijzigd" in err
    assert snapshot(out) == before
    assert not leftovers(out.parent)


def test_disk_full_on_first_build_leaves_no_directory(tmp_path, capsys, monkeypatch):
    out = tmp_path / "nieuw" / "uit"
    monkeypatch.setattr(render.os, "replace", enospc)
    code, _, err = run_main(capsys, "build", EXAMPLES["velsen"], "-o", out, "--format", "md")
    assert code == 2 and err.strip()
    assert not out.exists()
    assert not leftovers(tmp_path)


def test_disk_full_when_writing_a_validate_report_keeps_the_old_report(tmp_path, capsys, monkeypatch):
    from plancompiler import fsutil

    report = tmp_path / "rapport.json"
    report.write_text("oud rapport\n", encoding="utf-8")
    monkeypatch.setattr(fsutil.os, "replace", enospc)
    code, _, err = run_main(capsys, "validate", "--format", "json", "-o", report, EXAMPLES["velsen"])
    assert code != 0 and err.strip()
    assert report.read_text(encoding="utf-8") == "oud rapport\n"
    assert not leftovers(tmp_path)


def test_disk_full_when_writing_a_validate_report_is_not_an_internal_error(tmp_path, capsys, monkeypatch):
    from plancompiler import fsutil

    monkeypatch.setattr(fsutil.os, "replace", enospc)
    code, _, err = run_main(capsys, "validate", "-o", tmp_path / "rapport.txt", EXAMPLES["velsen"])
    assert code == 2 and "interne fout" not in err
    assert "de schijf is vol" in err


# ---- no permission -----------------------------------------------------------------------------------

def test_output_dir_that_cannot_be_created(tmp_path, capsys, monkeypatch):
    """Permission denied while creating the work directory (works as root too: simulated)."""
    import tempfile

    def denied(*_a, **_k):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    out = tmp_path / "uit"
    code, _, err = run_main(capsys, "build", EXAMPLES["velsen"], "-o", out, "--format", "md")
    assert code == 2 and "uitvoermap" in err
    assert not out.exists()


@pytest.mark.skipif(IS_ROOT, reason="root ignores file permissions; simulated in the test above")
def test_read_only_parent_directory(tmp_path, capsys):
    parent = tmp_path / "alleen-lezen"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        code, _, err = run_main(capsys, "build", EXAMPLES["velsen"], "-o", parent / "uit", "--format", "md")
        assert code == 2 and err.strip()
        assert list(parent.iterdir()) == []
    finally:
        parent.chmod(0o755)


def test_output_below_a_file(tmp_path, capsys):
    """The root-proof way to get 'cannot create': a path below an ordinary file."""
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run_main(capsys, "build", EXAMPLES["velsen"], "-o", blocker / "sub" / "uit", "--format", "md")
    assert code == 2 and "uitvoermap" in err
    assert blocker.read_text(encoding="utf-8") == "x"


# ---- interrupted builds --------------------------------------------------------------------------

def interrupt(*_a, **_k):
    raise KeyboardInterrupt


@pytest.mark.parametrize("when", ["render", "move", "manifest"])
def test_interrupted_build_changes_nothing(previous, capsys, monkeypatch, when):
    out, before = previous
    if when == "render":
        real = render.render_document
        calls = {"n": 0}

        def slow_then_interrupt(ctx, name):
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
            return real(ctx, name)

        monkeypatch.setattr(render, "render_document", slow_then_interrupt)
    else:
        real_replace = os.replace
        calls = {"n": 0}
        stop_at = 3 if when == "move" else len(render.targets_for(("md",))) + 1

        def replace(src, dst):
            calls["n"] += 1
            if calls["n"] == stop_at:
                raise KeyboardInterrupt
            return real_replace(src, dst)

        monkeypatch.setattr(render.os, "replace", replace)
    code, _, err = run_main(capsys, "build", EXAMPLES["dorpshaven"], "-o", out, "--format", "md")
    monkeypatch.undo()
    assert code == 130
    assert "Afgebroken" in err
    assert snapshot(out) == before
    assert not leftovers(out.parent)


def test_interrupted_pandoc_step_changes_nothing(previous, capsys, monkeypatch):
    from plancompiler.render import pandoc

    try:
        pandoc.find_pandoc()
    except pandoc.PandocError:
        pytest.skip("pandoc is not available")
    out, before = previous
    monkeypatch.setattr(pandoc.Converter, "finish", interrupt)
    code, _, err = run_main(capsys, "build", EXAMPLES["dorpshaven"], "-o", out, "--format", "md,html")
    assert code == 130 and "Afgebroken" in err
    assert snapshot(out) == before
    assert not leftovers(out.parent)


def test_interrupted_validate_exits_130(capsys, monkeypatch):
    from plancompiler import compiler

    monkeypatch.setattr(compiler, "read_file", interrupt)
    code, _, err = run_main(capsys, "validate", EXAMPLES["velsen"])
    assert code == 130 and "Afgebroken" in err


def test_unexpected_error_is_a_clear_message_not_a_traceback(previous, capsys, monkeypatch):
    out, before = previous
    monkeypatch.delenv("PLANCOMPILER_DEBUG", raising=False)

    def bug(*_a, **_k):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(render, "render_document", bug)
    code, _, err = run_main(capsys, "build", EXAMPLES["dorpshaven"], "-o", out, "--format", "md")
    assert code == 3 and "interne fout" in err and "meld" in err
    assert snapshot(out) == before
    assert not leftovers(out.parent)


# ---- the plan is read, never written -----------------------------------------------------------------

def test_validate_and_build_never_modify_the_plan(tmp_path, capsys):
    formats = "md"
    try:
        from plancompiler.render import pandoc

        pandoc.find_pandoc()
        formats = "md,docx,html"
    except Exception:  # noqa: BLE001 - without pandoc, Markdown proves the point too
        pass
    for name, source in sorted(EXAMPLES.items()):
        plan = tmp_path / source.name
        shutil.copy2(source, plan)
        os.chmod(plan, 0o444)  # a plan checked out read-only must still work
        stat_before = plan.stat()
        digest = hashlib.sha256(plan.read_bytes()).hexdigest()
        fmt = formats if name == "dorpshaven" else "md"  # pandoc once is enough: it only reads
        for args in (["validate", plan], ["validate", "--format", "json", plan],
                     ["build", plan, "-o", tmp_path / f"uit-{name}", "--format", fmt]):
            code, _, err = run_main(capsys, *args)
            assert code == 0, err
        assert hashlib.sha256(plan.read_bytes()).hexdigest() == digest
        assert plan.stat().st_mtime_ns == stat_before.st_mtime_ns
        os.chmod(plan, 0o644)
    # nothing was written next to the plans except the chosen output directories
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [p.name for p in EXAMPLES.values()] + [f"uit-{n}" for n in EXAMPLES])


def test_build_of_a_bad_plan_writes_nothing_anywhere(tmp_path, capsys):
    bad = ROOT / "tests" / "corpus" / "bad" / "sleutel-tikfout-activiteit.plan.yaml"
    plan = tmp_path / bad.name
    shutil.copy2(bad, plan)
    code, _, err = run_main(capsys, "build", plan, "-o", tmp_path / "uit", "--format", "md")
    assert code == 1 and "instrumnet" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [bad.name]
