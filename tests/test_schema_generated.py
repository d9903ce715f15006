"""schema/plan.schema.json is generated from schema/plan.schema.src.yaml and the catalog.

The committed file must equal the generator's output; the catalog's ids, texts and pages reach the
editor (completions that do not restrict, descriptions, pages); every pattern and enum has a Dutch
message; no description points into the repository; the fast validator accepts the annotations.
Then the user-visible side: `plancompiler validate` gives one positioned diagnostic per bad value,
saying what is expected.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plancompiler import schemagen
from plancompiler.fastschema import FastValidator
from plancompiler.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schema" / "plan.schema.json"
SOURCE = ROOT / "schema" / "plan.schema.src.yaml"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
EXAMPLE = ROOT / "examples" / "velsen.plan.yaml"


def catalog(name: str):
    return YAML(typ="safe").load((ROOT / "catalog" / f"{name}.yaml").read_text(encoding="utf-8"))


def nodes(schema, path=""):
    """Every subschema with its location in the schema."""
    if not isinstance(schema, dict):
        return
    yield path, schema
    for key in ("properties", "$defs", "patternProperties"):
        for name, sub in schema.get(key, {}).items():
            yield from nodes(sub, f"{path}/{key}/{name}")
    for key in ("items", "additionalProperties", "propertyNames"):
        yield from nodes(schema.get(key), f"{path}/{key}")


def texts(schema):
    for path, node in nodes(schema):
        for key in ("title", "description", "markdownDescription", "errorMessage", "patternErrorMessage"):
            if isinstance(node.get(key), str):
                yield path, key, node[key]
        for key in ("enumDescriptions", "markdownEnumDescriptions"):
            for text in node.get(key, []):
                yield path, key, text
        for snippet in node.get("defaultSnippets", []):
            yield path, "defaultSnippets", snippet["description"]
            yield path, "defaultSnippets", snippet["markdownDescription"]


def at(pointer: str) -> dict:
    node = SCHEMA
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node


# -- generated, and fresh ------------------------------------------------------------------------

def test_committed_schema_is_what_the_generator_makes():
    fresh = schemagen.render(schemagen.generate())
    assert SCHEMA_PATH.read_text(encoding="utf-8") == fresh, (
        f"schema/plan.schema.json is verouderd; maak het opnieuw met: {schemagen.COMMAND}")


def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "plan.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(schemagen, "PLAN_SCHEMA", str(stale))
    assert schemagen.main(["--check"]) == 1
    assert schemagen.main([]) == 0  # writes it
    assert schemagen.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == SCHEMA_PATH.read_text(encoding="utf-8")


def test_source_types_no_page_the_catalog_has():
    """Pages come from the catalog through x-bron; the source itself cites none."""
    source = SOURCE.read_text(encoding="utf-8")
    assert not re.search(r"\bp\. ?\d", source), "typ geen bladzijde in de bron; gebruik x-bron"
    assert "Zie brochure" not in source


@pytest.mark.parametrize("broken, message", [
    ({"x-onbekend": 1}, "onbekende aanwijzing"),
    ({"type": "string", "pattern": "^x$"}, "x-patronen"),
    ({"description": "d", "x-bron": ["ladder.bestaat-niet"]}, "bestaat niet"),
    ({"type": "object", "properties": {"a": {}}, "x-sleutels": "draagvlak.spelregels"}, "catalogus"),
])
def test_generator_refuses_a_bad_source(tmp_path, broken, message):
    src = tmp_path / "src.yaml"
    src.write_text(json.dumps({"type": "object", "properties": {"x": broken}}), encoding="utf-8")
    with pytest.raises(schemagen.SourceError, match=message):
        schemagen.generate(str(src))


def test_pages_are_merged_into_ranges():
    assert schemagen.format_pages(["12", "11", "13", "12-13"]) == "11-13"
    assert schemagen.format_pages(["27", "5"]) == "5, 27"
    assert schemagen.format_pages(["39-46", "24"]) == "24, 39-46"


# -- the catalog reaches the editor ---------------------------------------------------------------

def test_every_catalog_instrument_is_offered_with_its_description():
    node = at("$defs/activiteit/properties/instrument")
    instruments = catalog("instrumenten")["instrumenten"]
    assert len(instruments) >= 60
    assert node["examples"] == [i["id"] for i in instruments]
    assert "enum" not in node  # own instruments and synonyms stay valid
    snippets = {s["label"]: s for s in node["defaultSnippets"]}
    for inst in instruments:
        snippet = snippets[inst["id"]]
        assert snippet["body"] == inst["id"]
        assert snippet["description"].startswith(inst["naam"])
        assert f"Zie brochure p. {inst['pagina']}" in snippet["markdownDescription"]


def test_own_instruments_and_synonyms_stay_valid():
    validator = FastValidator(SCHEMA)
    plan = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    plan = json.loads(json.dumps(plan, default=str))
    for value in ("mijn-eigen-instrument", "Vrijwilligerscafé", "wijkcafe"):
        plan["fasen"][0]["activiteiten"][0]["instrument"] = value
        assert validator.errors(plan) == [], value


def test_every_comfortzone_risk_is_a_documented_key():
    node = at("properties/ambitie/properties/risicos")
    risks = [(t, r) for t in catalog("gemeentetypen")["typen"] for r in t["risicos"]]
    assert list(node["properties"]) == [r["id"] for _, r in risks]
    for typ, risk in risks:
        prop = node["properties"][risk["id"]]
        assert risk["tekst"] in prop["description"] and f"type {typ['id']}" in prop["description"]
        assert prop["markdownDescription"].endswith(f"Zie brochure p. {risk['pagina']}.")
        assert prop["type"] == node["additionalProperties"]["type"] == "string"
    assert isinstance(node["additionalProperties"], dict)  # other slugs still pass the schema


def test_every_waivable_rule_is_offered_for_uitzonderingen():
    node = at("properties/uitzonderingen/items/properties/regel")
    from plancompiler.waivers import NOT_WAIVABLE

    assert "uitzondering-zonder-reden" in NOT_WAIVABLE and "uitzondering-ongebruikt" in NOT_WAIVABLE
    assert set(node["examples"]) == set(RULES) - NOT_WAIVABLE
    for snippet in node["defaultSnippets"]:
        assert RULES[snippet["label"]].SUMMARY in snippet["description"]


def test_enums_come_from_the_catalog_with_its_pages():
    ladder = catalog("ladder")["treden"]
    trede = at("$defs/trede")
    assert trede["enum"] == [t["id"] for t in ladder]
    for t, md in zip(ladder, trede["markdownEnumDescriptions"]):
        assert md.startswith(f"**{t['id']}** — {t['naam']}") and md.endswith(f"p. {t['pagina']}.")
    beleid = at("$defs/beleid")
    assert beleid["markdownDescription"].endswith("Zie brochure p. 7.")  # the catalog's page for smal/breed


def test_every_pattern_and_enum_has_a_dutch_message_with_an_example():
    patterns = enums = 0
    for path, node in nodes(SCHEMA):
        if "pattern" in node:
            patterns += 1
            msg = node.get("patternErrorMessage", "")
            assert "bijvoorbeeld" in msg.lower(), path
        if "enum" in node:
            enums += 1
            assert node["errorMessage"] == "Kies een van: " + ", ".join(map(str, node["enum"])) + ".", path
    assert patterns >= 80 and enums >= 10


def test_every_value_of_a_simple_type_has_a_dutch_editor_message():
    """yaml-language-server shows errorMessage instead of "Incorrect type. Expected ..."."""
    for path, node in nodes(SCHEMA):
        t = node.get("type")
        if t in ("string", "integer", "number", "boolean", "array"):
            assert node.get("errorMessage"), path
        if t == "object":
            assert "errorMessage" not in node, path  # it would replace the unknown-key message
    deelnemers = at("$defs/activiteit/properties/deelnemers")
    assert deelnemers["errorMessage"].startswith("Vul een geheel getal van ")


def test_descriptions_do_not_point_into_the_repository():
    for path, key, text in texts(SCHEMA):
        assert not re.search(r"catalog/|\.ya?ml\b|src/|schema/", text), (path, key, text)


def test_fast_validator_accepts_all_editor_annotations():
    FastValidator(SCHEMA)  # raises UnsupportedSchema on anything it would not check


# -- what the user reads ----------------------------------------------------------------------------

def validate(tmp_path, replacements: dict[str, str]):
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    plan = tmp_path / "p.plan.yaml"
    plan.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "plancompiler", "validate", "--format", "json", str(plan)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    lines = text.splitlines()
    return [d for d in diags if d["rule"].startswith("schema-")], lines


def line_of(lines, needle):
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_trailing_newline_in_time_and_code_is_a_positioned_error(tmp_path):
    diags, lines = validate(tmp_path, {'aanvang: "15:00"': 'aanvang: "15:00\\n"',
                                       "code: GM0453": 'code: "GM0453\\n"'})
    got = {(d["pointer"], d["rule"], d["line"], d["column"]) for d in diags}
    aanvang = line_of(lines, 'aanvang: "15:00\\n"')
    code = line_of(lines, 'code: "GM0453\\n"')
    assert got == {("/fasen/0/activiteiten/1/aanvang", "schema-vorm", aanvang, lines[aanvang - 1].index('"') + 1),
                   ("/gemeente/code", "schema-vorm", code, lines[code - 1].index('"') + 1)}
    messages = {d["pointer"]: d["message"] for d in diags}
    assert "UU:MM" in messages["/fasen/0/activiteiten/1/aanvang"]
    assert "bijvoorbeeld GM0453" in messages["/gemeente/code"]


def test_one_diagnostic_per_bad_value(tmp_path):
    diags, lines = validate(tmp_path, {"datum: 2026-12-01": "datum: 15-11-2026", "trede: coproduceren": "trede: 5"})
    assert [(d["pointer"], d["rule"]) for d in diags] == [("/datum", "schema-vorm"), ("/ambitie/trede", "schema-type")]
    assert diags[0]["line"] == line_of(lines, "datum: 15-11-2026") and diags[0]["column"] == 8
    assert "JJJJ-MM-DD" in diags[0]["message"] and "bijvoorbeeld 2027-03-15" in diags[0]["message"]
    assert "Kies uit: informeren, raadplegen, adviseren, coproduceren, meebeslissen." in diags[1]["message"]


def test_shape_messages_say_what_is_expected(tmp_path):
    diags, lines = validate(tmp_path, {
        "  organisatie:\n    trekker:": "  organisatie: het steunpunt\n  organisatie_oud:\n    trekker:",
        "reactienota: true": "reactienota: ja",
        "bijzondere_groepen: [jongeren, migranten]": "bijzondere_groepen: [informele groepen]",
    })
    by_pointer = {d["pointer"]: d for d in diags}
    org = by_pointer["/werving/organisatie"]
    assert org["rule"] == "schema-type"
    assert "Mogelijke sleutels: trekker, budget_eur, planning." in org["message"]
    nota = by_pointer["/terugkoppeling/reactienota"]
    assert nota["rule"] == "schema-type" and "schrijf true in plaats van 'ja'" in nota["message"]
    assert nota["line"] == line_of(lines, "reactienota: ja")
    groep = by_pointer["/werving/bijzondere_groepen/0"]
    assert groep["rule"] == "schema-vorm" and "kleine letters" in groep["message"]
    assert "bijvoorbeeld" in groep["message"]


def test_list_message_names_the_item_shape(tmp_path):
    diags, _ = validate(tmp_path, {"  intern:\n    - Wmo en zorg": "  intern: Wmo en zorg\n  intern_oud:\n    - Wmo en zorg"})
    intern = next(d for d in diags if d["pointer"] == "/draagvlak/intern")
    assert "hoort een lijst van teksten" in intern["message"] and "'- '" in intern["message"]
