"""Een lijst noemt een id die plancompiler niet kent.

Sommige lijsten in het plan bevatten id's uit de catalogus: `werving.bijzondere_groepen`, de
`doelgroepen` van een wervingsmiddel en de vragen onder `evaluatie.procestest`. Een tikfout
(jongern in plaats van jongeren) valt het schema niet op, maar zet stilletjes regels uit:
bijzondere-groepen-persoonlijk kijkt alleen naar groepen die hij kent. Schrijf de id zoals de
catalogus hem noemt; de melding stelt de dichtstbijzijnde voor, of noemt de id's die bestaan. Dit is
een controle van plancompiler zelf, geen eis uit de brochure.
"""
from ..textutil import escape_token
from ._base import Finding, did_you_mean, listing


def _hint(word: str, known: list[str]) -> str:
    return did_you_mean(word, known, otherwise=f" Kies uit: {listing(known, 'of')}.")

ID = "id-onbekend"
SEVERITY = "error"
PAGE = "-"
SUMMARY = "Onbekende id in een lijst"


def check(plan):
    cat = plan.catalog
    groups = [g["id"] for g in cat.bijzondere_groepen]
    if plan.werving is not None:
        for i, gid in enumerate(plan.werving.bijzondere_groepen):
            if gid not in groups:
                yield Finding(f"/werving/bijzondere_groepen/{i}",
                              f"De bijzondere groep '{gid}' is onbekend.{_hint(gid, groups)}")
        for m in plan.werving.middelen:
            for i, gid in enumerate(m.doelgroepen):
                if gid not in groups:
                    yield Finding(f"{m.ptr}/doelgroepen/{i}",
                                  f"De doelgroep '{gid}' is geen bekende bijzondere groep.{_hint(gid, groups)}")
    if plan.evaluatie is not None:
        questions = [q["id"] for kolom in cat.procestest["kolommen"] for q in kolom["vragen"]]
        for qid in plan.evaluatie.procestest:
            if qid not in questions:
                yield Finding(f"/evaluatie/procestest/{escape_token(qid)}",
                              f"De procestestvraag '{qid}' is onbekend.{_hint(qid, questions)}", key=True)
