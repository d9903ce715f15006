"""Motivated exceptions: ``uitzonderingen`` in the plan silence a rule, only with a reason.

Two pure steps, no shared state:

- ``parse(uitzonderingen)`` checks each entry and returns the valid ones as ``Waiver`` values plus
  findings for the invalid ones (no reason, unknown rule, a rule about waivers itself) and an info
  for an entry that names a renamed rule (``rules.ALIASES``).
- ``apply(diagnostics, waivers)`` marks every diagnostic the first matching waiver covers (the
  diagnostic keeps the waiver's index and reason) and returns the waivers that covered nothing.

Documents read the index a diagnostic carries (appendix A); nothing matches a second time.
"""
from typing import Iterable

from .records import record
from .rules import ALIASES, RETIRED, RULES
from .rules._base import Finding, did_you_mean

NOT_WAIVABLE = {"uitzondering-zonder-reden", "uitzondering-ongebruikt", "uitzondering-hernoemd"}


@record
class Waiver:
    """A valid ``uitzonderingen`` entry. ``rule`` is the current id, ``regel`` the id as written."""

    index: int
    rule: str
    regel: str
    pad: str
    reden: str

    @property
    def ptr(self) -> str:
        return f"/uitzonderingen/{self.index}"

    def matches(self, rule: str, pointer: str) -> bool:
        if self.rule != rule:
            return False
        pad = self.pad.rstrip("/")
        return not pad or pointer == pad or pointer.startswith(pad + "/")


@record
class Parsed:
    waivers: tuple[Waiver, ...]
    invalid: tuple[Finding, ...]  # for uitzondering-zonder-reden
    renamed: tuple[Finding, ...]  # for uitzondering-hernoemd


def parse(uitzonderingen: Iterable) -> Parsed:
    """Check the plan's ``uitzonderingen`` (model objects with regel, pad, reden, ptr)."""
    active, invalid, renamed = [], [], []
    for w in uitzonderingen:
        rule = ALIASES.get(w.regel, w.regel)
        if rule in NOT_WAIVABLE:
            invalid.append(Finding(f"{w.ptr}/regel", f"De regel '{w.regel}' gaat over uitzonderingen zelf en "
                                   "kan niet worden uitgezonderd. Haal deze uitzondering weg."))
            continue
        if rule in RETIRED:
            renamed.append(Finding(f"{w.ptr}/regel", f"De regel '{w.regel}' bestaat niet meer en deze "
                                   "uitzondering doet dus niets; haal haar weg. 'plancompiler explain "
                                   f"{w.regel}' zegt waarom."))
            continue
        if rule not in RULES:
            hint = did_you_mean(w.regel, sorted(set(RULES) - NOT_WAIVABLE),
                                otherwise=" 'plancompiler explain' toont alle regels.")
            invalid.append(Finding(f"{w.ptr}/regel", f"De uitzondering noemt de regel '{w.regel}', maar die "
                                   f"bestaat niet.{hint}"))
            continue
        if not w.reden:
            invalid.append(Finding(w.ptr, f"De uitzondering voor '{w.regel}' heeft geen reden en telt daarom "
                                   "niet. Voeg 'reden: ...' toe: waarom wijkt u hier bewust af?"))
            continue
        if rule != w.regel:
            renamed.append(Finding(f"{w.ptr}/regel", f"De regel '{w.regel}' heet nu '{rule}'. De uitzondering "
                                   f"geldt nog; schrijf 'regel: {rule}' om deze melding weg te nemen."))
        active.append(Waiver(w.index, rule, w.regel, w.pad, w.reden))
    return Parsed(tuple(active), tuple(invalid), tuple(renamed))


def apply(diagnostics: Iterable, waivers: Iterable[Waiver]) -> tuple[list, list[Waiver]]:
    """Mark the diagnostics the waivers cover; return (diagnostics, waivers that covered nothing).

    The first waiver (in plan order) that matches a diagnostic's rule and pointer covers it.
    Diagnostics of rules about waivers themselves are never covered.
    """
    waivers = tuple(waivers)
    used: set[int] = set()
    out = []
    for d in diagnostics:
        if d.rule not in NOT_WAIVABLE:
            w = next((w for w in waivers if w.matches(d.rule, d.pointer)), None)
            if w is not None:
                d = d.as_waived(w.index, w.reden)
                used.add(w.index)
        out.append(d)
    return out, [w for w in waivers if w.index not in used]
