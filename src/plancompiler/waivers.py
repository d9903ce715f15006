"""Motivated exceptions: ``uitzonderingen`` in the plan silence a rule, only with a reason."""
from __future__ import annotations

import difflib

from .rules import RULES
from .rules._base import Finding

NOT_WAIVABLE = {"uitzondering-zonder-reden", "uitzondering-ongebruikt"}


def parse(plan):
    """Yield (waiver dict with index, finding or None); only valid waivers are returned active."""
    active, findings = [], []
    for i, w in enumerate(plan.get("uitzonderingen") or ()):
        ptr = f"/uitzonderingen/{i}"
        rule = w.get("regel")
        reden = (w.get("reden") or "").strip() if isinstance(w.get("reden"), str) else ""
        if rule not in RULES or rule in NOT_WAIVABLE:
            close = difflib.get_close_matches(str(rule), sorted(RULES), n=1)
            hint = f" Bedoelt u '{close[0]}'?" if close else " Zie 'plancompiler explain' voor de regels."
            findings.append(Finding(f"{ptr}/regel", f"De uitzondering noemt de regel '{rule}', maar die "
                                    f"bestaat niet of kan niet worden uitgezonderd.{hint}"))
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
