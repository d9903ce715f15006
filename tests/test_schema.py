"""schema/plan.schema.json: well-formed, documented for the editor, strict, and in step with the
catalog; the example plans validate against it and the schema rejects typical mistakes at the
right place."""
from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schema" / "plan.schema.json"
CATALOG = ROOT / "catalog"
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))
MODELINE = "# yaml-language-server: $schema=../schema/plan.schema.json"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# The only objects that accept keys not listed in the schema: maps keyed by catalog ids.
MAPS = {("ambitie", "risicos"), ("evaluatie", "procestest")}


# -- helpers ---------------------------------------------------------------------------------

def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


SCHEMA = load_schema()


def iso_dates(value):
    """What the loader does: YAML dates become ISO strings."""
    if isinstance(value, dict):
        return {k: iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso_dates(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load_yaml(path: Path):
    return iso_dates(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def resolve(schema: dict) -> dict:
    ref = schema.get("$ref")
    if ref:
        node = SCHEMA
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node
    return schema


def walk(schema, path=()):
    """Yield (path, subschema) for every subschema, following the structure, not the $refs."""
    if not isinstance(schema, dict):
        return
    yield path, schema
    for name, sub in schema.get("properties", {}).items():
        yield from walk(sub, path + (name,))
    for name, sub in schema.get("$defs", {}).items():
        yield from walk(sub, ("$defs", name))
    if isinstance(schema.get("items"), dict):
        yield from walk(schema["items"], path + ("[]",))
    if isinstance(schema.get("additionalProperties"), dict):
        yield from walk(schema["additionalProperties"], path + ("*",))


def node(path: str) -> dict:
    """The schema of a plan location, e.g. 'werving/boodschap' or 'fasen/[]/activiteiten/[]'."""
    s = SCHEMA
    for part in path.split("/"):
        s = resolve(s)
        s = s["items"] if part == "[]" else s["properties"][part]
    return resolve(s)


def enum_of(path: str) -> list:
    s = node(path)
    if s.get("type") == "array":
        s = resolve(s["items"])
    return s["enum"]


def catalog(name: str) -> dict:
    path = CATALOG / f"{name}.yaml"
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def ids(entries) -> list:
    return [e["id"] for e in entries]


# -- the schema itself -----------------------------------------------------------------------

def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "https://plancompiler.nl/schema/plan.schema.json"
    assert SCHEMA["title"] == "Plancompiler-plan"


def test_top_level_required():
    assert SCHEMA["required"] == ["plancompiler", "gemeente", "periode", "visie", "ambitie", "fasen"]
    assert SCHEMA["properties"]["plancompiler"]["const"] == 1


def test_every_property_has_description_and_markdown_description():
    missing = []
    for path, schema in walk(SCHEMA):
        for name, prop in schema.get("properties", {}).items():
            for key in ("description", "markdownDescription"):
                text = prop.get(key)
                if not isinstance(text, str) or not text.strip():
                    missing.append(f"{'/'.join(path + (name,))}: {key}")
    assert not missing, "\n".join(missing)


def test_defs_and_map_values_are_documented():
    for path, schema in walk(SCHEMA):
        if path and path[0] == "$defs" and len(path) == 2 or path and path[-1] == "*":
            assert schema.get("description") and schema.get("markdownDescription"), path


def test_markdown_descriptions_cite_the_brochure():
    """Most parts point the officer to the brochure page; the markdown adds it to the plain text.
    The legal sections (2026 law, not in the 2009 brochure) cite their law instead."""
    legal = {"participatieverordening", "adviesraad", "participatieplan", "eindverslag"}
    with_page = without = 0
    for path, schema in walk(SCHEMA):
        for name, prop in schema.get("properties", {}).items():
            assert prop["markdownDescription"].startswith(prop["description"])
            if name in legal:  # the section itself names its law or guidance
                assert any(w in prop["markdownDescription"] for w in ("Wmo", "Gemeentewet", "VNG", "verordening",
                                                                      "adviesraad", "raad", "participatieplan",
                                                                      "eindverslag")), (path, name)
            elif legal & set(path):
                continue
            elif "Zie brochure p. " in prop["markdownDescription"]:
                with_page += 1
            else:
                without += 1
    assert with_page > 5 * without


def test_enums_carry_descriptions_for_each_value():
    enums = [(p, s) for p, s in walk(SCHEMA) if "enum" in s]
    assert len(enums) >= 10
    for path, schema in enums:
        n = len(schema["enum"])
        assert len(schema["enumDescriptions"]) == n, path
        assert len(schema["markdownEnumDescriptions"]) == n, path
        assert all(d.strip() for d in schema["enumDescriptions"]), path


def test_every_object_rejects_unknown_keys_except_the_two_maps():
    seen_maps = set()
    for path, schema in walk(SCHEMA):
        if schema.get("type") != "object" and "properties" not in schema:
            continue
        if path in MAPS:
            seen_maps.add(path)
            assert schema["propertyNames"]["pattern"] == SLUG, path
            assert set(schema["propertyNames"]) == {"pattern", "patternErrorMessage"}, path
            assert isinstance(schema["additionalProperties"], dict), path
        else:
            assert schema.get("additionalProperties") is False, path
    assert seen_maps == MAPS


def test_dates_and_times_are_strict_strings():
    date_pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    dates = [p for p, s in walk(SCHEMA) if s.get("format") == "date"]
    assert {"datum", "van", "tot", "start", "eind", "einddatum"} <= {p[-1] for p in dates}
    for path, s in walk(SCHEMA):
        if s.get("format") == "date":
            assert s["pattern"] == date_pattern and s["type"] == "string", path
    act = node("fasen/[]/activiteiten/[]")["properties"]
    for key in ("aanvang", "einde"):
        assert act[key]["pattern"] == r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


def test_fast_validator_understands_every_keyword():
    """plancompiler.fastschema refuses a schema it cannot check completely; ours must pass."""
    from plancompiler import fastschema

    fastschema.FastValidator(SCHEMA)


# -- the examples ----------------------------------------------------------------------------

def test_there_are_three_examples():
    assert {p.name for p in EXAMPLES} >= {
        "velsen.plan.yaml", "utrecht.plan.yaml", "dorpshaven.plan.yaml"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_starts_with_modeline(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_validates(path):
    errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator().iter_errors(load_yaml(path))]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_uses_catalog_ids(path):
    plan = load_yaml(path)
    typen = {t["id"]: t for t in catalog("gemeentetypen")["typen"]}
    typ = typen[plan["visie"]["gemeentetype"]]
    risk_ids = set(ids(typ["risicos"]))
    assert set(plan["ambitie"].get("risicos", {})) <= risk_ids
    if plan["ambitie"]["trede"] == typ["comfortzone"]:
        # In the comfort zone every one of its risks needs a measure (p. 14).
        assert set(plan["ambitie"]["risicos"]) == risk_ids
    vragen = {v["id"] for k in catalog("evaluatie")["procestest"]["kolommen"] for v in k["vragen"]}
    assert set(plan.get("evaluatie", {}).get("procestest", {})) <= vragen
    groepen = set(ids(catalog("vrijwilligers")["bijzondere_groepen"]))
    assert set(plan.get("werving", {}).get("bijzondere_groepen", [])) <= groepen


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_quickscan_fits_trede(path):
    plan = load_yaml(path)
    qs = catalog("quickscan")
    points = {v["nummer"]: v["punten"] for v in qs["vragen"]}
    score = sum(points[i + 1][a] for i, a in enumerate(plan["ambitie"]["quickscan"]))
    band = next(b for b in qs["banden"] if b["van"] <= score <= b["tot"])
    assert band["trede"] == plan["ambitie"]["trede"], score


# -- mistakes the schema must catch, at the right place --------------------------------------

@pytest.fixture
def velsen():
    return load_yaml(ROOT / "examples" / "velsen.plan.yaml")


def errors_of(plan):
    return [(list(e.absolute_path), e.validator) for e in validator().iter_errors(plan)]


def test_unknown_key_is_rejected(velsen):
    velsen["gemeente"]["provincie"] = "Noord-Holland"
    assert errors_of(velsen) == [(["gemeente"], "additionalProperties")]


def test_unknown_key_in_activity_is_rejected(velsen):
    velsen["fasen"][1]["activiteiten"][0]["tafels"] = 8
    assert errors_of(velsen) == [(["fasen", 1, "activiteiten", 0], "additionalProperties")]


def test_wrong_type_is_rejected(velsen):
    velsen["fasen"][1]["activiteiten"][0]["deelnemers"] = "zestig"
    assert errors_of(velsen) == [(["fasen", 1, "activiteiten", 0, "deelnemers"], "type")]


def test_eleven_quickscan_answers_are_rejected(velsen):
    velsen["ambitie"]["quickscan"].append("ja")
    assert errors_of(velsen) == [(["ambitie", "quickscan"], "maxItems")]


def test_bad_time_is_rejected(velsen):
    velsen["fasen"][1]["activiteiten"][0]["aanvang"] = "25:00"
    assert errors_of(velsen) == [(["fasen", 1, "activiteiten", 0, "aanvang"], "pattern")]


def test_bad_date_pattern_is_rejected(velsen):
    velsen["periode"]["start"] = "15-01-2027"
    found = errors_of(velsen)
    assert (["periode", "start"], "pattern") in found
    assert {tuple(p) for p, _ in found} == {("periode", "start")}


def test_impossible_date_is_rejected_by_format(velsen):
    velsen["periode"]["eind"] = "2027-02-30"
    assert errors_of(velsen) == [(["periode", "eind"], "format")]


def test_unknown_enum_value_is_rejected(velsen):
    velsen["ambitie"]["trede"] = "meedenken"
    assert errors_of(velsen) == [(["ambitie", "trede"], "enum")]


def test_map_keys_must_be_slugs(velsen):
    velsen["ambitie"]["risicos"]["Geen Draagvlak"] = "Maatregel."
    assert errors_of(velsen) == [(["ambitie", "risicos"], "pattern")]


def test_missing_activity_instrument_is_rejected(velsen):
    del velsen["fasen"][0]["activiteiten"][0]["instrument"]
    assert errors_of(velsen) == [(["fasen", 0, "activiteiten", 0], "required")]


def test_minimal_plan_is_valid():
    plan = {
        "plancompiler": 1,
        "gemeente": {"naam": "Ergens"},
        "periode": {"start": "2027-01-01", "eind": "2027-12-31"},
        "visie": {"gewenst": {"beleid": "smal", "sturing": "dirigent"}},
        "ambitie": {"trede": "informeren"},
        "fasen": [{"fase": "inventarisatie", "activiteiten": []}],
    }
    assert errors_of(plan) == []
    broken = copy.deepcopy(plan)
    del broken["fasen"]
    assert errors_of(broken) == [([], "required")]


def test_typetest_answer_needs_both_dimensions(velsen):
    """The gemeentetype follows from beleid and sturing together; one alone says nothing."""
    del velsen["visie"]["gewenst"]["sturing"]
    assert errors_of(velsen) == [(["visie", "gewenst"], "required")]


def test_exception_without_reason_passes_the_schema():
    """A missing reason is reported by a rule (uitzondering-zonder-reden), not by the schema."""
    s = node("uitzonderingen/[]")
    assert s["required"] == ["regel"]


# -- in step with the catalog ----------------------------------------------------------------

def test_sectors_and_less_organised_forms_match_catalog():
    v = catalog("vrijwilligers")
    assert enum_of("werving/sectoren") == ids(v["sectoren"])
    assert enum_of("werving/ook") == ids(v["minder_georganiseerd"])


def test_boodschap_keys_match_catalog():
    v = catalog("vrijwilligers")
    assert list(node("werving/boodschap")["properties"]) == ids(v["boodschap"])


def test_raad_spelregels_vertegenwoordiging_match_catalog():
    d = catalog("draagvlak")
    assert list(node("draagvlak/raad")["properties"]) == ids(d["raad_vragen"])
    assert list(node("spelregels")["properties"]) == ids(d["spelregels"])
    # `vorm` names the kind of representation; the catalog lists the questions to settle.
    # `samenstelling`, `selectie` and `achterban` describe it further (p. 34-35); they are no
    # questions every representation must settle (a network has no selection, p. 35).
    keys = [k for k in node("vertegenwoordiging")["properties"]
            if k not in ("vorm", "samenstelling", "selectie", "achterban")]
    assert keys == ids(d["vertegenwoordiging"])


def test_terugkoppeling_keys_match_catalog():
    d = catalog("draagvlak")
    assert set(node("terugkoppeling")["properties"]) <= set(d["terugkoppeling"])
    for key, schema in node("terugkoppeling")["properties"].items():
        assert schema["default"] == d["terugkoppeling"][key], key


def test_ladder_phases_aims_conditions_and_types_match_catalog():
    assert SCHEMA["$defs"]["trede"]["enum"] == ids(catalog("ladder")["treden"])
    assert SCHEMA["$defs"]["fase"]["enum"] == ids(catalog("beleidsfasen")["fasen"])
    assert SCHEMA["$defs"]["doel"]["enum"] == ids(catalog("doelen")["doelen"])
    k = catalog("kernvoorwaarden")
    assert list(node("kernvoorwaarden")["properties"]) == ids(k["voorwaarden"])
    assert SCHEMA["$defs"]["uitgekristalliseerd"]["enum"] == ids(k["problematiek"])
    g = catalog("gemeentetypen")
    assert SCHEMA["$defs"]["gemeentetype"]["enum"] == ids(g["typen"])
    assert SCHEMA["$defs"]["beleid"]["enum"] == ids(g["dimensies"]["beleid"])
    assert SCHEMA["$defs"]["sturing"]["enum"] == ids(g["dimensies"]["sturing"])
    assert SCHEMA["$defs"]["procesantwoord"]["enum"] == ids(catalog("evaluatie")["antwoorden"])


def test_part_b_requirement_fields_exist_on_activities():
    """Every `eisen.veld` in the catalog names a field the activity schema defines."""
    act = node("fasen/[]/activiteiten/[]")["properties"]
    for inst in catalog("instrumenten")["instrumenten"]:
        for eis in (inst.get("deel_b") or {}).get("eisen", []):
            if "veld" in eis:
                assert eis["veld"] in act, (inst["id"], eis["veld"])


def test_the_guard_verdict_comes_from_the_cache_only_for_the_schema_it_was_given_for(tmp_path, monkeypatch):
    """shape keeps fastschema's passing guard verdict in the data cache, keyed on the schema file and
    fastschema.py: a changed schema is guarded again, and a refused schema is refused every time."""
    from plancompiler import fastschema, shape

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PLANCOMPILER_NO_CACHE", raising=False)
    schema_file = tmp_path / "plan.schema.json"
    monkeypatch.setattr(shape, "PLAN_SCHEMA", str(schema_file))
    guarded = []
    real_guard = fastschema.check_supported
    monkeypatch.setattr(fastschema, "check_supported", lambda s: guarded.append(1) or real_guard(s))

    def errors(schema: dict | None, data) -> list:
        """Validate ``data`` in what is a new process for shape: ``schema`` (None: the file as it is)."""
        if schema is not None:
            schema_file.write_text(json.dumps(schema), encoding="utf-8")
        shape.plan_schema.cache_clear()
        monkeypatch.setattr(shape, "_PLAN_VALIDATOR", None)
        return [(e.keyword, e.pointer) for e in shape.shape_errors(data, validator="fast")]

    good = {"type": "object", "properties": {"a": {"type": "string", "pattern": "^x"}}}
    assert errors(good, {"a": "y"}) == [("pattern", "/a")] and len(guarded) == 1
    assert errors(None, {"a": "x"}) == [] and len(guarded) == 1  # the same file: the verdict from the cache
    bad = {"type": "object", "properties": {"a": {"not": {"type": "string"}}}}
    for schema in (bad, None):  # a refusal is not cached: the unchanged file is refused again
        with pytest.raises(fastschema.UnsupportedSchema):
            errors(schema, {"a": 1})
    assert len(guarded) == 3
    shape.plan_schema.cache_clear()
    monkeypatch.setattr(shape, "_PLAN_VALIDATOR", None)
