"""Staging: every file of the build is produced in the work folder before anything is moved in.

``work/nieuw`` receives the files as they will stand in the output folder (Markdown, figures, and
what pandoc converts); ``work/pandoc`` holds pandoc's inputs (the Markdown, and each figure's PNG and
SVG as a ``data:`` URI, which layout.lua and also_html.lua put in the figure's place). Figures reach
DOCX and HTML only as ``data:`` URIs this module builds from its own SVG/PNG: pandoc (in
``--sandbox``) reads no image file, and the Lua filters read only plancompiler's own files.
"""
from __future__ import annotations

import base64
from pathlib import Path

from .common import DOCUMENTS, FIG_DIR, FIGURES, TITLES, png_name

NEW, SOURCES = "nieuw", "pandoc"
# The documents in the order pandoc gets them, in groups that one pandoc process may convert together
# (Converter.submit_documents decides whether they can): the draaiboek, the longest conversion,
# first; the short ones together beside it while the figures (only the plan van aanpak shows them)
# are drawn; then the plan van aanpak.
ORDER = (("draaiboek",), ("spelregels", "evaluatiekader", "controlerapport"), ("plan-van-aanpak",))


def make_dirs(work: Path) -> tuple[Path, Path]:
    stage, src = work / NEW, work / SOURCES
    (stage / FIG_DIR).mkdir(parents=True)
    src.mkdir()
    return stage, src


def draw_figures(renderer, ctx: dict, stage: Path, src: Path) -> None:
    """Write the figures (SVG and PNG) into the stage, and each as a data URI into ``src`` for pandoc:
    ``<name>.png-uri`` for Word (LibreOffice and older Word show no SVG), ``<name>.svg-uri`` for HTML.
    pandoc's input refers to a figure by its path in the output folder; layout.lua puts the data URI
    in its place (also_html.lua the SVG in the HTML written beside a DOCX). So the Markdown pandoc
    reads stays small (reading the figures as base64 slowed pandoc down; docs/performance.md)."""
    svgs, pngs = renderer.figure_data(ctx), renderer.figure_png(ctx)
    for name, svg in svgs.items():
        png = pngs[png_name(name)]
        (stage / FIG_DIR / name).write_text(svg, encoding="utf-8", newline="\n")
        (stage / FIG_DIR / png_name(name)).write_bytes(png)
        stem = name[: -len(".svg")]
        (src / f"{stem}.svg-uri").write_text(
            "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii"), encoding="ascii")
        (src / f"{stem}.png-uri").write_text(
            "data:image/png;base64," + base64.b64encode(png).decode("ascii"), encoding="ascii")


def render_all(renderer, ctx: dict, formats: tuple[str, ...], stage: Path, src: Path, converter=None) -> None:
    """Render the documents (render.common.DOCUMENTS) into the stage; each goes to ``converter`` as soon as it is ready.

    ``renderer`` provides ``render_document``, ``with_figures``, ``figure_data`` and ``figure_png``
    (the ``plancompiler.render`` package, handed over by ``build``).

    The order and grouping (``ORDER``) keep both pandoc slots of a 2-core machine busy.
    """
    from .docx_layout import document_meta
    from .pandoc import Job

    relative = {key: f"{FIG_DIR}/{name}" for key, name in FIGURES.items()}
    listed = [name for group in ORDER for name in group]
    groups = [[n for n in group if n in DOCUMENTS] for group in ORDER]
    groups += [[n] for n in DOCUMENTS if n not in listed]
    for group in filter(None, groups):
        documents = []
        for name in group:
            if name == "plan-van-aanpak":
                draw_figures(renderer, ctx, stage, src)
            text = renderer.with_figures(renderer.render_document(ctx, name), relative)
            if "md" in formats:
                (stage / f"{name}.md").write_text(text, encoding="utf-8", newline="\n")
            if converter is not None:
                (src / f"{name}.md").write_text(text, encoding="utf-8", newline="\n")
                title = f"{TITLES[name]} — {ctx['titel']['gemeente']}"
                layout = document_meta(ctx, name)  # title page, table of contents, properties (docx_layout)
                documents.append((src / f"{name}.md", [Job(src / f"{name}.md", stage / f"{name}.{fmt}", title, **layout)
                                                       for fmt in ("docx", "html") if fmt in formats]))
        if documents:
            converter.submit_documents(documents)
