"""The controlerapport: what the check of the plan found, for the person who writes the plan.

The college's documents carry no rule ids, line numbers or advice to the writer; this document
has them all: per open finding its rule, severity, line and column in the plan and the rule's own
Dutch message (what to do), and per uitzondering the findings it covers with the reason given.
"""
from __future__ import annotations

from ...diagnostics import SEVERITY_NL, SEVERITY_RANK


def _finding(d) -> dict:
    from ...rules import lookup

    rule, _ = lookup(d.rule)
    return {"regel": d.rule, "ernst": SEVERITY_NL[d.severity], "waar": f"regel {d.line}, kolom {d.column}",
            "pointer": d.pointer or "/", "tekst": d.message,
            "controle": rule.SUMMARY if rule is not None else "",
            "pagina": (rule.PAGE if rule is not None and rule.PAGE not in ("", "-") else "")}


def context(plan, diagnostics: list) -> dict:
    order = sorted(diagnostics, key=lambda d: (d.line, d.column, -SEVERITY_RANK[d.severity], d.rule, d.message))
    active = [d for d in order if not d.waived]
    by_severity = {sev: [_finding(d) for d in active if d.severity == sev] for sev in ("error", "warning", "info")}
    waived: dict[int, list] = {}
    for d in order:
        if d.waived and d.waiver is not None:
            waived.setdefault(d.waiver, []).append(_finding(d))
    return {"controle": {
        "fouten": by_severity["error"],
        "waarschuwingen": by_severity["warning"],
        "opmerkingen": by_severity["info"],
        "aantal": len(active),
        "uitzonderingen": [{"regel": w.regel, "pad": w.pad or "het hele plan", "reden": w.reden,
                            "meldingen": waived.get(w.index, [])} for w in plan.uitzonderingen],
    }}
