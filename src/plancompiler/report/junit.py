"""JUnit XML for the test-report views of GitLab, Jenkins and Azure DevOps.

One ``<testsuite>`` per plan file, one ``<testcase>`` per finding (a file without findings gets one
passing test case, so every plan shows up). The report fails exactly what fails the run:

- an error is a ``<failure>``, always;
- a warning or info is a ``<failure>`` only when ``--fail-on``/``--strict`` makes it fail the
  run; otherwise it is a passing test case whose ``<system-out>`` carries the message, so it is
  visible without turning the pipeline red;
- a finding silenced by a motivated exception (``uitzonderingen``) is ``<skipped>`` with the reason;
- an unreadable file is an ``<error>`` (the check could not run), not a failure.
"""
from __future__ import annotations

from ..diagnostics import SEVERITY_NL, SEVERITY_RANK
from . import relative_path, shown, visible

UNREADABLE_RULES = {"bestand-onleesbaar", "bestand-te-groot"}


def render(results, quiet: bool = False, fail_on: str = "error", docs_url: str | None = None, **_) -> str:
    import xml.etree.ElementTree as ET

    from ..config import rule_url

    from ..rules import ALL

    threshold = SEVERITY_RANK.get(fail_on, SEVERITY_RANK["error"])
    root = ET.Element("testsuites", name="plancompiler")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for res in results:
        path = visible(relative_path(res.path))
        suite = ET.SubElement(root, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        diagnostics = shown(res, quiet)
        for d in diagnostics:
            counts["tests"] += 1
            file, message = visible(relative_path(d.file)), visible(d.message)
            where = f"{file}:{d.line}:{d.column}"
            case = ET.SubElement(suite, "testcase", name=f"{d.rule} ({where})", classname=path,
                                 file=file, line=str(d.line))
            rule = ALL.get(d.rule)
            page = f" Zie brochure p. {rule.PAGE}." if rule and rule.PAGE not in ("", "-") else ""
            body = (f"{where}: {SEVERITY_NL[d.severity]}[{d.rule}] {message}{page} "
                    f"Uitleg: {rule_url(docs_url, d.rule)} (zonder internet: plancompiler explain {d.rule})")
            if d.waived:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=f"uitgezonderd: {visible(d.waiver_reason)}")
                ET.SubElement(case, "system-out").text = body
            elif d.rule in UNREADABLE_RULES:
                counts["errors"] += 1
                ET.SubElement(case, "error", message=message, type=d.rule).text = body
            elif SEVERITY_RANK[d.severity] >= threshold:
                counts["failures"] += 1
                ET.SubElement(case, "failure", message=message, type=d.rule).text = body
            else:
                ET.SubElement(case, "system-out").text = body
        if not diagnostics:
            counts["tests"] += 1
            ET.SubElement(suite, "testcase", name="plan", classname=path, file=path)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
