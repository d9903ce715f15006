"""GitLab Code Quality (the CodeClimate subset GitLab reads), for ``artifacts:reports:codequality``.

Each finding: ``description``, ``check_name`` (the rule id), a ``fingerprint`` that stays the same
while the finding does (sha256 of file, rule, JSON pointer and message, so moving lines does not
make GitLab report it as new), ``severity`` and ``location`` with a 1-based ``lines.begin``.

Severity: a file that cannot be read or parsed at all → ``blocker``; other errors → ``critical``;
warnings → ``major``; info → ``info``. Findings silenced by a motivated exception are left out:
Code Quality has no notion of a justified suppression.
"""
from __future__ import annotations

import hashlib
import json

from . import relative_path, shown, visible

BLOCKERS = {"bestand-onleesbaar", "bestand-te-groot", "yaml-codering", "yaml-syntaxis", "yaml-leeg",
            "yaml-geen-mapping", "yaml-meerdere-documenten"}
SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def fingerprint(path: str, rule: str, pointer: str, message: str) -> str:
    return hashlib.sha256("\0".join((path, rule, pointer, message)).encode("utf-8", "surrogateescape")).hexdigest()


def render(results, quiet: bool = False, docs_url: str | None = None, **_) -> str:
    from ..config import rule_url

    issues = []
    seen: set[str] = set()
    for res in results:
        for d in shown(res, quiet):
            if d.waived:
                continue
            path = relative_path(d.file)
            fp = fingerprint(path, d.rule, d.pointer or "", d.message)  # a loader diagnostic may have none
            n = 1
            while fp in seen:  # the same finding twice in one file: keep fingerprints unique
                n += 1
                fp = fingerprint(path, d.rule, d.pointer or "", f"{d.message}\0{n}")
            seen.add(fp)
            issues.append({
                "type": "issue",
                "engine_name": "plancompiler",
                "check_name": d.rule,
                "description": visible(d.message),
                "categories": ["Style"] if d.severity == "info" else ["Bug Risk"],
                "fingerprint": fp,
                "severity": "blocker" if d.rule in BLOCKERS else SEVERITY[d.severity],
                "location": {"path": visible(path), "lines": {"begin": max(1, d.line)}},
                "content": {"body": f"Uitleg: {rule_url(docs_url, d.rule)} (zonder internet: "
                                    f"`plancompiler explain {d.rule}`)"},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
