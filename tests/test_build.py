"""``plancompiler build``: the four documents in Markdown, DOCX and HTML, with real content checks.

One full build per example is shared by the module (pandoc is the slow part); the other tests use
Markdown-only builds or a pandoc that fails on purpose.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
import sys
import zipfile
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from docx import Document
from ruamel.yaml import YAML

from plancompiler import render
from plancompiler.cli import cli
from plancompiler.compiler import compile_file
from plancompiler.render import pandoc as pandoc_mod
from plancompiler.render.context import days_in_words, euro, nl_date
from plancompiler.render.escape import escape_block, escape_cell, escape_inline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name.split(".")[0]: p for p in sorted((ROOT / "examples").glob("*.plan.yaml"))}
DOCS = ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader", "controlerapport")
FIGURES = ("figuren/participatieladder.svg", "figuren/tijdlijn.svg",
           "figuren/participatieladder.png", "figuren/tijdlijn.png")
PVA_HEADINGS = ["1. Samenvatting", "2. Aanleiding en probleemstelling", "3. Doel en resultaat", "4. Afbakening",
                "5. Wettelijk kader", "6. Ambitie", "7. Kernvoorwaarden", "8. Aanpak per fase",
                "9. Werving van deelnemers", "10. Draagvlak en spelregels", "11. Planning en besluitmomenten",
                "12. Organisatie en rollen", "13. Communicatie", "14. Risico’s en beheersmaatregelen",
                "15. Capaciteit, kosten en dekking", "16. Evaluatie", "17. Besluitvorming",
                "Bijlage A. Gemotiveerde uitzonderingen"]
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "openxml": "```{=openxml}\n<w:p><w:r><w:t>INJECTED</w:t></w:r></w:p>\n```",
    "image": "![x](/etc/passwd)",
    "link": "[x](javascript:alert(1))",
    "html": "<img src=x onerror=alert(1)> | ![y](file:///etc/passwd) `{=html}` $x$ \\textbf{y} @cite",
}


def run_cli(*args: str):
    return CliRunner().invoke(cli, ["build", *args], catch_exceptions=False)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): sha(p) for p in sorted(directory.rglob("*")) if p.is_file()}


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def headings(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def html_text(path: Path) -> str:
    text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", unescape(text))


def table_rows(path: Path, header_start: list[str]) -> list[list[str]]:
    rows = []
    for table in Document(str(path)).tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        if cells and cells[0][: len(header_start)] == header_start:
            rows.extend(cells[1:])
    return rows


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every example built once in md, docx and html (through the CLI)."""
    out = {}
    for name, path in EXAMPLES.items():
        target = tmp_path_factory.mktemp("build") / name
        result = run_cli(str(path), "-o", str(target), "--format", "md,docx,html")
        assert result.exit_code == 0, result.output
        out[name] = (target, compile_file(path).plan)
    return out


# -- the files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_all_documents_and_figures_exist(built, example):
    target, _ = built[example]
    expected = {f"{d}.{ext}" for d in DOCS for ext in ("md", "docx", "html")} | set(FIGURES)
    present = {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
    assert expected <= present
    assert present - expected == {render.MANIFEST}
    for name in expected:
        assert (target / name).stat().st_size > 500, name
    for name in DOCS:
        assert zipfile.is_zipfile(target / f"{name}.docx")


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_plan_van_aanpak_has_every_section(built, example):
    target, plan = built[example]
    heads = headings(target / "plan-van-aanpak.docx")
    for h in PVA_HEADINGS:
        assert h in heads, h
    # one sub-heading per phase of the plan
    phase_heads = [h for h in heads if re.match(r"8\.\d+ ", h)]
    assert len(phase_heads) == len(plan.fasen)
    for h in PVA_HEADINGS:
        pattern = r"\s+".join(re.escape(w) for w in h.split())
        assert re.search(rf"<h2[^>]*>{pattern}</h2>", (target / "plan-van-aanpak.html").read_text("utf-8"))
        assert f"## {h}" in (target / "plan-van-aanpak.md").read_text("utf-8")


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_activities_table_rows_equal_plan_activities(built, example):
    target, plan = built[example]
    rows = table_rows(target / "plan-van-aanpak.docx", ["Nr.", "Datum", "Activiteit", "Instrument"])
    acts = plan.activiteiten
    assert len(rows) == len(acts)
    for row, a in zip(rows, acts):
        assert row[0] == str(a.volgorde + 1)
        assert row[2] == a.titel
        assert row[3] == (a.instrument.naam if a.instrument else a.instrument_naam)
        assert row[5] == plan.catalog.naam(a.trede(plan.catalog))
    # the draaiboek has a run-sheet section for every activity, none of them empty
    heads = headings(target / "draaiboek.docx")
    for a in acts:
        assert f"{a.volgorde + 1}. {a.titel}" in heads
    assert len(acts) == heads.count("Nazorg") == heads.count("Rollen")
    # a survey's invitation is in its steps; every other activity has its own invitation countdown
    assert heads.count("Voorbereiding en uitnodiging") >= len(acts) - heads.count("Stappen")
    assert sum(heads.count(h) for h in ("Programma", "Programma van een bijeenkomst", "Stappen")) >= len(acts)


def test_summary_key_facts(built):
    target, plan = built["velsen"]
    rows = dict((r[0], r[1]) for r in table_rows(target / "plan-van-aanpak.docx", ["Onderdeel", "Keuze"]))
    assert rows["Gemeentetype (gewenst)"] == "Breed beleid met de gemeente als dirigent (type II)"
    assert rows["Trede op de participatieladder"] == "4. Coproduceren"
    assert rows["Aantal activiteiten"] == str(len(plan.activiteiten))
    total = sum(b.bedrag_eur for b in plan.begroting)
    assert rows["Totale begroting"] == euro(total) == "€ 20.000,00"
    # the date inside the DOCX is the plan's own date, never today's
    assert Document(str(target / "plan-van-aanpak.docx")).core_properties.created.date() == plan.datum
    with zipfile.ZipFile(target / "plan-van-aanpak.docx") as z:
        assert {i.date_time[:3] for i in z.infolist()} == {(2026, 12, 1)}
    text = docx_text(target / "plan-van-aanpak.docx")
    for lid in ("Art. 11 lid 1", "Art. 11 lid 2", "Art. 11 lid 3", "Art. 11 lid 4", "Art. 12 lid 1",
                "Art. 12 lid 2"):
        assert lid in text
    assert "Wmo-raad Velsen op 17 november 2027" in text
    # kernvoorwaarden: the brochure's criterion for the chosen rung beside the plan's own assessment
    kv = table_rows(target / "plan-van-aanpak.docx", ["Kernvoorwaarde"])
    assert len(kv) == 6
    openheid = plan.catalog.voorwaarde("openheid")["criteria"]["coproduceren"]
    assert kv[0][1] == " ".join(openheid.split()) and kv[0][2] == "Voldaan"
    # Velsen works above its comfort zone: the comfort zone's risks it states a measure for appear
    risks = table_rows(target / "plan-van-aanpak.docx", ["Risico", "Maatregel in dit plan"])
    assert len(risks) == len(plan.risicos) == 3
    assert any(r[1].startswith("In elke uitnodiging staan de spelregels") for r in risks)


def test_draaiboek_cafe_clock_times(built):
    target, plan = built["velsen"]
    programmes = []
    for table in Document(str(target / "draaiboek.docx")).tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        if cells[0][:2] == ["Tijd", "Onderdeel"]:
            programmes.append(cells[1:])
    # the café: the wethouder's slot the plan asks for, then the brochure's rounds (p. 42)
    cafe = next(p for p in programmes if len(p) > 1 and p[1][1] == "Ronde 1")
    assert [(r[0], r[1]) for r in cafe] == [("19:30–19:40", "Woord van de wethouder"), ("19:40–20:25", "Ronde 1"),
                                            ("20:25–20:40", "Ronde 2"), ("20:40–20:55", "Ronde 3"),
                                            ("20:55–21:25", "Plenaire rapportage")]
    assert cafe[4][2] == "15–30 min."
    # the vrijwilligersbeurs follows the Velsen run-sheet from 09:00 to the lunch at 12:30
    beurs = next(p for p in programmes if p[0][1] == "Inloop en ontvangst")
    assert beurs[0][0] == "09:00–09:30" and beurs[-1][0] == "vanaf 12:30"
    # countdown through the plan's channels and aftercare from the plan's terms
    text = docx_text(target / "draaiboek.docx")
    assert "Uitnodiging versturen: " in text and "Lokale krant, gemeentepagina en sociale media" in text
    assert "18 maart 2027" in text  # four weeks before the café of 15 April 2027
    assert "6 mei 2027" in text  # report within 21 days
    spelregels = docx_text(target / "spelregels.docx")
    assert ("Vrijwilligerscafé ‘Wat heeft u nodig?’ (15 april 2027). U geeft advies en brengt zelf ideeën in. "
            "De gemeente beslist. Uw advies telt zwaar mee.") in spelregels
    assert "U krijgt een verslag. Dat is binnen drie weken." in spelregels
    # a term the evaluation cuts short is stated with its dates
    assert ("Evaluatiegesprek met de klankbordgroep (6 maart 2029). U geeft uw mening. De gemeente beslist zelf "
            "wat zij ermee doet. Het verslag komt uiterlijk 12 maart 2029. U kunt reageren tot en met 19 maart 2029.") \
        in spelregels


def test_generic_runsheet_for_activities_without_method(built):
    target, plan = built["dorpshaven"]
    md = (target / "draaiboek.md").read_text("utf-8")
    section = md.split("## 2. Dorpsronde langs organisaties", 1)[1].split("\n## ", 1)[0]
    assert "### Stappen" in section and "algemene stappen" in section
    assert "### Rollen" in section and "### Materialen" in section


def test_spelregels_and_evaluatiekader_content(built):
    target, plan = built["velsen"]
    heads = headings(target / "spelregels.docx")
    assert {"Zo werken we samen", "Hoeveel invloed heeft u?", "Wat er met uw inbreng gebeurt",
            "De klankbordgroep"} <= set(heads)
    text = docx_text(target / "spelregels.docx")
    for rule in plan.catalog.spelregels:
        assert f"{rule['kort']}" in text
    assert plan.catalog.trede("adviseren")["in_gewone_woorden"].split()[0] in text
    heads = headings(target / "evaluatiekader.docx")
    assert {"Opzet van de evaluatie", "Checklist procestest", "Stand van zaken", "Vervolgscenario"} <= set(heads)
    text = docx_text(target / "evaluatiekader.docx")
    assert "20 maart 2029" in text and "Beleidsadviseur vrijwilligerswerk samen met de klankbordgroep" in text
    assert "Is aanwezige kennis benut?\n☒ ja ☐ deels ☐ nee" in text
    assert "Zijn de juiste actoren betrokken?\n☐ ja ☐ deels ☐ nee" in text
    assert plan.evaluatie.vervolg[:40] in text


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_figures_are_images_in_every_format(built, example):
    target, _ = built[example]
    doc = Document(str(target / "plan-van-aanpak.docx"))
    assert len(doc.inline_shapes) == 2
    with zipfile.ZipFile(target / "plan-van-aanpak.docx") as z:
        media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
        # PNG in Word: LibreOffice and older Word versions show no SVG
        assert len(media) == 2 and all(n.endswith(".png") for n in media)
        assert all(z.read(n).startswith(b"\x89PNG\r\n\x1a\n") for n in media)
        xml = z.read("word/document.xml").decode("utf-8")
    assert 'descr="Participatieladder met vijf treden' in xml and 'descr="Tijdlijn van ' in xml
    html = (target / "plan-van-aanpak.html").read_text("utf-8")
    assert len(re.findall(r'<img\s+src="data:image/svg\+xml;base64,', html)) == 2
    assert 'alt="Participatieladder met vijf treden' in html
    md = (target / "plan-van-aanpak.md").read_text("utf-8")
    assert '(figuren/participatieladder.svg "participatieladder")' in md
    assert '(figuren/tijdlijn.svg "tijdlijn")' in md
    for fig in FIGURES:
        if fig.endswith(".png"):
            data = (target / fig).read_bytes()
            assert data.startswith(b"\x89PNG\r\n\x1a\n") and b"pHYs" in data  # with its 192 dpi
            continue
        root = ElementTree.parse(target / fig).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.find("{http://www.w3.org/2000/svg}title").text


def test_ladder_marks_chosen_rung_comfortzone_and_band(built):
    target, _ = built["dorpshaven"]
    svg = (target / "figuren/participatieladder.svg").read_text("utf-8")
    assert "gekozen trede" in svg and "comfortzone (type I)" in svg and "quickscan (score 12)" in svg


# -- determinism and atomicity ----------------------------------------------------------------------

def test_two_builds_are_byte_identical(built, tmp_path):
    first, _ = built["velsen"]
    result = run_cli(str(EXAMPLES["velsen"]), "-o", str(tmp_path / "again"), "--format", "md,docx,html")
    assert result.exit_code == 0, result.output
    assert snapshot(first) == snapshot(tmp_path / "again")


def test_plan_with_errors_writes_nothing(tmp_path):
    bad = tmp_path / "kapot.plan.yaml"
    text = EXAMPLES["velsen"].read_text("utf-8").replace("trede: coproduceren", "trede: superhoog", 1)
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "uit"
    result = run_cli(str(bad), "-o", str(out), "--format", "md,docx,html")
    assert result.exit_code == 1
    assert "fout" in result.output and "kapot.plan.yaml" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kapot.plan.yaml"]


def test_waived_rules_do_not_block(built):
    target, _ = built["dorpshaven"]  # carries a waiver for niet-interactief
    text = docx_text(target / "plan-van-aanpak.docx")
    assert "niet-interactief" not in text and "Raadplegen is bewust gekozen" in text  # no rule ids for the college
    from plancompiler.rules import RULES

    assert RULES["niet-interactief"].SUMMARY in text
    assert "niet-interactief" in docx_text(target / "controlerapport.docx")


@pytest.fixture
def broken_pandoc(tmp_path):
    script = tmp_path / "kapotte-pandoc"
    script.write_text("#!/bin/sh\necho 'pandoc: kapot' >&2\nexit 1\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.parametrize("kind", ["broken", "missing"])
def test_failing_pandoc_leaves_previous_build_untouched(tmp_path, monkeypatch, broken_pandoc, kind):
    out = tmp_path / "uit"
    first = run_cli(str(EXAMPLES["dorpshaven"]), "-o", str(out), "--format", "md")
    assert first.exit_code == 0, first.output
    before = snapshot(out)
    pandoc = broken_pandoc if kind == "broken" else tmp_path / "bestaat-niet" / "pandoc"
    monkeypatch.setenv("PLANCOMPILER_PANDOC", str(pandoc))
    result = run_cli(str(EXAMPLES["dorpshaven"]), "-o", str(out), "--format", "md,docx,html")
    assert result.exit_code == 3
    assert "pandoc" in result.output and "--format md" in result.output
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".plancompiler-")]
    # Markdown only still works without pandoc
    md_only = run_cli(str(EXAMPLES["dorpshaven"]), "-o", str(out), "--format", "md")
    assert md_only.exit_code == 0, md_only.output
    assert snapshot(out) == before


def test_failed_move_is_rolled_back(tmp_path, monkeypatch):
    out = tmp_path / "uit"
    render.build(EXAMPLES["velsen"], out, ("md",))
    before = snapshot(out)
    real_replace = os.replace
    calls = {"n": 0}

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(render.os, "replace", flaky)
    with pytest.raises(render.BuildError) as info:
        render.build(EXAMPLES["dorpshaven"], out, ("md",))
    assert info.value.code == 2
    monkeypatch.setattr(render.os, "replace", real_replace)
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".plancompiler-")]


def test_manifest_protects_hand_edited_files(tmp_path):
    out = tmp_path / "uit"
    assert run_cli(str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md").exit_code == 0
    assert (out / render.MANIFEST).is_file()
    # rebuilding over its own, unchanged files is fine
    assert run_cli(str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md").exit_code == 0
    edited = out / "plan-van-aanpak.md"
    edited.write_text("Met de hand aangepast.\n", encoding="utf-8")
    result = run_cli(str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md")
    assert result.exit_code == 2
    assert "plan-van-aanpak.md" in result.output and "--force" in result.output
    assert edited.read_text("utf-8") == "Met de hand aangepast.\n"
    forced = run_cli(str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md", "--force")
    assert forced.exit_code == 0, forced.output
    assert edited.read_text("utf-8").startswith("# Plan van aanpak")


def test_foreign_file_is_not_overwritten(tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    (out / "spelregels.md").write_text("Van iemand anders.\n", encoding="utf-8")
    result = run_cli(str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md")
    assert result.exit_code == 2
    assert (out / "spelregels.md").read_text("utf-8") == "Van iemand anders.\n"
    assert sorted(p.name for p in out.iterdir()) == ["spelregels.md"]


def test_output_problems_exit_2(tmp_path):
    a_file = tmp_path / "bestand"
    a_file.write_text("x", encoding="utf-8")
    result = run_cli(str(EXAMPLES["velsen"]), "-o", str(a_file), "--format", "md")
    assert result.exit_code == 2  # click already refuses a file as output directory
    with pytest.raises(render.BuildError) as info:
        render.build(EXAMPLES["velsen"], a_file, ("md",))
    assert info.value.code == 2 and "bestaat al als bestand" in info.value.message
    result = run_cli(str(EXAMPLES["velsen"]), "-o", str(a_file / "sub"), "--format", "md")
    assert result.exit_code == 2 and "uitvoermap" in result.output
    result = run_cli(str(EXAMPLES["velsen"]), "-o", str(tmp_path / "x"), "--format", "pdf")
    assert result.exit_code == 2 and "pdf" in result.output
    result = run_cli(str(tmp_path / "bestaat-niet.plan.yaml"), "--format", "md")
    assert result.exit_code == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_output_dir_exit_2(tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run_cli(str(EXAMPLES["velsen"]), "-o", str(out), "--format", "md")
        assert result.exit_code == 2 and "niet" in result.output
    finally:
        out.chmod(0o755)


def test_default_output_dir_is_build_stem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli(str(EXAMPLES["utrecht"]), "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "utrecht" / "plan-van-aanpak.md").is_file()
    assert render.default_output_dir("a/b/mijn-plan.yaml") == Path("build/mijn-plan")


# -- user text is data -------------------------------------------------------------------------------

def test_hostile_text_appears_literally_everywhere(tmp_path):
    yaml = YAML()
    data = yaml.load(EXAMPLES["velsen"].read_text("utf-8"))
    data["visie"]["waarom"] = HOSTILE["script"]
    data["ambitie"]["motivering"] = HOSTILE["openxml"]
    cafe = data["fasen"][1]["activiteiten"][0]
    cafe["naam"] = HOSTILE["link"]
    cafe["omschrijving"] = HOSTILE["image"]
    data["benodigdheden"][0] = HOSTILE["image"]
    data["spelregels"]["rolverdeling"] = HOSTILE["html"]
    plan = tmp_path / "kwaad.plan.yaml"
    with open(plan, "w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    out = tmp_path / "uit"
    result = run_cli(str(plan), "-o", str(out), "--format", "md,docx,html")
    assert result.exit_code == 0, result.output

    flat_openxml = "```{=openxml} <w:p><w:r><w:t>INJECTED</w:t></w:r></w:p> ```"
    expect = {"plan-van-aanpak": [HOSTILE["script"], HOSTILE["link"], HOSTILE["image"], flat_openxml],
              "spelregels": [HOSTILE["html"], HOSTILE["link"]],
              "draaiboek": [HOSTILE["link"], HOSTILE["image"]]}
    pandoc = str(pandoc_mod.find_pandoc())
    for doc, needles in expect.items():
        # Markdown: rendered by pandoc to plain text, the strings come back literally
        plain = subprocess.run([pandoc, "--sandbox", "-f", "markdown", "-t", "plain", "--wrap=none",
                                str(out / f"{doc}.md")], capture_output=True, check=True, text=True).stdout
        plain = re.sub(r"\s+", " ", plain)
        docx = re.sub(r"\s+", " ", docx_text(out / f"{doc}.docx"))
        html = html_text(out / f"{doc}.html")
        for needle in needles:
            assert needle in plain, (doc, "md", needle)
            assert needle in docx, (doc, "docx", needle)
            assert needle in html, (doc, "html", needle)
    with zipfile.ZipFile(out / "plan-van-aanpak.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert "<w:t>INJECTED</w:t>" not in xml  # not raw OpenXML: escaped text inside a run
    assert len(media) == 2
    for doc in DOCS:
        html = (out / f"{doc}.html").read_text("utf-8")
        assert not re.search(r"<script", html, re.I)
        assert not re.search(r"<img[^>]+src=\"(?!data:image/svg\+xml;base64,)", html)
        assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # only in text, never in markup
        assert not re.search(r"href=\"javascript:", html, re.I)
        assert "onerror=" not in re.sub(r">[^<]*<", "><", html)
        for path in out.rglob("*"):
            if path.is_file():
                assert b"root:x:0:0" not in path.read_bytes()
        with zipfile.ZipFile(out / f"{doc}.docx") as z:
            # only plancompiler's own figures: PNG it drew itself, no file from the plan
            assert all(n.endswith(".png") for n in z.namelist() if n.startswith("word/media/"))


# -- small pieces ------------------------------------------------------------------------------------

def test_escaper():
    # only where markup could start: see tests/test_escape.py
    assert escape_inline("*a* [b](c) <d> `e` #f") == r"\*a\* \[b\](c) \<d> \`e\` #f"
    assert escape_inline("# f") == r"\# f"
    assert escape_inline("een\n\n  twee\tdrie") == "een twee drie"
    assert escape_cell("a | b") == r"a \| b"
    assert escape_block("regel 1\nregel 2\n\n    code?") == "regel 1\\\nregel 2\n\ncode?"
    assert escape_inline("back\\slash") == "back\\\\slash"
    assert escape_inline(None) == ""


def test_escaper_round_trips_through_pandoc():
    samples = ["<script>alert(1)</script>", "![x](/etc/passwd)", "[x](javascript:alert(1))",
               "```{=openxml}", "1. geen lijst", "# geen kop", "- geen opsomming", "a | b | c",
               "**niet vet** _niet schuin_ ~~doorgehaald~~ ^sup^ ~sub~", "$x^2$ \\(y\\)", "@citaat [@ref]",
               "&amp; &lt; &#60;", "----", "===", ":::", "> geen citaat", "[^1] voetnoot", "<!-- c -->",
               "'aanhalingstekens' \"dubbel\" -- --- ...", "{#id .class}", "\\", "a\\\nb"]
    src = "\n\n".join(escape_inline(s) for s in samples) + "\n"
    pandoc = str(pandoc_mod.find_pandoc())
    out = subprocess.run([pandoc, "--sandbox", "-f", pandoc_mod.READER, "-t", "plain", "--wrap=none"],
                         input=src, capture_output=True, check=True, text=True).stdout
    # straight quotes are typography, not markup: pandoc curls them in user and template text alike
    out = out.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    assert [p.strip() for p in out.strip().split("\n\n")] == [" ".join(s.split()) for s in samples]


def test_dutch_formats():
    from datetime import date

    assert nl_date(date(2027, 1, 15)) == "15 januari 2027"
    assert nl_date(date(2027, 4, 15), weekday=True) == "donderdag 15 april 2027"
    assert euro(1234.56) == "€ 1.234,56" and euro(20000) == "€ 20.000,00" and euro(0.5) == "€ 0,50"
    assert days_in_words(21) == "drie weken" and days_in_words(7) == "één week" and days_in_words(10) == "tien dagen"


def test_formats_are_parsed_strictly():
    assert render.parse_formats("md") == ("md",)
    assert render.parse_formats("html, MD,docx") == ("md", "docx", "html")
    assert render.parse_formats(None) == ("md", "docx")
    with pytest.raises(render.BuildError):
        render.parse_formats("md,pdf")


def test_png_figures_are_the_svg_drawing_at_twice_the_size():
    """One drawing, two canvases: the PNG for Word has the SVG's proportions at 192 dpi, and the
    same plan always gives the same bytes."""
    import struct

    from plancompiler.compiler import compile_file
    from plancompiler.render import prepare
    from plancompiler.render.figures import ladder_png, ladder_svg, timeline_png, timeline_svg

    compiled = compile_file(str(EXAMPLES["velsen"]))
    ctx = prepare(compiled.plan, compiled.result.diagnostics)
    for svg_of, png_of, key in ((ladder_svg, ladder_png, "_ladder"), (timeline_svg, timeline_png, "_tijdlijn")):
        svg = svg_of(**ctx[key])
        png = png_of(**ctx[key])
        assert png == png_of(**ctx[key])
        width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
        m = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg)
        assert (width, height) == (2 * int(m[1]), 2 * int(m[2]))


def test_appendix_a_attributes_each_waived_finding_to_its_own_waiver(tmp_path):
    """Two uitzonderingen of one rule with different 'pad': each lists only the finding it covers."""
    from rules.helpers import append, edit

    cafe = ("        deelnemers: 60\n        tafelgrootte: 8", "        deelnemers: 250\n        tafelgrootte: 12")
    waivers = ("uitzonderingen:\n"
               "  - regel: instrument-eis\n    pad: /fasen/1/activiteiten/0/tafelgrootte\n"
               "    reden: Grote tafels met twee gespreksleiders.\n"
               "  - regel: instrument-eis\n    pad: /fasen/1/activiteiten/0/deelnemers\n"
               "    reden: De sporthal biedt plaats aan 300 mensen.\n")
    path = tmp_path / "twee.plan.yaml"
    path.write_text(append(waivers, edit(cafe)), encoding="utf-8")
    result = run_cli(str(path), "-o", str(tmp_path / "uit"), "--format", "md")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "uit" / "plan-van-aanpak.md").read_text(encoding="utf-8").replace("\\", "")
    appendix = text.split("## Bijlage A. Gemotiveerde uitzonderingen", 1)[1]
    rows = [line for line in appendix.splitlines() if "| Grote tafels" in line or "| De sporthal" in line]
    assert [r.rsplit("|", 2)[1].strip() for r in rows] == ["1", "1"]  # each waiver covers its own finding
    assert all("activiteit 2 (" in r for r in rows)  # the place in words, not a JSON pointer
    report = (tmp_path / "uit" / "controlerapport.md").read_text(encoding="utf-8").replace("\\", "")
    blocks = report.split("## Uitzonderingen", 1)[1].split("- **instrument-eis**, voor ")[1:]
    listed = {b.split(". *Reden:*", 1)[0]: [line for line in b.splitlines() if line.startswith("  - ")]
              for b in blocks}
    assert list(listed) == ["/fasen/1/activiteiten/0/tafelgrootte", "/fasen/1/activiteiten/0/deelnemers"]
    [tafel] = listed["/fasen/1/activiteiten/0/tafelgrootte"]
    [zaal] = listed["/fasen/1/activiteiten/0/deelnemers"]
    assert "5 tot 10 deelnemers per tafel" in tafel and "Pas 'tafelgrootte' aan" in tafel
    assert "Maximaal 200 deelnemers" in zaal and "Pas 'deelnemers' aan" in zaal

def test_chapter_numbers_come_from_one_place(built):
    """No template writes a chapter number itself; the legal frame names chapters that exist."""
    from plancompiler.render.context.plan_van_aanpak import BIJLAGEN, HOOFDSTUKKEN

    for template in (ROOT / "templates").glob("*.md.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.findall(r"(?m)^#+ (?:\d+\.|Bijlage [A-Z])", text), template.name
        assert not re.findall(r"(?i)\bbijlage [A-Z]\b|\bhoofdstuk \d", text), template.name
    assert PVA_HEADINGS == [f"{i}. {t}" for i, (_, t) in enumerate(HOOFDSTUKKEN, 1)] + [
        f"Bijlage {chr(65 + i)}. {t}" for i, (_, t) in enumerate(BIJLAGEN)]
    target, _ = built["velsen"]
    md = (target / "plan-van-aanpak.md").read_text(encoding="utf-8").replace("\\", "")
    chapters = re.findall(r"(?m)^## (.+)$", md)
    law = md.split("## 5. Wettelijk kader", 1)[1].split("\n## ", 1)[0]
    named = {cell.strip() for row in re.findall(r"(?m)^\| Art\. .*\| ([^|]+) \|$", law) for cell in row.split(";")}
    assert named and all(any(n.startswith(c) for c in chapters) for n in named), (named, chapters)


def test_the_trimmed_reader_reads_every_document_as_full_markdown_does(built):
    """pandoc.READER leaves out syntax the templates never write (pandoc.UNUSED); for every document
    of every example the document tree must be exactly what the reader with only the raw-passing
    extensions off (pandoc.RAW_OFF) makes of it. A template that starts to use such syntax fails here.
    All documents go through pandoc as one text (each starts with its own level-1 heading)."""
    pandoc = str(pandoc_mod.find_pandoc())
    documents = [path for name in sorted(built) for path in sorted(built[name][0].glob("*.md"))]
    assert len(documents) == len(built) * len(render.DOCUMENTS)
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in documents)

    def tree(reader: str) -> str:
        return subprocess.run([pandoc, "--sandbox", "-f", reader, "-t", "json"], input=text,
                              capture_output=True, check=True, text=True).stdout

    trimmed, full = tree(pandoc_mod.READER), tree(pandoc_mod.RAW_OFF)
    assert len(trimmed) > 100_000 and trimmed == full
    assert pandoc_mod.READER.count("-") == pandoc_mod.RAW_OFF.count("-") + len(pandoc_mod.UNUSED)
