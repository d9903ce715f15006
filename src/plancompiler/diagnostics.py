"""The diagnostic: what every stage of the pipeline reports, and how findings are counted."""
from .records import record

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SEVERITY_NL = {"error": "fout", "warning": "waarschuwing", "info": "info"}


@record
class Diagnostic:
    """One finding at one place in one file. Lines and columns are 1-based."""

    rule: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    pointer: str = ""
    waived: bool = False
    waiver_reason: str = ""
    end_line: int | None = None
    end_column: int | None = None
    waiver: int | None = None  # index of the ``uitzonderingen`` entry that covers this diagnostic
    parser_message: str = ""  # the YAML parser's own (English) text; the message is Dutch

    def as_waived(self, index: int, reason: str) -> "Diagnostic":
        return self._replace(waived=True, waiver_reason=reason, waiver=index)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, -SEVERITY_RANK[self.severity], self.rule, self.message)

    def to_json(self) -> dict:
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
        }
        if self.parser_message:
            out["parser_message"] = self.parser_message
        if self.waived:
            out["waived"] = True
            out["waiver_reason"] = self.waiver_reason
            out["waiver"] = self.waiver
        return out


class FileResult:
    """The outcome for one plan file."""

    __slots__ = ("path", "diagnostics", "source_lines", "unreadable")

    def __init__(self, path: str, diagnostics: list[Diagnostic] | None = None,
                 source_lines: list[str] | None = None, unreadable: bool = False):
        self.path = path
        self.diagnostics = diagnostics if diagnostics is not None else []
        self.source_lines = source_lines  # for carets in text output
        self.unreadable = unreadable  # the file could not be read at all (exit status 2)

    def active(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.waived]

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity and not d.waived)

    @property
    def waived(self) -> int:
        return sum(1 for d in self.diagnostics if d.waived)


def summarize(results: list[FileResult]) -> dict:
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "waived": sum(r.waived for r in results),
        "unreadable": sum(1 for r in results if r.unreadable),
    }
