"""GitHub Actions workflow commands: each finding becomes an annotation on the changed file.

``::error file=F,line=L,col=C,title=T::message`` (``warning``, ``notice`` for info). GitHub
decodes ``%25``, ``%0D`` and ``%0A`` in messages, and also ``%3A`` and ``%2C`` in properties, so a
colon or comma in a file name or title cannot break the command. Motivated exceptions are left
out: they are deliberate. The last line is the summary, as plain text for the log.
"""
from __future__ import annotations

from ..diagnostics import summarize
from . import relative_path, shown, visible

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    # visible() already turned CR and LF into visible escapes; this is GitHub's own encoding on top
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, quiet: bool = False, **_) -> str:
    from ..rules import ALL

    out = []
    for res in results:
        for d in shown(res, quiet):
            if d.waived:
                continue
            rule = ALL.get(d.rule)
            title = f"{rule.SUMMARY} [{d.rule}]" if rule else d.rule
            props = [("file", relative_path(d.file)), ("line", str(max(1, d.line))),
                     ("col", str(max(1, d.column)))]
            if d.end_line:
                props.append(("endLine", str(d.end_line)))
                if d.end_column:
                    props.append(("endColumn", str(d.end_column)))
            props.append(("title", title))
            head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            out.append(f"::{COMMAND[d.severity]} {head}::{escape_data(d.message)}")
    s = summarize(results)
    line = (f"plancompiler: {s['files']} {'bestand' if s['files'] == 1 else 'bestanden'} gecontroleerd: "
            f"{s['errors']} {'fout' if s['errors'] == 1 else 'fouten'}, "
            f"{s['warnings']} {'waarschuwing' if s['warnings'] == 1 else 'waarschuwingen'}, {s['infos']} info")
    if s["waived"]:
        line += f" ({s['waived']} uitgezonderd)"
    out.append(line + ".")
    return "\n".join(out) + "\n"
