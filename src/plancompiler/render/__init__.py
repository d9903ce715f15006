"""Rendering: the plan's context → Markdown (jinja2) → figures → pandoc, and the build around it.

This module holds what the steps share: names, formats, errors, the jinja2 environment and the
rendering of one document. ``build`` is a short orchestration in ``pipeline.py`` over the units
``outdir`` (output folder, lock, symlink checks), ``stage`` (Markdown and figures into a work folder
inside the output folder), ``pandoc`` (conversion), ``manifest`` (manifest, journal, move-in,
recovery) and ``interrupt`` (SIGINT/SIGTERM). See docs/robustness.md for what each guarantees.

File names are fixed; nothing from the plan's content ever becomes a path. The only files pandoc may
read are the ones on its command line (``--sandbox``): the generated Markdown and the reference doc.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from ..resources import TEMPLATES_DIR
from .common import (DEFAULT_FORMATS, DOCUMENTS, FIG_DIR, FIGURES, FORMATS, LOCK, MANIFEST,  # noqa: F401
                     REFERENCE_DOCX, TITLES, BuildError, BuildResult, PlanHasErrors, default_output_dir,
                     parse_formats, png_name, targets_for)

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

def build(plan_path: str | Path, output_dir: str | Path | None = None, formats=DEFAULT_FORMATS,
          reference_doc: str | Path | None = None, force: bool = False, catalog=None) -> BuildResult:
    """Build the documents for one plan (see ``pipeline.build``). Raises PlanHasErrors, BuildError."""
    from .pipeline import build as run

    # the pipeline renders through this module (its functions are the renderer), without importing it
    return run(plan_path, output_dir, formats, reference_doc, force, catalog, renderer=sys.modules[__name__])
