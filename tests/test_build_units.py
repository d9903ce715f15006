"""The units of ``build`` one by one: output folder, lock, stage, move-in with journal, interrupts."""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from plancompiler import render
from plancompiler.compiler import compile_file
from plancompiler.render import BuildError, manifest, outdir, stage
from plancompiler.render.interrupt import Interrupts

ROOT = Path(__file__).resolve().parents[1]
VELSEN = ROOT / "examples" / "velsen.plan.yaml"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX")
MD = render.targets_for(("md",))


# -- outdir ---------------------------------------------------------------------------------------------

def test_ensure_dir_reports_what_it_created_and_tolerates_existing(tmp_path):
    target = tmp_path / "a" / "b" / "c"
    assert outdir.ensure_dir(target) == [tmp_path / "a", tmp_path / "a" / "b", target]
    assert outdir.ensure_dir(target) == []
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        outdir.ensure_dir(tmp_path / "bestand" / "sub")
    outdir.remove_dirs([tmp_path / "a", tmp_path / "a" / "b", target])
    assert not (tmp_path / "a").exists()


@POSIX
def test_lock_is_exclusive_and_removed_on_release(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCOMPILER_LOCK_TIMEOUT", "0.2")
    first, second = outdir.Lock(tmp_path), outdir.Lock(tmp_path)
    first.acquire([])
    with pytest.raises(BuildError) as info:
        second.acquire([])
    assert info.value.code == 2 and "0,2 seconden" in info.value.message
    first.release()
    assert not (tmp_path / render.LOCK).exists()
    second.acquire([])  # free again, on a fresh lock file
    assert (tmp_path / render.LOCK).exists()
    second.release()


@POSIX
def test_symlinked_or_file_folders_are_refused(tmp_path):
    (tmp_path / "elders").mkdir()
    out = tmp_path / "uit"
    out.mkdir()
    assert outdir.symlinked_folders(out, MD) == []
    (out / render.FIG_DIR).symlink_to(tmp_path / "elders", target_is_directory=True)
    assert outdir.symlinked_folders(out, MD) == [render.FIG_DIR]
    (out / render.FIG_DIR).unlink()
    (out / render.FIG_DIR).write_text("x", encoding="utf-8")
    with pytest.raises(BuildError, match="koppeling of geen map"):
        outdir.check_folders(out, MD)


# -- stage ----------------------------------------------------------------------------------------------

def test_stage_renders_every_markdown_file_and_figure(tmp_path):
    compiled = compile_file(VELSEN)
    ctx = render.prepare(compiled.plan, compiled.result.diagnostics)
    new, src = stage.make_dirs(tmp_path)
    stage.render_all(render, ctx, ("md",), new, src)
    staged = sorted(str(p.relative_to(new)) for p in new.rglob("*") if p.is_file())
    assert staged == MD
    assert (new / "plan-van-aanpak.md").read_text(encoding="utf-8").startswith("# Plan van aanpak")
    assert "](figuren/participatieladder.svg" in (new / "plan-van-aanpak.md").read_text(encoding="utf-8")


# -- manifest, journal, move-in ---------------------------------------------------------------------------

def staged(tmp_path: Path, content: str) -> tuple[Path, Path]:
    out, work = tmp_path / "uit", tmp_path / "uit" / ".plancompiler-test"
    for rel in MD:
        (work / "nieuw" / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / "nieuw" / rel).write_text(f"{content} {rel}\n", encoding="utf-8")
    return out, work


def test_move_in_commits_files_and_manifest(tmp_path):
    out, work = staged(tmp_path, "nieuw")
    assert manifest.move_in(out, work, MD, {}) == MD
    data = json.loads((out / render.MANIFEST).read_text(encoding="utf-8"))
    assert manifest.JOURNAL not in data
    assert data["bestanden"] == {rel: manifest.sha256(out / rel) for rel in MD}


def test_a_failed_move_is_rolled_back_with_the_previous_manifest(tmp_path, monkeypatch):
    out, work = staged(tmp_path, "oud")
    manifest.move_in(out, work, MD, {})
    before = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file() and work not in p.parents}
    import shutil

    shutil.rmtree(work)
    out, work = staged(tmp_path, "nieuw")
    real, calls = os.replace, {"n": 0}

    def failing(src, dst):
        calls["n"] += 1
        if calls["n"] == 6:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        manifest.move_in(out, work, MD, manifest.files_of(manifest.read(out)))
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file() and work not in p.parents}
    assert after == before


def test_recover_undoes_a_move_left_by_a_kill(tmp_path):
    out, work = staged(tmp_path, "nieuw")
    out.mkdir(exist_ok=True)
    (out / "spelregels.md").write_text("oud\n", encoding="utf-8")
    old_sha = manifest.sha256(out / "spelregels.md")
    manifest.write(out, work, {"spelregels.md": old_sha})
    (work / "manifest.oud").write_bytes((out / render.MANIFEST).read_bytes())
    journal = {"werkmap": work.name, "nieuw": {rel: "x" for rel in MD}, "bestonden": ["spelregels.md"]}
    manifest.write(out, work, {"spelregels.md": old_sha}, journal)
    # the kill came after two files: spelregels.md went to oud/, the new one took its place
    (work / "oud").mkdir()
    os.replace(out / "spelregels.md", work / "oud" / "spelregels.md")
    os.replace(work / "nieuw" / "spelregels.md", out / "spelregels.md")
    os.replace(work / "nieuw" / "draaiboek.md", out / "draaiboek.md")
    manifest.recover(out)
    assert sorted(p.name for p in out.iterdir()) == [render.MANIFEST, "spelregels.md"]
    assert (out / "spelregels.md").read_text(encoding="utf-8") == "oud\n"
    assert manifest.read(out) == json.loads(manifest.text({"spelregels.md": old_sha}))


@pytest.mark.parametrize("journal", [
    {"werkmap": "../../buiten", "nieuw": {"spelregels.md": "x"}, "bestonden": []},
    {"werkmap": ".plancompiler-x", "nieuw": {"../../buiten/doel.md": "x"}, "bestonden": []},
    {"werkmap": ".plancompiler-x", "nieuw": {"spelregels.md": "x"}, "bestonden": [], "mappen": [".."]},
    "geen journaal",
])
def test_a_hostile_journal_is_ignored(tmp_path, journal):
    out = tmp_path / "uit"
    (out / ".plancompiler-x").mkdir(parents=True)
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "doel.md").write_text("blijft\n", encoding="utf-8")
    (out / "spelregels.md").write_text("van de gebruiker\n", encoding="utf-8")
    (out / render.MANIFEST).write_text(json.dumps({"bestanden": {}, manifest.JOURNAL: journal}), encoding="utf-8")
    manifest.recover(out)
    assert (outside / "doel.md").read_text(encoding="utf-8") == "blijft\n"
    assert (out / "spelregels.md").read_text(encoding="utf-8") == "van de gebruiker\n"
    assert not (out / ".plancompiler-x").exists()  # a left-over work folder is removed


# -- interrupts -------------------------------------------------------------------------------------------

@POSIX
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signals_raise_keyboardinterrupt_except_while_held(signum):
    previous = signal.getsignal(signum)
    with Interrupts() as interrupts:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signum)
            time.sleep(5)  # the handler interrupts the sleep
        with interrupts.held():
            os.kill(os.getpid(), signum)
            time.sleep(0.05)
        assert interrupts.pending == signum
    assert signal.getsignal(signum) == previous


# -- convert -------------------------------------------------------------------------------------------

@POSIX
def test_converter_abort_ends_running_pandoc_and_starts_no_new_one(tmp_path):
    import stat

    from plancompiler.render import pandoc

    slow = tmp_path / "pandoc"
    slow.write_text("#!/bin/sh\necho $$ >> \"$0.pids\"\nexec sleep 60\n", encoding="utf-8")
    slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
    source = tmp_path / "doc.md"
    source.write_text("# Kop\n", encoding="utf-8")
    conv = pandoc.Converter(slow, None, 0, workers=2)
    for i in range(4):  # two run, two wait in the pool
        conv.submit(pandoc.Job(source, tmp_path / f"doc{i}.html", "titel"))
    pids_file = tmp_path / "pandoc.pids"
    deadline = time.monotonic() + 30
    while (not pids_file.exists() or len(pids_file.read_text().split()) < 2) and time.monotonic() < deadline:
        time.sleep(0.02)
    pids = [int(p) for p in pids_file.read_text().split()]
    started = time.monotonic()
    conv.abort()
    assert time.monotonic() - started < 10
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert len(pids_file.read_text().split()) == 2  # the waiting jobs never started


def test_metadata_text_is_one_line_without_what_xml_forbids():
    from plancompiler.render.pandoc import metadata_text

    assert metadata_text("Spelregels — Velsen") == "Spelregels — Velsen"
    assert metadata_text("a\x00b\x1b[2K\r\nc\ufffe\uffff\ud800  d\t") == "a b [2K c d"


def test_a_roll_back_that_cannot_finish_keeps_journal_and_old_files_for_the_next_build(tmp_path, monkeypatch):
    import shutil

    out, work = staged(tmp_path, "oud")
    manifest.move_in(out, work, MD, {})
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and work not in p.parents}
    shutil.rmtree(work)
    out, work = staged(tmp_path, "nieuw")
    real, calls = os.replace, {"n": 0}

    def failing(src, dst):
        calls["n"] += 1
        if calls["n"] == 6 or (calls["n"] > 6 and Path(dst).name == "draaiboek.md"):
            raise OSError(5, "Input/output error")  # the move fails, and so does putting one file back
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        manifest.move_in(out, work, MD, manifest.files_of(manifest.read(out)))
    monkeypatch.undo()
    assert manifest.pending(out, work) and (work / "oud" / "draaiboek.md").is_file()
    manifest.recover(out)  # the next build, with a working disk
    after = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


# -- several short documents in one pandoc process (bundle.lua) -----------------------------------

SHORT = {
    "een": "# Eerste document\n\n**Gemeente:** Velsen\n\n## Deel\n\nTekst met *nadruk*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "twee": "# Tweede document\n\n## Regels\n\n1. Eén\n2. Twee\n",
    "drie": "# Derde document\n\nKort.\n",
}


def _short_documents(tmp_path: Path, out: Path, formats=("docx", "html")):
    from plancompiler.render import pandoc

    out.mkdir()
    documents = []
    for name, text in SHORT.items():
        source = tmp_path / f"{name}.md"
        source.write_text(text, encoding="utf-8")
        documents.append((source, [pandoc.Job(source, out / f"{name}.{fmt}", f"{name.title()} — Velsen",
                                              meta=(("status", "concept"),)) for fmt in formats]))
    return documents


def test_a_bundle_makes_every_document_byte_for_byte_as_one_process_each_would(tmp_path):
    from plancompiler.render import pandoc

    found = pandoc.find_pandoc()
    together, apart = tmp_path / "samen", tmp_path / "apart"
    bundled = pandoc.Converter(found, render.REFERENCE_DOCX, 1767225600)
    documents = _short_documents(tmp_path, together)
    assert pandoc._bundleable(documents)
    bundled.submit_documents(documents)
    bundled.finish()
    single = pandoc.Converter(found, render.REFERENCE_DOCX, 1767225600)
    for source, jobs in _short_documents(tmp_path, apart):
        single.submit_document(source, jobs)
    single.finish()
    names = sorted(p.name for p in apart.iterdir())
    assert names == sorted(p.name for p in together.iterdir()) and len(names) == 6
    for name in names:
        assert (together / name).read_bytes() == (apart / name).read_bytes(), name
    assert "<title>Twee — Velsen</title>" in (together / "twee.html").read_text(encoding="utf-8")


def test_only_documents_with_the_same_options_and_a_docx_are_bundled(tmp_path):
    from plancompiler.render import pandoc

    documents = _short_documents(tmp_path, tmp_path / "uit")
    source, jobs = documents[1]
    assert not pandoc._bundleable(documents[:1] + [(source, [jobs[0]._replace(toc=1), jobs[1]])])
    assert not pandoc._bundleable(documents[:1] + [(source, [jobs[0]])])  # not the same formats
    assert not pandoc._bundleable(_short_documents(tmp_path, tmp_path / "html", formats=("html",)))
    assert pandoc._bundleable(_short_documents(tmp_path, tmp_path / "docx", formats=("docx",)))


def test_a_bundle_whose_titles_do_not_match_its_documents_fails_clearly(tmp_path):
    from plancompiler.render import pandoc

    documents = _short_documents(tmp_path, tmp_path / "uit")
    documents[1][0].write_text("# Tweede\n\n# Nog een titel\n", encoding="utf-8")
    conv = pandoc.Converter(pandoc.find_pandoc(), render.REFERENCE_DOCX, 0)
    conv.submit_documents(documents)
    with pytest.raises(pandoc.PandocError, match="3 documenten verwacht, maar 4 titels gevonden"):
        conv.finish()
