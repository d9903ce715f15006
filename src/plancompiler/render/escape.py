"""Markdown escaping for user text: whatever a plan says is shown as text, never interpreted.

Pandoc's Markdown (``all_symbols_escapable``) treats any ASCII punctuation preceded by a backslash
literally, so every such character in a user value is backslash-escaped: no emphasis, links, images,
raw HTML/OpenXML/TeX, code, lists, headings or table syntax can come out of a plan. Whitespace is
normalised so that user text can never start an indented code block or a new block of its own.
The build additionally runs pandoc with the raw-passing reader extensions switched off and in its
sandbox (see ``pandoc.py``): two independent layers.
"""
from __future__ import annotations

import re
import string

# Every ASCII punctuation character pandoc's Markdown gives a meaning somewhere (emphasis, links, images,
# raw HTML and attributes, code, lists, headings, tables, footnotes, citations, math, smart quotes and
# dashes, entities, title blocks, definition and example lists, sub/superscript, strikeout). Only , ; ? /
# never start or end a construct, so they stay as they are for readability.
_SPECIAL = frozenset(string.punctuation) - frozenset(",;?/")
_SPACE = re.compile(r"\s+")
_PARAGRAPHS = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")


class Raw(str):
    """Markdown produced by plancompiler itself (already escaped, or no user text at all)."""

    __slots__ = ()


_ESCAPES = str.maketrans({c: "\\" + c for c in _SPECIAL})
# Control characters other than tab and newline have no business in a document, nor what XML forbids
# (DOCX and HTML are XML-based): DEL, U+FFFE, U+FFFF and lone surrogates. Validation refuses them; this
# is the second layer.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _escape_chars(text: str) -> str:
    return text.translate(_ESCAPES)


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def escape_inline(value) -> str:
    """One line of literal text: all whitespace (newlines included) collapses to single spaces."""
    if value is None:
        return ""
    text = _SPACE.sub(" ", _clean(str(value))).strip()
    return _escape_chars(text)


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
    ``\\|`` inside a pipe table as a literal bar)."""
    return escape_inline(value)
