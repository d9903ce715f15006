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
    from . import waivers
    from .rules import RULES, SEMANTIC

    def place(rule, finding, severity=None) -> Diagnostic:
        line, column = loaded.position(finding.pointer, key=finding.key)
        return Diagnostic(rule.ID, finding.severity or severity or rule.SEVERITY, finding.message,
                          loaded.path, line, column, finding.pointer)

    active, waiver_findings = waivers.parse(plan)
    out: list[Diagnostic] = [place(RULES["uitzondering-zonder-reden"], f) for f in waiver_findings]
    for rule in SEMANTIC:
        check = getattr(rule, "check", None)
        if check is None:  # checked by the engine itself (waivers)
            continue
        try:
            findings = list(check(plan))
        except Exception as exc:  # a bug in a rule must not hide the other findings
            out.append(Diagnostic("interne-fout", "error",
                                  f"De regel '{rule.ID}' kon dit plan niet controleren ({type(exc).__name__}: "
                                  f"{exc}). Dit is een fout in plancompiler; meld hem alstublieft.",
                                  loaded.path, 1, 1, ""))
            continue
        for f in findings:
            diag = place(rule, f)
            for w in active:
                if waivers.matches(w, rule.ID, f.pointer):
                    diag = diag.as_waived(w["reden"])
                    w["used"] = True
                    break
            out.append(diag)
    unused = RULES["uitzondering-ongebruikt"]
    from .rules._base import Finding

    for w in active:
        if not w["used"]:
            out.append(place(unused, Finding(f"/uitzonderingen/{w['index']}",
                                             f"De uitzondering voor '{w['regel']}' heeft geen effect: die "
                                             "regel meldt hier niets. Haal de uitzondering weg.")))
    return out
