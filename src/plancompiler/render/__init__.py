"""The build pipeline: compile → context → Markdown (jinja2) → figures (SVG) → pandoc → move into place.

Nothing is written to the output directory until every file has been produced in a temporary
directory next to it; then the files are moved in one by one, with a rollback if a move fails. A small
manifest (``.plancompiler-manifest.json``) records what the tool wrote and its sha256, so that a later
build does not silently overwrite a document somebody edited by hand (unless ``force``).

File names are fixed; nothing from the plan's content ever becomes a path. The only files pandoc may
read are the ones on its command line (``--sandbox``): the generated Markdown and the reference doc.
Figures reach DOCX and HTML as ``data:`` URIs that this module builds from its own SVG.
"""
from __future__ import annotations

import base64
import calendar
import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import os_error_nl
from ..resources import TEMPLATES_DIR

DOCUMENTS = ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader", "controlerapport")
TITLES = {"plan-van-aanpak": "Plan van aanpak", "spelregels": "Spelregels voor deelnemers",
          "draaiboek": "Draaiboek", "evaluatiekader": "Evaluatiekader", "controlerapport": "Controlerapport"}
FORMATS = ("md", "docx", "html")
DEFAULT_FORMATS = ("md", "docx")
FIG_DIR = "figuren"
FIGURES = {"ladder": "participatieladder.svg", "tijdlijn": "tijdlijn.svg"}
MANIFEST = ".plancompiler-manifest.json"
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


@dataclass
class BuildResult:
    output_dir: Path
    written: list[str] = field(default_factory=list)  # relative names, sorted
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


# -- rendering -------------------------------------------------------------------------------------------

_ENV = None


def environment():
    """The jinja2 environment: strict, no autoescape for HTML, but every value escaped for Markdown."""
    global _ENV
    if _ENV is None:
        import jinja2

        from .escape import Raw, escape_block, escape_cell, escape_inline

        def finalize(value):
            if isinstance(value, Raw):
                return value
            if value is None:
                return ""
            return escape_inline(value)

        from ..datacache import cache_dir

        cache = cache_dir()
        bytecode = None
        if cache:  # compiling the four templates costs more than rendering them
            try:
                os.makedirs(os.path.join(cache, "templates"), exist_ok=True)
                bytecode = jinja2.FileSystemBytecodeCache(os.path.join(cache, "templates"))
            except OSError:
                bytecode = None
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
            bytecode_cache=bytecode,
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            finalize=finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["para"] = lambda v: Raw(escape_block(v))
        env.filters["cell"] = lambda v: Raw(escape_cell(v))
        env.globals["BR"] = Raw("\\")
        _ENV = env
    return _ENV


_BLANKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def figure_data(ctx: dict) -> dict[str, str]:
    """The SVG text of each figure, keyed by file name."""
    from .figures import ladder_svg, timeline_svg

    return {FIGURES["ladder"]: ladder_svg(**ctx["_ladder"]), FIGURES["tijdlijn"]: timeline_svg(**ctx["_tijdlijn"])}


def figure_png(ctx: dict) -> dict[str, bytes]:
    """The same figures as PNG (for Word), keyed by file name."""
    from .figures import ladder_png, timeline_png

    return {png_name(FIGURES["ladder"]): ladder_png(**ctx["_ladder"]),
            png_name(FIGURES["tijdlijn"]): timeline_png(**ctx["_tijdlijn"])}


def png_name(svg_name: str) -> str:
    return svg_name[: -len(".svg")] + ".png"


def _figure_inputs(plan, ctx: dict) -> None:
    cat = plan.catalog
    amb = ctx["ambitie"]
    t = plan.type_gewenst
    alt_ladder = (f"Participatieladder met vijf treden, van informeren tot meebeslissen. Gekozen trede: "
                  f"{amb['trede'].lower()}. Comfortzone van het gewenste gemeentetype: {amb['comfortzone'].lower()}.")
    if amb["score"] is not None:
        alt_ladder += f" Quickscan: score {amb['score']}, past bij {amb['band'].lower()}."
    ctx["_ladder"] = {"treden": cat.treden, "chosen": plan.trede, "comfortzone": plan.comfortzone,
                      "band": plan.quickscan_band, "score": plan.quickscan_score,
                      "type_label": f"(type {t['id']})" if t else "", "title": alt_ladder}
    rows = []
    for f in ctx["fasen"]:
        rows.append({"label": f["naam"], "van": f["van_d"], "tot": f["tot_d"],
                     "activiteiten": [{"nr": a["nr"], "datum": a["datum_d"], "einddatum": a["einddatum_d"]}
                                      for a in f["activiteiten"]]})
    dates = [d for d in (plan.start, plan.eind) if d]
    for r in rows:
        dates += [d for d in (r["van"], r["tot"]) if d]
        dates += [d for a in r["activiteiten"] for d in (a["datum"], a["einddatum"]) if d]
    milestones = [{"label": m["label"], "datum": m["datum_d"]} for m in ctx["planning"]["mijlpalen"]]
    dates += [m["datum"] for m in milestones]
    from .context import document_date, nl_date

    start = min(dates) if dates else document_date(plan)
    end = max(dates) if dates else start
    alt_tijdlijn = (f"Tijdlijn van {nl_date(start)} tot {nl_date(end)}: {len(rows)} fasen als balken en "
                    f"{len(ctx['activiteiten'])} activiteiten als genummerde stippen"
                    + (", met de mijlpalen " + " en ".join(m["label"] for m in milestones) if milestones else "")
                    + ".")
    ctx["_tijdlijn"] = {"rows": rows, "milestones": milestones, "start": start, "end": end, "title": alt_tijdlijn}
    ctx["_alts"] = {"ladder": alt_ladder, "tijdlijn": alt_tijdlijn}


# Placeholder for a figure's URL in the rendered Markdown. User text can never produce it: every
# "@" and "-" in user text is backslash-escaped.
def _placeholder(key: str) -> str:
    return f"@@plancompiler-figure-{key}@@"


def render_document(ctx: dict, name: str) -> str:
    """One document as Markdown, with placeholders where the figures' URLs go."""
    from .escape import Raw

    env = environment()
    # "naam" is the image title: plancompiler's own word, by which the HTML step finds the SVG
    fig = {key: {"src": Raw(_placeholder(key)), "alt": ctx["_alts"][key],
                 "naam": Raw(FIGURES[key][: -len(".svg")])} for key in FIGURES}
    return _tidy(env.get_template(f"{name}.md.j2").render(dict(ctx, fig=fig)))


def with_figures(text: str, figure_src: dict[str, str]) -> str:
    for key, src in figure_src.items():
        text = text.replace(_placeholder(key), src)
    return text


def prepare(plan, diagnostics) -> dict:
    from .context import build_context

    ctx = build_context(plan, diagnostics)
    _figure_inputs(plan, ctx)
    return ctx


# -- the build -----------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def _read_manifest(out: Path) -> dict[str, str]:
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("bestanden") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _manifest_text(files: dict[str, str]) -> str:
    return json.dumps({"toelichting": "Door plancompiler gemaakte bestanden met hun sha256. Wijzigt u een "
                                      "bestand, dan overschrijft plancompiler build het alleen met --force.",
                       "bestanden": dict(sorted(files.items()))}, ensure_ascii=False, indent=2) + "\n"


def targets_for(formats: tuple[str, ...]) -> list[str]:
    names = [f"{doc}.{fmt}" for fmt in formats for doc in DOCUMENTS]
    names += [f"{FIG_DIR}/{f}" for f in FIGURES.values()]
    names += [f"{FIG_DIR}/{png_name(f)}" for f in FIGURES.values()]
    return sorted(names)


def _mkdirs(path: Path) -> list[Path]:
    """Create ``path`` and missing parents; return the directories created (outermost first)."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    missing.reverse()
    for d in missing:
        d.mkdir()
    return missing


def _rmdirs(dirs: list[Path]) -> None:
    for d in reversed(dirs):
        try:
            d.rmdir()
        except OSError:
            pass


def _epoch(plan) -> int:
    from .context import document_date

    return calendar.timegm(document_date(plan).timetuple())


def build(plan_path: str | Path, output_dir: str | Path | None = None, formats=DEFAULT_FORMATS,
          reference_doc: str | Path | None = None, force: bool = False, catalog=None) -> BuildResult:
    """Build the documents for one plan. Raises PlanHasErrors, BuildError (code 2 or 3)."""
    from ..compiler import compile_file

    if isinstance(formats, str):
        formats = parse_formats(formats)
    compiled = compile_file(plan_path, catalog)
    if compiled.result.unreadable or not compiled.ok or compiled.plan is None:
        raise PlanHasErrors(compiled)
    plan = compiled.plan

    out = Path(output_dir) if output_dir else default_output_dir(plan_path)
    if out.exists() and not out.is_dir():
        raise BuildError(2, f"de uitvoermap '{out}' bestaat al als bestand. Kies met -o een andere map.")
    if out.exists() and not os.access(out, os.W_OK | os.X_OK):
        raise BuildError(2, f"in de uitvoermap '{out}' mag niet worden geschreven. Kies met -o een andere map.")

    needs_pandoc = any(f in formats for f in ("docx", "html"))
    pandoc_path = None
    ref = None
    if needs_pandoc:
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

    targets = targets_for(formats)
    manifest = _read_manifest(out) if out.is_dir() else {}
    conflicts = []
    for rel in targets + [MANIFEST]:
        p = out / rel
        if p.is_symlink() or p.is_dir():
            conflicts.append(rel)
        elif p.exists() and rel != MANIFEST:
            try:
                if manifest.get(rel) != _sha256(p):
                    conflicts.append(rel)
            except OSError:
                conflicts.append(rel)
    if conflicts and not force:
        shown = ", ".join(conflicts[:6]) + (f" en nog {len(conflicts) - 6}" if len(conflicts) > 6 else "")
        raise BuildError(2, f"in '{out}' staan bestanden die plancompiler niet zelf heeft gemaakt of die daarna "
                            f"zijn gewijzigd: {shown}. Die worden niet overschreven. Bewaar uw wijzigingen "
                            "elders, kies met -o een andere map, of gebruik --force om ze te overschrijven.")

    # -- render; each document goes to pandoc as soon as it is ready ---------------------------------
    ctx = prepare(plan, compiled.result.diagnostics)
    key_of = {v: k for k, v in FIGURES.items()}
    relative = {key_of[n]: f"{FIG_DIR}/{n}" for n in FIGURES.values()}

    created: list[Path] = []
    try:
        created = _mkdirs(out.parent) if not out.parent.exists() else []
        tmp = Path(tempfile.mkdtemp(prefix=".plancompiler-", dir=str(out.parent)))
    except OSError as exc:
        _rmdirs(created)
        raise BuildError(2, f"kan de uitvoermap '{out}' niet aanmaken of er niet schrijven "
                            f"({os_error_nl(exc)}). Kies met -o een andere map.") from None
    try:
        stage = tmp / "uit"
        (stage / FIG_DIR).mkdir(parents=True)
        src = tmp / "pandoc"
        src.mkdir()
        data_uris: dict[str, str] = {}

        def draw_figures() -> None:
            """Draw the figures (only the plan van aanpak shows them), while pandoc already converts
            the draaiboek."""
            svgs = figure_data(ctx)
            pngs = figure_png(ctx)
            svg_uris = {key_of[n]: "data:image/svg+xml;base64," + base64.b64encode(t.encode("utf-8")).decode("ascii")
                        for n, t in svgs.items()}
            png_uris = {key_of[n]: "data:image/png;base64," + base64.b64encode(pngs[png_name(n)]).decode("ascii")
                        for n in svgs}
            for name, svg in svgs.items():
                (stage / FIG_DIR / name).write_text(svg, encoding="utf-8", newline="\n")
                (stage / FIG_DIR / png_name(name)).write_bytes(pngs[png_name(name)])
                (src / (name[: -len(".svg")] + ".svg-uri")).write_text(svg_uris[key_of[name]], encoding="ascii")
            # Word gets PNG (LibreOffice and older Word show no SVG); HTML keeps the SVG: when both are
            # made in one pandoc process, also_html.lua swaps the PNG for the SVG by the image's title.
            data_uris.update(png_uris if "docx" in formats else svg_uris)

        converter = None
        if needs_pandoc:
            from .pandoc import Converter, Job, PandocError

            converter = Converter(pandoc_path, ref, _epoch(plan), figures=src)
        try:
            # the longest conversions first; the figures are drawn while pandoc reads the draaiboek
            for name in sorted(DOCUMENTS, key=lambda n: (n != "draaiboek", n != "plan-van-aanpak")):
                if name == "plan-van-aanpak":
                    draw_figures()
                text = render_document(ctx, name)
                if "md" in formats:
                    (stage / f"{name}.md").write_text(with_figures(text, relative), encoding="utf-8", newline="\n")
                if converter is not None:
                    (src / f"{name}.md").write_text(with_figures(text, data_uris), encoding="utf-8", newline="\n")
                    title = f"{TITLES[name]} — {ctx['titel']['gemeente']}"
                    converter.submit_document(src / f"{name}.md", [
                        Job(src / f"{name}.md", stage / f"{name}.{fmt}", title)
                        for fmt in ("docx", "html") if fmt in formats])
            if converter is not None:
                try:
                    converter.finish()
                except PandocError as exc:
                    raise BuildError(3, f"{exc} Er is niets gewijzigd in '{out}'. Alleen Markdown maken kan wel: "
                                        "--format md.") from None
        finally:
            if converter is not None:
                converter.__exit__(None, None, None)
        written = _move_into_place(stage, out, targets, manifest, tmp / "oud")
    except OSError as exc:
        raise BuildError(2, f"kan niet schrijven in '{out}' ({os_error_nl(exc)}). Er is niets gewijzigd."
                         ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if not out.exists():
            _rmdirs(created)
    return BuildResult(out, written, compiled)


def _move_into_place(stage: Path, out: Path, targets: list[str], manifest: dict[str, str], backup: Path) -> list[str]:
    created = _mkdirs(out / FIG_DIR)
    moved: list[Path] = []
    saved: list[tuple[Path, Path]] = []
    new_manifest = {rel: sha for rel, sha in manifest.items() if (out / rel).is_file()}
    try:
        for rel in targets:
            src, dst = stage / rel, out / rel
            sha = _sha256(src)
            if dst.exists() or dst.is_symlink():
                keep = backup / rel
                keep.parent.mkdir(parents=True, exist_ok=True)
                os.replace(dst, keep)
                saved.append((dst, keep))
            os.replace(src, dst)
            moved.append(dst)
            new_manifest[rel] = sha
        tmp_manifest = stage / MANIFEST
        tmp_manifest.write_text(_manifest_text(new_manifest), encoding="utf-8", newline="\n")
        os.replace(tmp_manifest, out / MANIFEST)
    except BaseException:
        for dst in moved:
            try:
                dst.unlink()
            except OSError:
                pass
        for dst, keep in saved:
            try:
                os.replace(keep, dst)
            except OSError:
                pass
        _rmdirs(created)
        raise
    return sorted(targets)
