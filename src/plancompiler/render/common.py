"""What every step of the build shares: document and file names, formats, errors, the result.

A leaf module: the units of the build (``pipeline``, ``outdir``, ``stage``, ``manifest``) import
their names from here, never from the package, so there is no import cycle.
"""
from __future__ import annotations

from pathlib import Path

from ..records import record
from ..resources import TEMPLATES_DIR

DOCUMENTS = ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader", "controlerapport")
TITLES = {"plan-van-aanpak": "Plan van aanpak", "spelregels": "Spelregels voor deelnemers",
          "draaiboek": "Draaiboek", "evaluatiekader": "Evaluatiekader", "controlerapport": "Controlerapport"}
FORMATS = ("md", "docx", "html")
DEFAULT_FORMATS = ("md", "docx")
FIG_DIR = "figuren"
FIGURES = {"ladder": "participatieladder.svg", "tijdlijn": "tijdlijn.svg"}
# Short captions, keyed by the figure's name (its image title); the long description is the alt text.
# Here, not in figures.py: docx_layout reads them, and figures.py reads docx_layout's font widths.
CAPTIONS = {"participatieladder": "De participatieladder: gekozen trede, comfortzone en uitkomst van de quickscan.",
            "tijdlijn": "Tijdlijn van de fasen, activiteiten en mijlpalen."}
MANIFEST = ".plancompiler-manifest.json"
LOCK = ".plancompiler-lock"  # held while a build writes into the output folder (see outdir.py)
REFERENCE_DOCX = Path(TEMPLATES_DIR) / "reference.docx"


class BuildError(Exception):
    """A build that cannot proceed; ``code`` is the exit status (2 usage/output, 3 pandoc)."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class PlanHasErrors(Exception):
    """The plan does not pass validation (or could not be read); nothing was written."""

    def __init__(self, compiled):
        super().__init__("plan has errors")
        self.compiled = compiled


@record
class BuildResult:
    output_dir: Path
    written: tuple[str, ...] = ()  # relative names, sorted
    compiled: object = None


# -- parsing of options -------------------------------------------------------------------------------

def parse_formats(text: str | None) -> tuple[str, ...]:
    if text is None or not str(text).strip():
        return DEFAULT_FORMATS
    wanted = []
    for part in str(text).split(","):
        part = part.strip().lower()
        if not part:
            continue
        if part not in FORMATS:
            raise BuildError(2, f"onbekend formaat '{part}'. Kies uit: {', '.join(FORMATS)} "
                                "(met komma's gescheiden, bijvoorbeeld --format md,docx,html).")
        if part not in wanted:
            wanted.append(part)
    if not wanted:
        raise BuildError(2, "geen formaat opgegeven. Kies uit: " + ", ".join(FORMATS) + ".")
    return tuple(f for f in FORMATS if f in wanted)


def default_output_dir(plan_path: str | Path) -> Path:
    name = Path(plan_path).name
    for suffix in (".plan.yaml", ".plan.yml", ".yaml", ".yml"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return Path("build") / name


def png_name(svg_name: str) -> str:
    return svg_name[: -len(".svg")] + ".png"


def targets_for(formats: tuple[str, ...]) -> list[str]:
    names = [f"{doc}.{fmt}" for fmt in formats for doc in DOCUMENTS]
    names += [f"{FIG_DIR}/{f}" for f in FIGURES.values()]
    names += [f"{FIG_DIR}/{png_name(f)}" for f in FIGURES.values()]
    return sorted(names)
