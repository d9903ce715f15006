"""``plancompiler explain``: a rule's explanation and brochure page."""
from __future__ import annotations

import difflib

import click

from ..diagnostics import SEVERITY_NL


def run(settings) -> int:
    from ..rules import ALL, RULES, explanation

    rule_id = settings.args[0] if settings.args else None

    if not rule_id:
        width = max(len(i) for i in RULES)
        for rid, rule in RULES.items():
            click.echo(f"{rid:<{width}}  {SEVERITY_NL[rule.SEVERITY]:<12}  {rule.SUMMARY}")
        click.echo("\nMeer over een regel: plancompiler explain REGEL")
        return 0
    rule = ALL.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(ALL), n=3)
        hint = f" Bedoelt u {' of '.join(close)}?" if close else ""
        click.echo(f"plancompiler: de regel '{rule_id}' bestaat niet.{hint} "
                   "'plancompiler explain' toont alle regels.", err=True)
        return 2
    click.echo(f"{rule.ID} — {rule.SUMMARY}")
    page = "" if rule.PAGE == "-" else f", brochure p. {rule.PAGE}"
    click.echo(f"Standaardniveau: {SEVERITY_NL[rule.SEVERITY]}{page}\n")
    click.echo(explanation(rule))
    return 0
