"""Markdown escaping for user text: whatever a plan says is shown as text, never interpreted.

A backslash goes only where a character could start or end Markdown at that position, so the
Markdown stays readable in a git diff (pandoc's ``all_symbols_escapable``: a backslash before any
ASCII punctuation makes it literal). A value may land anywhere in a template: at the start of a line
(a paragraph, a list item), in the middle of a sentence, inside emphasis or a pipe-table cell. So:

* characters that start or end an inline construct anywhere are always escaped:
  ``\\ * ` [ ] < { | ^ ~ $``;
* ``_`` only where it can delimit emphasis (not between two letters or digits: ``intraword_underscores``);
* ``@`` only where it can start a citation (not after a letter or digit, so e-mail addresses stay
  readable; two ``@`` in a row therefore never both stay bare);
* ``&`` only where it starts an entity (``&amp;``, ``&#60;``);
* ``-`` only in ``--`` (which smart typography would turn into a dash);
* ``...`` (which smart typography would turn into an ellipsis);
* at the start of a line (not in a table cell, ``escape_cell``), any punctuation (headings, block
  quotes, lists, rules, tables, divs, fences, definition lists, title blocks) and an ordered-list
  marker such as ``12.`` or ``b)``.

Straight quotes are left alone: pandoc's smart typography turns them into curly quotes, the same as
in plancompiler's own text. Whitespace is normalised so user text can never start an indented code
block or a new block of its own. The build additionally runs pandoc with the raw-passing reader
extensions switched off and in its sandbox (see ``pandoc.py``): two independent layers.
"""
from __future__ import annotations

import re
import string

_SPACE = re.compile(r"\s+")
_PARAGRAPHS = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
# Control characters other than tab and newline have no business in a document, nor what XML forbids
# (DOCX and HTML are XML-based): DEL, U+FFFE, U+FFFF and lone surrogates. Validation refuses them; this
# is the second layer.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

_INLINE = re.compile(
    r"[\\*`\[\]<{|^~$]"              # inline syntax anywhere
    r"|(?<![^\W_])_|_(?![^\W_])"      # emphasis underscore: not between two letters/digits
    r"|(?<![^\W_])@"                  # citation: @ not after a letter or digit
    r"|&(?=#|[A-Za-z0-9]+;)"          # entity
    r"|-(?=-)"                        # smart dash: -- and ---
    r"|\.(?=\.\.)"                    # smart ellipsis
)
# An ordered-list marker at the start of a line: 12. 12) a. B) iv. (with a space or the end after it)
_LIST_MARKER = re.compile(r"(?:[0-9]{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=\s|$)")
# Punctuation that starts nothing at the start of a line stays bare there (quotes are typography).
_PUNCT = frozenset(string.punctuation) - frozenset("'\",;?/!.)")


class Raw(str):
    """Markdown produced by plancompiler itself (already escaped, or no user text at all)."""

    __slots__ = ()


def _escape_line(text: str, line_start: bool = True) -> str:
    """Escape one line of text that may stand at the start of a Markdown line (unless ``line_start``
    is false: in a pipe-table cell, where only inline Markdown exists)."""
    if not text:
        return text
    out = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    if not line_start:
        return out
    first = out[0]
    if first in _PUNCT and first != "\\":
        return "\\" + out
    m = _LIST_MARKER.match(out)
    if m:
        return out[: m.start(1)] + "\\" + out[m.start(1):]
    return out


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def escape_inline(value) -> str:
    """One line of literal text: all whitespace (newlines included) collapses to single spaces."""
    if value is None:
        return ""
    return _escape_line(_SPACE.sub(" ", _clean(str(value))).strip())


def escape_block(value) -> str:
    """Literal text that may span paragraphs: blank lines separate paragraphs, single newlines
    become hard line breaks. Every line is escaped like ``escape_inline``."""
    if value is None:
        return ""
    text = _clean(str(value)).replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = []
    for para in _PARAGRAPHS.split(text):
        lines = [escape_inline(line) for line in para.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\\\n".join(lines))
    return "\n\n".join(paragraphs)


def escape_cell(value) -> str:
    """Text for a pipe-table cell: one line; ``|`` is escaped like every other symbol (pandoc reads
    ``\\|`` inside a pipe table as a literal bar). A cell holds inline Markdown only, so what would
    start a block at the start of a line (``12.``, ``-``, ``#``) needs no backslash here."""
    if value is None:
        return ""
    return _escape_line(_SPACE.sub(" ", _clean(str(value))).strip(), line_start=False)


def escape_count(markdown: str) -> int:
    """Backslash escapes and numeric character references in a Markdown text (a readability measure)."""
    return markdown.count("\\") + markdown.count("&#")
