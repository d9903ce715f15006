"""What the legal rules share: which law applies to a plan, and how they cite it.

The plan's period decides (catalog/wet.yaml, never dates in code): a provision belongs to the
plan's legal frame when it applied on at least one day of ``periode``. So a plan that ends before
2015-01-01 (the brochure's own cases) is judged under the Wmo 2007 the brochure quotes (p. 4); a
later plan under the Wmo 2015; art. 150 Gemeentewet as changed from 2025-01-01; and a plan that
runs on or after the deadline (2027-01-01) must name its participatieverordening.

A legal rule module sets ``WETTELIJK = True`` and defines ``in_scope(plan)``: whether the plan
falls under the provision at all (its period, and what its scope covers: no advice finding for a
plan without an advice moment). ``bepalingen(plan)`` gives the catalog ids it tests against, so
the plan van aanpak can say exactly to what the plan was held ("getoetst aan ...").
"""
from __future__ import annotations

from functools import lru_cache

from ..records import record

# Treden at which the field takes over tasks of the municipality (p. 11-12): where the uitdaagrecht
# of the participatieverordening can come into play.
TAKEN_OVER = ("coproduceren", "meebeslissen")


@record
class Kader:
    wmo2007: bool  # some day of the plan falls before 2015-01-01
    wmo2015: bool  # some day falls on or after 2015-01-01
    art150_nieuw: bool  # some day falls on or after 2025-01-01 (art. 150 Gemeentewet as changed)
    verordening_verplicht: bool  # the plan runs on or after the participatieverordening deadline

    @property
    def alleen_wmo2007(self) -> bool:
        """The plan ends before 2015-01-01: the brochure's frame is the law that applied."""
        return self.wmo2007 and not self.wmo2015


GEEN = Kader(False, False, False, False)


def kader(plan) -> Kader:
    """The legal frame of the plan's period; no frame at all when the plan has no valid dates."""
    start, eind = plan.start or plan.eind, plan.eind or plan.start
    if start is None:
        return GEEN
    return _kader(plan.catalog, start, eind)


@lru_cache(maxsize=256)  # every legal rule asks; a batch of plans shares few periods
def _kader(cat, start, eind) -> Kader:
    ids = {p["id"] for p in cat.bepalingen_in_periode(start, eind)}
    return Kader("art11-lid1" in ids, "wmo2015-art2-1-3-lid3" in ids, "gemw-art150-lid1" in ids,
                 eind >= cat.participatieverordening_uiterlijk)


def citeer(plan, bid: str) -> str:
    """'Wmo 2015 art. 2.1.3 lid 3 sub b' for a catalog id."""
    cat = plan.catalog
    return cat.citeer(cat.bepaling(bid))


def adviesmomenten(plan) -> list:
    """The plan's phases in which the raad decides on a plan or verordening: the moment before which
    advice is asked (Wmo 2007 art. 12 lid 1; Wmo 2015 art. 2.1.3 lid 3 sub b). The beleidsplan phase
    carries ``raad_besluit`` in the catalog; the verordening phase is the raad's too ("de
    gemeenteraad besluit", p. 20-21)."""
    cat = plan.catalog
    return [f for f in plan.fasen if cat.fase(f.fase).get("raad_besluit") or f.fase == "verordening"]


def dmy(d) -> str:
    return f"{d:%d-%m-%Y}"


def uitleg(catalog, ids) -> list[str]:
    """The provisions a legal rule cites, quoted with their status and source (for ``explain``)."""
    out = ["", "Wettelijk kader:"]
    for bid in ids:
        p = catalog.bepaling(bid)
        head = catalog.citeer(p)
        if p.get("status") == "historisch":
            head += f" (historisch, gold t/m {p['geldig_tot']}; brochure p. {catalog.wet['wet']['pagina']})"
        elif p.get("geldig_vanaf") and "tekst vanaf" not in head:
            head += f" (geldt vanaf {p['geldig_vanaf']})"
        if p.get("verplichting") == "kan":
            head += " (de verordening kan dit regelen; of zij het moet, is niet nagelezen)"
        text = catalog.letterlijk(p)
        if text is not None:
            out.append(f"- {head}, letterlijk: “{' '.join(text.split())}”")
        else:
            out.append(f"- {head}, parafrase: {' '.join(p['tekst'].split())}")
            if p.get("te_controleren"):
                out.append(f"  Letterlijke tekst nog na te lezen op: {p['te_controleren']}")
        bron = catalog.bron_van(p)
        where = ", ".join(str(x) for x in (bron.get("naam"), bron.get("pad"),
                                           bron.get("commit") and f"commit {bron['commit']}", bron.get("url")) if x)
        out.append(f"  Bron: {where}")
        opvolging = p.get("opvolging")
        if p.get("status") == "historisch" and opvolging:
            if opvolging["soort"] == "goede-praktijk":
                out.append("  Nu: goede praktijk, geen directe opvolger in de wet.")
            else:
                out.append("  Nu: " + "; ".join(catalog.citeer(catalog.bepaling(b)) for b in opvolging["bepalingen"]))
    return out
