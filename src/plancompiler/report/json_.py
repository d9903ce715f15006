"""Machine-readable JSON: ``{"files": [...], "summary": {...}}``."""
from __future__ import annotations

import json

from ..diagnostics import summarize
from . import visible


def _safe(item: dict) -> dict:
    """User text in a diagnostic as every report shows it (see ``visible``)."""
    return {k: visible(v) if k in ("file", "message", "waiver_reason") and isinstance(v, str) else v
            for k, v in item.items()}


def render(results, **_) -> str:
    doc = {
        "files": [{"path": visible(r.path), "diagnostics": [_safe(d.to_json()) for d in r.diagnostics]}
                  for r in results],
        "summary": summarize(results),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
