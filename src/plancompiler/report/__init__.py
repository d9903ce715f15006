"""Stage 5, report: formatters turn FileResults into text for people and machines.

One function per format, ``render(results, options) -> str``; ``FORMATS`` maps names to modules
so that the CLI stays a table look-up. Every format is deterministic: sorted, no timestamps.
"""
from __future__ import annotations

import importlib
import os

FORMATS = {
    "text": "text",
    "json": "json_",
    "sarif": "sarif",      # SARIF 2.1.0 for GitHub code scanning and other SARIF viewers
    "github": "github",    # GitHub Actions workflow commands (annotations on the pull request)
    "junit": "junit",      # JUnit XML for GitLab/Jenkins/Azure test reports
    "gitlab": "gitlab",    # GitLab Code Quality (CodeClimate) JSON
}


def render(fmt: str, results, **options) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.render(results, **options)


def relative_path(path: str) -> str:
    """The path CI services want: relative to the working directory (the repository root in CI),
    with forward slashes. A path outside the working directory stays absolute."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        return absolute.replace(os.sep, "/")
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return absolute.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def shown(result, quiet: bool = False):
    """The diagnostics a machine format reports: all of them, or with ``-q`` active errors only."""
    return [d for d in result.diagnostics if not quiet or (d.severity == "error" and not d.waived)]
