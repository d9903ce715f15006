"""Running pandoc: find the binary once, call it directly, several conversions at a time.

Lookup order: the ``PLANCOMPILER_PANDOC`` environment variable (tests use it to simulate a missing or
broken pandoc), the binary bundled with pypandoc-binary (found by path, without importing pypandoc),
then ``pandoc`` on PATH. No probe processes: a broken pandoc shows itself when a conversion fails.
Every call runs with ``--sandbox`` and a Markdown reader whose raw-passing extensions are off.
Text on pandoc's command line (the page title) passes ``metadata_text`` first, and pandoc runs in a
UTF-8 locale whatever the caller's, so the output does not depend on ``LANG``/``LC_ALL``.
A build that is interrupted calls ``Converter.abort``: running pandoc processes are ended.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..records import record
from ..resources import TEMPLATES_DIR

# Markdown as plancompiler writes it; everything that could pass raw content through is off.
RAW_OFF = ("markdown-raw_html-raw_attribute-raw_tex-latex_macros-yaml_metadata_block"
           "-citations-native_divs-native_spans-tex_math_dollars-tex_math_single_backslash")
# Syntax the templates never write is off as well: the reader then tries fewer constructs at every
# line (docs/performance.md), and user text has even less that could be read as markup.
# tests/test_build.py shows that the examples' documents read the same with and without these.
UNUSED = ("multiline_tables", "simple_tables", "grid_tables", "table_captions", "definition_lists",
          "example_lists", "task_lists", "line_blocks", "footnotes", "inline_notes", "pandoc_title_block",
          "subscript", "superscript", "strikeout", "fenced_divs", "bracketed_spans", "link_attributes",
          "header_attributes")
READER = RAW_OFF + "".join(f"-{name}" for name in UNUSED)
TIMEOUT = 120  # seconds per conversion
ALSO_HTML = Path(__file__).with_name("also_html.lua")
STYLESHEET = Path(TEMPLATES_DIR) / "stijl.css"  # embedded in every HTML page by also_html.lua
LAYOUT = Path(__file__).with_name("layout.lua")  # title block and figure captions (DOCX and HTML)
BUNDLE = Path(__file__).with_name("bundle.lua")  # several short documents in one process


# Characters XML 1.0 forbids (pandoc would write them into docProps/custom.xml and the HTML title),
# and line breaks, which have no place in a one-line title.
_NOT_IN_XML = re.compile("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def metadata_text(text: str) -> str:
    """Text for a pandoc metadata value: one line, nothing XML forbids; the one place for this.

    Validation already refuses such characters in a plan; this is the second layer.
    """
    return " ".join(_NOT_IN_XML.sub(" ", text).split())


def child_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for pandoc: the caller's, in a UTF-8 locale (pandoc decodes its arguments
    with the locale's encoding; under LC_ALL=C the title would be garbled)."""
    env = dict(os.environ if base is None else base)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "en_US.UTF-8" if sys.platform == "darwin" else "C.UTF-8"
    return env


class PandocError(Exception):
    """pandoc is missing or failed; the message is for the user (Dutch)."""


@record
class Job:
    source: Path  # the Markdown file
    target: Path  # .docx or .html
    title: str = ""  # HTML page title (plain text, passed as metadata string)
    meta: tuple = ()  # (key, plain text) pairs passed as metadata strings (see docx_layout.document_meta)
    toc: int = 0  # depth of the table of contents (0: none)
    title_page: bool = False  # DOCX: the title block on a page of its own
    new_pages: bool = False  # DOCX: every section (level-1 heading) on a new page


def _bundled() -> Path | None:
    try:
        spec = importlib.util.find_spec("pypandoc")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
    candidate = Path(spec.origin).parent / "files" / name
    return candidate if candidate.is_file() else None


def find_pandoc() -> Path:
    """The pandoc binary to use, or PandocError with a clear message."""
    env = os.environ.get("PLANCOMPILER_PANDOC")
    if env:
        path = Path(env)
        if not path.is_file() or not os.access(path, os.X_OK):
            raise PandocError(f"pandoc is niet gevonden: PLANCOMPILER_PANDOC wijst naar '{env}', maar daar "
                              "staat geen uitvoerbaar programma.")
        return path
    bundled = _bundled()
    if bundled and os.access(bundled, os.X_OK):
        return bundled
    found = shutil.which("pandoc")
    if found:
        return Path(found)
    raise PandocError("pandoc is niet gevonden. Installeer plancompiler opnieuw (pypandoc-binary levert "
                      "pandoc mee) of zet PLANCOMPILER_PANDOC op het pad van pandoc.")


def _command(pandoc: Path, job: Job, reference_doc: Path | None) -> list[str]:
    fmt = job.target.suffix.lstrip(".")
    cmd = [str(pandoc), "--sandbox", "--quiet", "-f", READER, "-t", fmt, "-o", str(job.target)]
    if fmt == "docx" and reference_doc is not None:
        cmd.append(f"--reference-doc={reference_doc}")
    if fmt == "html":
        cmd += ["--standalone", "-M", "lang=nl"]
        if job.title:
            cmd += ["-M", f"pagetitle={metadata_text(job.title)}"]
    cmd += _layout_options(job)
    if fmt == "html":
        cmd.append(f"--lua-filter={ALSO_HTML}")
    cmd.append(str(job.source))
    return cmd


def _layout_options(job: Job) -> list[str]:
    """Metadata (literal strings), table of contents and the layout filter for DOCX and HTML."""
    cmd = []
    for key, value in job.meta:
        cmd += ["-M", f"{key}={metadata_text(str(value))}"]
    if job.toc:  # in HTML the sections stay <h2> under the title's <h1>: one level deeper (layout.lua)
        depth = int(job.toc) + (1 if job.target.suffix == ".html" else 0)
        cmd += ["--toc", f"--toc-depth={depth}"]
    return cmd + [f"--lua-filter={LAYOUT}"]


def _docx_and_html(jobs: list[Job]) -> tuple[Job, Job | None]:
    by_format = {job.target.suffix: job for job in jobs}
    return by_format[".docx"], by_format.get(".html")


def _bundleable(documents: list[tuple[Path, list[Job]]]) -> bool:
    """One process can convert these documents: each is made as DOCX (the process's main output),
    all in the same formats, with the same layout options (the command line is shared)."""
    shapes = set()
    for _, jobs in documents:
        suffixes = tuple(sorted(job.target.suffix for job in jobs))
        if ".docx" not in suffixes or len(set(suffixes)) != len(suffixes):
            return False
        docx = _docx_and_html(jobs)[0]
        shapes.add((suffixes, docx.meta, docx.toc, docx.new_pages))
    return len(shapes) == 1


class Converter:
    """Runs conversions concurrently while the caller goes on preparing the next ones.

    ``submit`` starts a conversion right away (in a thread that waits on a pandoc subprocess);
    ``finish`` waits for all of them and raises PandocError for the first failure.
    """

    def __init__(self, pandoc: Path, reference_doc: Path | None, epoch: int, workers: int | None = None,
                 figures: Path | None = None):
        self.pandoc = pandoc
        self.reference_doc = reference_doc
        self.env = dict(child_env(), SOURCE_DATE_EPOCH=str(epoch), PLANCOMPILER_CSS=str(STYLESHEET))
        if figures is not None:  # layout.lua and also_html.lua read each figure's data URI there
            self.env["PLANCOMPILER_FIGURES"] = str(figures)
        self.epoch = epoch
        # At most ``workers`` pandoc processes at a time (each uses one core); a thread whose pandoc
        # has ended lays out its DOCX while the next pandoc already runs in the freed slot.
        self.slots = threading.BoundedSemaphore(workers or max(2, os.cpu_count() or 2))
        self.pool = ThreadPoolExecutor(max_workers=16)
        self.futures = []
        self.running: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.aborted = False

    def submit(self, job: Job) -> None:
        self.futures.append(self.pool.submit(self._run, job))

    def submit_document(self, source: Path, jobs: list[Job]) -> None:
        """Convert one Markdown file to its formats in one pandoc process, parsing it once.

        With both DOCX and HTML, pandoc writes the DOCX and our Lua filter ``also_html.lua`` writes
        the HTML from the same document tree, still under --sandbox: the Markdown reader and the
        start of a pandoc process are the costly parts of a conversion.
        """
        by_format = {job.target.suffix: job for job in jobs}
        if len(jobs) == 2 and ".docx" in by_format and ".html" in by_format:
            self.futures.append(self.pool.submit(self._run, by_format[".docx"], by_format[".html"]))
        else:
            for job in jobs:
                self.submit(job)

    def submit_documents(self, documents: list[tuple[Path, list[Job]]]) -> None:
        """Convert several Markdown files, in one pandoc process where they can share one.

        Short documents with the same layout options and formats, DOCX among them, go to one process:
        pandoc reads them as one text, ``bundle.lua`` splits it at the documents' titles and writes
        every document but the first itself (with the same filters and writer options); the start
        of a pandoc process costs about as much as converting a short document. Others go one by one
        (``submit_document``)."""
        if len(documents) > 1 and _bundleable(documents):
            self.futures.append(self.pool.submit(self._run_bundle, documents))
        else:
            for source, jobs in documents:
                self.submit_document(source, jobs)

    def _prepare(self, job: Job, html: Job | None) -> tuple[list[str], dict[str, str]]:
        cmd, env = _command(self.pandoc, job, self.reference_doc), self.env
        if job.new_pages:  # also_html.lua: the same section breaks in the HTML's print layout
            env = dict(env, PLANCOMPILER_NEW_PAGES="1")
        if html is not None:  # the same process also writes the HTML (see submit_document)
            cmd[-1:-1] = ["-M", "lang=nl", "-M", f"pagetitle={metadata_text(html.title)}",
                          f"--lua-filter={ALSO_HTML}"]
            env = dict(env, PLANCOMPILER_HTML_OUT=str(html.target))
        return cmd, env

    def _run(self, job: Job, html: Job | None = None) -> str | None:
        cmd, env = self._prepare(job, html)
        with self.slots:
            outcome = self._convert(cmd, env, job, html)
        return outcome if outcome is not None else self._polish(job)

    def _run_bundle(self, documents: list[tuple[Path, list[Job]]]) -> str | None:
        pairs = [_docx_and_html(jobs) for _, jobs in documents]
        job, html = pairs[0]
        cmd, env = self._prepare(job, html)
        at = cmd.index(f"--lua-filter={LAYOUT}")  # split first: layout.lua works on one document
        cmd[at:at] = [f"--lua-filter={BUNDLE}"]
        cmd[-1:] = [str(source) for source, _ in documents]
        env = dict(env, PLANCOMPILER_BUNDLE=json.dumps(  # [docx, html or "", page title] per further document
            [[str(docx.target), str(h.target) if h else "", metadata_text(h.title) if h else ""]
             for docx, h in pairs[1:]]))
        with self.slots:
            outcome = self._convert(cmd, env, job, html)
        if outcome is not None:
            return outcome
        for docx, h in pairs[1:]:
            if not docx.target.is_file() or (h is not None and not h.target.is_file()):
                return f"pandoc kon {docx.target.name} niet maken (het bestand ontbrak na de omzetting)."
        for docx, _ in pairs:
            outcome = self._polish(docx)
            if outcome is not None:
                return outcome
        return None

    def _polish(self, job: Job) -> str | None:
        """The DOCX post-processing (docx_layout.polish): layout, title page, the plan's date."""
        if job.target.suffix != ".docx":
            return None
        try:
            from .docx_layout import polish

            polish(job.target, title_page=job.title_page, new_pages=job.new_pages, epoch=self.epoch)
        except (OSError, zipfile.BadZipFile) as exc:
            return f"pandoc maakte een onleesbaar Word-bestand {job.target.name} ({exc})."
        return None

    def _convert(self, cmd: list[str], env: dict[str, str], job: Job, html: Job | None) -> str | None:
        """Run one pandoc process to its end; the error message, or None."""
        pandoc = self.pandoc
        try:
            proc = self._spawn(cmd, env)
        except FileNotFoundError:
            return f"pandoc is niet gevonden op '{pandoc}'."
        except PermissionError:
            return f"pandoc op '{pandoc}' kan niet worden gestart (geen toestemming)."
        except OSError as exc:
            return f"pandoc op '{pandoc}' kan niet worden gestart ({exc.strerror or exc})."
        if proc is None:
            return "de build is afgebroken."
        try:
            _, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return f"pandoc reageerde niet binnen {TIMEOUT} seconden bij {job.target.name}."
        finally:
            with self.lock:
                self.running.discard(proc)
        if self.aborted:
            return "de build is afgebroken."
        if proc.returncode != 0 or not job.target.is_file() or (html is not None and not html.target.is_file()):
            detail = stderr.decode("utf-8", "replace").strip().splitlines()
            tail = " ".join(detail[-3:]) if detail else "geen foutmelding"
            return f"pandoc kon {job.target.name} niet maken (exitcode {proc.returncode}): {tail}"
        return None

    def _spawn(self, cmd: list[str], env: dict[str, str]) -> subprocess.Popen | None:
        with self.lock:  # abort() either sees this process or stops it from starting
            if self.aborted:
                return None
            proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            self.running.add(proc)
            return proc

    def abort(self) -> None:
        """End every running pandoc (SIGTERM, then SIGKILL) and start no new one."""
        with self.lock:
            self.aborted = True
            procs = list(self.running)
        for proc in procs:
            try:
                proc.terminate()
            except OSError:
                pass
        for proc in procs:
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def finish(self) -> None:
        errors = []
        try:
            while self.futures:
                error = self.futures.pop(0).result()
                if error:
                    errors.append(error)
        finally:
            self.pool.shutdown(wait=True)
        if errors:
            extra = f" (en nog {len(errors) - 1} keer een fout)" if len(errors) > 1 else ""
            raise PandocError(f"pandoc werkt niet goed: {errors[0]}{extra}")

    def __enter__(self) -> "Converter":
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
