"""``plancompiler init``: the skeleton validates with warnings only, keeps its comments, and never
overwrites a plan by accident."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from plancompiler.catalog import get_catalog
from plancompiler.cli import cli
from plancompiler.edit import schema_reference

ROOT = Path(__file__).resolve().parents[1]
CAT = get_catalog()
QUICKSCAN_13 = "ja,ja,nee,ja,ja,nee,nee,ja,nee,nee"  # score 13 → adviseren


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def validate(path) -> dict:
    result = run("validate", "--format", "json", str(path))
    doc = json.loads(result.output)
    doc["exit"] = result.exit_code
    return doc


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_no_input_skeleton_validates_with_warnings_only(here):
    result = run("init", "--no-input", "--gemeente", "Den Bosch", "--huidig-beleid", "smal",
                 "--huidig-sturing", "dirigent", "--beleid", "breed", "--sturing", "regisseur",
                 "--quickscan", QUICKSCAN_13, "--start", "2027-01-01", "--eind", "2028-06-30")
    assert result.exit_code == 0, result.output
    plan = here / "den-bosch.plan.yaml"  # default name: the municipality's slug
    assert plan.exists()
    doc = validate(plan)
    assert doc["exit"] == 0
    assert doc["summary"]["errors"] == 0
    assert doc["summary"]["warnings"] > 0  # an honest skeleton: 'deels', missing spelregels, ...

    data = YAML(typ="safe").load(plan)
    assert data["gemeente"]["naam"] == "Den Bosch"
    assert data["visie"]["gemeentetype"] == "IV" and data["visie"]["huidig"] == {"beleid": "smal", "sturing": "dirigent"}
    assert data["ambitie"]["trede"] == "adviseren"  # proposed by the quickscan band
    assert data["ambitie"]["quickscan"] == QUICKSCAN_13.split(",")
    assert set(data["kernvoorwaarden"]) == {v["id"] for v in CAT.voorwaarden}
    assert all(v["oordeel"] == "deels" for v in data["kernvoorwaarden"].values())
    assert data["interactie"]["resultaat"] and data["draagvlak"]["wmo_advies"]["orgaan"]
    for fase in data["fasen"]:
        for act in fase["activiteiten"]:
            inst = CAT.instrument(act["instrument"])
            assert CAT.rank(inst["matrix"][act["doel"]]) <= CAT.rank("adviseren")


def test_skeleton_keeps_its_comments(here):
    assert run("init", "--no-input", "--gemeente", "Velsen", "--beleid", "breed", "--sturing", "dirigent",
               "--trede", "raadplegen", "plan.plan.yaml").exit_code == 0
    text = (here / "plan.plan.yaml").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema={(ROOT / 'schema' / 'plan.schema.json').as_posix()}"
    comments = [line.strip() for line in lines if line.strip().startswith("#")]
    for page in ("p. 7-10", "p. 11-16", "p. 16-18", "p. 19-26", "p. 23", "p. 31-36", "p. 37-38"):
        assert any(page in c for c in comments), page
    # the comments are ruamel round-trip comments: they survive a load and a dump
    from plancompiler.edit import dumps, load

    data = load(here / "plan.plan.yaml")
    assert data.ca.comment is not None  # the header with the modeline
    assert "kernvoorwaarden" in data.ca.items
    assert dumps(data) == text


def test_every_trede_and_type_gives_a_valid_skeleton(here):
    for t in CAT.typen.values():
        for trede in CAT.trede_ids:
            name = f"{t['id']}-{trede}.plan.yaml"
            result = run("init", "--no-input", "--gemeente", "Proef", "--beleid", t["beleid"],
                         "--sturing", t["sturing"], "--trede", trede, "--start", "2027-02-01",
                         "--eind", "2027-04-15", name)
            assert result.exit_code == 0, result.output
            doc = validate(here / name)
            assert doc["exit"] == 0 and doc["summary"]["errors"] == 0, (name, doc["files"])


def test_interactive(here):
    answers = ["Utrecht", "breed", "regisseur", "breed", "regisseur",
               *["nee", "ja", "ja", "ja", "ja", "ja", "ja", "nee", "nee", "nee"],  # score 18 → coproduceren
               "", "2027-03-01", "",  # accept the proposed trede and the default end
               ""]  # the participatieverordening is not known yet
    result = run("init", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "score 18" in out and "Coproduceren" in out
    assert "Comfortzone: Adviseren" in out  # type IV
    assert "traditionele-organisaties-dominant" in out  # a risk of the comfort zone
    assert "Wilt u zelf de besluitvormingsagenda bepalen?" in out  # quickscan question 1
    data = YAML(typ="safe").load(here / "utrecht.plan.yaml")
    assert data["ambitie"]["trede"] == "coproduceren"
    assert str(data["periode"]["start"]) == "2027-03-01" and str(data["periode"]["eind"]) == "2028-08-31"
    assert validate(here / "utrecht.plan.yaml")["exit"] == 0


def test_never_overwrites_without_force(here):
    target = here / "plan.plan.yaml"
    target.write_text("mijn werk\n", encoding="utf-8")
    args = ["init", "--no-input", "--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent",
            "--trede", "adviseren", str(target)]
    result = run(*args)
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_text("utf-8") == "mijn werk\n"
    assert run(*args, "--force").exit_code == 0
    assert "plancompiler: 1" in target.read_text("utf-8")
    assert not [p for p in here.iterdir() if p.name.startswith(".plancompiler-")]  # no temp files left


@pytest.mark.parametrize("args, message", [
    (["--beleid", "smal", "--sturing", "dirigent", "--trede", "adviseren"], "--gemeente"),
    (["--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent"], "--trede of --quickscan"),
    (["--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent", "--trede", "adviseeren"], "Bedoelt u 'adviseren'"),
    (["--gemeente", "X", "--beleid", "smaal", "--sturing", "dirigent", "--trede", "adviseren"], "Bedoelt u 'smal'"),
    (["--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent", "--quickscan", "ja,nee"], "tien vragen"),
    (["--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent", "--trede", "adviseren",
      "--start", "2027-13-01"], "JJJJ-MM-DD"),
    (["--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent", "--trede", "adviseren",
      "--start", "2027-01-01", "--eind", "2027-01-10"], "te kort"),
])
def test_bad_options_exit_2(here, args, message):
    result = run("init", "--no-input", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not list(here.glob("*.plan.yaml"))


def test_schema_reference_relative_inside_a_repository(tmp_path):
    schema = tmp_path / "repo" / "schema" / "plan.schema.json"
    assert schema_reference(tmp_path / "repo" / "plannen" / "a.plan.yaml", schema) == "../schema/plan.schema.json"
    assert schema_reference(tmp_path / "repo" / "a.plan.yaml", schema) == "schema/plan.schema.json"
    assert schema_reference("/elders/a.plan.yaml", "/opt/pc/schema/plan.schema.json") == "/opt/pc/schema/plan.schema.json"


def test_interactive_asks_for_the_participatieverordening_and_re_asks_a_bad_answer(here):
    answers = ["Velsen", "breed", "dirigent", "breed", "dirigent", *["ja"] * 10, "", "2027-01-15", "2029-03-31",
               "Verordening participatie en uitdaagrecht gemeente Velsen 2022", "vastgesteld",
               "1-11-2022", "2022-11-01",  # a Dutch date is asked again
               "683030", "CVDR683030"]  # so is a number without CVDR
    result = run("init", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "uiterlijk op 1 januari 2027 een participatieverordening" in result.output
    assert "schrijf de datum als JJJJ-MM-DD" in result.output and "bijvoorbeeld CVDR683030" in result.output
    data = YAML(typ="safe").load(here / "velsen.plan.yaml")
    assert data["participatieverordening"] == {
        "titel": "Verordening participatie en uitdaagrecht gemeente Velsen 2022", "status": "vastgesteld",
        "datum": __import__("datetime").date(2022, 11, 1), "cvdr": "CVDR683030"}
    doc = validate(here / "velsen.plan.yaml")
    assert doc["exit"] == 0
    assert not [d for f in doc["files"] for d in f["diagnostics"] if d["rule"] == "participatieverordening-ontbreekt"]


def test_an_unknown_verordening_leaves_the_key_out_and_the_rule_says_so(here):
    answers = ["Proef", "breed", "dirigent", "breed", "dirigent", *["ja"] * 10, "", "2027-01-15", "2028-03-31", ""]
    assert run("init", input="\n".join(answers) + "\n").exit_code == 0
    assert "participatieverordening" not in YAML(typ="safe").load(here / "proef.plan.yaml")
    rules = [d["rule"] for f in validate(here / "proef.plan.yaml")["files"] for d in f["diagnostics"]]
    assert "participatieverordening-ontbreekt" in rules
