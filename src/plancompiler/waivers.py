"""Motivated exceptions: ``uitzonderingen`` in the plan silence a rule, only with a reason."""
from __future__ import annotations

from .rules import RULES
from .rules._base import Finding, close_matches

NOT_WAIVABLE = {"uitzondering-zonder-reden", "uitzondering-ongebruikt"}


def parse(plan):
    """Yield (waiver dict with index, finding or None); only valid waivers are returned active."""
    active, findings = [], []
    for i, w in enumerate(plan.get("uitzonderingen") or ()):
        ptr = f"/uitzonderingen/{i}"
        rule = w.get("regel")
        reden = (w.get("reden") or "").strip() if isinstance(w.get("reden"), str) else ""
        if rule in NOT_WAIVABLE:
            findings.append(Finding(f"{ptr}/regel", f"De regel '{rule}' gaat over uitzonderingen zelf en "
                                    "kan niet worden uitgezonderd. Haal deze uitzondering weg."))
            continue
        if rule not in RULES:
            waivable = sorted(set(RULES) - NOT_WAIVABLE)
            close = close_matches(str(rule), waivable, n=1)
            hint = f" Bedoelt u '{close[0]}'?" if close else " 'plancompiler explain' toont alle regels."
            findings.append(Finding(f"{ptr}/regel", f"De uitzondering noemt de regel '{rule}', maar die "
                                    f"bestaat niet.{hint}"))
            continue
        if not reden:
            findings.append(Finding(ptr, f"De uitzondering voor '{rule}' heeft geen reden en telt daarom "
                                    "niet. Voeg 'reden: ...' toe: waarom wijkt u hier bewust af?"))
            continue
        active.append({"index": i, "regel": rule, "pad": w.get("pad") or "", "reden": reden, "used": False})
    return active, findings


def matches(waiver, rule: str, pointer: str) -> bool:
    if waiver["regel"] != rule:
        return False
    pad = waiver["pad"].rstrip("/")
    return not pad or pointer == pad or pointer.startswith(pad + "/")
