"""Layout of the built documents: title page, table of contents, header, DOCX properties, tables that
fit, the HTML stylesheet, numbered figure captions and readable Markdown. Checked on the files as
built through the CLI, without LibreOffice or a browser (``python3 tasks.py review`` shows the pages)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from lxml import etree

from plancompiler.cli import cli
from plancompiler.render import docx_layout
from plancompiler.render.docx_layout import CELL_PADDING, column_widths, text_width
from plancompiler.render.escape import escape_count

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name.split(".")[0]: p for p in sorted((ROOT / "examples").glob("*.plan.yaml"))}
DOCS = ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = {}
    for name, path in EXAMPLES.items():
        target = tmp_path_factory.mktemp("layout") / name
        result = CliRunner().invoke(cli, ["build", str(path), "-o", str(target), "--format", "md,docx,html"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        out[name] = target
    return out


def xml(path: Path, member: str = "word/document.xml"):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(member))


def style(p) -> str:
    el = p.find(f"{W}pPr/{W}pStyle")
    return el.get(f"{W}val") if el is not None else ""


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def markdown_title(md: Path) -> str:
    return next(line[2:].strip() for line in md.read_text("utf-8").splitlines() if line.startswith("# "))


# -- title page, table of contents, header, properties -----------------------------------------------

@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_title_page_and_table_of_contents(built, example):
    docx = built[example] / "plan-van-aanpak.docx"
    body = xml(docx).find(f"{W}body")
    children = list(body)
    titles = [p for p in children[:6] if p.tag == f"{W}p" and style(p) in ("Title", "Subtitle", "Date")]
    assert [style(p) for p in titles] == ["Title", "Subtitle", "Date"]
    assert text(titles[0]) == markdown_title(built[example] / "plan-van-aanpak.md")
    assert text(titles[1]).startswith("Gemeente ")
    details = text(titles[2])
    for label in ("Gemeente:", "Periode:", "Datum:", "Versie:", "Status:"):
        assert label in details
    status = re.search(r"(?m)^status: (\S+)$", EXAMPLES[example].read_text(encoding="utf-8")).group(1)
    assert f"Status: {status}" in details  # the plan's own status key
    assert not any(style(p) == "Author" for p in body.iter(f"{W}p"))  # the gemeente is the subtitle
    # then the table of contents, on a page of its own, filled with the headings
    toc = children[len(titles)]
    assert toc.tag == f"{W}sdt"
    toc_paras = list(toc.iter(f"{W}p"))
    assert text(toc_paras[0]) == "Inhoud"
    assert toc_paras[0].find(f"{W}pPr/{W}pageBreakBefore") is not None
    entries = [text(p).split("\t")[0] for p in toc_paras[1:]]
    headings = [text(p) for p in body.findall(f"{W}p") if style(p) in ("Heading1", "Heading2")]
    assert entries and [e[: -len("1")] if e.endswith("1") else e for e in entries] == headings
    assert all(p.find(f".//{W}instrText") is not None for p in toc_paras[1:])  # PAGEREF per entry
    first_after = next(p for p in children[len(titles) + 1:] if p.tag == f"{W}p")
    assert first_after.find(f"{W}pPr/{W}pageBreakBefore") is not None
    # the sections are Heading 1 in Word (the title took the only level-1 heading)
    assert "1. Samenvatting" in [text(p) for p in body.findall(f"{W}p") if style(p) == "Heading1"]
    settings = xml(docx, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"
    order = [el.tag.split("}")[1] for el in settings]  # in the schema's order: Word is strict about it
    assert order.index("updateFields") < order.index("rsids") < order.index("listSeparator")
    assert order.index("defaultTabStop") < order.index("updateFields")


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_document_properties_and_running_header(built, example):
    for doc in DOCS:
        docx = built[example] / f"{doc}.docx"
        props = Document(str(docx)).core_properties
        assert props.title == markdown_title(built[example] / f"{doc}.md")
        assert props.author.startswith("Gemeente ") and len(props.author) > len("Gemeente ")
        assert props.subject
        with zipfile.ZipFile(docx) as z:
            headers = [z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"word/header\d*\.xml", n)]
        assert any(props.title in h and props.author in h for h in headers)
        # no header on the first page (the title page, or the handout's own title)
        first_section = next(xml(docx).iter(f"{W}sectPr"))
        assert first_section.find(f"{W}titlePg") is not None


def test_spelregels_are_a_handout(built):
    """No title page and no table of contents in the handout for participants."""
    body = xml(built["velsen"] / "spelregels.docx").find(f"{W}body")
    assert body.find(f"{W}sdt") is None
    assert not any(p.find(f"{W}pPr/{W}pageBreakBefore") is not None for p in body.iter(f"{W}p"))


def test_draaiboek_starts_every_activity_on_a_new_page(built):
    body = xml(built["utrecht"] / "draaiboek.docx").find(f"{W}body")
    sections = [p for p in body.findall(f"{W}p") if style(p) == "Heading1"]
    assert len(sections) > 10
    # the first (the overview) follows the introduction on the page after the table of contents
    assert all(p.find(f"{W}pPr/{W}pageBreakBefore") is not None for p in sections[1:])


# -- tables -------------------------------------------------------------------------------------------

def tables_with_room(body):
    """Each table with the text width of the section it is in."""
    current = []
    for el in body:
        if el.tag == f"{W}tbl":
            current.append(el)
        sect = el.find(f"{W}pPr/{W}sectPr") if el.tag == f"{W}p" else (el if el.tag == f"{W}sectPr" else None)
        if sect is not None:
            size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
            room = int(size.get(f"{W}w")) - int(mar.get(f"{W}left")) - int(mar.get(f"{W}right"))
            for tbl in current:
                yield tbl, room, size.get(f"{W}orient") == "landscape"
            current = []


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_table_columns_fit_their_longest_word(built, example):
    """No word is broken in a table: every column is at least as wide as its longest word (at the
    table's font size, bold in the header row) plus the cell margins, and the table fits its page."""
    checked = 0
    for doc in DOCS:
        body = xml(built[example] / f"{doc}.docx").find(f"{W}body")
        for tbl, room, landscape in tables_with_room(body):
            grid = [int(c.get(f"{W}w")) for c in tbl.find(f"{W}tblGrid")]
            assert sum(grid) <= room, (doc, sum(grid), room)
            rows = tbl.findall(f"{W}tr")
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
            for tr in rows:
                assert tr.find(f"{W}trPr/{W}cantSplit") is not None
                header = tr.find(f"{W}trPr/{W}tblHeader") is not None
                for width, tc in zip(grid, tr.findall(f"{W}tc")):
                    for r in tc.iter(f"{W}r"):
                        sz = r.find(f"{W}rPr/{W}sz")
                        size = int(sz.get(f"{W}val")) / 2 if sz is not None else docx_layout.TABLE_PT
                        bold = header or r.find(f"{W}rPr/{W}b") is not None
                        for t in r.iter(f"{W}t"):
                            for word in re.split(r"[ \t\r\n]+|(?<=[-/\u2013])", t.text or ""):
                                need = text_width(word, bold, size) + CELL_PADDING
                                assert width >= need, (doc, word, width, need)
            checked += 1
            if landscape:
                # a table goes landscape only when its words do not fit on a portrait page
                assert sum(grid) > 9072 - 1
    assert checked > 5


def test_column_widths_share_the_page_like_a_browser():
    page = 9000
    # everything fits on one line: the widths follow the content and fill the page
    widths, fits = column_widths([[(500, 1000), (500, 2000)]], page)
    assert fits and sum(widths) == page and widths[1] > widths[0]
    # too long for one line: every column keeps its longest word, the rest is shared
    cells = [[(2000, 20000), (800, 900), (1500, 30000)]]
    widths, fits = column_widths(cells, page)
    assert fits and sum(widths) == page
    assert all(w >= word + CELL_PADDING for w, (word, _) in zip(widths, cells[0]))
    assert widths[1] < 1200  # a short column stays short
    # longest words wider than the page: reported as not fitting
    widths, fits = column_widths([[(5000, 5000), (5000, 5000)]], page)
    assert not fits and sum(widths) == page


def test_carlito_widths():
    assert text_width("i", size_pt=10) < text_width("m", size_pt=10)
    assert text_width("Kernvoorwaarde", bold=True) > text_width("Kernvoorwaarde")
    assert text_width("W" * 10, size_pt=10) == 10 * text_width("W", size_pt=10)


# -- HTML -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_html_has_our_stylesheet_and_free_columns(built, example):
    css = (ROOT / "templates" / "stijl.css").read_text("utf-8")
    for doc in DOCS:
        html = (built[example] / f"{doc}.html").read_text("utf-8")
        assert " ".join(css.split()) in " ".join(html.split())  # embedded, not linked
        assert "<link" not in html and not re.search(r"url\(|@import|https?://[^\"'\s]*\.css", html)
        assert "36em" not in html  # pandoc's narrow column is gone
        assert not re.search(r"<col[^>]*width", html)  # the browser sizes the columns
        assert '<h1 class="title">' in html
        assert len(re.findall(r"<h1[ >]", html)) == 1  # sections are h2 under the title
        assert ('<nav id="TOC"' in html) == bool(docx_layout.LAYOUT[doc][1])


def test_stylesheet_has_full_width_tables_and_print_rules():
    css = (ROOT / "templates" / "stijl.css").read_text("utf-8")
    table = re.search(r"\ntable \{([^}]*)\}", css).group(1)
    assert "width: 100%" in table
    print_css = css[css.index("@media print"):]
    assert "table-header-group" in print_css and "break-inside: avoid" in print_css
    assert "http" not in css.replace("https://", "").split("*/", 1)[1]


# -- figures -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_figure_captions_are_numbered_and_short(built, example):
    body = xml(built[example] / "plan-van-aanpak.docx").find(f"{W}body")
    captions = [text(p) for p in body.iter(f"{W}p") if style(p) == "ImageCaption"]
    assert [c.split(".")[0] for c in captions] == ["Figuur 1", "Figuur 2"]
    descriptions = [d.get("descr") for d in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                                      "wordprocessingDrawing}docPr")]
    assert len(descriptions) == 2
    for caption, descr in zip(captions, descriptions):
        assert descr and len(descr) > 40 and descr not in caption  # the long description is the alt text
    html = (built[example] / "plan-van-aanpak.html").read_text("utf-8")
    assert re.findall(r"<figcaption>Figuur (\d)\.", html) == ["1", "2"]


# -- Markdown -----------------------------------------------------------------------------------------

def user_text_escapes(md: str) -> int:
    """Escapes in a Markdown text other than the templates' hard line breaks (a backslash at line end)."""
    return escape_count(re.sub(r"\\\n", "\n", md))


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_markdown_escapes_only_where_needed(built, example):
    """Before escaping only where markup could start, the examples had about 100 escapes per 100 lines."""
    texts = [(built[example] / f"{doc}.md").read_text("utf-8") for doc in DOCS]
    assert sum(map(user_text_escapes, texts)) * 100 / sum(t.count("\n") for t in texts) < 2


def test_no_list_marker_at_the_start_of_a_list_item(built):
    for example, target in built.items():
        for doc in DOCS:
            for line in (target / f"{doc}.md").read_text("utf-8").splitlines():
                assert not re.match(r"\s*[-*+] \d+[.)] ", line), (example, doc, line)


def test_markdown_has_fewer_than_five_escapes_per_hundred_lines(built):
    for example, target in built.items():
        for doc in DOCS:
            md = (target / f"{doc}.md").read_text("utf-8")
            assert escape_count(md) * 100 / md.count("\n") < 5, (example, doc)



def _converted(tmp_path, markdown: str) -> Path:
    import subprocess

    from plancompiler.render import REFERENCE_DOCX
    from plancompiler.render import pandoc as pandoc_mod

    src = tmp_path / "t.md"
    src.write_text(markdown, encoding="utf-8")
    out = tmp_path / "t.docx"
    subprocess.run([str(pandoc_mod.find_pandoc()), "--sandbox", "-f", pandoc_mod.READER, "-o", str(out),
                    f"--reference-doc={REFERENCE_DOCX}", str(src)], check=True)
    docx_layout.polish(out)
    return out


def _table(columns: int, word: str) -> str:
    head = "| " + " | ".join(f"Kolom {i}" for i in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    row = "| " + " | ".join(f"{word} {i}" for i in range(columns)) + " |\n"
    return head + rule + row


@pytest.mark.parametrize("word, columns, size, landscape", [
    ("vrijwilligersorganisaties", 4, None, False),  # fits at 10 pt
    ("vrijwilligers", 9, "18", False),  # fits at 9 pt
    ("vrijwilligersorganisaties", 5, None, True),  # landscape at 10 pt
    ("vrijwilligersorganisaties", 7, "18", True),  # landscape at 9 pt
])
def test_too_wide_tables_get_9_pt_or_a_landscape_page(tmp_path, word, columns, size, landscape):
    """Words that do not fit at 10 pt: 9 pt; not at 9 pt either: a landscape section of its own, with
    the text before and after it on portrait pages."""
    md = "Tekst ervoor.\n\n" + _table(columns, word) + "\nTekst erna.\n"
    body = xml(_converted(tmp_path, md)).find(f"{W}body")
    tbl = body.find(f"{W}tbl")
    sizes = {sz.get(f"{W}val") for sz in tbl.iter(f"{W}sz")}
    assert sizes == ({size} if size else set())
    sections = list(body.iter(f"{W}sectPr"))
    orients = [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections]
    if landscape:
        assert orients == [None, "landscape", None]  # before, the table, after
        assert sum(int(c.get(f"{W}w")) for c in tbl.find(f"{W}tblGrid")) > 9072
    else:
        assert orients == [None]
    for tbl, room, _ in tables_with_room(body):
        assert sum(int(c.get(f"{W}w")) for c in tbl.find(f"{W}tblGrid")) <= room


@pytest.mark.parametrize("target", ["docx", "html"])
def test_layout_puts_the_figure_data_in_place_and_refuses_a_missing_figure(tmp_path, target):
    """The Markdown refers to a figure by its path; layout.lua puts the data URI from the figures
    folder in its place (PNG for Word, SVG for HTML). A figure the folder lacks stops pandoc."""
    import base64
    import os
    import subprocess

    from plancompiler.render import pandoc as pandoc_mod

    figures = tmp_path / "figuren-data"
    figures.mkdir()
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>'
    (figures / "ladder.png-uri").write_text("data:image/png;base64," + base64.b64encode(png).decode())
    (figures / "ladder.svg-uri").write_text("data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode())
    src = tmp_path / "t.md"
    out = tmp_path / f"t.{target}"

    def convert(markdown: str) -> subprocess.CompletedProcess:
        src.write_text(markdown, encoding="utf-8")
        return subprocess.run([str(pandoc_mod.find_pandoc()), "--sandbox", "-f", pandoc_mod.READER, "-t", target,
                               "-o", str(out), f"--lua-filter={pandoc_mod.LAYOUT}", str(src)],
                              env=dict(os.environ, PLANCOMPILER_FIGURES=str(figures)), capture_output=True, text=True)

    done = convert('# T\n\n![De ladder.](figuren/participatieladder.svg "ladder")\n')
    assert done.returncode == 0, done.stderr
    if target == "docx":
        with zipfile.ZipFile(out) as z:
            media = [n for n in z.namelist() if n.startswith("word/media/")]
            assert len(media) == 1 and z.read(media[0]) == png
    else:
        page = out.read_text(encoding="utf-8")
        assert 'src="data:image/svg+xml;base64,' in page and "figuren/participatieladder.svg" not in page
    missing = convert('# T\n\n![De tijdlijn.](figuren/tijdlijn.svg "tijdlijn")\n')
    assert missing.returncode != 0 and "de gegevens van figuur 'tijdlijn' ontbreken" in missing.stderr
