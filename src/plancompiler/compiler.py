"""The pipeline as one API: load → shape → model → rules → diagnostics.

``check_file`` never raises for bad input: every problem becomes a positioned diagnostic.
"""
from __future__ import annotations


from .diagnostics import Diagnostic, FileResult
from .load import Loaded, read_file


class Compiled:
    """A checked plan: its diagnostics, and the model when the plan was well-formed."""

    __slots__ = ("result", "loaded", "plan")

    def __init__(self, result: FileResult, loaded: Loaded, plan=None):
        self.result = result
        self.loaded = loaded
        self.plan = plan  # model.Plan

    @property
    def ok(self) -> bool:
        return self.result.count("error") == 0


def compile_file(path, catalog=None, display: str | None = None) -> Compiled:
    loaded = read_file(str(path))
    if display:
        loaded.path = display
        loaded.diagnostics = [d._replace(file=display) for d in loaded.diagnostics]
    return compile_loaded(loaded, catalog)


def compile_loaded(loaded: Loaded, catalog=None) -> Compiled:
    result = FileResult(loaded.path, list(loaded.diagnostics), unreadable=loaded.unreadable)
    result.source_lines = loaded.lines
    compiled = Compiled(result, loaded)
    if loaded.fatal or not isinstance(loaded.data, dict):
        return _done(compiled)
    from .shape import shape_errors, to_diagnostics

    result.diagnostics.extend(to_diagnostics(shape_errors(loaded.data), loaded))
    if any(d.severity == "error" for d in result.diagnostics):
        return _done(compiled)  # rules need a well-formed plan
    from . import model
    from .catalog import get_catalog

    catalog = catalog or get_catalog()
    plan = model.build(loaded.data, catalog, loaded.path)
    compiled.plan = plan
    result.diagnostics.extend(run_rules(plan, loaded))
    return _done(compiled)


def _done(compiled: Compiled) -> Compiled:
    compiled.result.diagnostics.sort(key=Diagnostic.sort_key)
    return compiled


def run_rules(plan, loaded: Loaded) -> list[Diagnostic]:
    """Every semantic rule over the model, then the plan's waivers applied (waivers.apply)."""
    from . import waivers
    from .rules import RULES, SEMANTIC
    from .rules._base import Finding

    def place(rule, finding: Finding) -> Diagnostic:
        line, column = loaded.position(finding.pointer, key=finding.key)
        return Diagnostic(rule.ID, finding.severity or rule.SEVERITY, finding.message,
                          loaded.path, line, column, finding.pointer)

    parsed = waivers.parse(plan.uitzonderingen)
    findings: list[Diagnostic] = []
    for rule in SEMANTIC:
        check = getattr(rule, "check", None)
        if check is None:  # checked by the engine itself (waivers)
            continue
        try:
            found = list(check(plan))
        except Exception as exc:  # a bug in a rule must not hide the other findings
            findings.append(Diagnostic("interne-fout", "error",
                                       f"De regel '{rule.ID}' kon dit plan niet controleren ({type(exc).__name__}: "
                                       f"{exc}). Dit is een fout in plancompiler; meld hem alstublieft.",
                                       loaded.path, 1, 1, ""))
            continue
        findings.extend(place(rule, f) for f in found)
    out, unused = waivers.apply(findings, parsed.waivers)
    out += [place(RULES["uitzondering-zonder-reden"], f) for f in parsed.invalid]
    out += [place(RULES["uitzondering-hernoemd"], f) for f in parsed.renamed]
    for w in unused:
        out.append(place(RULES["uitzondering-ongebruikt"],
                         Finding(w.ptr, f"De uitzondering voor '{w.regel}' heeft geen effect: die "
                                        "regel meldt hier niets. Haal de uitzondering weg.")))
    return out
