"""Stage 5, report: formatters turn FileResults into text for people and machines.

One function per format, ``render(results, options) -> str``; ``FORMATS`` maps names to modules
so that the CLI stays a table look-up.
"""
from __future__ import annotations

import importlib

FORMATS = {
    "text": "text",
    "json": "json_",
}


def render(fmt: str, results, **options) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.render(results, **options)
