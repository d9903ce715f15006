"""SARIF 2.1.0, as GitHub code scanning reads it (``github/codeql-action/upload-sarif``).

Every rule plancompiler knows is listed in ``tool.driver.rules`` in registry order, so a rule's
``ruleIndex`` is the same in every report. Help texts come from the rule docstrings (the same text
``plancompiler explain`` shows) with the brochure page. Locations are relative to the working
directory with ``uriBaseId: %SRCROOT%`` and 1-based lines and columns. A motivated exception in the
plan (``uitzonderingen``) becomes an in-source suppression, which GitHub shows as dismissed.
"""
from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import quote

from .. import __version__
from . import relative_path, shown, visible

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://plancompiler.nl/"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _camel(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _page(rule) -> str:
    return "" if rule.PAGE in ("", "-", None) else rule.PAGE


def rule_descriptor(rule, docs_url: str | None = None) -> dict:
    from ..config import rule_url
    from ..rules import explanation

    text = explanation(rule)
    page = _page(rule)
    source = ("MOVISIE, Interactieve beleidsvorming (2009), p. " + page) if page else ""
    help_text = text + (f"\n\nBron: {source}." if source else "") + \
        f"\n\nMeer: {rule_url(docs_url, rule.ID)} (zonder internet: plancompiler explain {rule.ID})"
    help_md = text + (f"\n\n**Bron:** {source}." if source else "") + \
        f"\n\nMeer: [{rule.ID}]({rule_url(docs_url, rule.ID)}) (zonder internet: `plancompiler explain {rule.ID}`)"
    first = text.split("\n\n", 1)[0].replace("\n", " ")
    return {
        "id": rule.ID,
        "name": _camel(rule.ID),
        "shortDescription": {"text": rule.SUMMARY},
        "fullDescription": {"text": first},
        "helpUri": rule_url(docs_url, rule.ID),
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVEL[rule.SEVERITY]},
        "properties": {
            "tags": ["plancompiler", "builtin" if getattr(rule, "BUILTIN", False) else "brochure"],
            "problem.severity": PROBLEM_SEVERITY[rule.SEVERITY],
            **({"brochurePagina": page} if page else {}),
        },
    }


def _uri(path: str) -> tuple[str, bool]:
    """(uri, relative?) for an artifactLocation."""
    rel = relative_path(path)
    raw = os.fsencode(rel)  # percent-encoded: the file's own bytes (also when they are not UTF-8), inert
    if rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return "file://" + ("" if rel.startswith("/") else "/") + quote(raw, safe="/:"), False
    return quote(raw, safe="/"), True


def render(results, quiet: bool = False, docs_url: str | None = None, **_) -> str:
    from ..rules import ALL

    index = {rid: i for i, rid in enumerate(ALL)}
    sarif_results = []
    seen: dict[str, int] = {}
    for res in results:
        for d in shown(res, quiet):
            uri, relative = _uri(d.file)
            artifact = {"uri": uri, **({"uriBaseId": "%SRCROOT%"} if relative else {})}
            region = {"startLine": max(1, d.line), "startColumn": max(1, d.column)}
            if d.end_line:
                region["endLine"] = d.end_line
                if d.end_column:
                    region["endColumn"] = d.end_column
            pointer = d.pointer or ""  # a loader diagnostic may have none
            digest = hashlib.sha256("\0".join((uri, d.rule, pointer, d.message)).encode("utf-8", "surrogateescape")).hexdigest()
            seen[digest] = seen.get(digest, 0) + 1
            item = {
                "ruleId": d.rule,
                **({"ruleIndex": index[d.rule]} if d.rule in index else {}),
                "level": LEVEL[d.severity],
                "message": {"text": visible(d.message)},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
                "partialFingerprints": {"plancompiler/v1": f"{digest}:{seen[digest]}"},
            }
            if pointer:
                item["properties"] = {"pointer": pointer}
            if d.waived:
                item["suppressions"] = [{"kind": "inSource", "justification": visible(d.waiver_reason)}]
            sarif_results.append(item)
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "plancompiler",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule, docs_url) for rule in ALL.values()],
            }},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
