"""Compiler-style text: ``file:line:col: fout[rule] message``, the source line and a caret."""
from __future__ import annotations

from ..diagnostics import SEVERITY_NL, summarize
from . import visible

COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def render(results, colour: bool = False, quiet: bool = False, context: bool = True, **_) -> str:
    out: list[str] = []

    def c(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    for res in results:
        for d in res.diagnostics:
            if quiet and (d.severity != "error" or d.waived):
                continue
            sev = SEVERITY_NL[d.severity]
            file, message = visible(d.file), visible(d.message)
            head = f"{c(BOLD, f'{file}:{d.line}:{d.column}:')} {c(COLOURS[d.severity], sev)}[{d.rule}] {message}"
            if d.waived:
                head = c(DIM, f"{file}:{d.line}:{d.column}: {sev}[{d.rule}] (uitgezonderd: "
                              f"{visible(d.waiver_reason)}) {message}")
                out.append(head)
                continue
            out.append(head)
            if context and res.source_lines and 0 < d.line <= len(res.source_lines):
                raw = res.source_lines[d.line - 1].expandtabs(1)
                start = max(0, d.column - 100) if len(raw) > 200 else 0  # long line: the part around it
                src = visible(raw[start:start + 200]) if start or len(raw) > 200 else visible(raw)
                # the caret counts the escapes' width (a control character is shown as \x1b)
                col = len(visible(raw[start:d.column - 1])) + 1
                if len(raw) > 200:
                    src, col = "…" + src + "…", col + 1
                out.append(f"  {d.line:>4} | {src}")
                out.append(f"       | {' ' * (col - 1)}{c(COLOURS[d.severity], '^')}")
    s = summarize(results)
    parts = [_plural(s["errors"], "fout", "fouten"), _plural(s["warnings"], "waarschuwing", "waarschuwingen"),
             f"{s['infos']} info"]
    line = f"{_plural(s['files'], 'bestand', 'bestanden')} gecontroleerd: {', '.join(parts)}"
    if s["waived"]:
        line += f" ({s['waived']} uitgezonderd)"
    out.append(c(BOLD, line + "."))
    return "\n".join(out) + "\n"
