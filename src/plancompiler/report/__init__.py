"""Stage 5, report: formatters turn FileResults into text for people and machines.

One function per format, ``render(results, options) -> str``; ``FORMATS`` maps names to modules
so that the CLI stays a table look-up. Every format is deterministic: sorted, no timestamps.
"""
from __future__ import annotations

import importlib
import os
import re

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


# Characters that must never reach a terminal, a CI log or an XML report as they are: C0 and C1
# controls (ESC starts terminal sequences, CR and LF start a new line, and with it a new GitHub
# workflow command), line and paragraph separators, bidirectional overrides ("Trojan source"), the
# byte order mark, the non-characters XML forbids and lone surrogates (undecodable file-name bytes).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ufeff\ufffe\uffff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x0b": "\\v", "\x0c": "\\f"}


def _escape_one(match: re.Match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text) -> str:
    """User text (plan values, file names, messages quoting them) as one safe line for every report.

    The only function the formatters use for that: control and other invisible characters become
    visible escapes (ESC as ``\\x1b``, a line feed as ``\\n``), so a value can neither move the
    cursor nor start a new line in a terminal or CI log (no fake ``::error`` annotations), and XML
    reports stay well-formed. Tabs stay tabs. Printable text is returned unchanged.
    """
    text = str(text)
    if text.isprintable():
        return text
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        # a file name read under a non-UTF-8 locale carries its bytes as surrogates (surrogateescape):
        # show it as the UTF-8 text it is, when it is UTF-8; else its bytes stay visible escapes below
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8")
        except UnicodeError:
            pass
        if text.isprintable():
            return text
    return _UNSAFE.sub(_escape_one, text)
