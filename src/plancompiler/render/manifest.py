"""The manifest and moving files into place, with a journal so that an interrupted move is undone.

``.plancompiler-manifest.json`` lists what plancompiler wrote, with each file's sha256, so that a
later build does not silently overwrite a document somebody edited by hand (unless ``--force``).

Moving in: the new files wait complete in the work folder (``nieuw/``). First the manifest gets a
journal (``journaal``: the work folder, the new files with their sha256, which targets existed),
then each old file goes to ``oud/`` and the new one takes its place, and finally the manifest is
written without journal: that rename is the commit. A failure or interrupt before the commit undoes
the move in-process; a SIGKILL or power cut leaves the journal, and the next build (holding the lock)
undoes it the same way before it starts (``recover``). The manifest is never read or written through
a symlink, and a journal only ever names plancompiler's own fixed file names.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from .common import FIG_DIR, FORMATS, MANIFEST, BuildError, targets_for

JOURNAL = "journaal"
NEW, OLD, SAVED_MANIFEST = "nieuw", "oud", "manifest.oud"
_WORK_NAME = re.compile(r"\.plancompiler-[A-Za-z0-9_]+")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    with os.fdopen(fd, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def read(out: Path) -> dict:
    """The manifest as a dict (empty when missing, unreadable, a symlink or not plancompiler's)."""
    try:
        fd = os.open(out / MANIFEST, os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd, "rb") as fh:
            data = json.loads(fh.read(1 << 20).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def files_of(data: dict) -> dict[str, str]:
    files = data.get("bestanden")
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def text(files: dict[str, str], journal: dict | None = None) -> str:
    data = {"toelichting": "Door plancompiler gemaakte bestanden met hun sha256. Wijzigt u een "
                           "bestand, dan overschrijft plancompiler build het alleen met --force.",
            "bestanden": dict(sorted(files.items()))}
    if journal is not None:
        data[JOURNAL] = journal
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(out: Path, work: Path, files: dict[str, str], journal: dict | None = None) -> None:
    tmp = work / (MANIFEST + ".tmp")
    tmp.write_text(text(files, journal), encoding="utf-8", newline="\n")
    os.replace(tmp, out / MANIFEST)


def conflicts(out: Path, targets: list[str], files: dict[str, str]) -> list[str]:
    """Targets (and the manifest) that are symlinks, folders, or files plancompiler did not write as
    they are now."""
    found = []
    for rel in targets + [MANIFEST]:
        p = out / rel
        if p.is_symlink() or p.is_dir():
            found.append(rel)
        elif rel != MANIFEST and os.path.lexists(p):
            try:
                if files.get(rel) != sha256(p):
                    found.append(rel)
            except OSError:
                found.append(rel)
    return found


def check(out: Path, targets: list[str], force: bool) -> dict[str, str]:
    """The files of the current manifest; BuildError when the build would overwrite foreign files."""
    files = files_of(read(out))
    found = conflicts(out, targets, files)
    if found and not force:
        shown = ", ".join(found[:6]) + (f" en nog {len(found) - 6}" if len(found) > 6 else "")
        raise BuildError(2, f"in '{out}' staan bestanden die plancompiler niet zelf heeft gemaakt of die daarna "
                            f"zijn gewijzigd: {shown}. Die worden niet overschreven. Bewaar uw wijzigingen "
                            "elders, kies met -o een andere map, of gebruik --force om ze te overschrijven.")
    return files


def move_in(out: Path, work: Path, targets: list[str], files: dict[str, str]) -> list[str]:
    """Move the staged files (``work/nieuw``) into ``out`` and commit the manifest; undone on failure."""
    from .outdir import ensure_dir

    new, old = work / NEW, work / OLD
    shas = {rel: sha256(new / rel) for rel in targets}
    journal = {"werkmap": work.name, "nieuw": shas,
               "bestonden": sorted(rel for rel in targets if os.path.lexists(out / rel))}
    if (out / MANIFEST).is_file() and not (out / MANIFEST).is_symlink():
        shutil.copyfile(out / MANIFEST, work / SAVED_MANIFEST)
    final = {rel: sha for rel, sha in files.items() if rel not in shas and (out / rel).is_file()}
    final.update(shas)
    write(out, work, files, journal)
    try:
        created = ensure_dir(out / FIG_DIR)
        journal_dirs = [str(d.relative_to(out)) for d in created]
        if journal_dirs:  # a folder made for the move is removed again by a roll-back
            journal["mappen"] = journal_dirs
            write(out, work, files, journal)
        for rel in targets:
            dst = out / rel
            if os.path.lexists(dst):
                (old / rel).parent.mkdir(parents=True, exist_ok=True)
                os.replace(dst, old / rel)
            os.replace(new / rel, dst)
        write(out, work, final)  # the commit
    except BaseException:
        roll_back(out, work, journal)
        raise
    return sorted(targets)


def roll_back(out: Path, work: Path, journal: dict) -> bool:
    """Undo a move that did not commit: old files back, new ones out, the previous manifest back.
    False when a file could not be put back: then the journal (and the work folder with the old
    files) stays for the next build to try again."""
    new, old = work / NEW, work / OLD
    complete = True
    for rel in journal["nieuw"]:
        dst = out / rel
        try:
            if os.path.lexists(old / rel):
                os.replace(old / rel, dst)
            elif rel not in journal["bestonden"] and os.path.lexists(dst) and not os.path.lexists(new / rel):
                dst.unlink()
        except OSError:
            complete = False
    for folder in reversed(journal.get("mappen", [])):
        try:
            os.rmdir(out / folder)
        except OSError:
            pass
    if not complete:
        return False
    try:
        if os.path.lexists(work / SAVED_MANIFEST):
            os.replace(work / SAVED_MANIFEST, out / MANIFEST)
        elif os.path.lexists(out / MANIFEST):
            os.unlink(out / MANIFEST)
    except OSError:
        return False
    return True


def pending(out: Path, work: Path) -> bool:
    """Does the manifest still hold the journal of ``work`` (a roll-back that did not finish)?"""
    journal = read(out).get(JOURNAL)
    return isinstance(journal, dict) and journal.get("werkmap") == work.name


def _valid_journal(journal) -> bool:
    known = set(targets_for(FORMATS))
    return (isinstance(journal, dict) and isinstance(journal.get("werkmap"), str)
            and _WORK_NAME.fullmatch(journal["werkmap"]) is not None
            and isinstance(journal.get("nieuw"), dict) and set(journal["nieuw"]) <= known
            and isinstance(journal.get("bestonden"), list) and set(journal["bestonden"]) <= known
            and set(journal.get("mappen", [])) <= {FIG_DIR})


def recover(out: Path) -> None:
    """Undo a move that an earlier build did not finish (its journal is in the manifest) and remove
    work folders that interrupted builds left. Only called while holding the output folder's lock."""
    journal = read(out).get(JOURNAL)
    if journal is not None and _valid_journal(journal):
        work = out / journal["werkmap"]
        if not work.is_symlink() and not roll_back(out, work, journal):
            raise BuildError(2, f"een eerder afgebroken build in '{out}' kon niet worden teruggedraaid (de vorige "
                                f"bestanden staan in {work.name}/oud). Controleer de rechten en de vrije ruimte "
                                "en probeer het opnieuw.")
    remove_work_dirs(out)


def remove_work_dirs(out: Path) -> None:
    try:
        entries = list(os.scandir(out))
    except OSError:
        return
    for entry in entries:
        if _WORK_NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
