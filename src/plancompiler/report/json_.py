"""Machine-readable JSON: ``{"files": [...], "summary": {...}}``."""
from __future__ import annotations

import json

from ..diagnostics import summarize


def render(results, **_) -> str:
    doc = {
        "files": [{"path": r.path, "diagnostics": [d.to_json() for d in r.diagnostics]} for r in results],
        "summary": summarize(results),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
