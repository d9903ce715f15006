"""``plancompiler explain``: a rule's explanation and brochure page.

The same texts make the rule pages ``docs/regels/<id>.md`` (``write_pages``; ``python3 tasks.py
docs``), which SARIF ``helpUri`` and the junit report point to (``docs-url``). A test fails when the
pages are stale.
"""
from __future__ import annotations

import os

from ..diagnostics import SEVERITY_NL
from ..textutil import did_you_mean

SOURCE = "MOVISIE, *Interactieve beleidsvorming* (2009)"


def severities(rule) -> tuple[str, ...]:
    """The severities validate can report for this rule: ``SEVERITIES`` when a rule sets a severity
    per finding, else its one ``SEVERITY``."""
    return tuple(getattr(rule, "SEVERITIES", None) or (rule.SEVERITY,))


def severity_text(rule) -> str:
    names = [SEVERITY_NL[s] for s in severities(rule)]
    return names[0] if len(names) == 1 else " of ".join(names) + " (per melding)"



def _echo(text: str = "", err: bool = False) -> None:
    import sys

    (sys.stderr if err else sys.stdout).write(text + "\n")


def header(rule) -> tuple[str, str]:
    """(title line, level and source line), the same in the terminal and on the page."""
    page = "" if rule.PAGE in ("", "-", None) else f", brochure p. {rule.PAGE}"
    return f"{rule.ID} — {rule.SUMMARY}", f"Niveau: {severity_text(rule)}{page}"


def page_markdown(rule) -> str:
    """The rule page in Markdown: title, level, source, the explanation, and the offline fallback."""
    from ..rules import explanation

    title, level = header(rule)
    source = "" if rule.PAGE in ("", "-", None) else f"\n\nBron: {SOURCE}, p. {rule.PAGE}."
    kind = "controle van het bestand en de vorm" if getattr(rule, "BUILTIN", False) else "regel uit de methode"
    return (f"# {title}\n\n{level} ({kind}).{source}\n\n{explanation(rule)}{legal_text(rule)}\n\n"
            f"Zonder internet: `plancompiler explain {rule.ID}`.\n")


def legal_text(rule, catalog=None) -> str:
    """For a legal rule: its provisions quoted with their source (the brochure's catalog by default)."""
    if not getattr(rule, "WETTELIJK", False):
        return ""
    from ..catalog import get_catalog
    from ..rules._wet import uitleg

    return "\n" + "\n".join(uitleg(catalog or get_catalog(), rule.BEPALINGEN))


def index_markdown() -> str:
    from ..rules import ALL

    lines = ["# Regels van plancompiler", "",
             "Elke melding van plancompiler noemt een regel. Deze pagina's zijn gemaakt uit dezelfde tekst "
             "als `plancompiler explain` (maak ze opnieuw met `python3 tasks.py docs`).", "",
             "| regel | niveau | wat |", "|---|---|---|"]
    lines += [f"| [{rid}]({rid}.md) | {severity_text(rule)} | {rule.SUMMARY} |" for rid, rule in ALL.items()]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """File name → content for every rule page and the index."""
    from ..rules import ALL

    out = {f"{rid}.md": page_markdown(rule) for rid, rule in ALL.items()}
    out["README.md"] = index_markdown()
    return out


def write_pages(directory: str) -> list[str]:
    """Write the pages into ``directory``; remove pages of rules that no longer exist. Returns the
    names of the files that changed."""
    os.makedirs(directory, exist_ok=True)
    wanted = pages()
    changed = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".md") and name not in wanted:
            os.unlink(os.path.join(directory, name))
            changed.append(name)
    for name, text in wanted.items():
        path = os.path.join(directory, name)
        try:
            with open(path, encoding="utf-8") as fh:
                if fh.read() == text:
                    continue
        except OSError:
            pass
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        changed.append(name)
    return changed


def run(settings) -> int:
    from ..rules import ALL, RETIRED, RULES, explanation, lookup

    rule_id = settings.args[0] if settings.args else None
    if not rule_id:
        width = max(len(i) for i in RULES)
        for rid, rule in RULES.items():
            _echo(f"{rid:<{width}}  {severity_text(rule):<12}  {rule.SUMMARY}")
        _echo("\nMeer over een regel: plancompiler explain REGEL")
        return 0
    rule, old = lookup(rule_id)
    if rule is None and rule_id in RETIRED:
        _echo(f"De regel '{rule_id}' bestaat niet meer.\n\n{RETIRED[rule_id]}")
        return 0
    if old:
        _echo(f"De regel '{old}' heet nu '{rule.ID}'.")
    if rule is None:
        hint = did_you_mean(rule_id, list(ALL), n=3, quote=False)
        _echo(f"plancompiler: de regel '{rule_id}' bestaat niet.{hint} "
              "'plancompiler explain' toont alle regels.", err=True)
        return 2
    title, level = header(rule)
    _echo(title)
    _echo(level + "\n")
    text = explanation(rule)
    if getattr(rule, "WETTELIJK", False):  # a legal rule quotes its provisions and their source
        from . import catalog_for

        catalog = catalog_for(settings)
        if catalog is None:
            return 2
        text += legal_text(rule, catalog)
    _echo(text)
    if settings.config_path and settings.docs_url:  # the page where this organisation publishes it
        from ..config import DEFAULT_DOCS_URL, rule_url

        if settings.docs_url != DEFAULT_DOCS_URL:
            _echo(f"\nOnline: {rule_url(settings.docs_url, rule.ID)}")
    return 0
