"""The two figures, the participatieladder and the timeline, drawn once on a small canvas API.

Two canvases implement it: ``Svg`` (hand-written SVG, for HTML and the Markdown files) and ``Png``
(Pillow, for Word: LibreOffice and older Word versions do not show SVG in a DOCX, and pandoc only adds
a PNG fallback when rsvg-convert happens to be installed). Deterministic by construction: fixed sizes,
coordinates rounded, Pillow's bundled font, no ids or dates from the clock. Only catalog names,
numbers and dates are drawn; every SVG text is XML-escaped anyway.
"""
from __future__ import annotations

from datetime import date
from html import escape

FONT = "Calibri, Carlito, Arial, 'Liberation Sans', sans-serif"
DARK = "#1f4e79"
LIGHT = "#e8eef5"
ORANGE = "#c55a11"
GREEN = "#548235"
GREY = "#7f7f7f"
MAANDEN_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


FALLBACK = 1.12  # Arial and Liberation Sans are up to this much wider than Calibri/Carlito
GAP = 6  # px between two labels
MIN_TEXT = 12  # px in the drawing; the figures are at most 680 px wide, so at least 8 pt on a 16 cm wide page


def _box(x: float, y: float, width: float, size: float, anchor: str, content: str):
    """(left, top, right, bottom, text) of a text drawn with its baseline at y."""
    left = x - width / 2 if anchor == "middle" else (x - width if anchor == "end" else x)
    return (left, y - 0.8 * size, left + width, y + 0.25 * size, content)


def overlaps(a, b, gap: float = 0.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _n(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


class Svg:
    def __init__(self, width: int, height: int, title: str):
        self.width, self.height = width, height
        self.boxes: list[tuple[float, float, float, float, str]] = []  # every text's box (see _box)
        self.parts: list[str] = [f"<title>{escape(title)}</title>",
                                 f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']

    def rect(self, x, y, w, h, fill="none", stroke="none", width=1.0, dash=None, rx=0):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(rx)}" '
                          f'fill="{fill}" stroke="{stroke}" stroke-width="{_n(width)}"{extra}/>')

    def line(self, x1, y1, x2, y2, stroke=GREY, width=1.0, dash=None):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}" '
                          f'stroke-width="{_n(width)}"{extra}/>')

    def circle(self, cx, cy, r, fill, stroke="none", width=1.0):
        self.parts.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{fill}" stroke="{stroke}" '
                          f'stroke-width="{_n(width)}"/>')

    def diamond(self, cx, cy, r, fill):
        pts = f"{_n(cx)},{_n(cy - r)} {_n(cx + r)},{_n(cy)} {_n(cx)},{_n(cy + r)} {_n(cx - r)},{_n(cy)}"
        self.parts.append(f'<polygon points="{pts}" fill="{fill}"/>')

    def triangle_left(self, cx, cy, r, fill):
        pts = f"{_n(cx - r)},{_n(cy)} {_n(cx + r)},{_n(cy - r)} {_n(cx + r)},{_n(cy + r)}"
        self.parts.append(f'<polygon points="{pts}" fill="{fill}"/>')

    def measure(self, content: str, size: float, bold: bool = False) -> float:
        """Text width: Carlito's advance widths (the first fonts named), plus room for a wider fallback."""
        from .docx_layout import text_width

        return text_width(str(content), bold, size) / 20 * FALLBACK

    def text(self, x, y, content, size=12, fill="#000000", anchor="start", bold=False):
        self.boxes.append(_box(x, y, self.measure(content, size, bold), size, anchor, str(content)))
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" fill="{fill}" '
                          f'text-anchor="{anchor}"{weight}>{escape(str(content))}</text>')

    def render(self) -> str:
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
                f'viewBox="0 0 {self.width} {self.height}" font-family="{escape(FONT)}" role="img">')
        return head + "\n" + "\n".join(self.parts) + "\n</svg>\n"


class Png:
    """The same drawing calls as ``Svg``, rendered with Pillow at twice the size (192 dpi)."""

    SCALE = 2
    ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # SVG's text-anchor on the baseline

    def __init__(self, width: int, height: int, title: str):
        from PIL import Image, ImageDraw

        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * self.SCALE, height * self.SCALE), "#ffffff")
        self.draw = ImageDraw.Draw(self.image)
        self.fonts: dict[int, object] = {}
        self.boxes: list[tuple[float, float, float, float, str]] = []

    def _p(self, v: float) -> int:
        return round(v * self.SCALE)

    def _font(self, size: int):
        if size not in self.fonts:
            from PIL import ImageFont

            self.fonts[size] = ImageFont.load_default(size=size * self.SCALE)
        return self.fonts[size]

    def _dashed(self, points, stroke, width, dash):
        on, off = (float(v) * self.SCALE for v in dash.split()[:2])
        w = max(1, self._p(width))
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
            pos = 0.0
            while pos < length:
                end = min(pos + on, length)
                a, b = pos / length, end / length
                self.draw.line([(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a), (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)],
                               fill=stroke, width=w)
                pos = end + off

    def rect(self, x, y, w, h, fill="none", stroke="none", width=1.0, dash=None, rx=0):
        box = [self._p(x), self._p(y), self._p(x + w), self._p(y + h)]
        solid_stroke = stroke if stroke != "none" and not dash else None
        self.draw.rounded_rectangle(box, radius=self._p(rx), fill=None if fill == "none" else fill,
                                    outline=solid_stroke, width=max(1, self._p(width)))
        if dash and stroke != "none":
            x1, y1, x2, y2 = box
            self._dashed([(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)], stroke, width, dash)

    def line(self, x1, y1, x2, y2, stroke=GREY, width=1.0, dash=None):
        points = [(self._p(x1), self._p(y1)), (self._p(x2), self._p(y2))]
        if dash:
            self._dashed(points, stroke, width, dash)
        else:
            self.draw.line(points, fill=stroke, width=max(1, self._p(width)))

    def circle(self, cx, cy, r, fill, stroke="none", width=1.0):
        box = [self._p(cx - r), self._p(cy - r), self._p(cx + r), self._p(cy + r)]
        self.draw.ellipse(box, fill=None if fill == "none" else fill,
                          outline=None if stroke == "none" else stroke, width=max(1, self._p(width)))

    def diamond(self, cx, cy, r, fill):
        self.draw.polygon([(self._p(cx), self._p(cy - r)), (self._p(cx + r), self._p(cy)),
                           (self._p(cx), self._p(cy + r)), (self._p(cx - r), self._p(cy))], fill=fill)

    def triangle_left(self, cx, cy, r, fill):
        self.draw.polygon([(self._p(cx - r), self._p(cy)), (self._p(cx + r), self._p(cy - r)),
                           (self._p(cx + r), self._p(cy + r))], fill=fill)

    def measure(self, content: str, size: float, bold: bool = False) -> float:
        return self._font(size).getlength(str(content)) / self.SCALE + (1 if bold else 0)

    def text(self, x, y, content, size=12, fill="#000000", anchor="start", bold=False):
        self.boxes.append(_box(x, y, self.measure(content, size, bold), size, anchor, str(content)))
        self.draw.text((self._p(x), self._p(y)), str(content), fill=fill, font=self._font(size),
                       anchor=self.ANCHORS[anchor], stroke_width=1 if bold else 0,
                       stroke_fill=fill if bold else None)

    def render(self) -> bytes:
        import io

        buf = io.BytesIO()
        dpi = 96 * self.SCALE
        # compress_level 3 rather than Pillow's default: faster for a few kB more (docs/performance.md)
        self.image.save(buf, format="PNG", dpi=(dpi, dpi), compress_level=3)
        return buf.getvalue()


def ladder_svg(**kwargs) -> str:
    return ladder(Svg, **kwargs)


def ladder_png(**kwargs) -> bytes:
    return ladder(Png, **kwargs)


def timeline_svg(**kwargs) -> str:
    return timeline(Svg, **kwargs)


def timeline_png(**kwargs) -> bytes:
    return timeline(Png, **kwargs)


def ladder(canvas, treden: list[dict], chosen: str, comfortzone: str | None, band: str | None,
           score: int | None, type_label: str, title: str):
    """Five rungs, low to high; the chosen rung filled, the comfort zone dashed, the quickscan band dotted."""
    w, h = 680, 400
    svg = canvas(w, h, title)
    bar_x, bar_w, rung_h, gap, top = 170, 290, 46, 8, 36
    svg.text(bar_x + bar_w / 2, 22, "Participatieladder", size=15, anchor="middle", bold=True)
    rows = {}
    for t in treden:
        r = t["nummer"] - 1
        y = top + (len(treden) - 1 - r) * (rung_h + gap)
        rows[t["id"]] = y
        picked = t["id"] == chosen
        svg.rect(bar_x, y, bar_w, rung_h, fill=DARK if picked else LIGHT, stroke=DARK, width=1.5, rx=3)
        svg.text(bar_x + 14, y + rung_h / 2 + 5, f"{t['nummer']}  {t['naam']}", size=15,
                 fill="#ffffff" if picked else DARK, bold=picked)
        notes = []
        if picked:
            notes.append(("gekozen trede", DARK))
        if t["id"] == comfortzone:
            svg.rect(bar_x - 5, y - 4, bar_w + 10, rung_h + 8, stroke=ORANGE, width=3, dash="8 5", rx=5)
            notes.append((f"comfortzone {type_label}".strip(), ORANGE))
        if t["id"] == band:
            svg.circle(bar_x + bar_w - 22, y + rung_h / 2, 9, fill=GREEN, stroke="#ffffff", width=2)
            notes.append((f"quickscan (score {score})" if score is not None else "quickscan", GREEN))
        for i, (note, colour) in enumerate(notes):
            if i == 0:  # a pointer towards the rung (drawn: not every font has a ◀ glyph)
                svg.triangle_left(bar_x + bar_w + 21, y + 11, 5, fill=colour)
            svg.text(bar_x + bar_w + 30, y + 15 + i * 14, note, size=12,
                     fill=colour, bold=(i == 0 and picked))
    interactive = [t for t in treden if t.get("interactief")]
    if interactive:
        y_top = min(rows[t["id"]] for t in interactive)
        y_bot = max(rows[t["id"]] for t in interactive) + rung_h
        svg.line(bar_x - 22, y_top, bar_x - 22, y_bot, stroke=GREY, width=2)
        svg.line(bar_x - 22, y_top, bar_x - 14, y_top, stroke=GREY, width=2)
        svg.line(bar_x - 22, y_bot, bar_x - 14, y_bot, stroke=GREY, width=2)
        svg.text(bar_x - 30, (y_top + y_bot) / 2 + 4, "interactief", size=12, fill=GREY, anchor="end")
    # legend
    ly = top + len(treden) * (rung_h + gap) + 20
    svg.rect(20, ly, 18, 14, fill=DARK, stroke=DARK)
    svg.text(44, ly + 12, "gekozen trede", size=12)
    svg.rect(170, ly - 2, 22, 18, stroke=ORANGE, width=3, dash="6 4", rx=3)
    svg.text(200, ly + 12, "comfortzone van het gewenste gemeentetype", size=12)
    svg.circle(29, ly + 37, 8, fill=GREEN)
    svg.text(44, ly + 41, "uitkomst quickscan (scoreband)", size=12)
    first = [t for t in treden if t.get("interactief")]
    if first:
        svg.line(296, ly + 28, 296, ly + 46, stroke=GREY, width=2)
        svg.text(308, ly + 41, f"interactief: vanaf trede {first[0]['nummer']}", size=12)
    return svg.render() if not isinstance(svg, Boxes) else svg


def _months(start: date, end: date) -> list[date]:
    out = []
    y, m = start.year, start.month
    if start.day != 1:
        m += 1
        if m > 12:
            y, m = y + 1, 1
    while date(y, m, 1) <= end:
        out.append(date(y, m, 1))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def _numbers(nrs: list[int]) -> str:
    """1, 2, 3, 5 -> '1-3, 5' (a hyphen: every font has one)."""
    parts, run = [], []
    for n in sorted(nrs):
        if run and n == run[-1] + 1:
            run.append(n)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
        run = [n]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
    return ", ".join(parts)


def _clusters(points: list[tuple[float, object]], distance: float) -> list[tuple[float, list]]:
    """Group (x, item) points lying closer together than ``distance``; returns (centre x, items)."""
    groups: list[list[tuple[float, object]]] = []
    for x, item in sorted(points, key=lambda p: p[0]):
        if groups and x - groups[-1][-1][0] < distance:
            groups[-1].append((x, item))
        else:
            groups.append([(x, item)])
    return [((g[0][0] + g[-1][0]) / 2, [item for _, item in g]) for g in groups]


def _place(svg, placed: list, x: float, lanes: list[float], text: str, size: int, left: float, right: float,
           bold: bool = True) -> tuple[float, float]:
    """A free spot for a centred label near x: the first lane where it overlaps nothing, else moved
    sideways in the first lane until it is free. Returns the label's centre x and baseline."""
    width = svg.measure(text, size, bold)
    half = width / 2

    def clamp(cx: float) -> float:
        return min(max(cx, left + half), right - half)

    for y in lanes:
        cx = clamp(x)
        box = _box(cx, y, width, size, "middle", text)
        if not any(overlaps(box, other, GAP) for other in placed):
            placed.append(box)
            return cx, y
    for step in range(1, 200):  # sideways, alternately right and left, in every lane
        for y in lanes:
            for cx in (clamp(x + step * 4), clamp(x - step * 4)):
                box = _box(cx, y, width, size, "middle", text)
                if not any(overlaps(box, other, GAP) for other in placed):
                    placed.append(box)
                    return cx, y
    cx = clamp(x)
    placed.append(_box(cx, lanes[0], width, size, "middle", text))
    return cx, lanes[0]


def timeline(canvas, rows: list[dict], milestones: list[dict], start: date, end: date, title: str):
    """``rows``: [{label, van, tot, activiteiten: [{nr, datum, einddatum}]}];
    ``milestones``: [{label, datum}]. Phases are bars, activities dots with their number.

    Labels never overlap: activities closer together than their numbers are wide share one label
    ("2-10"), and every label goes above or below its dot, or sideways, wherever it is free."""
    if end <= start:
        end = date.fromordinal(start.toordinal() + 30)
    w = 680
    x0, x1 = 178, w - 16
    row_h, top = 46, 62
    size = MIN_TEXT
    svg = canvas(w, 10, title)  # measuring only; the real canvas follows once the height is known
    span = (end - start).days or 1

    def x(d: date) -> float:
        d = min(max(d, start), end)
        return x0 + (d - start).days / span * (x1 - x0)

    # labels of the activities per row, then of the milestones (which may need extra lanes)
    placed: list = []
    act_labels = []
    for i, row in enumerate(rows):
        y = top + i * row_h
        mid = y + row_h / 2
        pts = [(x(a["datum"]), a["nr"]) for a in row["activiteiten"] if a.get("datum")]
        gap = svg.measure("00", size, True) + 4
        for cx, nrs in _clusters(pts, gap):
            text = _numbers(nrs)
            lx, ly = _place(svg, placed, cx, [mid - 9, mid + 19], text, size, x0 - 4, w - 4)
            act_labels.append((lx, ly, text))
    ms_labels = []
    ms_lanes = 1
    if milestones:
        y = top + len(rows) * row_h
        mid = y + row_h / 2
        lanes = [mid - 10, mid + 20] + [mid + 20 + k * 15 for k in range(1, 8)]
        for ms in sorted(milestones, key=lambda m: m["datum"]):
            lx, ly = _place(svg, placed, x(ms["datum"]), lanes, ms["label"], size, 8, w - 4)
            ms_labels.append((lx, ly, ms["label"]))
            ms_lanes = max(ms_lanes, lanes.index(ly) + 1)
    extra = max(0, ms_lanes - 2) * 15
    n_rows = len(rows) + (1 if milestones else 0)
    h = top + n_rows * row_h + extra + 50

    svg = canvas(w, h, title)
    svg.text(16, 20, "Tijdlijn", size=15, bold=True)
    months = _months(start, end)
    step = 1 if len(months) <= 8 else (3 if len(months) <= 40 else 6)
    years_shown: set[int] = set()
    for d in months:
        major = d.month == 1
        svg.line(x(d), top - 8, x(d), h - 42, stroke="#d9d9d9" if not major else "#a6a6a6", width=1)
        if (d.month - 1) % step == 0 and x(d) + 2 + svg.measure(MAANDEN_KORT[d.month - 1], size) <= w:
            svg.text(x(d) + 2, top - 14, MAANDEN_KORT[d.month - 1], size=size, fill=GREY)
            if d.year not in years_shown:
                years_shown.add(d.year)
                svg.text(x(d) + 2, top - 30, str(d.year), size=size, fill="#404040", bold=True)
    svg.line(x0, top - 8, x1, top - 8, stroke="#a6a6a6")
    for i, row in enumerate(rows):
        y = top + i * row_h
        if i % 2 == 0:
            svg.rect(6, y, w - 12, row_h, fill="#f6f8fb")
        svg.text(x0 - 10, y + row_h / 2 + 4, row["label"], size=size, anchor="end")
        if row.get("van") and row.get("tot"):
            svg.rect(x(row["van"]), y + 13, max(2.0, x(row["tot"]) - x(row["van"])), row_h - 26,
                     fill=LIGHT, stroke=DARK, width=1, rx=3)
        for act in row["activiteiten"]:
            if not act.get("datum"):
                continue
            cx = x(act["datum"])
            if act.get("einddatum") and act["einddatum"] > act["datum"]:
                svg.line(cx, y + row_h / 2, x(act["einddatum"]), y + row_h / 2, stroke=DARK, width=3)
            svg.circle(cx, y + row_h / 2, 5, fill=DARK, stroke="#ffffff", width=1.5)
    for lx, ly, text in act_labels:
        svg.text(lx, ly, text, size=size, fill=DARK, anchor="middle", bold=True)
    if milestones:
        y = top + len(rows) * row_h
        svg.text(x0 - 10, y + row_h / 2 + 4, "Mijlpalen", size=size, anchor="end")
        for ms in milestones:
            svg.diamond(x(ms["datum"]), y + row_h / 2, 6, ORANGE)
        for lx, ly, text in ms_labels:
            svg.text(lx, ly, text, size=size, fill=ORANGE, anchor="middle", bold=True)
    ly = h - 16
    svg.rect(16, ly - 10, 24, 10, fill=LIGHT, stroke=DARK, rx=2)
    svg.text(46, ly, "fase", size=size)
    svg.circle(92, ly - 5, 5, fill=DARK)
    legend = "activiteit (nummer als in het plan; lijn = looptijd)"
    svg.text(102, ly, legend, size=size)
    if milestones:
        mx = 102 + svg.measure(legend, size) + 20
        svg.diamond(mx, ly - 5, 6, ORANGE)
        svg.text(mx + 12, ly, "mijlpaal", size=size)
    return svg.render() if not isinstance(svg, Boxes) else svg


class Boxes(Svg):
    """A canvas that only records where the text goes (for tests and checks)."""


def label_boxes(figure: str, **kwargs) -> list[tuple[float, float, float, float, str]]:
    """The text boxes of a figure ('ladder' or 'tijdlijn'), each (left, top, right, bottom, text)."""
    drawn = (ladder if figure == "ladder" else timeline)(Boxes, **kwargs)
    return drawn.boxes, (drawn.width, drawn.height)
