"""Interrupted builds: SIGTERM like SIGINT, pandoc ended, no temp folders, and a journal in the
manifest that lets the next build finish or roll back a move that a SIGKILL cut short.

The random-kill soak runs PLANCOMPILER_KILL_RUNS builds (default 10) of alternating plans into one
output folder and kills each at a random moment with SIGTERM, SIGKILL or SIGINT; after each, the
next (Markdown-only) build must succeed without --force, leave no temp folders, and leave an output
whose every file is described by the manifest and entirely from one build.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from plancompiler import render
from testutil import has_pandoc

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds pandoc through /proc")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name.split(".")[0]: p for p in (ROOT / "examples").glob("*.plan.yaml")}


def snapshot(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and not p.is_symlink()}


def temp_dirs(directory: Path) -> list[str]:
    return [str(p) for p in directory.rglob(".plancompiler-*") if p.name != render.MANIFEST]


def pandoc_running(marker: str) -> list[int]:
    """Processes whose command line mentions ``marker`` (the output folder) and pandoc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmd and "pandoc" in cmd.split("\0", 1)[0]:
            found.append(int(entry.name))
    return found


def build_cmd(plan: Path, out: Path, formats: str) -> list[str]:
    return [sys.executable, "-m", "plancompiler", "build", str(plan), "-o", str(out), "--format", formats]


def build(plan: Path, out: Path, formats: str = "md") -> subprocess.CompletedProcess:
    return subprocess.run(build_cmd(plan, out, formats), capture_output=True, text=True, timeout=300)


def assert_consistent(out: Path) -> dict[str, str]:
    """Every file in ``out`` is described by the manifest with its sha256, and vice versa."""
    files = snapshot(out)
    manifest = json.loads((out / render.MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest) == {"toelichting", "bestanden"}, manifest.keys()  # no journal left
    files.pop(render.MANIFEST)
    assert files == manifest["bestanden"]
    return files


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    """Each example built once in every format: what a complete build of it looks like."""
    formats = "md,docx,html" if has_pandoc() else "md"
    refs = {}
    for name in ("velsen", "dorpshaven"):
        out = tmp_path_factory.mktemp("ref") / name
        proc = build(EXAMPLES[name], out, formats)
        assert proc.returncode == 0, proc.stderr
        refs[name] = snapshot(out)
        refs[name].pop(render.MANIFEST)
    return formats, refs


# -- SIGTERM and SIGINT ------------------------------------------------------------------------------

@needs_proc
@pytest.mark.skipif(not has_pandoc(), reason="pandoc is not available")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_while_pandoc_runs_ends_pandoc_and_leaves_no_temp_folder(tmp_path, signum):
    out = tmp_path / "uit"
    proc = subprocess.Popen(build_cmd(EXAMPLES["velsen"], out, "md,docx,html"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not pandoc_running(str(tmp_path)) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the build ended before pandoc started"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Afgebroken" in err and "Traceback" not in err
    assert not pandoc_running(str(tmp_path))
    assert not temp_dirs(tmp_path)
    assert not out.exists() or sorted(p.name for p in out.iterdir()) == []


# -- SIGKILL in the middle of moving the files in: the journal -----------------------------------------

KILLER = textwrap.dedent("""
    import os, signal, sys
    from plancompiler.entry import main
    calls = {"n": 0}
    real = os.replace
    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(src, dst)
    os.replace = replace
    main(["build", *sys.argv[2:]])
""")


@pytest.mark.parametrize("at", [1, 2, 3, 9, 17, 18])
def test_next_build_recovers_from_a_kill_during_the_move(tmp_path, at):
    out = tmp_path / "uit"
    assert build(EXAMPLES["velsen"], out).returncode == 0
    killed = subprocess.run([sys.executable, "-c", KILLER, str(at), str(EXAMPLES["dorpshaven"]), "-o", str(out),
                             "--format", "md"], capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = build(EXAMPLES["velsen"], out)
    assert again.returncode == 0, again.stderr
    assert not temp_dirs(tmp_path)
    assert assert_consistent(out) == snapshot_of_build(tmp_path / "ref", EXAMPLES["velsen"])


def snapshot_of_build(out: Path, plan: Path) -> dict[str, str]:
    assert build(plan, out).returncode == 0
    files = snapshot(out)
    files.pop(render.MANIFEST)
    return files


# -- an interrupt after the new files are in place ------------------------------------------------------

def test_interrupt_during_final_clean_up_is_not_reported_as_aborted(tmp_path, capsys, monkeypatch):
    import shutil

    from plancompiler.entry import main

    out = tmp_path / "uit"
    real = shutil.rmtree
    calls = {"n": 0}

    def interrupted_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", interrupted_once)
    with pytest.raises(SystemExit) as info:
        main(["build", str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md"])
    _, err = capsys.readouterr()
    monkeypatch.undo()
    assert info.value.code == 0, err
    assert "Afgebroken" not in err
    assert calls["n"] >= 1
    assert_consistent(out)
    assert not temp_dirs(tmp_path)


# -- random kills -------------------------------------------------------------------------------------

@needs_proc
def test_random_kills_leave_an_output_the_next_build_completes(tmp_path, references):
    formats, refs = references
    runs = int(os.environ.get("PLANCOMPILER_KILL_RUNS", "10"))
    rng = random.Random(int(os.environ.get("PLANCOMPILER_KILL_SEED", "13")))
    out = tmp_path / "uit"
    assert build(EXAMPLES["velsen"], out, formats).returncode == 0
    started = time.monotonic()
    assert build(EXAMPLES["dorpshaven"], out, formats).returncode == 0
    duration = time.monotonic() - started
    tally = {"SIGTERM": 0, "SIGKILL": 0, "SIGINT": 0, "finished": 0, "exit 0": 0, "exit 130": 0, "killed": 0,
             "at start-up": 0}
    for i in range(runs):
        name = ("velsen", "dorpshaven")[i % 2]
        before = snapshot(out)
        signum = rng.choice([signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
        proc = subprocess.Popen(build_cmd(EXAMPLES[name], out, formats), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0, duration * 1.1))
        if proc.poll() is None:
            proc.send_signal(signum)
            tally[signum.name] += 1
        else:
            tally["finished"] += 1
        _, err = proc.communicate(timeout=120)
        # -SIGINT/-SIGTERM: the signal came while Python was starting, before any handler existed
        assert proc.returncode in (0, 130, -signal.SIGKILL, -signal.SIGINT, -signal.SIGTERM), err
        tally[{0: "exit 0", 130: "exit 130", -signal.SIGKILL: "killed"}.get(proc.returncode, "at start-up")] += 1
        assert "Traceback" not in err
        if proc.returncode in (130, -signal.SIGINT, -signal.SIGTERM):  # nothing new, nothing left behind
            assert not temp_dirs(tmp_path), (i, signum)
            assert not pandoc_running(str(out))
            assert snapshot(out) == before, (i, signum)
        # what a SIGKILL leaves behind is the next build's job; pandoc orphans end by themselves
        deadline = time.monotonic() + 60
        while pandoc_running(str(out)) and time.monotonic() < deadline:
            time.sleep(0.05)
        check = rng.choice(["velsen", "dorpshaven"])
        again = build(EXAMPLES[check], out)  # Markdown only, without --force
        assert again.returncode == 0, (i, signum, again.stderr)
        assert not temp_dirs(tmp_path), (i, signum)
        files = assert_consistent(out)
        md = {k: v for k, v in files.items() if not k.endswith((".docx", ".html"))}
        assert md == {k: v for k, v in refs[check].items() if not k.endswith((".docx", ".html"))}
        rest = {k: v for k, v in files.items() if k.endswith((".docx", ".html"))}
        # DOCX and HTML were not rebuilt: all from one earlier build (killed or not), never a mix
        assert any(rest == {k: v for k, v in ref.items() if k in rest} for ref in refs.values()), (i, signum)
        assert set(rest) == {k for k in refs[check] if k.endswith((".docx", ".html"))}
    print(f"\nkill runs: {runs}, {tally}")


# -- SIGTERM outside build -------------------------------------------------------------------------------

SLOW_VALIDATE = textwrap.dedent("""
    import sys, time
    import plancompiler.compiler as compiler
    import plancompiler.entry as entry

    def slow(*_a, **_k):
        print("bezig", flush=True)
        time.sleep(60)

    compiler.compile_file = slow
    sys.argv = ["plancompiler", "validate", sys.argv[1]]
    entry.console()
""")


def test_sigterm_ends_validate_like_ctrl_c(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", SLOW_VALIDATE, str(EXAMPLES["velsen"])], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "bezig"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Afgebroken." in err and "Traceback" not in err


# A signal whose handler runs inside a weakref callback (the import system has one) or a finaliser:
# Python cannot propagate the KeyboardInterrupt from there. The console re-delivers it.
SWALLOWED_INTERRUPT = textwrap.dedent("""
    import sys, weakref
    from plancompiler import entry

    class Thing:
        pass

    def raise_interrupt(_ref):
        raise KeyboardInterrupt  # what the SIGTERM handler does, had the signal come here

    def work(_args):
        thing = Thing()
        ref = weakref.ref(thing, raise_interrupt)
        del thing  # the callback runs now; its exception cannot propagate
        for _ in range(10_000_000):
            pass
        print("niet afgebroken", flush=True)
        return 0

    entry._dispatch = work
    sys.argv = ["plancompiler", "validate", "x"]
    entry.console()
""")


def test_an_interrupt_inside_a_weakref_callback_is_not_lost():
    proc = subprocess.run([sys.executable, "-c", SWALLOWED_INTERRUPT], capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (130, "", "Afgebroken.\n")


# Ctrl-C while Python is still loading plancompiler (before any handler of ours exists): the
# KeyboardInterrupt that Python's own SIGINT handler raises there must not end in a traceback.
INTERRUPTED_IMPORT = textwrap.dedent("""
    import runpy, sys

    class Interrupting:
        def find_spec(self, name, path=None, target=None):
            if name == "plancompiler.entry":
                raise KeyboardInterrupt
            return None

    sys.meta_path.insert(0, Interrupting())
    sys.argv = ["plancompiler", "validate", "x"]
    runpy.run_module("plancompiler", run_name="__main__")
""")


def test_an_interrupt_while_python_loads_plancompiler_ends_quietly():
    proc = subprocess.run([sys.executable, "-c", INTERRUPTED_IMPORT], capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (130, "", "Afgebroken.\n")
