"""Een onderdeel van een document blijft leeg of toont een invultekst.

Een schone controle moet betekenen dat de documenten af zijn. Laat het plan een onderdeel open
dat een document toont (de aanleiding, de afbakening, de projectorganisatie, de dekking, de
besluitmomenten, ...), dan zou het document daar een zin als ‘Het plan noemt nog geen …’
drukken. Deze regel meldt elk zo'n onderdeel één keer, met de sleutel die u invult. Vervangt u
het onderdeel met een eigen tekst onder `teksten` (modus vervangen), dan volgt geen melding.
Oudere plannen zonder deze sleutels blijven geldig; zij krijgen deze opmerkingen.
"""
from ._base import Finding

ID = "document-onvolledig"
SEVERITY = "info"
PAGE = "31"
SUMMARY = "Onderdeel van een document blijft leeg"


def _replaced(plan) -> set[tuple[str, str]]:
    return {(t.document, t.sectie) for t in plan.teksten if t.modus == "vervangen" and t.tekst}


def gaps(plan):
    """(document, section id or None, pointer, key, message) for every part a document would leave
    empty or fill with a placeholder sentence. Parts another rule already reports are left out
    (comfortzone-risico, draagvlak-bestuur-ontbreekt, raad-rol-onbepaald, evaluatie-ontbreekt,
    spelregel-ontbreekt, kernvoorwaarde-ontbreekt, fase-zonder-activiteit, resultaat-ontbreekt,
    wervingsdoel-vaag, boodschap-onvolledig). The handouts' own placeholders (gemeente.contact in
    the spelregels, evaluatie.vervolg in the evaluatiekader) belong to those documents. Optional parts the documents leave out when empty
    (draagvlak.intern, werving.organisatie, ambitie.motivering) are not gaps."""
    pva = "plan-van-aanpak"
    if not plan.versie:
        yield pva, None, "", "versie", "De titelpagina toont ‘(geen versienummer)’. Vul 'versie' in, " \
            "bijvoorbeeld versie: \"1.0\"."
    if plan.datum is None:
        yield pva, None, "", "datum", "De documenten dragen nu de begindatum van het traject als datum. " \
            "Vul 'datum' in: de datum van deze versie van het plan."
    if not plan.status:
        yield pva, None, "", "status", "De titelpagina toont de status ‘concept’ omdat het plan geen status " \
            "noemt. Vul 'status' in: concept of definitief."
    a = plan.aanleiding
    if a is None or not a.tekst:
        yield pva, "aanleiding", a.ptr if a else "", "aanleiding.tekst", \
            "Het plan van aanpak heeft nog geen aanleiding. Vul 'aanleiding.tekst' in: waarom dit plan er nu komt."
    if a is None or not a.probleemstelling:
        yield pva, "aanleiding", a.ptr if a else "", "aanleiding.probleemstelling", \
            "Het plan van aanpak heeft nog geen probleemstelling. Vul 'aanleiding.probleemstelling' in: " \
            "welke vraag het proces moet beantwoorden."
    f = plan.afbakening
    if f is None or not f.open:
        yield pva, "afbakening", f.ptr if f else "", "afbakening.open", \
            "De afbakening noemt nog niet waarop deelnemers invloed hebben. Vul 'afbakening.open' in."
    if f is None or not f.vast:
        yield pva, "afbakening", f.ptr if f else "", "afbakening.vast", \
            "De afbakening noemt nog niet wat vastligt. Vul 'afbakening.vast' in, bijvoorbeeld het budget."
    o = plan.organisatie
    for key, what in (("opdrachtgever", "de bestuurlijke opdrachtgever"), ("projectleider", "de projectleider"),
                      ("projectgroep", "de leden van de projectgroep")):
        if o is None or not getattr(o, key):
            yield pva, "organisatie", o.ptr if o else "", f"organisatie.{key}", \
                f"Het hoofdstuk over organisatie en rollen noemt {what} nog niet. Vul 'organisatie.{key}' in."
    if not plan.communicatie:
        yield pva, "communicatie", "", "communicatie", \
            "Het plan van aanpak beschrijft nog geen communicatie naast de werving. Vul 'communicatie' in: " \
            "per doelgroep de boodschap, het middel en wanneer."
    if not plan.projectrisicos:
        yield pva, "risicos", "", "projectrisicos", \
            "Het plan van aanpak noemt nog geen risico's voor het project zelf. Vul 'projectrisicos' in, " \
            "elk met een maatregel."
    if not plan.capaciteit:
        yield pva, "begroting", "", "capaciteit", \
            "Het plan van aanpak noemt de inzet in uren nog niet. Vul 'capaciteit' in: per rol de uren."
    if not plan.benodigdheden:
        yield pva, "begroting", "", "benodigdheden", \
            "Het plan van aanpak noemt nog geen benodigdheden. Vul 'benodigdheden' in (zalen, materialen, mensen)."
    if not plan.begroting:
        yield pva, "begroting", "", "begroting", \
            "Het plan van aanpak bevat nog geen begroting. Vul 'begroting' in: per post het bedrag."
    if not plan.dekking:
        yield pva, "begroting", "", "dekking", \
            "Het plan van aanpak noemt nog niet waaruit de kosten worden betaald. Vul 'dekking' in."
    b = plan.besluitvorming
    if b is None or not any(m.datum for m in b.momenten):
        yield pva, "besluitvorming", b.ptr if b else "", "besluitvorming.momenten", \
            "Het plan van aanpak noemt nog geen besluitmomenten van college en raad. Vul " \
            "'besluitvorming.momenten' in, elk met orgaan, datum en besluit."
    if b is None or not b.voorstel:
        yield pva, "besluitvorming", b.ptr if b else "", "besluitvorming.voorstel", \
            "Het plan van aanpak heeft nog geen voorgesteld besluit. Vul 'besluitvorming.voorstel' in: " \
            "de besluitpunten voor het college."
    d = plan.draagvlak
    if d is None or d.wmo_advies is None:
        yield pva, "draagvlak", d.ptr if d else "", "draagvlak.wmo_advies", \
            "Het plan van aanpak noemt nog geen advies van een Wmo-raad of adviesraad. Vul " \
            "'draagvlak.wmo_advies' in: orgaan, datum en onderwerp."
    for vid, k in (plan.kernvoorwaarden or {}).items():
        if k.oordeel and not k.toelichting:
            yield pva, "kernvoorwaarden", k.ptr, "toelichting", \
                f"De tabel met kernvoorwaarden toont bij '{vid}' geen toelichting van de gemeente. Vul " \
                "'toelichting' in: waarop steunt het oordeel?"
    yield from _werving(plan)
    for fase in plan.fasen:
        if fase.van is None or fase.tot is None:
            yield pva, "aanpak", fase.ptr, "van/tot", \
                "Deze fase heeft nog geen begin- of einddatum; het plan van aanpak toont ‘nog niet gepland’. " \
                "Vul 'van' en 'tot' in."
    for act in plan.activiteiten:
        if act.datum is None:
            yield pva, "aanpak", act.ptr, "datum", \
                f"De activiteit '{act.id}' heeft nog geen datum; de documenten tonen ‘nog niet gepland’. " \
                "Vul 'datum' in."

def _werving(plan):
    """The wervingscirkel's steps no other rule reports (wervingsdoel-vaag: the doel and a missing
    werving; boodschap-onvolledig: the boodschap). An empty organisatie step is left out of the
    document rather than printed empty."""
    w = plan.werving
    if w is None:
        return
    pva = "plan-van-aanpak"
    if not (w.sectoren or w.ook or w.bijzondere_groepen or w.moeilijk_bereikbaar):
        yield pva, "werving", w.ptr, "werving.sectoren", \
            "De wervingscirkel in het plan van aanpak noemt nog niet wie u wilt bereiken. Vul " \
            "'werving.sectoren' in (en zo nodig 'ook' en 'bijzondere_groepen')."
    if not w.middelen:
        yield pva, "werving", w.ptr, "werving.middelen", \
            "De wervingscirkel in het plan van aanpak noemt nog niet hoe u deelnemers bereikt. Vul " \
            "'werving.middelen' in."


def check(plan):
    replaced = _replaced(plan)
    for document, section, pointer, _key, message in gaps(plan):
        if section is not None and (document, section) in replaced:
            continue
        yield Finding(pointer, message, key=bool(pointer) and not pointer.startswith("/fasen/"))
