"""``build``: a short orchestration over compile → output folder → stage → convert → move in.

Each step is its own unit: ``outdir`` (create, lock, symlink checks), ``manifest`` (conflicts,
journal, move-in, recovery), ``stage`` (render Markdown and figures), ``pandoc`` (convert), and
``interrupt`` (SIGINT/SIGTERM). Nothing is written to the output folder's documents until every file
has been produced in the work folder inside it. File names are fixed; nothing from the plan's
content ever becomes a path.
"""
from __future__ import annotations

import calendar
import os
import shutil
from pathlib import Path

from .common import (DEFAULT_FORMATS, REFERENCE_DOCX, BuildError, BuildResult, PlanHasErrors, default_output_dir,
                     parse_formats, targets_for)


def _epoch(plan) -> int:
    from .context import document_date

    return calendar.timegm(document_date(plan).timetuple())


def _tools(formats: tuple[str, ...], reference_doc) -> tuple[Path | None, Path | None]:
    """pandoc and the Word template, when the formats need them."""
    pandoc_path = ref = None
    if any(f in formats for f in ("docx", "html")):
        from .pandoc import PandocError, find_pandoc

        try:
            pandoc_path = find_pandoc()
        except PandocError as exc:
            raise BuildError(3, f"{exc} Alleen Markdown maken kan wel: --format md.") from None
    if "docx" in formats:
        ref = Path(reference_doc) if reference_doc else REFERENCE_DOCX
        if not ref.is_file():
            raise BuildError(2, f"het Word-sjabloon '{ref}' is niet gevonden.")
        if not os.access(ref, os.R_OK):
            raise BuildError(2, f"het Word-sjabloon '{ref}' kan niet worden gelezen.")
        ref = ref.resolve()
    return pandoc_path, ref


def _check_output(out: Path) -> None:
    if os.path.lexists(out) and not out.is_dir():
        raise BuildError(2, f"de uitvoermap '{out}' bestaat al als bestand. Kies met -o een andere map.")
    if out.exists() and not os.access(out, os.W_OK | os.X_OK):
        raise BuildError(2, f"in de uitvoermap '{out}' mag niet worden geschreven. Kies met -o een andere map.")


def build(plan_path: str | Path, output_dir: str | Path | None = None, formats=DEFAULT_FORMATS,
          reference_doc: str | Path | None = None, force: bool = False, catalog=None, *, renderer) -> BuildResult:
    """Build the documents for one plan. Raises PlanHasErrors, BuildError (code 2 or 3), and
    KeyboardInterrupt (also for SIGTERM) only when nothing new was put in place. ``renderer`` turns a
    plan into Markdown and figures (``prepare``, ``render_document``, …: the ``render`` package)."""
    from .interrupt import Interrupts

    if isinstance(formats, str):
        formats = parse_formats(formats)
    with Interrupts() as interrupts:
        from ..compiler import compile_file

        compiled = compile_file(plan_path, catalog)
        if compiled.result.unreadable or not compiled.ok or compiled.plan is None:
            raise PlanHasErrors(compiled)
        out = Path(output_dir) if output_dir else default_output_dir(plan_path)
        _check_output(out)
        pandoc_path, ref = _tools(formats, reference_doc)
        written = _locked_build(renderer, compiled, out, formats, pandoc_path, ref, force, interrupts)
    return BuildResult(out, tuple(written), compiled)


def _locked_build(renderer, compiled, out: Path, formats, pandoc_path, ref, force: bool, interrupts) -> list[str]:
    from .manifest import check, move_in, recover
    from .outdir import Lock, check_folders, ensure_dir, remove_dirs, work_dir

    targets = targets_for(formats)
    created: list[Path] = []
    lock = Lock(out)
    done = False
    try:
        try:
            created = ensure_dir(out)
            lock.acquire(created)
        except OSError as exc:
            raise _cannot_create(out, exc) from None
        recover(out)
        check_folders(out, targets)
        files = check(out, targets, force)
        try:
            work = work_dir(out)
        except OSError as exc:
            raise _cannot_create(out, exc) from None
        try:
            _produce(renderer, compiled, out, work, formats, pandoc_path, ref)
            with interrupts.held():
                written = move_in(out, work, targets, files)
                done = True
                interrupts.hold_until_exit()  # the new files are in place: the build has succeeded
        except OSError as exc:
            from ..fsutil import os_error_nl

            raise BuildError(2, f"kan niet schrijven in '{out}' ({os_error_nl(exc)}). Er is niets gewijzigd."
                             ) from None
        finally:
            _remove(out, work, done, interrupts)
    finally:
        lock.release()
        if not done:
            remove_dirs(created)
    return written


def _cannot_create(out: Path, exc: OSError) -> BuildError:
    from ..fsutil import os_error_nl

    return BuildError(2, f"kan de uitvoermap '{out}' niet aanmaken of er niet schrijven ({os_error_nl(exc)}). "
                         "Kies met -o een andere map.")


def _produce(renderer, compiled, out: Path, work: Path, formats, pandoc_path, ref) -> None:
    """Stage every file; pandoc converts while the next document renders."""
    from .stage import make_dirs, render_all

    ctx = renderer.prepare(compiled.plan, compiled.result.diagnostics)
    stage_dir, src = make_dirs(work)
    converter = None
    if pandoc_path is not None:
        from .pandoc import Converter

        converter = Converter(pandoc_path, ref, _epoch(compiled.plan), figures=src)
    try:
        render_all(renderer, ctx, formats, stage_dir, src, converter)
        if converter is not None:
            from .pandoc import PandocError

            try:
                converter.finish()
            except PandocError as exc:
                raise BuildError(3, f"{exc} Er is niets gewijzigd in '{out}'. Alleen Markdown maken kan wel: "
                                    "--format md.") from None
    except BaseException:
        if converter is not None:
            converter.abort()  # ends pandoc at once, also on an interrupt
        raise
    finally:
        if converter is not None:
            converter.__exit__(None, None, None)


def _remove(out: Path, work: Path, committed: bool, interrupts) -> None:
    """Remove the work folder, without being cut short by a second interrupt. After the commit an
    interrupt no longer means "nothing changed": the clean-up finishes and the build succeeds. A
    roll-back that could not finish keeps the folder: it holds the old files the journal names."""
    from .manifest import pending

    if not committed and pending(out, work):
        return
    with interrupts.held():
        for _ in range(3):
            try:
                shutil.rmtree(work, ignore_errors=True)
                return
            except KeyboardInterrupt:
                if not committed:
                    raise
