"""A small JSON Schema interpreter for exactly the keywords plan.schema.json uses.

Why: validate runs in every pre-commit hook, and importing jsonschema costs more than the rest of a
validate run (docs/performance.md). This module walks the schema directly and yields the same
``ShapeError`` records as jsonschema does (keyword, pointer, instance); tests/test_fastschema_*.py
and tests/test_schema_differential.py prove the equivalence.

It can never silently skip a check: ``FastValidator(schema)`` walks the WHOLE schema (also
``$defs``/``definitions``) and raises ``UnsupportedSchema`` for any keyword, ``$ref`` form, ``type``
or ``format`` it does not implement. Editor annotations (``markdownDescription``,
``patternErrorMessage``, ...) are accepted and ignored.

Patterns use ECMA-262 semantics (with the ``u`` flag), as editors and check-jsonschema do: the
``regress`` package matches them. Python's ``re`` would differ (``$`` accepts a trailing newline,
``\\d`` and ``\\s`` are wider), so ``"15:00\\n"`` would pass a time pattern.

This module is the low level of the schema stage: ``shape.py`` imports it, never the reverse.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from .load import escape
from .records import record


@record
class ShapeError:
    keyword: str  # the failing JSON Schema keyword
    pointer: str  # where in the plan
    instance: Any  # the offending value
    value: Any  # the keyword's value in the schema
    schema: dict  # the (sub)schema holding the keyword


class UnsupportedSchema(ValueError):
    """The schema uses something this interpreter does not implement (a developer error)."""


# Keywords whose value is data for people and editors, never a check.
ANNOTATIONS = frozenset({
    "$schema", "$id", "$comment", "title", "description", "markdownDescription", "default",
    "examples", "enumDescriptions", "markdownEnumDescriptions", "deprecated", "readOnly",
    "writeOnly", "defaultSnippets", "errorMessage", "patternErrorMessage", "doNotSuggest",
    "suggestSortText", "x-pagina",
})
# Keywords holding a map of subschemas / one subschema.
SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions"})
SCHEMA_ONE = frozenset({"items", "additionalProperties", "propertyNames"})
CHECKS = frozenset({
    "$ref", "type", "required", "enum", "const", "pattern", "format", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
    "uniqueItems", "minProperties", "maxProperties",
})
SUPPORTED = ANNOTATIONS | SCHEMA_MAPS | SCHEMA_ONE | CHECKS
FORMATS = frozenset({"date", "email"})
TYPES = frozenset({"object", "array", "string", "integer", "number", "boolean", "null"})
_DEF_PREFIXES = ("#/$defs/", "#/definitions/")


# ---- ECMA-262 patterns -----------------------------------------------------------------------

_COMPILED: dict[str, Any] = {}


def ecma_pattern(pattern: str):
    """The compiled ECMA-262 regex (``u`` flag) for a schema pattern, compiled once per process.

    ``.find(text)`` searches like JavaScript's ``RegExp.test``: anywhere unless anchored."""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        import regress  # loaded on first pattern check only; `validate --version` never needs it

        compiled = _COMPILED[pattern] = regress.Regex(pattern, flags="u")
    return compiled


def ecma_search(pattern: str, text: str) -> bool:
    return ecma_pattern(pattern).find(text) is not None


# ---- values ------------------------------------------------------------------------------------

def _is_type(value: Any, t: str) -> bool:
    if t == "object":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, list)
    if t == "string":
        return isinstance(value, str)
    if t == "boolean":
        return isinstance(value, bool)
    if t == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if t == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if t == "number":
        return isinstance(value, (int, float))
    return False


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _format_ok(fmt: str, value: Any) -> bool:
    """As jsonschema's FormatChecker: date is RFC 3339 full-date, email only needs an '@'."""
    if not isinstance(value, str):
        return True
    if fmt == "date":
        if len(value) != 10 or value[4] != "-" or value[7] != "-" or not all(
                _is_ascii_digits(part) for part in (value[:4], value[5:7], value[8:])):
            return False
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return "@" in value  # email


def unbool(value):
    """jsonschema compares 1 and True as different values in enum/const/uniqueItems."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, list):
        return ("list", tuple(unbool(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((k, unbool(v)) for k, v in value.items())))
    return value


def first_duplicate(items) -> tuple:
    """(index, item) of the first repeated item, as uniqueItems sees it; (None, "") if none."""
    seen = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        key = unbool(item)
        if key in seen:
            return (i, item)
        seen.append(key)
    return (None, "")


# ---- the guard ---------------------------------------------------------------------------------

def check_supported(root: Any) -> None:
    """Raise UnsupportedSchema for anything in the schema the interpreter would not check."""

    def refuse(where: str, what: str) -> None:
        raise UnsupportedSchema(f"{where or '#'}: {what} wordt door fastschema niet ondersteund")

    def visit(schema: Any, where: str) -> None:
        if isinstance(schema, bool):
            return
        if not isinstance(schema, dict):
            refuse(where, f"een schema van het soort {type(schema).__name__}")
        for key, value in schema.items():
            here = f"{where}/{escape(key)}"
            if key not in SUPPORTED:
                refuse(here, f"het sleutelwoord '{key}'")
            if key in SCHEMA_MAPS:
                if not isinstance(value, dict):
                    refuse(here, "een waarde die geen verzameling schema's is")
                for name, sub in value.items():
                    visit(sub, f"{here}/{escape(name)}")
            elif key in SCHEMA_ONE:
                visit(value, here)
            elif key == "$ref":
                _resolve_def(root, value, here)
            elif key == "format" and value not in FORMATS:
                refuse(here, f"het format '{value}'")
            elif key == "type":
                types = value if isinstance(value, list) else [value]
                if not types or any(t not in TYPES for t in types):
                    refuse(here, f"het type {value!r}")
            elif key == "pattern":
                _compile_or_refuse(value, here)
        for name in schema.get("patternProperties", {}):
            _compile_or_refuse(name, f"{where}/patternProperties")

    def _compile_or_refuse(pattern: Any, where: str) -> None:
        if not isinstance(pattern, str):
            refuse(where, "een patroon dat geen tekst is")
        try:
            ecma_pattern(pattern)
        except Exception as exc:  # regress raises its own error type for a bad pattern
            refuse(where, f"het patroon {pattern!r} ({exc})")

    visit(root, "")


def _resolve_def(root: dict, ref: Any, where: str = "$ref") -> dict:
    """Only local references to a named definition: '#/$defs/NAME' or '#/definitions/NAME'."""
    if not isinstance(ref, str) or not ref.startswith(_DEF_PREFIXES):
        raise UnsupportedSchema(f"{where}: de verwijzing {ref!r} wordt door fastschema niet ondersteund "
                                "(alleen '#/$defs/NAAM' of '#/definitions/NAAM')")
    section, _, raw = ref[2:].partition("/")
    defs = root.get(section)
    target = defs.get(raw.replace("~1", "/").replace("~0", "~")) if isinstance(defs, dict) else None
    if "/" in raw or not isinstance(target, (dict, bool)):  # only one level: a definition itself
        raise UnsupportedSchema(f"{where}: de verwijzing {ref!r} wijst niet naar een definitie")
    return target


# ---- the interpreter ---------------------------------------------------------------------------

class FastValidator:
    def __init__(self, schema: dict, checked: bool = False):
        """``checked``: the caller has run ``check_supported`` on this very schema already (shape.py
        keeps the plan schema's verdict in the data cache)."""
        if not checked:
            check_supported(schema)
        self.root = schema
        self._refs: dict[str, Any] = {}

    def resolve(self, ref: str):
        target = self._refs.get(ref)
        if target is None:
            target = self._refs[ref] = _resolve_def(self.root, ref)
        return target

    def errors(self, data: Any) -> list[ShapeError]:
        return [ShapeError(*e) for e in self._walk(self.root, data, "")]

    def _walk(self, schema, inst, ptr) -> Iterator[tuple]:
        if schema is True:
            return
        if schema is False:
            yield ("false", ptr, inst, False, {})
            return
        ref = schema.get("$ref")
        if ref is not None:
            yield from self._walk(self.resolve(ref), inst, ptr)
        t = schema.get("type")
        if t is not None:
            types = t if isinstance(t, list) else [t]
            if not any(_is_type(inst, x) for x in types):
                yield ("type", ptr, inst, t, schema)
        if "enum" in schema:
            if unbool(inst) not in [unbool(v) for v in schema["enum"]]:
                yield ("enum", ptr, inst, schema["enum"], schema)
        if "const" in schema and unbool(inst) != unbool(schema["const"]):
            yield ("const", ptr, inst, schema["const"], schema)
        if isinstance(inst, str):
            if "pattern" in schema and not ecma_search(schema["pattern"], inst):
                yield ("pattern", ptr, inst, schema["pattern"], schema)
            if "format" in schema and not _format_ok(schema["format"], inst):
                yield ("format", ptr, inst, schema["format"], schema)
            if "minLength" in schema or "maxLength" in schema:
                # JSON Schema counts code points, as Python's len() does
                if "minLength" in schema and len(inst) < schema["minLength"]:
                    yield ("minLength", ptr, inst, schema["minLength"], schema)
                if "maxLength" in schema and len(inst) > schema["maxLength"]:
                    yield ("maxLength", ptr, inst, schema["maxLength"], schema)
        elif isinstance(inst, (int, float)) and not isinstance(inst, bool):
            if "minimum" in schema and inst < schema["minimum"]:
                yield ("minimum", ptr, inst, schema["minimum"], schema)
            if "maximum" in schema and inst > schema["maximum"]:
                yield ("maximum", ptr, inst, schema["maximum"], schema)
            if "exclusiveMinimum" in schema and inst <= schema["exclusiveMinimum"]:
                yield ("exclusiveMinimum", ptr, inst, schema["exclusiveMinimum"], schema)
            if "exclusiveMaximum" in schema and inst >= schema["exclusiveMaximum"]:
                yield ("exclusiveMaximum", ptr, inst, schema["exclusiveMaximum"], schema)
        elif isinstance(inst, list):
            if "minItems" in schema and len(inst) < schema["minItems"]:
                yield ("minItems", ptr, inst, schema["minItems"], schema)
            if "maxItems" in schema and len(inst) > schema["maxItems"]:
                yield ("maxItems", ptr, inst, schema["maxItems"], schema)
            if schema.get("uniqueItems") and first_duplicate(inst)[0] is not None:
                yield ("uniqueItems", ptr, inst, True, schema)
            items = schema.get("items")
            if items is not None:
                for i, item in enumerate(inst):
                    yield from self._walk(items, item, f"{ptr}/{i}")
        elif isinstance(inst, dict):
            if "required" in schema:
                if any(r not in inst for r in schema["required"]):
                    yield ("required", ptr, inst, schema["required"], schema)
            if "minProperties" in schema and len(inst) < schema["minProperties"]:
                yield ("minProperties", ptr, inst, schema["minProperties"], schema)
            if "maxProperties" in schema and len(inst) > schema["maxProperties"]:
                yield ("maxProperties", ptr, inst, schema["maxProperties"], schema)
            names = schema.get("propertyNames")
            if names is not None:
                for key in inst:
                    # jsonschema reports a bad key at the object, with the key as instance
                    for kw, _p, i2, v2, s2 in self._walk(names, key, ptr):
                        yield (kw, ptr, i2, v2, s2)
            props = schema.get("properties", {})
            pattern_props = schema.get("patternProperties", {})
            extra = False
            for key, value in inst.items():
                matched = False
                if key in props:
                    matched = True
                    yield from self._walk(props[key], value, f"{ptr}/{escape(key)}")
                for pat, sub in pattern_props.items():
                    if ecma_search(pat, key):
                        matched = True
                        yield from self._walk(sub, value, f"{ptr}/{escape(key)}")
                if not matched:
                    additional = schema.get("additionalProperties", True)
                    if additional is False:
                        extra = True
                    elif isinstance(additional, dict):
                        yield from self._walk(additional, value, f"{ptr}/{escape(key)}")
            if extra:
                yield ("additionalProperties", ptr, inst, False, schema)


_VALIDATORS: dict[int, FastValidator] = {}


def validator_for(schema: dict, checked: bool = False) -> FastValidator:
    """The validator for a schema, built (and guarded) once per process."""
    v = _VALIDATORS.get(id(schema))
    if v is None:
        v = _VALIDATORS[id(schema)] = FastValidator(schema, checked)
    return v
