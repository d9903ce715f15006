"""What every document shares: Dutch formatting, the title block, activities, phases, feedback terms.

Values are plain strings, numbers, lists and dicts; user text stays raw here and is escaped by the
template environment (``escape.py``), never interpreted. Everything is read from the model
(``model.Plan``) and the catalog; nothing re-reads the plan's data by path.
"""
from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Any, Iterable, Mapping

from ...model import Contact

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


GETALLEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
            "elf", "twaalf")


def nl_date(d: date | None, weekday: bool = False) -> str:
    """``15 januari 2027``; with ``weekday``: ``vrijdag 15 januari 2027``. No locale involved."""
    if d is None:
        return ""
    text = f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
    return f"{DAGEN[d.weekday()]} {text}" if weekday else text


def nl_month(d: date) -> str:
    return f"{MAANDEN[d.month - 1]} {d.year}"


def nl_range(start: date | None, end: date | None) -> str:
    if start and end and end != start:
        return f"{nl_date(start)} t/m {nl_date(end)}"
    return nl_date(start or end)


def clock(t: time | datetime | None) -> str:
    return t.strftime("%H:%M") if t is not None else ""


def euro(amount: float | int | None) -> str:
    """Dutch money format: ``€ 1.234,56``."""
    if amount is None:
        return ""
    cents = int(round(float(amount) * 100))
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"€ {sign}{grouped},{frac:02d}"


def number_nl(n: int) -> str:
    return GETALLEN[n] if 0 <= n < len(GETALLEN) else str(n)


def days_in_words(days: int) -> str:
    """``21`` → ``drie weken``; ``10`` → ``tien dagen``; ``1`` → ``één dag``."""
    if days and days % 7 == 0:
        weeks = days // 7
        return "één week" if weeks == 1 else f"{number_nl(weeks)} weken"
    return "één dag" if days == 1 else f"{number_nl(days)} dagen"


def weeks_label(weeks: int) -> str:
    if weeks == 0:
        return "de dag zelf"
    n = abs(weeks)
    unit = "week" if n == 1 else "weken"
    return f"{n} {unit} ervoor" if weeks < 0 else f"{n} {unit} erna"


def nl_join(items: Iterable[str], last: str = "en") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def catalog_value(mapping: Any, *path: str) -> Any:
    """A value from catalog data (``cat.data`` or a catalog entry), or None. Never used on the plan."""
    node = mapping
    for part in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def txt(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def ceil_div(a: int, b: int) -> int:
    return math.ceil(a / b)


def answer_names(cat) -> dict:
    """ja/deels/nee as the catalog writes them (evaluatie.yaml, antwoorden)."""
    return {a["id"]: a["naam"] for a in cat.data["evaluatie"]["antwoorden"]}


def document_date(plan) -> date:
    """The date printed on the documents (and SOURCE_DATE_EPOCH): the plan's ``datum``, else the start."""
    return plan.datum or plan.start or date(2000, 1, 1)


def title(plan) -> dict:
    g = plan.gemeente
    contact = g.contact or Contact()
    contact_text = ", ".join(x for x in (contact.naam, contact.email, contact.telefoon) if x)
    naam = g.naam + (f" ({g.code})" if g.code else "")
    regels = [("Gemeente", naam), ("Periode", nl_range(plan.start, plan.eind)),
              ("Datum", nl_date(document_date(plan))), ("Versie", plan.versie or "(geen versienummer)"),
              ("Status", status(plan))]
    if g.portefeuillehouder:
        regels.append(("Portefeuillehouder", g.portefeuillehouder))
    if contact_text:
        regels.append(("Contact", contact_text))
    return {
        "regels": regels,
        "gemeente": g.naam,
        "code": g.code,
        "portefeuillehouder": g.portefeuillehouder,
        "contact_naam": contact.naam,
        "contact_email": contact.email,
        "contact_telefoon": contact.telefoon,
        "periode": nl_range(plan.start, plan.eind),
        "start": nl_date(plan.start),
        "eind": nl_date(plan.eind),
        "datum": nl_date(document_date(plan)),
        "versie": plan.versie or "(geen versienummer)",
        "status": status(plan),
    }


def activities(plan) -> list[dict]:
    cat = plan.catalog
    ids = {a.id: a for a in plan.activiteiten}
    out = []
    for a in plan.activiteiten:
        trede = a.trede(cat)
        inst = a.instrument
        entry = inst.entry if inst else {}
        start_t = datetime.combine(a.datum, a.aanvang) if a.datum and a.aanvang else None
        out.append({
            "nr": a.volgorde + 1,
            "id": a.id,
            "titel": a.titel,
            "naam": a.naam,
            "fase_id": a.fase,
            "fase": cat.fase(a.fase)["naam"],
            "instrument": inst.naam if inst else a.instrument_naam,
            "instrument_eigen": bool(inst and inst.eigen),
            "soort": (entry.get("soort") if entry else None) or "",
            "entry": entry,
            "doel": cat.doel(a.doel)["kort"],
            "doel_naam": cat.doel(a.doel)["naam"],
            "trede_id": trede or "",
            "trede": cat.naam(trede) if trede else "onbekend",
            "invloed": cat.trede(trede).get("in_gewone_woorden", "").strip() if trede else "",
            "datum_d": a.datum,
            "einddatum_d": a.einddatum,
            "datum": nl_date(a.datum) or "nog niet gepland",
            "datum_lang": nl_date(a.datum, weekday=True) or "nog niet gepland",
            "wanneer": nl_range(a.datum, a.einddatum) or "nog niet gepland",
            "aanvang": clock(a.aanvang),
            "einde": clock(a.einde),
            "tijd": (f"{clock(a.aanvang)}–{clock(a.einde)}" if a.aanvang and a.einde else clock(a.aanvang)),
            "start_dt": start_t,
            "locatie": a.locatie,
            "deelnemers": a.deelnemers,
            "deelnemers_tekst": str(a.deelnemers) if a.deelnemers else "",
            "tafels": ceil_div(a.deelnemers, a.tafelgrootte) if a.deelnemers and a.tafelgrootte else None,
            "tafelgrootte": a.tafelgrootte,
            "doelgroep": a.doelgroep,
            "trekker": a.trekker,
            "trekkers": [txt(t) for t in a.trekkers or () if txt(t)],
            "panels": [txt(t) for t in a.panels or () if txt(t)],
            "voorzitter": a.voorzitter,
            "mandaat": bool(a.mandaat),
            "budget": euro(a.budget_eur) if a.budget_eur is not None else "",
            "omschrijving": a.omschrijving,
            "bouwt_voort_op_nrs": ", ".join(str(ids[b].volgorde + 1) for b in a.bouwt_voort_op if b in ids),
            "bouwt_voort_op": [f"{ids[b].volgorde + 1}. {ids[b].titel}" for b in a.bouwt_voort_op if b in ids],
            "bouwt_voort_op_ids": list(a.bouwt_voort_op),
        })
    return out


def phases(plan, acts: list[dict]) -> list[dict]:
    cat = plan.catalog
    out = []
    for i, f in enumerate(plan.fasen):
        c = cat.fase(f.fase)
        max_trede = c.get("max_trede")
        out.append({
            "nr": i + 1,
            "id": f.fase,
            "naam": c["naam"],
            "product": c.get("product", ""),
            "invloed": txt(c.get("invloed")),
            "max_trede": cat.naam(max_trede) if max_trede else "",
            "van_d": f.van,
            "tot_d": f.tot,
            "periode": nl_range(f.van, f.tot) or "nog niet gepland",
            "omschrijving": f.omschrijving,
            "activiteiten": [a for a in acts if a["fase_id"] == f.fase and
                             a["nr"] - 1 in {x.volgorde for x in f.activiteiten}],
        })
    return out


def terugkoppeling(plan) -> dict:
    cat = plan.catalog.terugkoppeling
    own = plan.terugkoppeling

    def pick(key):
        value = getattr(own, key) if own is not None else None
        return value if value is not None else cat[key]

    verslag, reactie, besluit = pick("verslag_binnen_dagen"), pick("reactietermijn_dagen"), pick("na_besluit_dagen")
    return {
        "eigen": own is not None and any(v is not None for v in own[:-1]),
        "bron": cat.get("bron", ""),
        "omschrijving": txt(cat.get("omschrijving")),
        "verslag_dagen": verslag,
        "reactie_dagen": reactie,
        "besluit_dagen": besluit,
        "verslag_woorden": days_in_words(verslag),
        "reactie_woorden": days_in_words(reactie),
        "besluit_woorden": days_in_words(besluit),
        "reactienota": bool(pick("reactienota")),
    }


def group_name(plan, gid: str) -> str:
    for g in plan.catalog.bijzondere_groepen:
        if g["id"] == gid:
            return g["naam"]
    return gid


# -- the officer's own texts (``teksten:``) ---------------------------------------------------------

class _Eigen(dict):
    """The own texts of one section: ``vervangen`` (escaped Markdown, or "") and ``aanvullen``."""


class SectionTexts(dict):
    """Section id → ``_Eigen``; a section without own texts gives empty ones, so a template can ask
    ``eigen.aanleiding.vervangen`` for every section it has."""

    def __missing__(self, key):
        from ..escape import Raw

        return _Eigen(vervangen=Raw(""), aanvullen=Raw(""))


def own_texts(plan) -> dict[str, SectionTexts]:
    """Per document, per stable section id (``sections.py``): the plan's own texts, escaped as data.

    ``vervangen`` replaces the generated text of the section (the last one wins when a plan has
    two); every ``aanvullen`` follows the section's text, in plan order. Every document's template
    reads them as ``teksten[DOCUMENT].ID`` (tests/test_plan_van_aanpak.py checks the wiring).
    """
    from ..escape import Raw, escape_block
    from ...sections import SECTIONS

    out = {doc: SectionTexts() for doc in SECTIONS}
    for t in plan.teksten:
        if t.document not in out or t.sectie not in SECTIONS[t.document] or not t.tekst:
            continue  # reported by the rule tekst-sectie-onbekend; never printed somewhere else
        entry = out[t.document].setdefault(t.sectie, _Eigen(vervangen=Raw(""), aanvullen=Raw("")))
        block = escape_block(t.tekst)
        if t.modus == "vervangen":
            entry["vervangen"] = Raw(block)
        else:
            entry["aanvullen"] = Raw((entry["aanvullen"] + "\n\n" if entry["aanvullen"] else "") + block)
    return out


def status(plan) -> str:
    """``concept`` or ``definitief`` for the title page; a plan that does not say is a concept."""
    return plan.status or "concept"
