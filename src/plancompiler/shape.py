"""Stage 2, check shape: the plan against schema/plan.schema.json, in Dutch, at exact positions.

Two validators produce the same ``ShapeError`` records: ``jsonschema`` (the reference) and
``fastschema`` (an interpreter for the keywords our schema uses, without jsonschema's import cost;
``tests/test_fastschema_equivalence.py`` proves both report the same errors at the same pointers). Set
``PLANCOMPILER_VALIDATOR=jsonschema`` to use the reference on the hot path.
"""
import os
import re
from functools import lru_cache
from typing import Any, NamedTuple

from .diagnostics import Diagnostic
from .load import Loaded, escape
from .resources import PLAN_SCHEMA


class ShapeError(NamedTuple):
    keyword: str  # the failing JSON Schema keyword
    pointer: str  # where in the plan
    instance: Any  # the offending value
    value: Any  # the keyword's value in the schema
    schema: dict  # the (sub)schema holding the keyword


@lru_cache(maxsize=1)
def plan_schema() -> dict:
    from .datacache import cached

    def parse() -> dict:
        import json

        with open(PLAN_SCHEMA, encoding="utf-8") as fh:
            return json.load(fh)

    return cached("schema", [str(PLAN_SCHEMA)], parse)


def shape_errors(data: Any, validator: str | None = None) -> list[ShapeError]:
    validator = validator or os.environ.get("PLANCOMPILER_VALIDATOR", "fast")
    if validator == "jsonschema":
        return _jsonschema_errors(data)
    from .fastschema import validator_for

    return validator_for(plan_schema()).errors(data)


@lru_cache(maxsize=1)
def _reference_validator():
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(plan_schema(), format_checker=FormatChecker(formats=("date", "email")))


def _jsonschema_errors(data: Any) -> list[ShapeError]:
    out: list[ShapeError] = []
    stack = list(_reference_validator().iter_errors(data))
    while stack:
        err = stack.pop()
        if err.validator in ("oneOf", "anyOf") and err.context:
            stack.extend(err.context)  # report the concrete causes
            continue
        pointer = "".join("/" + escape(str(p)) for p in err.absolute_path)
        out.append(ShapeError(str(err.validator), pointer, err.instance, err.validator_value, err.schema))
    return out


# ---- Dutch diagnostics ---------------------------------------------------------------------------

TYPE_NL = {
    "object": "een verzameling sleutels (sleutel: waarde)",
    "array": "een lijst",
    "string": "een tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja of nee als true of false",
    "null": "niets",
}


def describe_value(value: Any) -> str:
    if value is None:
        return "niets (een lege waarde)"
    if isinstance(value, bool):
        return f"de waarheidswaarde {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        try:
            shown = str(value)
        except ValueError:  # an int of more than 4300 digits
            shown = "met meer dan 4300 cijfers"
        return f"het getal {_short(shown, 30)}"
    if isinstance(value, str):
        return f"de tekst '{_short(value)}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een verzameling sleutels"
    return "een waarde"


def _cap(text: str) -> str:
    """Capitalise the first letter only: str.capitalize() would lowercase the user's own text."""
    return text[:1].upper() + text[1:]


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _suggest(word: str, options) -> str:
    import difflib

    if not isinstance(word, str) or not word or len(word) > 80:
        return ""  # nothing sensible to suggest, and difflib is slow on long texts
    match = difflib.get_close_matches(word, [str(o) for o in options], n=1, cutoff=0.6)
    return f" Bedoelt u '{match[0]}'?" if match else ""


def _field(pointer: str) -> str:
    last = pointer.rsplit("/", 1)[-1] if pointer else ""
    if not pointer:
        return "het plan"
    if last.isdigit():
        parent = pointer.rsplit("/", 2)[-2] if pointer.count("/") >= 2 else ""
        return f"onderdeel {int(last) + 1} van '{parent}'"
    return f"'{last.replace('~1', '/').replace('~0', '~')}'"


PATTERN_HINTS = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2027-03-15.",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "Schrijf een tijd als UU:MM tussen 00:00 en 23:59, bijvoorbeeld \"19:30\".",
    "^GM[0-9]{4}$": "Een gemeentecode is 'GM' met vier cijfers, bijvoorbeeld GM0453 (zie de CBS-lijst).",
}


def to_diagnostics(errors: list[ShapeError], loaded: Loaded) -> list[Diagnostic]:
    from .load import MAX_REPORTED

    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    already = getattr(loaded, "value_errors", set())  # values the loader reported (2027-02-30, .nan)
    truncated = False
    for err in errors:
        if err.pointer in already:
            continue
        for diag in _translate(err, loaded):
            k = (diag.rule, diag.line, diag.column, diag.message)
            if k in seen:
                continue
            if len(out) >= MAX_REPORTED:
                truncated = True
                break
            seen.add(k)
            out.append(diag)
        if truncated:
            break
    if truncated:
        last = out[-1]
        out[-1] = last._replace(message=f"{last.message} (Er volgen nog meer meldingen over de vorm "
                                "van het plan; los eerst deze op.)")
    return out


def _diag(rule: str, message: str, loaded: Loaded, pointer: str, key: bool = False) -> Diagnostic:
    line, column = loaded.position(pointer, key=key)
    return Diagnostic(rule, "error", message, loaded.path, line, column, pointer)


def _translate(err: ShapeError, loaded: Loaded):
    kw, ptr, inst, val, schema = err.keyword, err.pointer, err.instance, err.value, err.schema
    where = _field(ptr)
    if kw == "additionalProperties" and isinstance(inst, dict):
        allowed = list(schema.get("properties", {}))
        for extra in inst:
            if extra in allowed:
                continue
            child = f"{ptr}/{escape(extra)}"
            hint = _suggest(extra, allowed) or (
                " Toegestaan zijn: " + ", ".join(allowed) + "." if allowed else "")
            yield _diag("schema-onbekende-sleutel",
                        f"De sleutel '{_short(extra, 40)}' is hier onbekend.{hint}", loaded, child, key=True)
    elif kw == "required":
        for name in val:
            if isinstance(inst, dict) and name not in inst:
                place = "bovenaan het plan" if not ptr else f"onder {where}"
                yield _diag("schema-verplicht", f"'{name}' ontbreekt {place}. Voeg '{name}:' toe.",
                            loaded, ptr, key=True)
    elif kw == "type":
        expected = val if isinstance(val, list) else [val]
        wanted = " of ".join(TYPE_NL.get(t, t) for t in expected)
        yield _diag("schema-type", f"Bij {where} hoort {wanted}, maar er staat {describe_value(inst)}.",
                    loaded, ptr)
    elif kw in ("enum", "const"):
        options = val if kw == "enum" else [val]
        listed = ", ".join(str(o) for o in options)
        yield _diag("schema-waarde", f"{_cap(describe_value(inst))} is geen geldige waarde voor "
                    f"{where}.{_suggest(inst, options)} Kies uit: {listed}.", loaded, ptr)
    elif kw == "pattern" and val == "\\S":  # prose must contain more than whitespace
        # an empty text fails minLength too: the same message, so the two are reported once
        state = "is leeg." if inst == "" else "bevat alleen spaties."
        yield _diag("schema-leeg", f"{_cap(where)} {state} Vul het in of laat de sleutel weg.", loaded, ptr)
    elif kw == "pattern" and _is_key_of(loaded.data, ptr, inst):
        # propertyNames: jsonschema reports a bad key at its object, with the key as the instance
        yield _diag("schema-vorm", f"De sleutel '{_short(inst, 40)}' onder {where} heeft niet de juiste vorm: "
                    "gebruik kleine letters, cijfers en koppeltekens, zoals "
                    f"'{_slug(inst)}'.", loaded, f"{ptr}/{escape(inst)}", key=True)
    elif kw == "pattern":
        hint = PATTERN_HINTS.get(val) or "Controleer de schrijfwijze."
        yield _diag("schema-vorm", f"{_cap(describe_value(inst))} heeft niet de juiste vorm "
                    f"voor {where}. {hint}", loaded, ptr)
    elif kw == "format" and val == "date" and isinstance(inst, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", inst):
        yield _diag("schema-vorm", f"De datum '{inst}' bij {where} bestaat niet. Gebruik een echte datum, "
                    "bijvoorbeeld 2027-02-28.", loaded, ptr)
    elif kw == "format":
        hint = {"date": PATTERN_HINTS["^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
                "email": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl."}.get(val, "")
        yield _diag("schema-vorm", f"{_cap(describe_value(inst))} is geen geldige waarde voor "
                    f"{where}. {hint}".rstrip(), loaded, ptr)
    elif kw in ("minimum", "exclusiveMinimum"):
        yield _diag("schema-bereik", f"{_cap(describe_value(inst))} is te klein voor {where}; "
                    f"het minimum is {val}{' (exclusief)' if kw.startswith('excl') else ''}.", loaded, ptr)
    elif kw in ("maximum", "exclusiveMaximum"):
        yield _diag("schema-bereik", f"{_cap(describe_value(inst))} is te groot voor {where}; "
                    f"het maximum is {val}. Klopt het getal?", loaded, ptr)
    elif kw == "minLength":
        yield _diag("schema-leeg", f"{_cap(where)} is leeg. Vul het in of laat de sleutel weg.",
                    loaded, ptr)
    elif kw == "maxLength":
        yield _diag("schema-bereik", f"De tekst bij {where} is te lang (hooguit {val} tekens).", loaded, ptr)
    elif kw == "minItems":
        n = len(inst) if isinstance(inst, list) else 0
        msg = (f"De lijst bij {where} is leeg; vul minstens {val} onderdeel in." if n == 0 else
               f"De lijst bij {where} heeft {n} onderdelen; er zijn er minstens {val} nodig.")
        yield _diag("schema-aantal", msg, loaded, ptr)
    elif kw == "maxItems":
        n = len(inst) if isinstance(inst, list) else 0
        yield _diag("schema-aantal", f"De lijst bij {where} heeft {n} onderdelen; het mogen er hooguit "
                    f"{val} zijn.", loaded, ptr)
    elif kw == "uniqueItems":
        dup = _first_duplicate(inst)
        yield _diag("schema-dubbel", f"In de lijst bij {where} staat '{_short(str(dup[1]))}' twee keer. "
                    "Verwijder de herhaling.", loaded, f"{ptr}/{dup[0]}" if dup[0] is not None else ptr)
    elif kw == "propertyNames":
        yield _diag("schema-vorm", f"De sleutel {where} heeft niet de juiste vorm: gebruik kleine "
                    "letters, cijfers en koppeltekens.", loaded, ptr, key=True)
    elif kw == "minProperties":
        yield _diag("schema-aantal", f"{_cap(where)} is leeg; vul minstens {val} sleutel in.",
                    loaded, ptr)
    else:
        yield _diag("schema-vorm", f"De waarde bij {where} voldoet niet aan het schema ({kw}).", loaded, ptr)


def _is_key_of(data: Any, pointer: str, name: Any) -> bool:
    node = data
    for part in pointer.split("/")[1:] if pointer else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return isinstance(node, dict) and isinstance(name, str) and name in node


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "mijn-sleutel"


def _first_duplicate(items) -> tuple:
    from .fastschema import _unbool  # 1 and true differ, as they do for jsonschema

    seen = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        key = _unbool(item)
        if key in seen:
            return (i, item)
        seen.append(key)
    return (None, "")
