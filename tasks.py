"""Developer tasks without make: `python3 tasks.py example|test|bench|docs|review`.

Each task creates or updates the project's virtualenv in `.venv` first, so a fresh machine with
only Python 3.11+ needs nothing else.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
EXAMPLE = ROOT / "examples" / "velsen.plan.yaml"


def ensure_venv() -> None:
    """Create .venv and install the project with everything (core, documents, tests) when
    pyproject.toml changed. Users who only validate install the lean core (see README)."""
    stamp = VENV / ".plancompiler-stamp"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and PY.exists():
        return
    if not PY.exists():
        print("Virtuele omgeving aanmaken in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Afhankelijkheden installeren ...", flush=True)
    run([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-e", f"{ROOT}[documenten,test]"])
    # Byte-compile now: plancompiler runs in pre-commit hooks, where start-up time is felt, and
    # some environments set PYTHONDONTWRITEBYTECODE so the cache would never be written later.
    run([str(PY), "-m", "compileall", "-q", str(ROOT / "src"), str(VENV / "lib")])
    stamp.write_text(digest)


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


REVIEW = ROOT / "build" / "review"


def review(plans: list[str]) -> None:
    """Build every example (and tests/brochure/*.plan.yaml) to md, docx and html, and make page images
    a reviewer looks at: each DOCX through LibreOffice to PDF (its table of contents already filled by
    the build) and PNG, each HTML as a screenshot at 1200 px in Chromium and printed to PDF and PNG.
    Needs soffice, pdftoppm and chromium (apt: libreoffice-writer-nogui poppler-utils chromium), and the
    font Carlito (apt: fonts-crosextra-carlito), with Calibri's widths, for which the tables are laid out."""
    import shutil
    import tempfile

    tools = {"soffice": shutil.which("soffice") or shutil.which("libreoffice"), "pdftoppm": shutil.which("pdftoppm"),
             "chromium": shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")}
    missing = [name for name, path in tools.items() if not path]
    if missing:
        print("Niet gevonden: " + ", ".join(missing) + ". Installeer bijvoorbeeld met: apt-get install "
              "libreoffice-writer-nogui poppler-utils chromium fonts-crosextra-carlito")
        sys.exit(2)
    if shutil.which("fc-list") and "Carlito" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        print("Let op: het lettertype Carlito (fonts-crosextra-carlito) ontbreekt; LibreOffice zet de tekst dan in "
              "een breder lettertype en breekt woorden in tabellen af die in Word wel passen.")
    paths = [Path(p) for p in plans] or sorted((ROOT / "examples").glob("*.plan.yaml"))
    paths += [] if plans else sorted((ROOT / "tests" / "brochure").glob("*.plan.yaml"))
    profile = Path(tempfile.mkdtemp(prefix="plancompiler-review-"))
    try:
        for plan in paths:
            name = plan.name.split(".")[0]
            out = REVIEW / name
            if out.exists():
                shutil.rmtree(out)
            run([str(BIN / "plancompiler"), "build", str(plan), "-o", str(out), "--format", "md,docx,html", "--force"])
            pages = out / "pagina's"
            pages.mkdir()
            docs = sorted(out.glob("*.docx"))
            # a profile of our own, so a running LibreOffice (or another review) does not get in the way
            (out / "pdf").mkdir()
            uno_python = _python_with_uno()
            if uno_python:  # update the table of contents and page references, as Word does on opening
                subprocess.run([uno_python, "-c", LO_PDF, tools["soffice"], (profile / "lo").as_uri(), str(out / "pdf"),
                                *map(str, docs)], check=True, timeout=600)
            else:
                print("Let op: Python met 'uno' (python3-uno) niet gevonden; de paginanummers in de inhoudsopgave "
                      "zijn dan niet bijgewerkt.")
                subprocess.run([tools["soffice"], f"-env:UserInstallation={(profile / 'lo').as_uri()}", "--headless",
                                "--convert-to", "pdf", "--outdir", str(out / "pdf"), *map(str, docs)],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
            for html in sorted(out.glob("*.html")):
                chrome = [tools["chromium"], "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                          "--no-first-run", "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", f"--user-data-dir={profile / 'chromium'}", "--hide-scrollbars"]
                shot = pages / f"{html.stem}-html-1200px.png"
                subprocess.run(chrome + ["--window-size=1200,2400", f"--screenshot={shot}", html.as_uri()],
                               check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=120)
                printed = out / "pdf" / f"{html.stem}-html.pdf"
                subprocess.run(chrome + ["--no-pdf-header-footer", f"--print-to-pdf={printed}", html.as_uri()],
                               check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=120)
            for pdf in sorted((out / "pdf").glob("*.pdf")):
                subprocess.run([tools["pdftoppm"], "-png", "-r", "60", str(pdf), str(pages / pdf.stem)], check=True)
            subprocess.run([str(PY), "-c", CONTACT_SHEET, str(pages)], check=True)
            if shutil.which("pdftotext"):
                subprocess.run([str(PY), "-c", BROKEN_WORDS, str(out)], check=True)
            print(f"{name}: {len(list(pages.glob('*.png')))} afbeeldingen in {pages.relative_to(ROOT)}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print(f"Overzichten per document: {REVIEW.relative_to(ROOT)}/*/pagina's/overzicht-*.png")


def _python_with_uno() -> str | None:
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3", "python3"):
        try:
            if subprocess.run([candidate, "-c", "import uno"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0:
                return candidate
        except OSError:
            continue
    return None


# DOCX -> PDF in LibreOffice over UNO, with the table of contents and page references updated first.
LO_PDF = """
import os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue
soffice, profile, outdir, *docs = sys.argv[1:]
pipe = 'plancompiler_review_%d' % os.getpid()
proc = subprocess.Popen([soffice, '-env:UserInstallation=' + profile, '--headless', '--invisible', '--norestore',
                         '--accept=pipe,name=%s;urp;' % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(200):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            time.sleep(0.3)
    else:
        sys.exit('LibreOffice start niet')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    for path in docs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), '_blank', 0,
                                           (prop('Hidden', True),))
        for _ in range(2):  # twice: the page numbers settle once the contents have their length
            indexes = doc.getDocumentIndexes()
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.getTextFields().refresh()
        target = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + '.pdf')
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop('FilterName', 'writer_pdf_Export'),))
        doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
"""


# Words LibreOffice broke in two: a piece of a word in the PDF that is no word of the document itself.
BROKEN_WORDS = """
import re, subprocess, sys, zipfile
from pathlib import Path
out = Path(sys.argv[1])
for docx in sorted(out.glob('*.docx')):
    z = zipfile.ZipFile(docx)
    xml = ' '.join(z.read(n).decode('utf-8') for n in z.namelist() if re.match(r'word/(document|header|footer)', n))
    plain = ' '.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', xml)).lower()
    words = set(re.findall(r'\\w+', plain))
    words |= {w.replace('-', '') for w in re.findall(r'\\w+(?:-\\w+)+', plain)}  # broken after the hyphen
    pdf = out / 'pdf' / (docx.stem + '.pdf')
    text = subprocess.run(['pdftotext', str(pdf), '-'], capture_output=True, text=True).stdout
    pieces = sorted({w for w in re.findall(r'\\w+', text.lower()) if w not in words and not w.isdigit() and len(w) > 1})
    print(f'  {docx.name}: ' + ('geen afgebroken woorden' if not pieces else
                                 f'{len(pieces)} woorddelen die niet in het document staan: ' + ', '.join(pieces[:15])))
"""


# One overview image per document (all its pages side by side), made with Pillow in the virtualenv.
CONTACT_SHEET = """
import sys
from pathlib import Path
from PIL import Image
pages = Path(sys.argv[1])
groups = {}
for png in sorted(p for p in pages.glob('*-[0-9]*.png') if not p.stem.endswith('px')):
    groups.setdefault(png.stem.rsplit('-', 1)[0], []).append(png)
for doc, files in groups.items():
    ims = [Image.open(f) for f in files]
    w = max(i.width for i in ims); h = max(i.height for i in ims); cols = min(6, len(ims))
    sheet = Image.new('RGB', (w * cols, h * ((len(ims) + cols - 1) // cols)), 'white')
    for n, im in enumerate(ims):
        sheet.paste(im, ((n % cols) * w, (n // cols) * h))
    sheet.save(pages / f'overzicht-{doc}.png')
"""


def main(argv: list[str]) -> None:
    task = argv[0] if argv else "help"
    if task == "example":
        ensure_venv()
        run([str(BIN / "plancompiler"), "build", str(EXAMPLE.relative_to(ROOT)),
             "--format", "md,docx,html", "--force"])
    elif task == "test":
        ensure_venv()
        run([str(PY), "-m", "pytest", *argv[1:]])
    elif task == "bench":
        ensure_venv()
        # Time plancompiler as users install it (pip, pipx, pre-commit): a regular install of this
        # checkout, byte-compiled, in a venv of its own. The development venv's editable install
        # adds an import hook to every start of Python there (about 30 ms, docs/performance.md).
        bench_venv = ROOT / "bench" / "work" / "venv"
        bench_py = bench_venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        if not bench_py.exists():
            venv.EnvBuilder(with_pip=True, clear=True).create(bench_venv)
        run([str(bench_py), "-m", "pip", "install", "-q", "--disable-pip-version-check", f"{ROOT}[documenten,bench]"])
        run([str(bench_py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--force-reinstall",
             "--no-deps", str(ROOT)])
        run([str(bench_py), "-m", "compileall", "-q", str(bench_venv / "lib")])
        run([str(bench_py), "bench/run.py", *argv[1:]])
    elif task == "docs":
        ensure_venv()
        # docs/regels/<id>.md from the rule metadata, the same text `plancompiler explain` shows
        run([str(PY), "-c", "import sys; from plancompiler.commands.explain import write_pages; "
             "changed = write_pages('docs/regels'); print('docs/regels: ' + (', '.join(changed) or 'actueel'))"])
    elif task == "venv":
        ensure_venv()
    elif task == "review":
        ensure_venv()
        review(argv[1:])
    else:
        print(__doc__)
        sys.exit(0 if task == "help" else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
