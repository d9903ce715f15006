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
    assert lines[0] == "# yaml-language-server: $schema=schema/plan.schema.json"  # written into the repository
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


def _modeline(path: Path) -> str:
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    return first.split("=", 1)[1]


def test_modeline_points_to_a_schema_in_the_users_repository(here):
    """The modeline works on every clone: a relative path to a schema inside the user's repository
    (written by init when none is there yet), never this machine's site-packages."""
    (here / ".git").mkdir()
    (here / "plannen").mkdir()
    args = ["--no-input", "--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent", "--trede", "adviseren"]
    result = run("init", *args, "plannen/x.plan.yaml")
    assert result.exit_code == 0, result.output
    assert _modeline(here / "plannen" / "x.plan.yaml") == "../schema/plan.schema.json"
    written = here / "schema" / "plan.schema.json"
    assert written.read_bytes() == (ROOT / "schema" / "plan.schema.json").read_bytes()
    assert "schema/plan.schema.json" in result.output
    # a second plan finds the schema that is there now and writes nothing new
    result = run("init", *args, "y.plan.yaml")
    assert _modeline(here / "y.plan.yaml") == "schema/plan.schema.json"
    assert "Schema voor de editor geschreven" not in result.output


def test_schema_write_and_init_schema_option(here):
    result = run("schema", "--write", "editor/schemas")
    assert result.exit_code == 0 and "Geschreven" in result.output
    assert run("schema", "--write", "editor/schemas").output.startswith("Al actueel")
    result = run("init", "--no-input", "--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent",
                 "--trede", "adviseren", "--schema", "editor/schemas/plan.schema.json", "a/b.plan.yaml")
    assert result.exit_code == 2  # the folder a/ does not exist: a clear message, nothing written
    (here / "a").mkdir()
    result = run("init", "--no-input", "--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent",
                 "--trede", "adviseren", "--schema", "editor/schemas/plan.schema.json", "a/b.plan.yaml")
    assert result.exit_code == 0, result.output
    assert _modeline(here / "a" / "b.plan.yaml") == "../editor/schemas/plan.schema.json"


INTERACTIVE = ["Utrecht", "breed", "regisseur", "breed", "regisseur",
               *["nee", "ja", "ja", "ja", "ja", "ja", "ja", "nee", "nee", "nee"]]


def test_interactive_asks_again_after_a_bad_date(here):
    """A date typed as 1-3-2027 after sixteen questions asks again instead of losing every answer."""
    answers = [*INTERACTIVE, "", "1-3-2027", "2027-03-01", "1-9-2028", "2028-08-31", ""]
    result = run("init", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("JJJJ-MM-DD") >= 4  # both prompts, each asked twice
    assert "'1-3-2027' is geen datum" in result.output
    data = YAML(typ="safe").load(here / "utrecht.plan.yaml")
    assert str(data["periode"]["start"]) == "2027-03-01" and str(data["periode"]["eind"]) == "2028-08-31"


def test_interrupted_init_prints_every_answer_given(here):
    """Stopping halfway (Ctrl-D, Ctrl-C) loses nothing: the answers so far come back as a command."""
    result = run("init", input="\n".join(INTERACTIVE[:9]) + "\n")
    assert result.exit_code == 130
    assert not list(here.glob("*.plan.yaml"))
    assert "Quickscan tot nu toe (4 van de 10 vragen): nee,ja,ja,ja" in result.output
    tail = next(l.strip() for l in result.output.splitlines() if l.strip().startswith("plancompiler init"))
    assert tail.startswith("plancompiler init --gemeente Utrecht --huidig-beleid breed --huidig-sturing regisseur "
                           "--beleid breed --sturing regisseur"), tail


def test_wrapped_text_never_breaks_words():
    from plancompiler.commands.init import WIDTH, wrap

    text = "een " * 20 + "participatiebevorderingsinstrumentenoverzicht " + "x-" * 60 + " einde"
    lines = wrap(text).splitlines()
    words = text.split()
    assert [w for line in lines for w in line.split()] == words
    assert all(len(line) <= WIDTH - 2 or " " not in line for line in lines)
