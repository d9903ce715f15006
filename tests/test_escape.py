"""Markdown escaping: user text stays literal, with a backslash only where markup could start."""
from __future__ import annotations

import subprocess

import pytest

from plancompiler.render import pandoc as pandoc_mod
from plancompiler.render.escape import escape_block, escape_cell, escape_count, escape_inline


@pytest.mark.parametrize("text, expected", [
    # ordinary Dutch text needs no backslash at all
    ("Velsen (GM0453) start op 1 februari: een enquête, daarna 3 wijkcafés.",
     "Velsen (GM0453) start op 1 februari: een enquête, daarna 3 wijkcafés."),
    ("info@velsen.nl of 's avonds bellen; 20% korting - echt waar!",
     "info@velsen.nl of 's avonds bellen; 20% korting - echt waar!"),
    ("vrijwilligers_beleid en 5+3=8", "vrijwilligers_beleid en 5+3=8"),
    # a list marker at the start of a line
    ("12. Informatieavond", "12\\. Informatieavond"),
    ("b) tweede punt", "b\\) tweede punt"),
    ("iv. vierde", "iv\\. vierde"),
    ("- geen opsomming", "\\- geen opsomming"),
    ("+ ook niet", "\\+ ook niet"),
    ("# geen kop", "\\# geen kop"),
    ("> geen citaat", "\\> geen citaat"),
    (": geen definitie", "\\: geen definitie"),
    ("(a) geen lijst", "\\(a) geen lijst"),
    # ... but not in the middle of a line
    ("stap 12. daarna", "stap 12. daarna"),
    ("a - b # c > d : e", "a - b # c > d : e"),
    # inline markup anywhere
    ("*vet* en `code` en [link](x) en <b> en {.klasse} en a|b en x^2^ en ~sub~ en $x$",
     "\\*vet\\* en \\`code\\` en \\[link\\](x) en \\<b> en \\{.klasse} en a\\|b en x\\^2\\^ en \\~sub\\~ en \\$x\\$"),
    ("_nadruk_ en __meer__", "\\_nadruk\\_ en \\_\\_meer\\_\\_"),
    ("zie @bron en a@@b", "zie \\@bron en a@\\@b"),
    ("&amp; &#60; maar A&B", "\\&amp; \\&#60; maar A&B"),
    ("a -- b --- c ... d", "a \\-- b \\-\\-- c \\... d"),
    ("back\\slash", "back\\\\slash"),
])
def test_escape_only_where_markup_could_start(text, expected):
    assert escape_inline(text) == expected


def test_cells_hold_inline_markdown_only():
    assert escape_cell("12. Raadplegen") == "12. Raadplegen"
    assert escape_cell("- a | b *c*") == "- a \\| b \\*c\\*"


def test_whitespace_and_control_characters():
    assert escape_inline("een\n\n  twee\tdrie\x07") == "een twee drie"
    assert escape_block("regel 1\n- regel 2\n\n    12. code?") == "regel 1\\\n\\- regel 2\n\n12\\. code?"
    assert escape_inline(None) == "" and escape_block(None) == ""


SAMPLES = ["<script>alert(1)</script>", "![x](/etc/passwd)", "[x](javascript:alert(1))", "```{=openxml}",
           "1. geen lijst", "12) ook niet", "a. niet", "# geen kop", "- geen opsomming", "* ster", "+ plus",
           "a | b | c", "| a |", "**niet vet** _niet schuin_ ~~doorgehaald~~ ^sup^ ~sub~ x_y_z",
           "$x^2$ \\(y\\)", "@citaat [@ref] info@velsen.nl a@@b", "&amp; &lt; &#60; A&B", "----", "===", ":::",
           "> geen citaat", ": geen definitie", "[^1] voetnoot", "<!-- c -->", "-- --- ... -", "{#id .class}",
           "\\", "a\\\nb", "(@) voorbeeld", "(a) fancy", "% titel", "~~~ hek", "Mr. Jansen zegt: 'ja'."]


def test_samples_come_back_literally_from_pandoc():
    """Each sample as a paragraph of its own: pandoc's plain-text output is the sample itself."""
    src = "\n\n".join(escape_inline(s) for s in SAMPLES) + "\n"
    pandoc = str(pandoc_mod.find_pandoc())
    for reader in (pandoc_mod.READER, "markdown"):  # ours, and pandoc's full Markdown
        out = subprocess.run([pandoc, "--sandbox", "-f", reader, "-t", "plain", "--wrap=none"],
                             input=src, capture_output=True, check=True, text=True).stdout
        # smart typography: curly quotes, a non-breaking space after "Mr."
        out = out.translate(str.maketrans("\u2018\u2019\u201c\u201d\u00a0", "''\"\" "))
        assert [p.strip() for p in out.strip().split("\n\n")] == [" ".join(s.split()) for s in SAMPLES], reader


@pytest.mark.parametrize("prefix", ["", "- ", "1. ", "> ", "| x | "])
def test_samples_stay_literal_after_a_template_prefix(prefix):
    """A value can land after a list marker, in a block quote or a table cell: still literal text."""
    pandoc = str(pandoc_mod.find_pandoc())
    for sample in SAMPLES:
        line = prefix + escape_inline(sample)
        if prefix.startswith("|"):  # a pipe table: header row, separator, a row
            line = f"| x | y |\n|---|---|\n| x | {escape_cell(sample)} |\n"
        out = subprocess.run([pandoc, "--sandbox", "-f", pandoc_mod.READER, "-t", "json"], input=line,
                             capture_output=True, check=True, text=True).stdout
        plain = subprocess.run([pandoc, "--sandbox", "-f", "json", "-t", "plain", "--wrap=none"], input=out,
                               capture_output=True, check=True, text=True).stdout
        plain = " ".join(plain.translate(str.maketrans("\u2018\u2019\u201c\u201d\u00a0", "''\"\" ")).split())
        assert " ".join(sample.split()) in plain, (prefix, sample, plain)
        kinds = out.count('"t":"OrderedList"') + out.count('"t":"Header"') + out.count('"t":"CodeBlock"')
        assert kinds == (1 if prefix == "1. " else 0), (prefix, sample)


def test_escape_count():
    assert escape_count("a\\. b &#60; c\\\n") == 3
