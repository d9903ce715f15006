"""Developer tasks without make: `python3 tasks.py example|test|bench|docs`.

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
        run([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", f"{ROOT}[bench]"])
        run([str(PY), "bench/run.py", *argv[1:]])
    elif task == "docs":
        ensure_venv()
        # docs/regels/<id>.md from the rule metadata, the same text `plancompiler explain` shows
        run([str(PY), "-c", "import sys; from plancompiler.commands.explain import write_pages; "
             "changed = write_pages('docs/regels'); print('docs/regels: ' + (', '.join(changed) or 'actueel'))"])
    elif task == "venv":
        ensure_venv()
    else:
        print(__doc__)
        sys.exit(0 if task == "help" else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
