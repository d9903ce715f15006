"""Differential test of the fast path (fastschema) against two independent validators.

Reference 1: jsonschema with its pattern checks overridden to ECMA-262 semantics
(``shape.reference_validator_class``). It must agree with fastschema exactly: verdict,
(keyword, pointer) pairs and the Dutch message of every diagnostic.

Reference 2 (test only): jsonschema_rs, a separate Rust implementation. Its verdict must agree,
except for its documented deviations (DEVIATIONS below, each with its reason), which are
recognised precisely and counted.

Instances: seeded mutations of every example and of every corpus plan that loads to a mapping,
plus random values at random paths. 1,000 in the default run; set PLANCOMPILER_FUZZ_EXAMPLES
(e.g. 5000) for a longer run. Same seed, same instances.
"""
from __future__ import annotations

import copy
import os
import random
from pathlib import Path

import pytest

from plancompiler.fastschema import ecma_search
from plancompiler.load import Loaded, read_file
from plancompiler.shape import plan_schema, shape_errors, to_diagnostics
from testutil import data_at, data_paths

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("PLANCOMPILER_FUZZ_EXAMPLES") or 1000)
SEED = 20261201

EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus" / "bad").iterdir() if p.name != "expected.yaml")

# Values that sit on the edges of the schema's checks.
EDGE = [
    None, True, False, 0, 1, -1, 1.0, 0.5, -0.0, 10**30, 365, 366, 100000, 100001, 1e300, "", " ", "\n",
    "\t", "\u00a0", "\u3000", "\ufeff", "\x1c", "\u2028", "x", "ja", "nee", "deels", "2027-01-01",
    "2027-01-01\n", "\n2027-01-01", "2027-02-30", "2027-2-3", "２０２７-０１-０１", "2027-01-01T10:00",
    "15:00", "15:00\n", "24:00", "23:59", "9:30", "１５:００", "GM0453", "GM0453\n", "gm0453", "GM045",
    "GM٠٤٥٣", "a@b", "@", "naam@gemeente.nl", "geen-draagvlak-i", "Geen Draagvlak", "a--b", "-a", "a_b",
    "informeren", "meebeslissen", "I", "IV", "/fasen/0", "fasen/0", "é", "ＡＢ", [], {}, [1, True],
    [1, 1.0], ["a", "a"], [{"a": 1}, {"a": True}], {"x": None}, {"onbekend": 1}, ["ja"] * 10,
]


def pairs(errors):
    return sorted({(e.keyword, e.pointer) for e in errors})


def messages(errors, data):
    """The Dutch diagnostics, with a distinct position per node, as a loaded file has them."""
    loaded = Loaded("plan.yaml", data)
    for n, path in enumerate(data_paths(data), 1):
        pointer = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)
        loaded.positions[pointer] = (n, 2)
        loaded.key_positions[pointer] = (n, 1)
    return sorted((d.rule, d.pointer, d.line, d.column, d.message) for d in to_diagnostics(errors, loaded))


def random_value(rng: random.Random, depth: int = 0):
    r = rng.random()
    if r < 0.55 or depth > 2:
        return copy.deepcopy(rng.choice(EDGE))
    if r < 0.7:
        return "".join(rng.choice("aZ09-_ :\n\té/@GM") for _ in range(rng.randint(0, 12)))
    if r < 0.85:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    keys = ["naam", "trede", "doel", "datum", "aanvang", "id", "instrument", "x", "regel", "pad"]
    return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def mutate(rng: random.Random, data):
    for _ in range(rng.randint(1, 3)):
        paths = [p for p in data_paths(data) if p]
        if not paths:
            return random_value(rng)
        path = rng.choice(paths)
        parent, last = data_at(data, path[:-1]), path[-1]
        op = rng.choice(["value", "value", "value", "drop", "extra", "string", "duplicate"])
        if op == "value":
            parent[last] = random_value(rng)
        elif op == "drop":
            del parent[last]
        elif op == "extra" and isinstance(parent, dict):
            parent[rng.choice(["onbekend", "Trede", "x y", "informele groepen", last + "_"]) if isinstance(last, str)
                   else "onbekend"] = random_value(rng)
        elif op == "string" and isinstance(parent[last], str):
            parent[last] = rng.choice([parent[last] + "\n", " " + parent[last], parent[last].upper(),
                                       parent[last].replace("-", " "), parent[last][:-1]])
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return data


def instances(n: int):
    bases = [read_file(str(p)).data for p in EXAMPLES]
    bases += [d for d in (read_file(str(p)).data for p in CORPUS) if isinstance(d, dict)]
    rng = random.Random(SEED)
    for i in range(n):
        if i < len(bases):
            yield copy.deepcopy(bases[i])  # every base once as it is
        else:
            yield mutate(rng, copy.deepcopy(bases[i % len(bases)]))


def _walk_strings(schema, data, pointer=""):
    """(pointer, value, subschema) for each string value whose schema has a format, for deviations."""
    from plancompiler.fastschema import validator_for

    v = validator_for(schema)

    def go(s, inst, ptr):
        if not isinstance(s, dict):
            return
        if "$ref" in s:
            yield from go(v.resolve(s["$ref"]), inst, ptr)
        if isinstance(inst, str) and "format" in s:
            yield ptr, inst, s["format"]
        if isinstance(inst, dict):
            for k, val in inst.items():
                sub = s.get("properties", {}).get(k, s.get("additionalProperties"))
                yield from go(sub, val, f"{ptr}/{k}")
        elif isinstance(inst, list) and isinstance(s.get("items"), dict):
            for i, val in enumerate(inst):
                yield from go(s["items"], val, f"{ptr}/{i}")

    yield from go(schema, data, pointer)


# jsonschema_rs's own documented deviations from the reference (jsonschema + ECMA patterns):
DEVIATIONS = {
    # jsonschema's "email" format only asks for an "@" (jsonschema/_format.py, is_email); plancompiler
    # keeps that lenient check on purpose (an officer's address is checked by a human). jsonschema_rs
    # validates the address's syntax, so "ab@", "@ab" or "a b@c" pass the reference and fail there.
    "email": lambda value: "@" in value,
}


def rs_deviation(schema, data) -> bool:
    """True when the instance contains a value on which jsonschema_rs is documented to differ."""
    import jsonschema_rs

    for _ptr, value, fmt in _walk_strings(schema, data):
        if fmt == "email" and DEVIATIONS["email"](value) and not jsonschema_rs.Draft202012Validator(
                {"format": "email"}, validate_formats=True).is_valid(value):
            return True
    return False


def test_differential_against_ecma_jsonschema_and_jsonschema_rs():
    import jsonschema_rs

    schema = plan_schema()
    rs = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    disagreements, rs_disagreements, rs_documented, invalid = [], [], 0, 0
    for i, data in enumerate(instances(N)):
        fast = shape_errors(data, validator="fast")
        ref = shape_errors(data, validator="jsonschema")
        if pairs(fast) != pairs(ref) or messages(fast, data) != messages(ref, data):
            disagreements.append((i, pairs(fast), pairs(ref)))
        invalid += bool(fast)
        rs_valid = rs.is_valid(data)
        if rs_valid != (not fast):
            if rs_deviation(schema, data):
                rs_documented += 1
            else:
                rs_disagreements.append((i, pairs(fast)))
    assert not disagreements, disagreements[:5]
    assert not rs_disagreements, rs_disagreements[:5]
    assert N // 2 < invalid < N, invalid  # most mutations break the plan, the bases do not
    print(f"\n{N} instances, {invalid} invalid; jsonschema_rs: {rs_documented} documented deviations")


@pytest.mark.parametrize("email", ["ab@", "@ab", "a b@c"])
def test_documented_jsonschema_rs_deviation_email(email):
    """The one deviation: fast path and reference accept these addresses, jsonschema_rs does not."""
    import jsonschema_rs

    data = read_file(str(EXAMPLES[-1])).data
    data["gemeente"]["contact"] = {"email": email}
    assert shape_errors(data, validator="fast") == [] and shape_errors(data, validator="jsonschema") == []
    assert not jsonschema_rs.Draft202012Validator(plan_schema(), validate_formats=True).is_valid(data)
    assert rs_deviation(plan_schema(), data)


@pytest.mark.parametrize("pattern, text, expected", [
    (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2027-01-01\n", False),
    (r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "15:00\n", False),
    (r"^GM[0-9]{4}$", "GM٠٤٥٣", False),
    (r"\S", "\ufeff", False),  # a BOM is whitespace in ECMA-262, not in Python
    (r"\S", "\x1c", True),  # an information separator is whitespace in Python, not in ECMA-262
    (r"^[a-z0-9]+(-[a-z0-9]+)*$", "geen-draagvlak-i", True),
])
def test_patterns_follow_ecma_262(pattern, text, expected):
    assert ecma_search(pattern, text) is expected
