"""Generate schema/plan.schema.json from its one source, schema/plan.schema.src.yaml, and the catalog.

    python -m plancompiler.schemagen            # write schema/plan.schema.json
    python -m plancompiler.schemagen --check    # exit 1 when the committed file is stale

The source is JSON Schema written as YAML, plus a few directives (keys starting with ``x-``) that
this module replaces with what the catalog says, so ids, pages and texts live once, in catalog/:

``x-bron: [REF, ...]``
    The brochure pages of these catalog entries end the ``markdownDescription``
    ("Zie brochure p. 11-13."). Never type a page in the source where the catalog has it.
``x-enum: REF``
    ``enum`` from the ids of a catalog list, with ``enumDescriptions`` /
    ``markdownEnumDescriptions`` (text and page from the catalog) and a Dutch ``errorMessage``.
``x-sleutels: REF``
    The ``properties`` must be exactly the catalog ids, in order (checked here); a property
    without a description gets the catalog's question as description.
``x-voorbeelden: REF``
    Completion values that do NOT restrict: ``examples`` (the ids) and ``defaultSnippets`` (each
    with the catalog text). Own instruments, extensions and synonyms stay valid.
    ``REF`` may also be ``regels``: the waivable rule ids from the rules registry.
``x-sleutelvoorbeelden: REF``
    For a map keyed by catalog ids (``ambitie.risicos``): one documented ``properties`` entry per
    id, each with the map's value schema; other keys still follow ``propertyNames`` and
    ``additionalProperties``.

The top-level ``x-patronen`` table gives, for every ``pattern`` used in the schema, the pattern in
words and an example; the generator adds it to each pattern as ``patternErrorMessage`` (shown by
editors) and plancompiler's own messages read it there. A pattern without an entry is an error.

REF is a dotted path into the catalog: ``FILE.key.key``, where ``key#ID`` picks the entry with that
id from a list (``kernvoorwaarden.voorwaarden#openheid``); ``gemeentetypen.risicos`` and
``evaluatie.procestest.vragen`` are the flattened risk and question lists.

Descriptions speak to someone who installed the package: they never point to repository paths.
This module is a development tool: validate never imports it.
"""
from __future__ import annotations

import copy
import json
import os
import sys
from typing import Any

from .resources import CATALOG_DIR, PLAN_SCHEMA, ROOT

SOURCE = os.path.join(ROOT, "schema", "plan.schema.src.yaml")
COMMAND = ".venv/bin/python -m plancompiler.schemagen"
SEVERITY_NL = {"error": "fout", "warning": "waarschuwing", "info": "info"}


class SourceError(ValueError):
    pass


# ---- the catalog -------------------------------------------------------------------------------

def _load_catalog(directory: str) -> dict[str, Any]:
    from .catalog import load_raw

    return load_raw(directory)


def _lookup(catalog: dict, ref: str) -> Any:
    if ref == "gemeentetypen.risicos":
        return [dict(r, type=t) for t in catalog["gemeentetypen"]["typen"] for r in t["risicos"]]
    if ref == "evaluatie.procestest.vragen":
        test = catalog["evaluatie"]["procestest"]
        return [dict(v, pagina=test["pagina"]) for k in test["kolommen"] for v in k["vragen"]]
    node: Any = catalog
    for part in ref.split("."):
        key, _, wanted = part.partition("#")
        if not isinstance(node, dict) or key not in node:
            raise SourceError(f"catalogusverwijzing {ref!r}: '{key}' bestaat niet")
        node = node[key]
        if wanted:
            match = [e for e in node if isinstance(e, dict) and str(e.get("id")) == wanted]
            if not match:
                raise SourceError(f"catalogusverwijzing {ref!r}: geen id '{wanted}'")
            node = match[0]
    return node


def _pages_of(node: Any) -> list[str]:
    if isinstance(node, dict):
        if "pagina" in node:
            return [str(node["pagina"])]
        return [p for v in node.values() if isinstance(v, (dict, list)) for p in _pages_of(v)]
    if isinstance(node, list):
        return [p for e in node for p in _pages_of(e)]
    return []


def format_pages(pages: list[str]) -> str:
    """'12', '11', '13', '12-13' -> '11-13'; '5', '27' -> '5, 27'; '5, 27' is read the same way."""
    numbers: set[int] = set()
    for part in (p.strip() for page in pages for p in page.split(",")):  # '25-26, 39' is two parts
        first, _, last = part.partition("-")
        numbers.update(range(int(first), int(last or first) + 1))
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _pages(catalog: dict, refs: list[str]) -> str:
    pages = [p for ref in refs for p in _pages_of(_lookup(catalog, ref))]
    if not pages:
        raise SourceError(f"x-bron {refs!r}: de catalogus noemt hier geen bladzijde")
    return format_pages(pages)


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text.endswith((".", "?", "!")) else text + "."


def _entry_text(ref: str, entry: dict) -> str:
    """One plain Dutch line about a catalog entry, from the catalog's own words."""
    if ref.startswith("ladder"):
        return _sentence(f"{entry['naam']}: {entry['in_gewone_woorden']}")
    if ref == "gemeentetypen.typen":
        return _sentence(f"Type {entry['id']}, ‘{entry['naam']}’: {entry['sturing']} en {entry['beleid']} beleid; "
                         f"comfortzone: {entry['comfortzone']}")
    if ref == "gemeentetypen.risicos":
        return _sentence(f"Risico bij type {entry['type']['id']} (comfortzone {entry['type']['comfortzone']}): "
                         f"{entry['tekst']}")
    if ref == "kernvoorwaarden.problematiek":
        return _sentence(f"{entry['naam']}: past bij {' en '.join(entry['treden'])}")
    if ref == "instrumenten.instrumenten":
        cells = "; ".join(f"{doel}: {trede}" for doel, trede in entry["matrix"].items())
        text = f"{entry['naam']} (matrix: {cells})"
        omschrijving = (entry.get("deel_b") or {}).get("omschrijving")
        return _sentence(text) + (" " + _sentence(omschrijving) if omschrijving else "")
    for key in ("omschrijving", "vraag", "tekst"):
        if entry.get(key):
            return _sentence(f"{entry['naam']}: {entry[key]}" if entry.get("naam") and key != "vraag"
                             else entry[key])
    return _sentence(entry.get("naam", entry["id"]))


def _rule_entries() -> list[dict]:
    from . import waivers
    from .rules import RULES

    skip = set(getattr(waivers, "NOT_WAIVABLE", ()))
    out = []
    for rid, rule in RULES.items():
        if rid in skip:
            continue
        page = str(getattr(rule, "PAGE", "") or "")
        text = _sentence(f"{rule.SUMMARY} ({SEVERITY_NL.get(rule.SEVERITY, rule.SEVERITY)})")
        out.append({"id": rid, "tekst": text, **({"pagina": page} if page[:1].isdigit() else {})})
    return out


def _entries(catalog: dict, ref: str) -> list[dict]:
    if ref == "regels":
        return _rule_entries()
    entries = _lookup(catalog, ref)
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e for e in entries):
        raise SourceError(f"{ref!r} is geen lijst met id's")
    return entries


def _text(catalog_ref: str, entry: dict) -> str:
    return entry["tekst"] if catalog_ref == "regels" else _entry_text(catalog_ref, entry)


def _with_page(catalog_ref: str, entry: dict) -> str:
    page = _pages_of(entry)
    tail = f" Zie brochure p. {format_pages(page)}." if page else ""
    return f"{_text(catalog_ref, entry)}{tail}"


def _markdown(catalog_ref: str, entry: dict) -> str:
    return f"**{entry['id']}** — {_with_page(catalog_ref, entry)}"


# ---- the generator -----------------------------------------------------------------------------

def _load_source(path: str) -> dict:
    from ruamel.yaml import YAML

    with open(path, encoding="utf-8") as fh:
        return YAML(typ="safe", pure=True).load(fh)


def generate(source: str = SOURCE, catalog_dir: str = CATALOG_DIR) -> dict:
    src = _load_source(source)
    catalog = _load_catalog(catalog_dir)
    patterns = src.pop("x-patronen", None) or {}
    return _node(src, catalog, patterns, "#")


def _node(node: Any, catalog: dict, patterns: dict, where: str) -> Any:
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("properties", "$defs", "patternProperties"):
            out[key] = {k: _node(v, catalog, patterns, f"{where}/{key}/{k}") for k, v in value.items()}
        elif key in ("items", "additionalProperties", "propertyNames") and isinstance(value, dict):
            out[key] = _node(value, catalog, patterns, f"{where}/{key}")
        elif key.startswith("x-"):
            continue  # directives, handled below
        else:
            out[key] = copy.deepcopy(value)
    unknown = [k for k in node if k.startswith("x-") and k not in DIRECTIVES]
    if unknown:
        raise SourceError(f"{where}: onbekende aanwijzing {unknown}")

    if "x-bron" in node:
        refs = node["x-bron"] if isinstance(node["x-bron"], list) else [node["x-bron"]]
        base = out.get("markdownDescription") or out.get("description")
        if not base:
            raise SourceError(f"{where}: x-bron zonder description")
        out["markdownDescription"] = f"{base} Zie brochure p. {_pages(catalog, refs)}."
    elif "description" in out and "markdownDescription" not in out:
        out["markdownDescription"] = out["description"]

    if "x-enum" in node:
        ref = node["x-enum"]
        entries = _entries(catalog, ref)
        out["enum"] = [e["id"] for e in entries]
        out["enumDescriptions"] = [_text(ref, e) for e in entries]
        out["markdownEnumDescriptions"] = [_markdown(ref, e) for e in entries]

    if "x-sleutels" in node:
        ref = node["x-sleutels"]
        entries = _entries(catalog, ref)
        if list(out.get("properties", {})) != [e["id"] for e in entries]:
            raise SourceError(f"{where}: de sleutels {list(out.get('properties', {}))} zijn niet de id's "
                              f"van {ref} in de catalogus: {[e['id'] for e in entries]}")
        for e in entries:
            prop = out["properties"][e["id"]]
            if "description" not in prop:
                prop["description"] = _text(ref, e)
                prop["markdownDescription"] = _with_page(ref, e)

    if "x-voorbeelden" in node:
        ref = node["x-voorbeelden"]
        entries = _entries(catalog, ref)
        out["examples"] = [e["id"] for e in entries]
        out["defaultSnippets"] = [
            {"label": e["id"], "description": _text(ref, e), "markdownDescription": _markdown(ref, e),
             "body": e["id"]} for e in entries]

    if "x-sleutelvoorbeelden" in node:
        ref = node["x-sleutelvoorbeelden"]
        value_schema = out.get("additionalProperties")
        if not isinstance(value_schema, dict):
            raise SourceError(f"{where}: x-sleutelvoorbeelden vraagt een additionalProperties-schema")
        props = out.setdefault("properties", {})
        for e in _entries(catalog, ref):
            prop = copy.deepcopy(value_schema)
            prop["description"] = _text(ref, e)
            prop["markdownDescription"] = _with_page(ref, e)
            props[e["id"]] = prop

    if "enum" in out or "const" in out:
        options = out["enum"] if "enum" in out else [out["const"]]
        out.setdefault("errorMessage", "Kies een van: " + ", ".join(str(o) for o in options) + "."
                       if len(options) > 1 else f"Vul {options[0]} in.")
    if "pattern" in out:
        words = patterns.get(out["pattern"])
        if not words:
            raise SourceError(f"{where}: het patroon {out['pattern']!r} staat niet in x-patronen")
        out["patternErrorMessage"] = words
    message = _type_message(out)
    if message and "errorMessage" not in out:
        out["errorMessage"] = message
    return out


def _range(node: dict, unit: str = "") -> str:
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        return f" van {low} tot en met {high}{unit}"
    if low is not None:
        return f" van minstens {low}{unit}"
    if high is not None:
        return f" van hooguit {high}{unit}"
    return ""


def _type_message(node: dict) -> str | None:
    """A Dutch editor message for a value of the wrong kind (yaml-language-server shows
    ``errorMessage`` instead of its English "Incorrect type"). Objects get none: there the
    message would also replace the one about an unknown key."""
    t = node.get("type")
    if t == "string":
        if node.get("format") == "email":
            return "Vul een e-mailadres in, zoals naam@gemeente.nl."
        return node.get("patternErrorMessage") or "Vul hier een tekst in."
    if t == "integer":
        return f"Vul een geheel getal{_range(node)} in, zonder aanhalingstekens."
    if t == "number":
        return f"Vul een getal{_range(node)} in, zonder aanhalingstekens."
    if t == "boolean":
        return "Schrijf true (ja) of false (nee), zonder aanhalingstekens."
    if t == "array":
        low, high = node.get("minItems"), node.get("maxItems")
        count = (f" met precies {low} onderdelen" if low is not None and low == high else
                 f" met minstens {low} onderdeel" + ("en" if low != 1 else "") if low is not None else
                 f" met hooguit {high} onderdelen" if high is not None else "")
        unique = ", elk maar één keer" if node.get("uniqueItems") else ""
        return f"Hier hoort een lijst{count}{unique}: zet elk onderdeel op een eigen regel die met '- ' begint."
    return None


DIRECTIVES = {"x-bron", "x-enum", "x-sleutels", "x-voorbeelden", "x-sleutelvoorbeelden"}


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render(generate())
    try:
        with open(PLAN_SCHEMA, encoding="utf-8") as fh:
            current = fh.read()
    except FileNotFoundError:
        current = ""
    if "--check" in argv:
        if current != text:
            print(f"schema/plan.schema.json is verouderd. Maak het opnieuw met: {COMMAND}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        tmp = PLAN_SCHEMA + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, PLAN_SCHEMA)
        print("schema/plan.schema.json bijgewerkt.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
