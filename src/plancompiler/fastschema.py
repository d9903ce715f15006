"""A small JSON Schema interpreter for the keywords plan.schema.json uses.

Why: importing jsonschema costs about 185 ms, more than the rest of a validate run together, and
validate runs in every pre-commit hook. This module walks the schema directly and yields the same
``ShapeError`` records as ``jsonschema`` does (keyword, pointer, instance); the equivalence is
tested on every plan of the test suite and the bad-input corpus. Keywords it does not know make
``validator_for`` fall back to jsonschema, so a schema change can never silently skip a check.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator

from .load import escape

ANNOTATIONS = {
    "$schema", "$id", "$comment", "title", "description", "markdownDescription", "default",
    "examples", "enumDescriptions", "markdownEnumDescriptions", "deprecated", "readOnly",
    "writeOnly", "$defs", "definitions", "x-enumDescriptions", "defaultSnippets", "errorMessage",
    "doNotSuggest", "x-pagina",
}
SUPPORTED = ANNOTATIONS | {
    "$ref", "type", "properties", "additionalProperties", "patternProperties", "required", "enum",
    "const", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "items", "propertyNames",
    "minProperties", "maxProperties",
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # as jsonschema's: ASCII digits, whole string


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


def _format_ok(fmt: str, value: Any) -> bool:
    if not isinstance(value, str):
        return True
    if fmt == "date":
        if not _DATE.fullmatch(value):
            return False
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if fmt == "email":
        return "@" in value
    return True


def _unbool(value):
    """jsonschema compares 1 and True as different values in enum/const/uniqueItems."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, list):
        return ("list", tuple(_unbool(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((k, _unbool(v)) for k, v in value.items())))
    return value


class FastValidator:
    def __init__(self, schema: dict):
        self.root = schema
        self._check(schema)
        self._patterns: dict[str, re.Pattern] = {}

    def _check(self, schema) -> None:
        if isinstance(schema, dict):
            unknown = set(schema) - SUPPORTED
            if unknown:
                raise LookupError(sorted(unknown))
            for key, sub in schema.items():
                if key in ("properties", "patternProperties", "$defs"):
                    for s in sub.values():
                        self._check(s)
                elif key in ("items", "additionalProperties", "propertyNames"):
                    self._check(sub)

    def resolve(self, ref: str) -> dict:
        if not ref.startswith("#/"):
            raise LookupError(ref)
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def pattern(self, p: str) -> re.Pattern:
        compiled = self._patterns.get(p)
        if compiled is None:
            compiled = self._patterns[p] = re.compile(p)
        return compiled

    def errors(self, data: Any) -> list:
        from .shape import ShapeError

        return [ShapeError(*e) for e in self._walk(self.root, data, "")]

    def _walk(self, schema, inst, ptr) -> Iterator[tuple]:
        if schema is True or schema is None:
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
            if _unbool(inst) not in [_unbool(v) for v in schema["enum"]]:
                yield ("enum", ptr, inst, schema["enum"], schema)
        if "const" in schema and _unbool(inst) != _unbool(schema["const"]):
            yield ("const", ptr, inst, schema["const"], schema)
        if isinstance(inst, str):
            if "pattern" in schema and not self.pattern(schema["pattern"]).search(inst):
                yield ("pattern", ptr, inst, schema["pattern"], schema)
            if "format" in schema and not _format_ok(schema["format"], inst):
                yield ("format", ptr, inst, schema["format"], schema)
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
            if schema.get("uniqueItems"):
                seen = []
                for item in inst:
                    u = _unbool(item)
                    if u in seen:
                        yield ("uniqueItems", ptr, inst, True, schema)
                        break
                    seen.append(u)
            items = schema.get("items")
            if items is not None:
                for i, item in enumerate(inst):
                    yield from self._walk(items, item, f"{ptr}/{i}")
        elif isinstance(inst, dict):
            if "required" in schema:
                missing = [r for r in schema["required"] if r not in inst]
                if missing:
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
                    if self.pattern(pat).search(key):
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


class _Reference:
    """Fallback when the schema uses a keyword this module does not interpret."""

    def errors(self, data: Any) -> list:
        from .shape import _jsonschema_errors

        return _jsonschema_errors(data)


_VALIDATORS: dict[int, Any] = {}


def validator_for(schema: dict):
    v = _VALIDATORS.get(id(schema))
    if v is None:
        try:
            v = FastValidator(schema)
        except LookupError:
            v = _Reference()
        _VALIDATORS[id(schema)] = v
    return v
