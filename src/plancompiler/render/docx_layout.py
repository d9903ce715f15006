"""Finishing touches to the DOCX pandoc writes: title page, table of contents, running header, tables.

pandoc lays out a table by the dashes of its Markdown separator line, which gives an eight-column table
columns of about 1.3 cm and breaks words in half ("Kernvoorwaar de"). Here every table gets column
widths computed from its content and the page width, the way a browser sizes an automatic table:
each column at least as wide as its longest word, the remaining width shared by how much text a
column holds. Table text uses the reference document's "Table Text" style (10 pt) where it has one;
a table whose longest words do not fit at 10 pt is set in 9 pt, and if they still do not fit, it
gets a landscape page of its own. Header rows repeat on every page; rows never split across pages.
In the draaiboek every activity starts on a new page.

The title block (title, gemeente, details and status: ``layout.lua``) gets a page of its own, the
table of contents starts on the next page and the text after it on a new page; Word refreshes the
table of contents and the page numbers when it opens the file (``w:updateFields``). The running
header repeats the document's title and the gemeente from the document properties.

Text widths come from Carlito's advance widths (metric-compatible with Calibri), so the result does
not depend on the fonts installed: the same plan gives the same bytes.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from functools import lru_cache
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DC = "http://purl.org/dc/elements/1.1/"


_TAGS: dict[str, str] = {}


def _w(tag: str) -> str:
    """The qualified name of a WordprocessingML element (memoised: called for every element visited)."""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = f"{{{W}}}{tag}"
    return name


# Per document: title page, depth of the table of contents (0: none), each section on a new page.
# The spelregels are a handout: no title page, no table of contents.
LAYOUT = {"plan-van-aanpak": (True, 2, False), "draaiboek": (True, 1, True), "evaluatiekader": (True, 0, False),
          "spelregels": (False, 0, False), "controlerapport": (True, 0, False)}
TABLE_STYLE = "TableText"
TABLE_PT = 10  # font size of the "Table Text" style (templates/make_reference_docx.py)
HEADER_FILL = "E7E9EE"  # as the "Table" style's header row (make_reference_docx.py)
SMALL_PT = 9  # for a table whose longest words do not fit at TABLE_PT
BODY_PT = 11
CELL_PADDING = 2 * 60  # left + right cell margin of the "Table" style (make_reference_docx.py), in twips
SLACK = 1.02  # rendering differences between Word and LibreOffice, and rounding

# Advance widths of Carlito (metric-compatible with Calibri, the reference document's font) in
# thousandths of an em, for the characters below; measured with Pillow from the Carlito TrueType files.
_CHARS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\xa0¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ–—‘’“”€…•→·'
_REGULAR = ('226 326 401 498 507 715 682 221 303 303 498 498 250 306 252 386 507 507 507 507 507 507 507 507 507 507 268 268 498 498 498 463 894 579 544 533 615 488 459 631 623 252 319 520 420 855 646 662 517 673 543 459 487 642 567 890 519 487 468 307 386 307 498 498 291 479 525 423 525 498 305 471 525 230 239 455 230 799 525 527 525 525 349 391 335 525 452 715 433 453 395 314 460 314 498 226 326 498 507 498 507 498 498 393 834 402 512 498 0 507 394 339 498 336 334 292 550 586 252 307 246 422 512 636 671 675 463 579 579 579 579 579 579 763 533 488 488 488 488 252 252 252 252 625 646 662 662 662 662 662 498 664 642 642 642 642 487 517 527 479 479 479 479 479 479 773 423 498 498 498 498 230 230 230 230 525 525 527 527 527 527 527 498 529 525 525 525 525 453 525 453 498 905 250 250 418 418 507 690 498 905 252')
_BOLD = ('226 326 438 498 507 729 705 233 312 312 498 498 258 306 267 430 507 507 507 507 507 507 507 507 507 507 276 276 498 498 498 463 898 606 561 529 630 488 459 637 631 267 331 547 423 874 659 676 532 686 563 473 495 653 591 906 551 520 478 325 430 325 498 498 300 494 537 418 537 503 316 474 537 246 255 480 246 813 537 538 537 537 355 399 347 537 473 745 459 474 397 344 475 344 498 226 326 498 507 498 507 498 498 415 834 416 539 498 0 507 390 342 498 338 336 301 563 598 268 303 252 435 539 658 691 702 463 606 606 606 606 606 606 775 529 488 488 488 488 267 267 267 267 639 659 676 676 676 676 676 498 681 653 653 653 653 520 532 555 494 494 494 494 494 494 775 418 503 503 503 503 246 246 246 246 537 537 538 538 538 538 538 498 544 537 537 537 537 474 537 474 498 905 258 258 435 435 507 711 498 905 268')
_WIDTH = {False: dict(zip(_CHARS, map(int, _REGULAR.split()))), True: dict(zip(_CHARS, map(int, _BOLD.split())))}
_OTHER = 1000  # a character not in the table (symbols, other scripts): counted as one em, generously


@lru_cache(maxsize=8192)
def text_width(text: str, bold: bool = False, size_pt: float = TABLE_PT) -> int:
    """The width of ``text`` on one line, in twips (1/20 pt)."""
    get = _WIDTH[bold].get
    return round(sum([get(ch, _OTHER) for ch in text]) * size_pt * 20 / 1000)


def document_meta(ctx: dict, name: str) -> dict:
    """The layout part of a pandoc job for one document (see ``pandoc.Job``): metadata strings, table of
    contents, title page. The status is the plan's ``status`` (the context's title block), else "concept"."""
    from .common import CAPTIONS

    gemeente = ctx["titel"]["gemeente"]
    status = str(ctx["titel"].get("status") or "")
    meta = [("toc-title", "Inhoud"), ("status", status or "concept"),
            ("subject", "Interactieve beleidsvorming vrijwilligerswerk")]
    if gemeente:
        meta += [("subtitle", f"Gemeente {gemeente}"), ("author", f"Gemeente {gemeente}")]
    meta += [(f"bijschrift-{key}", text) for key, text in sorted(CAPTIONS.items())]
    title_page, toc, new_pages = LAYOUT.get(name, (False, 0, False))
    return {"meta": tuple(meta), "toc": toc, "title_page": title_page, "new_pages": new_pages}



def _after_style(ppr, el):
    """Put ``el`` into paragraph properties where Word's schema wants it: right after ``w:pStyle``."""
    style = ppr.find(_w("pStyle"))
    if style is not None:
        style.addnext(el)
    else:
        ppr.insert(0, el)
    return el

# -- tables --------------------------------------------------------------------------------------------

# Where a line may break: spaces, and after a hyphen or a slash (Word and LibreOffice do so too).
_BREAKS = re.compile(r"[ \t\r\n]+|(?<=[-/\u2013])")  # not at a no-break space


_P, _R, _T, _TC, _RPR = _w("p"), _w("r"), _w("t"), _w("tc"), _w("rPr")
_PPR, _PSTYLE, _VAL = _w("pPr"), _w("pStyle"), _w("val")
_SIZES = (_w("sz"), _w("szCs"))
_BOLD_PATH = f"{_w('rPr')}/{_w('b')}"


def _cell_extent(tc, style_size: float, header: bool) -> tuple[int, int]:
    """(longest word, longest line) of a cell, in twips, text only."""
    longest_word = longest_line = 0
    for p in tc.iter(_P):
        line = 0
        for r in p.iter(_R):
            bold = header or r.find(_BOLD_PATH) is not None
            for t in r.iter(_T):
                text = t.text or ""
                line += text_width(text, bold, style_size)
                for word in _BREAKS.split(text):
                    longest_word = max(longest_word, text_width(word, bold, style_size))
        longest_line = max(longest_line, line)
    return longest_word, longest_line


def column_widths(cells: list[list[tuple[int, int]]], available: int) -> tuple[list[int], bool]:
    """Widths for the columns of a table, each cell given as (longest word, longest line) in twips.

    Returns the widths and whether every column's longest word fits. Like a browser's automatic table
    layout: minimum = longest word, maximum = longest line; everything fits on one line if it can,
    otherwise the room above the minimums goes to the columns by how much more they would like."""
    n = max(len(row) for row in cells)
    lo = [0] * n
    hi = [0] * n
    for row in cells:
        for i, (word, line) in enumerate(row):
            lo[i] = max(lo[i], round(word * SLACK) + CELL_PADDING + 20)
            hi[i] = max(hi[i], round(line * SLACK) + CELL_PADDING, lo[i])
    if sum(lo) > available:
        scale = available / sum(lo)
        return _to_total([w * scale for w in lo], available), False
    if sum(hi) <= available:  # all on one line: share the rest by size so the table spans the page
        return _to_total([w * available / sum(hi) for w in hi], available), True
    room = (available - sum(lo)) / (sum(hi) - sum(lo))
    return _to_total([a + (b - a) * room for a, b in zip(lo, hi)], available), True


def _to_total(widths: list[float], total: int) -> list[int]:
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out


def _set(parent, tag: str, **attrs):
    el = parent.find(_w(tag))
    if el is None:
        el = parent.makeelement(_w(tag), {})
        parent.append(el)
    for k, v in attrs.items():
        el.set(_w(k), v)
    return el


def _first(parent, tag: str):
    """The child ``tag`` of ``parent``, created as its first child when missing."""
    el = parent.find(_w(tag))
    if el is None:
        el = parent.makeelement(_w(tag), {})
        parent.insert(0, el)
    return el


# run properties that come after w:sz in the schema's order
_AFTER_SZ = {_w(t) for t in ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
                             "lang", "eastAsianLayout", "specVanish", "oMath")}


def _measure(rows, size: float) -> list[list[tuple[int, int]]]:
    cells = []
    for tr in rows:
        header = tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None
        cells.append([_cell_extent(tc, size, header) for tc in tr.findall(_w("tc"))])
    return cells


def _fix_table(tbl, available: int, use_style: bool, small: bool = False) -> bool:
    """Widths, repeating header rows, rows that do not split. False when the longest words do not fit.

    Table text is 10 pt ("Table Text"); a table whose words do not fit at 10 pt is tried at 9 pt."""
    from lxml import etree

    rows = tbl.findall(_w("tr"))
    if not rows:
        return True
    size = TABLE_PT if use_style else BODY_PT
    widths, fits = column_widths(_measure(rows, size), available)
    if not fits and use_style:
        small_widths, small_fits = column_widths(_measure(rows, SMALL_PT), available)
        if small_fits or small:
            widths, fits, size = small_widths, small_fits, SMALL_PT
    tblpr = tbl.find(_w("tblPr"))
    _set(tblpr, "tblW", type="dxa", w=str(sum(widths)))
    _set(tblpr, "tblLayout", type="fixed")
    grid = tbl.find(_w("tblGrid"))
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        etree.SubElement(grid, _w("gridCol")).set(_w("w"), str(width))
    for tr in rows:
        trpr = tr.find(_w("trPr"))
        if trpr is None:
            trpr = etree.Element(_w("trPr"))
            tr.insert(0, trpr)
        if trpr.find(_w("cantSplit")) is None:
            trpr.insert(0, etree.Element(_w("cantSplit")))
        header = trpr.find(_w("tblHeader")) is not None
        for tc, width in zip(tr.findall(_w("tc")), widths):
            tcpr = _first(tc, "tcPr")
            _set(tcpr, "tcW", type="dxa", w=str(width))
            if header and tcpr.find(_w("shd")) is None:  # the table style's header shading, for LibreOffice
                shd = etree.SubElement(tcpr, _w("shd"))
                shd.set(_w("val"), "clear")
                shd.set(_w("color"), "auto")
                shd.set(_w("fill"), HEADER_FILL)
            if not use_style:
                continue
            for ppr in tc.iter(_PPR):
                style = ppr.find(_PSTYLE)
                if style is not None and style.get(_VAL) in ("Compact", TABLE_STYLE):
                    style.set(_VAL, TABLE_STYLE)
            for r in tc.iter(_R):
                rpr = r.find(_RPR)
                if rpr is None:
                    rpr = r.makeelement(_RPR, {})
                    r.insert(0, rpr)
                for tag in _SIZES:
                    old = rpr.find(tag)
                    if old is not None:
                        rpr.remove(old)
                if size != TABLE_PT:
                    after = next((el for el in rpr if el.tag in _AFTER_SZ), None)
                    for tag in _SIZES:
                        el = rpr.makeelement(tag, {})
                        el.set(_VAL, str(int(size * 2)))
                        if after is not None:
                            after.addprevious(el)
                        else:
                            rpr.append(el)
    return fits


def _section_break(sectpr, landscape: bool, keep_title_page: bool):
    """A paragraph that ends a section laid out like ``sectpr`` (portrait) or turned to landscape."""
    import copy

    from lxml import etree

    sp = copy.deepcopy(sectpr)
    if not keep_title_page:
        for el in sp.findall(_w("titlePg")):
            sp.remove(el)
    if landscape:
        size = sp.find(_w("pgSz"))
        w, h = size.get(_w("w")), size.get(_w("h"))
        size.set(_w("w"), h)
        size.set(_w("h"), w)
        size.set(_w("orient"), "landscape")
    p = etree.Element(_w("p"))
    etree.SubElement(p, _w("pPr")).append(sp)
    return p


def _twips(el, attr: str, default: int) -> int:
    try:
        return int(el.get(_w(attr)))
    except (TypeError, ValueError, AttributeError):
        return default


def layout_tables(body, use_style: bool) -> int:
    """Fix every table of the body; tables too wide for a portrait page get a landscape section.
    Returns the number of landscape sections."""
    sectpr = body.find(_w("sectPr"))
    size = sectpr.find(_w("pgSz")) if sectpr is not None else None
    mar = sectpr.find(_w("pgMar")) if sectpr is not None else None
    page_w, page_h = _twips(size, "w", 11906), _twips(size, "h", 16838)
    left, right = _twips(mar, "left", 1417), _twips(mar, "right", 1417)
    portrait = page_w - left - right
    landscape = page_h - left - right
    turned = 0
    first_section = True
    for tbl in body.findall(_w("tbl")):
        if _fix_table(tbl, portrait, use_style) or sectpr is None:
            continue
        _fix_table(tbl, landscape, use_style, small=True)
        # end the portrait section before the table, and a landscape one right after it
        tbl.addprevious(_section_break(sectpr, landscape=False, keep_title_page=first_section))
        tbl.addnext(_section_break(sectpr, landscape=True, keep_title_page=False))
        first_section = False
        turned += 1
    if turned:
        for el in sectpr.findall(_w("titlePg")):
            sectpr.remove(el)
    return turned


# -- title page, table of contents, header --------------------------------------------------------------

TITLE_PAGE_DROP = 3400  # twips of space above the title on a title page of its own
TITLE_STYLES = ("Title", "Subtitle", "Author", "Date", "Abstract", "AbstractTitle")


def _style(p) -> str:
    ppr = p.find(_PPR)
    st = ppr.find(_PSTYLE) if ppr is not None else None
    return st.get(_VAL) if st is not None else ""


def _page_break_before(p) -> None:
    ppr = _first(p, "pPr")
    if ppr.find(_w("pageBreakBefore")) is None:
        from lxml import etree

        _after_style(ppr, etree.Element(_w("pageBreakBefore")))


def _next_paragraph(el):
    """The first paragraph at or after ``el`` (entering a structured document tag)."""
    while el is not None:
        if el.tag == _w("p"):
            return el
        if el.tag in (_w("sdt"), _w("tbl")):
            return next(el.iter(_w("p")), None)
        el = el.getnext()
    return None


def arrange_title_page(body, separate_page: bool) -> None:
    """Drop the author line (the gemeente is the subtitle; the property stays) and start the table of
    contents and the text on a new page."""
    children = list(body)
    i = 0
    while i < len(children) and children[i].tag == _w("p") and _style(children[i]) in TITLE_STYLES:
        if _style(children[i]) == "Author":
            body.remove(children[i])
        i += 1
    if i == 0 or not separate_page:
        return
    from lxml import etree

    title = next((c for c in children[:i] if _style(c) == "Title"), None)
    if title is not None:  # a third of the way down the title page
        ppr = _first(title, "pPr")
        spacing = ppr.find(_w("spacing"))
        if spacing is None:
            spacing = _after_style(ppr, etree.Element(_w("spacing")))
        spacing.set(_w("before"), str(TITLE_PAGE_DROP))
    rest = children[i:]
    if rest and rest[0].tag == _w("sdt"):  # the table of contents: its own page, text after it too
        p = _next_paragraph(rest[0])
        if p is not None:
            _page_break_before(p)
        rest = rest[1:]
    p = _next_paragraph(rest[0]) if rest else None
    if p is not None:
        _page_break_before(p)


_HEADING = re.compile(r"Heading([1-9])")


def _heading_level(p) -> int:
    m = _HEADING.fullmatch(_style(p))
    return int(m.group(1)) if m else 0


def _run(parent, text: str | None = None, fld: str | None = None, instr: str | None = None, tab=False):
    from lxml import etree

    r = etree.SubElement(parent, _w("r"))
    if fld:
        el = etree.SubElement(r, _w("fldChar"))
        el.set(_w("fldCharType"), fld)
        if fld == "begin":
            el.set(_w("dirty"), "true")
    if instr is not None:
        el = etree.SubElement(r, _w("instrText"))
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        el.text = instr
    if tab:
        etree.SubElement(r, _w("tab"))
    if text is not None:
        el = etree.SubElement(r, _w("t"))
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        el.text = text
    return r


def fill_toc(body) -> int:
    """Write the entries into pandoc's empty table-of-contents field, each with a PAGEREF field to its
    heading's bookmark, so the contents show without a field update. Word refreshes the field (and so
    the page numbers) on opening (``w:updateFields``); LibreOffice computes the page references.
    Returns the number of entries."""
    from lxml import etree

    sdt = next((el for el in body.iter(_w("sdt"))
                if el.find(f".//{_w('docPartGallery')}[@{_w('val')}='Table of Contents']") is not None), None)
    if sdt is None:
        return 0
    content = sdt.find(_w("sdtContent"))
    field_p = next((p for p in content.iter(_w("p")) if p.find(f".//{_w('instrText')}") is not None), None)
    if field_p is None:
        return 0
    instr = field_p.find(f".//{_w('instrText')}").text or ""
    m = re.search(r'\\o\s+"(\d)-(\d)"', instr)
    depth = int(m.group(2)) if m else 3
    entries = []
    for p in body.iter(_w("p")):
        level = _heading_level(p)
        prev = p.getprevious()
        if 1 <= level <= depth and prev is not None and prev.tag == _w("bookmarkStart"):
            text = "".join(t.text or "" for t in p.iter(_w("t")))
            entries.append((level, prev.get(_w("name")), text))
    if not entries:
        return 0
    paragraphs = []
    for i, (level, anchor, text) in enumerate(entries):
        p = etree.Element(_w("p"))
        ppr = etree.SubElement(p, _w("pPr"))
        etree.SubElement(ppr, _w("pStyle")).set(_w("val"), f"TOC{level}")
        if i == 0:
            _run(p, fld="begin")
            _run(p, instr=instr)
            _run(p, fld="separate")
        link = etree.SubElement(p, _w("hyperlink"))
        link.set(_w("anchor"), anchor)
        link.set(_w("history"), "1")
        _run(link, text=text)
        _run(link, tab=True)
        _run(link, fld="begin")
        _run(link, instr=f" PAGEREF {anchor} \\h ")
        _run(link, fld="separate")
        _run(link, text="1")
        _run(link, fld="end")
        if i == len(entries) - 1:
            _run(p, fld="end")
        paragraphs.append(p)
    for p in paragraphs:
        field_p.addprevious(p)
    content.remove(field_p)
    return len(entries)


def sections_on_new_pages(body) -> None:
    """Every level-1 heading after the first starts a new page (the draaiboek: one activity per page)."""
    headings = [p for p in body.findall(_w("p")) if _heading_level(p) == 1]
    for p in headings[1:]:
        _page_break_before(p)


def _core_value(core: bytes, tag: str) -> str:
    from lxml import etree

    root = etree.fromstring(core)
    el = root.find(f".//{tag}")
    return (el.text or "").strip() if el is not None else ""


def fill_header(xml: bytes, values: dict[str, str]) -> bytes:
    """Put the document's title and author into the cached results of TITLE and AUTHOR fields."""
    from lxml import etree

    root = etree.fromstring(xml)
    changed = False
    for fld in root.iter(_w("fldSimple")):
        key = (fld.get(_w("instr")) or "").split()
        if key and key[0].upper() in values:
            texts = list(fld.iter(_w("t")))
            if texts:
                texts[0].text = values[key[0].upper()]
                for t in texts[1:]:
                    t.text = ""
                changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if changed else xml


# settings that come after w:updateFields in the sequence of CT_Settings (ECMA-376 part 1)
_AFTER_UPDATE = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                 "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                 "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                 "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}


def update_fields(settings: bytes) -> bytes:
    """``w:updateFields``: Word refreshes the table of contents and page references on opening."""
    from lxml import etree

    root = etree.fromstring(settings)
    if root.find(_w("updateFields")) is None:
        el = etree.Element(_w("updateFields"))
        el.set(_w("val"), "true")
        # in the schema's order (Word is strict about it): before the first of these, else last
        anchor = next((c for c in root if isinstance(c.tag, str) and c.tag.split("}")[-1] in _AFTER_UPDATE), None)
        if anchor is not None:
            anchor.addprevious(el)
        else:
            root.append(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def polish(path: Path, title_page: bool = False, new_pages: bool = False, epoch: int | None = None) -> None:
    """Rewrite the DOCX at ``path`` in place (entries keep their order and compression).

    ``epoch`` (seconds): the plan's date, put into the document properties and the zip entries. Under
    ``--sandbox`` pandoc ignores SOURCE_DATE_EPOCH and stamps 1970-01-01; the file is deterministic
    either way, but the officer should see the plan's date in Word's properties."""
    from lxml import etree

    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    data = {info.filename: blob for info, blob in entries}
    styles = data.get("word/styles.xml", b"")
    use_style = f'w:styleId="{TABLE_STYLE}"'.encode() in styles
    core = data.get("docProps/core.xml", b"")
    values = {"TITLE": _core_value(core, f"{{{DC}}}title") if core else "",
              "AUTHOR": _core_value(core, f"{{{DC}}}creator") if core else ""}

    out = []
    for info, blob in entries:
        name = info.filename
        if name == "word/document.xml":
            root = etree.fromstring(blob)
            body = root.find(_w("body"))
            arrange_title_page(body, title_page)
            fill_toc(body)
            if new_pages:
                sections_on_new_pages(body)
            layout_tables(body, use_style)
            blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif name == "word/settings.xml":
            blob = update_fields(blob)
        elif name.startswith("word/header") and name.endswith(".xml"):
            blob = fill_header(blob, values)
        out.append((info, blob))
    if epoch is not None:
        out = _stamped(out, epoch)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info, blob in out:
            dst.writestr(info, blob, compress_type=info.compress_type)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(buf.getvalue())
    os.replace(tmp, path)


def _stamped(entries: list, epoch: int) -> list:
    """The entries with the date of ``epoch`` (zip dates start in 1980) on each entry and in
    docProps/core.xml; names, order, compression and attributes stay, so the result is byte-stable."""
    from datetime import datetime, timezone

    when = datetime.fromtimestamp(max(epoch, 315532800), tz=timezone.utc)
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = []
    for info, blob in entries:
        if info.filename == "docProps/core.xml":
            blob = _CORE_DATE.sub(lambda m: m.group(1) + iso + m.group(3), blob)
        fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
        fixed.compress_type = info.compress_type
        fixed.external_attr = info.external_attr
        fixed.create_system = info.create_system
        out.append((fixed, blob))
    return out
