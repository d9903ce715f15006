"""Staging: every file of the build is produced in the work folder before anything is moved in.

``work/nieuw`` receives the files as they will stand in the output folder (Markdown, figures, and
what pandoc converts); ``work/pandoc`` holds pandoc's inputs (Markdown with the figures as ``data:``
URIs, and each SVG's URI for also_html.lua). Figures reach DOCX and HTML only as ``data:`` URIs this
module builds from its own SVG/PNG, so pandoc (in ``--sandbox``) reads nothing but its command line.
"""
from __future__ import annotations

import base64
from pathlib import Path

from .common import DOCUMENTS, FIG_DIR, FIGURES, TITLES, png_name

NEW, SOURCES = "nieuw", "pandoc"


def make_dirs(work: Path) -> tuple[Path, Path]:
    stage, src = work / NEW, work / SOURCES
    (stage / FIG_DIR).mkdir(parents=True)
    src.mkdir()
    return stage, src


def draw_figures(renderer, ctx: dict, stage: Path, src: Path, for_docx: bool) -> dict[str, str]:
    """Write the figures (SVG and PNG) into the stage and return the data URIs pandoc's input uses:
    PNG for Word (LibreOffice and older Word show no SVG), SVG for HTML. When both are made in one
    pandoc process, also_html.lua swaps the PNG for the SVG it finds in ``src``."""
    key_of = {v: k for k, v in FIGURES.items()}
    svgs, pngs = renderer.figure_data(ctx), renderer.figure_png(ctx)
    svg_uris = {key_of[n]: "data:image/svg+xml;base64," + base64.b64encode(t.encode("utf-8")).decode("ascii")
                for n, t in svgs.items()}
    png_uris = {key_of[n]: "data:image/png;base64," + base64.b64encode(pngs[png_name(n)]).decode("ascii")
                for n in svgs}
    for name, svg in svgs.items():
        (stage / FIG_DIR / name).write_text(svg, encoding="utf-8", newline="\n")
        (stage / FIG_DIR / png_name(name)).write_bytes(pngs[png_name(name)])
        (src / (name[: -len(".svg")] + ".svg-uri")).write_text(svg_uris[key_of[name]], encoding="ascii")
    return png_uris if for_docx else svg_uris


def render_all(renderer, ctx: dict, formats: tuple[str, ...], stage: Path, src: Path, converter=None) -> None:
    """Render the documents (render.common.DOCUMENTS) into the stage; each goes to ``converter`` as soon as it is ready.

    ``renderer`` provides ``render_document``, ``with_figures``, ``figure_data`` and ``figure_png``
    (the ``plancompiler.render`` package, handed over by ``build``).

    The longest conversions first; the figures (only the plan van aanpak shows them) are drawn while
    pandoc already reads the draaiboek.
    """
    from .docx_layout import document_meta
    from .pandoc import Job

    relative = {key: f"{FIG_DIR}/{name}" for key, name in FIGURES.items()}
    data_uris: dict[str, str] = {}
    for name in sorted(DOCUMENTS, key=lambda n: (n != "draaiboek", n != "plan-van-aanpak")):
        if name == "plan-van-aanpak":
            data_uris = draw_figures(renderer, ctx, stage, src, "docx" in formats)
        text = renderer.render_document(ctx, name)
        if "md" in formats:
            (stage / f"{name}.md").write_text(renderer.with_figures(text, relative), encoding="utf-8", newline="\n")
        if converter is not None:
            (src / f"{name}.md").write_text(renderer.with_figures(text, data_uris), encoding="utf-8", newline="\n")
            title = f"{TITLES[name]} — {ctx['titel']['gemeente']}"
            layout = document_meta(ctx, name)  # title page, table of contents, properties (docx_layout)
            converter.submit_document(src / f"{name}.md", [
                Job(src / f"{name}.md", stage / f"{name}.{fmt}", title, **layout)
                for fmt in ("docx", "html") if fmt in formats])
