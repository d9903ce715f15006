"""Generate templates/reference.docx, the default house style for ``plancompiler build``.

Run once (and again after changing it):  .venv/bin/python templates/make_reference_docx.py
It starts from pandoc's own reference.docx (so every style pandoc uses exists) and edits it with
python-docx: A4 with 2.5 cm margins, Calibri (on Windows; LibreOffice substitutes the metric-compatible
Carlito), Dutch language, sober dark headings, tables with borders and a bold shaded header row, and a
page number in the footer. The result is deterministic: the zip entries get a fixed timestamp.
"""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

FONT = "Calibri"
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
HEADING = RGBColor(0x1F, 0x2A, 0x44)
BORDER = "808080"
HEADER_FILL = "E7E9EE"


def default_reference() -> bytes:
    from plancompiler.render.pandoc import find_pandoc

    return subprocess.run([str(find_pandoc()), "--print-default-data-file", "reference.docx"],
                          check=True, stdout=subprocess.PIPE).stdout


def _set_fonts(rpr, name: str = FONT) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _child(parent, tag: str):
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    return el


def _borders(parent, tag: str, sides=("top", "left", "bottom", "right", "insideH", "insideV")) -> None:
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    box = OxmlElement(tag)
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), BORDER)
        box.append(el)
    parent.append(box)


def style_document(doc) -> None:
    # page: A4, 2.5 cm margins
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
        section.footer_distance = Cm(1.0)

    styles = doc.styles
    # document defaults: font and Dutch language
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "nl-NL")
    lang.set(qn("w:eastAsia"), "nl-NL")
    lang.set(qn("w:bidi"), "ar-SA")

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.font.color.rgb = TEXT
    _set_fonts(normal.element.get_or_add_rPr())

    sizes = {"Title": 22, "Heading 1": 18, "Heading 2": 14, "Heading 3": 12, "Heading 4": 11,
             "Heading 5": 11, "Heading 6": 11}
    for name, size in sizes.items():
        try:
            st = styles[name]
        except KeyError:
            continue
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = HEADING
        _set_fonts(st.element.get_or_add_rPr())
        pf = st.paragraph_format
        pf.space_before = Pt(18 if size >= 14 else 12)
        pf.space_after = Pt(6)
        pf.keep_with_next = True

    for name in ("Body Text", "First Paragraph", "Compact", "Image Caption", "Table Caption"):
        try:
            st = styles[name]
        except KeyError:
            continue
        st.font.name = FONT
        _set_fonts(st.element.get_or_add_rPr())
    for name in ("Image Caption", "Table Caption"):
        try:
            styles[name].font.size = Pt(9)
            styles[name].font.italic = True
        except KeyError:
            pass

    # the table style pandoc uses ("Table"): borders, bold shaded header row
    table = next(s for s in styles if s.name == "Table")
    tbl = table.element
    tblpr = _child(tbl, "w:tblPr")
    _borders(tblpr, "w:tblBorders")
    mar = tblpr.find(qn("w:tblCellMar"))
    if mar is None:
        mar = OxmlElement("w:tblCellMar")
        tblpr.append(mar)
    for side in ("left", "right"):
        el = _child(mar, f"w:{side}")
        el.set(qn("w:w"), "60")
        el.set(qn("w:type"), "dxa")
    for old in tbl.findall(qn("w:tblStylePr")):
        tbl.remove(old)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    frpr = OxmlElement("w:rPr")
    frpr.append(OxmlElement("w:b"))
    first.append(frpr)
    ftblpr = OxmlElement("w:tblPr")
    first.append(ftblpr)
    ftrpr = OxmlElement("w:trPr")
    ftrpr.append(OxmlElement("w:tblHeader"))
    first.append(ftrpr)
    ftcpr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), HEADER_FILL)
    ftcpr.append(shd)
    first.append(ftcpr)
    tbl.append(first)

    # table text: 10 pt, no space around (plancompiler's DOCX post-processing gives table cells this
    # style; render/docx_layout.py computes column widths for this size)
    from docx.enum.style import WD_STYLE_TYPE

    tt = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    tt.element.set(qn("w:styleId"), "TableText")
    tt.base_style = styles["Normal"]
    tt.font.name = FONT
    tt.font.size = Pt(10)
    _set_fonts(tt.element.get_or_add_rPr())
    tt.paragraph_format.space_before = Pt(1)
    tt.paragraph_format.space_after = Pt(1)
    tt.paragraph_format.line_spacing = 1.0
    tt.quick_style = True

    # title page: large title, the gemeente as subtitle, the details below
    # (on a title page of its own, plancompiler's DOCX post-processing moves the title down the page)
    for name, size, before, after in (("Title", 26, 0, 12), ("Subtitle", 16, 0, 24), ("Date", 11, 12, 18)):
        try:
            st = styles[name]
        except KeyError:
            continue
        st.font.size = Pt(size)
        st.font.color.rgb = HEADING if name != "Date" else TEXT
        st.font.bold = name == "Title"
        st.font.italic = False
        _set_fonts(st.element.get_or_add_rPr())
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
    # table of contents entries
    for level in (1, 2, 3):
        try:
            st = styles[f"toc {level}"]
        except KeyError:
            st = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            st.element.set(qn("w:styleId"), f"TOC{level}")
        st.base_style = styles["Normal"]
        st.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        st.paragraph_format.space_after = Pt(3 if level == 1 else 1)
        st.font.bold = level == 1
        tabs = st.paragraph_format.tab_stops
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

        tabs.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    # running header (title and gemeente from the document properties; plancompiler also writes them
    # as the fields' cached text) and footer (page number); none on the title page
    for section in doc.sections:
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False  # empty, explicitly (LibreOffice too)
        section.first_page_footer.is_linked_to_previous = False
        section.header_distance = Cm(1.0)
        header = section.header
        header.is_linked_to_previous = False
        para = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        for r in list(para.runs):
            r._r.getparent().remove(r._r)
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _simple_field(para, "TITLE", "Titel")
        run = para.add_run(" \u00b7 ")
        run.font.size = Pt(9)
        run.font.color.rgb = HEADING
        _simple_field(para, "AUTHOR", "Gemeente")
        _bottom_border(para)
        footer = section.footer
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for r in list(para.runs):
            r._r.getparent().remove(r._r)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(para, "Pagina ", "PAGE", " van ", "NUMPAGES")


def _simple_field(para, instr: str, shown: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "18")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(HEADING))
    rpr.append(color)
    rpr.append(sz)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = shown
    run.append(t)
    fld.append(run)
    para._p.append(fld)


def _bottom_border(para) -> None:
    ppr = para._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", BORDER)):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _field(para, *parts: str) -> None:
    for i, part in enumerate(parts):
        if i % 2 == 0:
            run = para.add_run(part)
            run.font.size = Pt(9)
            continue
        for kind in ("begin", None, "separate", "1", "end"):
            run = para.add_run()
            run.font.size = Pt(9)
            if kind is None:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {part} "
                run._r.append(instr)
            elif kind == "1":
                run.text = "1"
            else:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)


def normalise_zip(data: bytes) -> bytes:
    """Same bytes on every run: fixed timestamps and attributes, entries in their original order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(target: Path = HERE / "reference.docx") -> None:
    doc = Document(io.BytesIO(default_reference()))
    style_document(doc)
    buf = io.BytesIO()
    doc.save(buf)
    target.write_bytes(normalise_zip(buf.getvalue()))
    print(f"geschreven: {target}")


if __name__ == "__main__":
    main()
