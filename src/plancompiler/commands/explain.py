"""``plancompiler explain``: a rule's explanation and brochure page."""
from __future__ import annotations

import difflib

import click

from ..diagnostics import SEVERITY_NL


def severities(rule) -> tuple[str, ...]:
    """The severities validate can report for this rule: ``SEVERITIES`` when a rule sets a severity
    per finding, else its one ``SEVERITY``."""
    return tuple(getattr(rule, "SEVERITIES", None) or (rule.SEVERITY,))


def severity_text(rule) -> str:
    names = [SEVERITY_NL[s] for s in severities(rule)]
    return names[0] if len(names) == 1 else " of ".join(names) + " (per melding)"


def run(rule_id: str | None) -> int:
    from ..rules import ALL, RETIRED, RULES, explanation, lookup

    if not rule_id:
        width = max(len(i) for i in RULES)
        for rid, rule in RULES.items():
            click.echo(f"{rid:<{width}}  {severity_text(rule):<12}  {rule.SUMMARY}")
        click.echo("\nMeer over een regel: plancompiler explain REGEL")
        return 0
    rule, old = lookup(rule_id)
    if rule is None and rule_id in RETIRED:
        click.echo(f"De regel '{rule_id}' bestaat niet meer.\n\n{RETIRED[rule_id]}")
        return 0
    if old:
        click.echo(f"De regel '{old}' heet nu '{rule.ID}'.")
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(ALL), n=3)
        hint = f" Bedoelt u {' of '.join(close)}?" if close else ""
        click.echo(f"plancompiler: de regel '{rule_id}' bestaat niet.{hint} "
                   "'plancompiler explain' toont alle regels.", err=True)
        return 2
    click.echo(f"{rule.ID} — {rule.SUMMARY}")
    page = "" if rule.PAGE == "-" else f", brochure p. {rule.PAGE}"
    click.echo(f"Niveau: {severity_text(rule)}{page}\n")
    click.echo(explanation(rule))
    if getattr(rule, "WETTELIJK", False):  # a legal rule quotes its provisions and their source
        from ..catalog import get_catalog
        from ..rules._wet import uitleg

        click.echo("\n".join(uitleg(get_catalog(), rule.BEPALINGEN)))
    return 0
