"""``plancompiler catalog`` and local catalog extensions (``--catalog DIR``, plancompiler.toml,
``[tool.plancompiler]`` in pyproject.toml)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from plancompiler.cli import cli

ROOT = Path(__file__).resolve().parents[1]
TREDEN = [t["id"] for t in YAML(typ="safe").load(ROOT / "catalog" / "ladder.yaml")["treden"]]
INSTRUMENTEN = YAML(typ="safe").load(ROOT / "catalog" / "instrumenten.yaml")["instrumenten"]


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file above tmp_path
    return tmp_path


# -- browsing ------------------------------------------------------------------------------------------

def test_instrumenten_cumulative_for_trede_and_doel():
    result = run("catalog", "instrumenten", "--trede", "adviseren", "--doel", "draagvlak", "--format", "json")
    assert result.exit_code == 0
    got = {r["id"] for r in json.loads(result.output)["instrumenten"]}
    top = TREDEN.index("adviseren")
    expected = {i["id"] for i in INSTRUMENTEN
                if "draagvlak" in i["matrix"] and TREDEN.index(i["matrix"]["draagvlak"]) <= top}
    assert got == expected
    assert {"informatieavond", "enquete", "werkconferentie"} <= got  # informeren, raadplegen, adviseren
    assert "participatiebijeenkomsten" not in got and "referendum" not in got  # higher rungs


def test_instrumenten_text_table():
    result = run("catalog", "instrumenten", "--trede", "raadplegen", "--doel", "verrijking")
    assert result.exit_code == 0
    out = result.output
    assert "Trede" in out and "Instrument" in out and "Soort" in out
    assert "Klankbordgroep" in out and "Werkbezoek" in out and "Vrijwilligerscafé" not in out
    assert "cumulatief" in out


def test_instrumenten_without_filters_lists_every_cell():
    rows = json.loads(run("catalog", "instrumenten", "--format", "json").output)["instrumenten"]
    assert len(rows) == sum(len(i["matrix"]) for i in INSTRUMENTEN)


@pytest.mark.parametrize("name", ["vrijwilligerscafe", "Vrijwilligerscafés", "vrijwilligers café"])
def test_instrument_by_id_name_or_synonym(name):
    result = run("catalog", "instrument", name)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Vrijwilligerscafé (vrijwilligerscafe)")
    assert "Adviseren" in out and "Voordelen" in out and "Nadelen" in out and "Cafébaas" in out
    assert "p. 41-42" in out


def test_instrument_json():
    data = json.loads(run("catalog", "instrument", "digimon-enquete", "--format", "json").output)
    assert data["id"] == "digimon-enquete" and "stappen" in data["deel_b"]["methode"]


def test_unknown_instrument_suggests_and_exits_2():
    result = run("catalog", "instrument", "vrijwilligerscafee")
    assert result.exit_code == 2
    assert "Bedoelt u 'vrijwilligerscafe'" in result.output


def test_unknown_trede_exits_2():
    result = run("catalog", "instrumenten", "--trede", "adviseeren")
    assert result.exit_code == 2 and "Bedoelt u 'adviseren'" in result.output


def test_gemeentetypen():
    out = run("catalog", "gemeentetypen").output
    assert "De leunstoel" in out and "Comfortzone" in out and "traditionele-organisaties-dominant" in out
    data = json.loads(run("catalog", "gemeentetypen", "--format", "json").output)
    assert [t["id"] for t in data["typen"]] == ["I", "II", "III", "IV"]


def test_kernvoorwaarden_for_one_trede():
    data = json.loads(run("catalog", "kernvoorwaarden", "--trede", "adviseren", "--format", "json").output)
    assert len(data["voorwaarden"]) == 6
    assert all(list(v["criteria"]) == ["adviseren"] for v in data["voorwaarden"])
    assert [p["id"] for p in data["problematiek"]] == ["onvoldoende"]
    out = run("catalog", "kernvoorwaarden", "--trede", "adviseren").output
    assert "Openheid" in out and "p. 16-18" in out


# -- local extension ----------------------------------------------------------------------------------

BARBECUE = """\
instrumenten:
  - id: buurtbarbecue
    naam: Buurtbarbecue
    synoniemen: [bbq-in-de-buurt]
    matrix: {draagvlak: informeren}
    soort: bijeenkomst
  - id: informatieavond
    naam: Informatieavond in het dorpshuis
"""


def plan_with(instrument: str, tmp: Path) -> Path:
    text = (ROOT / "examples" / "dorpshaven.plan.yaml").read_text("utf-8")
    text = text.replace("instrument: informatieavond", f"instrument: {instrument}", 1)
    path = tmp / "plan.plan.yaml"
    path.write_text(text, "utf-8")
    return path


def extension(tmp: Path, text: str = BARBECUE) -> Path:
    d = tmp / "eigen-catalogus"
    d.mkdir(exist_ok=True)
    (d / "instrumenten.yaml").write_text(text, "utf-8")
    return d


def rules(result) -> set[str]:
    return {d["rule"] for f in json.loads(result.output)["files"] for d in f["diagnostics"]}


def test_extension_adds_an_instrument(here):
    plan = plan_with("buurtbarbecue", here)
    without = run("validate", "--format", "json", str(plan))
    assert without.exit_code == 1 and "instrument-onbekend" in rules(without)
    d = extension(here)
    result = run("validate", "--format", "json", "--catalog", str(d), str(plan))
    assert result.exit_code == 0, result.output
    assert "instrument-onbekend" not in rules(result)
    # the synonym works too, and the catalog command shows the extension
    assert run("validate", "--catalog", str(d), str(plan_with("BBQ in de buurt", here))).exit_code == 0
    listed = json.loads(run("catalog", "--catalog", str(d), "instrumenten", "--trede", "informeren",
                            "--doel", "draagvlak", "--format", "json").output)["instrumenten"]
    assert "buurtbarbecue" in {r["id"] for r in listed}
    shown = run("catalog", "--catalog", str(d), "instrument", "informatieavond").output
    assert shown.startswith("Informatieavond in het dorpshuis")  # a text override


@pytest.mark.parametrize("config_name, body", [
    ("plancompiler.toml", 'catalog = "eigen-catalogus"\n'),
    ("pyproject.toml", '[project]\nname = "plannen"\n\n[tool.plancompiler]\ncatalog = "eigen-catalogus"\n'),
])
def test_extension_from_configuration(here, config_name, body, monkeypatch):
    extension(here)
    (here / config_name).write_text(body, "utf-8")
    sub = here / "plannen"
    sub.mkdir()
    plan = plan_with("buurtbarbecue", sub)
    monkeypatch.chdir(sub)  # found by walking up; its path is relative to the configuration file
    result = run("validate", "--format", "json", plan.name)
    assert result.exit_code == 0, result.output
    assert "instrument-onbekend" not in rules(result)


def test_pyproject_without_our_table_is_skipped(here):
    (here / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert run("validate", str(ROOT / "examples" / "velsen.plan.yaml")).exit_code == 0


def test_bad_configuration_exits_2(here):
    (here / "plancompiler.toml").write_text('catalogus = "x"\n', "utf-8")
    result = run("validate", str(ROOT / "examples" / "velsen.plan.yaml"))
    assert result.exit_code == 2 and "Bedoelt u 'catalog'" in result.output
    (here / "plancompiler.toml").write_text('catalog = \n', "utf-8")
    result = run("validate", str(ROOT / "examples" / "velsen.plan.yaml"))
    assert result.exit_code == 2 and "plancompiler.toml:1:" in result.output


@pytest.mark.parametrize("text, line, column, message", [
    # a new instrument with a value the catalog schema does not allow
    ("instrumenten:\n  - id: buurtbarbecue\n    naam: Buurtbarbecue\n    matrix: {draagvlak: informeren}\n"
     "    soort: barbecue\n", 5, 12, "catalogusschema"),
    # a brochure fact cannot be overridden
    ("instrumenten:\n  - id: referendum\n    matrix: {draagvlak: informeren}\n", 3, 5, "gegeven uit de brochure"),
    # a name that already belongs to another instrument
    ("instrumenten:\n  - id: buurtbarbecue\n    naam: Informatieavond\n    matrix: {draagvlak: informeren}\n"
     "    soort: bijeenkomst\n", 3, 11, "hoort al bij het instrument 'informatieavond'"),
    # broken YAML
    ("instrumenten:\n  - id: [\n", 3, 1, ""),
])
def test_bad_extension_reports_position_and_exits_2(here, text, line, column, message):
    d = extension(here, text)
    result = run("validate", "--catalog", str(d), str(ROOT / "examples" / "velsen.plan.yaml"))
    assert result.exit_code == 2
    assert f"{d / 'instrumenten.yaml'}:{line}:{column}: " in result.output, result.output
    assert message in result.output


def test_unknown_extension_file_exits_2(here):
    d = here / "eigen"
    d.mkdir()
    (d / "instrumentjes.yaml").write_text("instrumenten: []\n", "utf-8")
    result = run("catalog", "--catalog", str(d), "gemeentetypen")
    assert result.exit_code == 2 and "instrumentjes.yaml" in result.output and "instrumenten.yaml" in result.output


# -- wet ---------------------------------------------------------------------------------------------

def test_wet_lists_current_and_historical_with_mapping():
    result = run("catalog", "wet")
    assert result.exit_code == 0
    out = result.output
    for text in ("Geldend recht:", "Wmo 2015 art. 2.1.3 lid 3 sub b", "BWBR0035362",
                 "Tekst die niet meer geldt:", "Gemw art. 150 lid 1 (tekst t/m 31-12-2024)",
                 "Historisch: de Wmo 2007 zoals de brochure die citeert (p. 4):",
                 "Termijnen:", "1 januari 2027", "Handreikingen (geen wet):", "participatieplan"):
        assert text in out, text
    # each historical article names what took it over, or says it is good practice now
    block = out[out.index("Wmo 2007 art. 12 lid 1"):]
    assert block.index("Opvolger: Wmo 2015 art. 2.1.3 lid 3 sub b") < block.index("Wmo 2007 art. 12 lid 2")
    lid4 = out[out.index("Wmo 2007 art. 11 lid 4"):out.index("Wmo 2007 art. 12 lid 1")]
    assert "Geen directe opvolger: goede praktijk" in lid4
    # a paraphrase says so and where to read the law itself
    new150 = out[out.index("Gemw art. 150 lid 1 (tekst vanaf 1-1-2025)  ("):]
    assert new150.split("\n")[0].count("parafrase") == 1
    assert "Letterlijke tekst nalezen: https://wetten.overheid.nl/" in new150.split("\n\n")[0]
    assert "letterlijk" in out[out.index("Wmo 2015 art. 2.1.2 lid 1"):].split("\n")[0]


def test_wet_json():
    data = json.loads(run("catalog", "wet", "--format", "json").output)
    assert data["datum"] is None
    assert [r["id"] for r in data["historisch"]] == ["art11-lid1", "art11-lid2", "art11-lid3",
                                                     "art11-lid4", "art12-lid1", "art12-lid2"]
    assert {r["id"] for r in data["vervallen"]} == {"gemw-art150-lid1-oud", "gemw-art150-lid2-oud"}
    geldend = {r["id"]: r for r in data["geldend"]}
    assert "wmo2015-art2-1-2-lid6" in geldend and "gemw-art150-uitdaagrecht" in geldend
    assert geldend["gemw-art150-uitdaagrecht"]["verplichting"] == "kan"
    assert geldend["gemw-art150-lid1"]["parafrase"] is True and geldend["gemw-art150-lid1"]["letterlijk"] is None
    assert geldend["wmo2015-art2-1-3-lid3-b"]["bwb"] == "BWBR0035362"
    assert geldend["wmo2015-art2-1-3-lid3-b"]["bron"]["commit"] == "c3fe918bc5b82cd7797117bde329b9fe6d35e6d7"
    hist = {r["id"]: r for r in data["historisch"]}
    assert hist["art12-lid1"]["opvolging"]["bepalingen"] == [
        {"id": "wmo2015-art2-1-3-lid3-b", "citaat": "Wmo 2015 art. 2.1.3 lid 3 sub b"}]
    assert hist["art12-lid2"]["opvolging"]["soort"] == "goede-praktijk"
    assert hist["art11-lid1"]["pagina"] == "4" and hist["art11-lid1"]["letterlijk"].startswith("Het college")
    assert [(t["id"], t["datum"]) for t in data["termijnen"]] == [("participatieverordening", "2027-01-01")]


@pytest.mark.parametrize("datum, geldend, vervallen, historisch", [
    ("2009-06-01", 0, 2, 6),     # the brochure's time: Wmo 2007 and the old art. 150
    ("2014-12-31", 0, 2, 6),
    ("2015-01-01", 11, 2, 0),    # Wmo 2015 from its first day
    ("2024-12-31", 11, 2, 0),
    ("2025-01-01", 14, 0, 0),    # art. 150 as changed
])
def test_wet_on_a_date(datum, geldend, vervallen, historisch):
    data = json.loads(run("catalog", "wet", "--datum", datum, "--format", "json").output)
    assert data["datum"] == datum
    assert (len(data["geldend"]), len(data["vervallen"]), len(data["historisch"])) == (
        geldend, vervallen, historisch)
    assert run("catalog", "wet", "--datum", datum).output.startswith("Wettelijk kader op ")


@pytest.mark.parametrize("datum", ["2026-13-01", "1 januari 2027", "2027"])
def test_wet_bad_date_exits_2(datum):
    result = run("catalog", "wet", "--datum", datum)
    assert result.exit_code == 2
    assert "is geen datum" in result.output and "JJJJ-MM-DD" in result.output


def test_extension_cannot_change_the_law(here):
    d = here / "eigen"
    d.mkdir()
    (d / "wet.yaml").write_text("bepalingen:\n  - id: gemw-art150-lid1\n    geldig_vanaf: \"2027-01-01\"\n",
                                "utf-8")
    result = run("catalog", "--catalog", str(d), "wet")
    assert result.exit_code == 2
    assert f"{d / 'wet.yaml'}:3:5: " in result.output and "'geldig_vanaf' is een gegeven uit de wet" in result.output
