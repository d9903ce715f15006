"""Er is geen advies gevraagd aan de vertegenwoordigers van gebruikers voordat de raad beslist.

De brochure citeert de Wmo 2007: voordat het college het plan aan de raad voorlegt, vraagt het
advies over het ontwerp aan de gezamenlijke vertegenwoordigers van representatieve organisaties van
gebruikers (art. 12 lid 1, p. 4), meestal de Wmo-raad. Voor een plan dat vóór 1 januari 2015
eindigt, is dat de wet (fout). Voor latere plannen geldt de Wmo 2015: de verordening van uw gemeente
regelt hoe ingezetenen, waaronder cliënten, vroegtijdig gevraagd en ongevraagd advies uitbrengen
over verordeningen en beleidsvoorstellen (art. 2.1.3 lid 3 sub b), in de praktijk via een
adviesraad sociaal domein; de melding is dan een waarschuwing naar het advies van de brochure, geen
wetsovertreding. De regel geldt alleen als het plan een fase heeft waarin de raad besluit
(beleidsplan of verordening); zonder die fase is er geen voordracht aan de raad (p. 19 laat de
keuze van de fasen aan de gemeente). Leg onder `draagvlak.wmo_advies` vast wie adviseert en
wanneer; die datum ligt vóór het einde van die fase.
"""
from ._base import Finding, quote
from ._wet import adviesmomenten, citeer, dmy, kader

ID = "wmo-art12-advies-ontbreekt"
SEVERITY = "warning"  # an error for a plan under the Wmo 2007 frame (ends before 2015-01-01)
SEVERITIES = ("error", "warning")
PAGE = "4"
SUMMARY = "Advies over het ontwerpplan ontbreekt (Wmo 2007 art. 12; nu Wmo 2015 art. 2.1.3 lid 3 sub b)"
WETTELIJK = True
BEPALINGEN = ("art12-lid1", "wmo2015-art2-1-3-lid3-b")  # every provision it may cite (explain quotes them)


def bepalingen(plan) -> list[str]:
    return ["art12-lid1"] if kader(plan).alleen_wmo2007 else ["wmo2015-art2-1-3-lid3-b"]


def in_scope(plan) -> bool:
    return bool(adviesmomenten(plan))


def check(plan):
    momenten = adviesmomenten(plan)
    if not momenten:
        return
    if kader(plan).alleen_wmo2007:
        severity = "error"
        law = plan.catalog.bepaling("art12-lid1")
        ref = f"{plan.catalog.wet['wet']['afkorting']} art. {law['artikel']} lid {law['lid']}"
    else:
        severity = "warning"
        ref = f"brochure p. {PAGE}; nu {citeer(plan, 'wmo2015-art2-1-3-lid3-b')}"
    advies = plan.draagvlak.wmo_advies if plan.draagvlak else None
    if advies is None or not advies.orgaan:
        where = advies.ptr if advies is not None else (plan.draagvlak.ptr if plan.draagvlak else "")
        yield Finding(where, f"Vraag advies over het ontwerpplan aan de vertegenwoordigers van "
                      f"gebruikers voordat de raad beslist ({ref}). Vul 'draagvlak.wmo_advies' in met "
                      "'orgaan' (bijvoorbeeld de Wmo-raad of adviesraad sociaal domein) en 'datum'.",
                      severity=severity, key=True)
        return
    if not advies.datum:
        yield Finding(advies.ptr, f"Zet bij 'draagvlak.wmo_advies' de datum waarop het advies "
                      f"wordt gevraagd ({ref}).", severity=severity, key=True)
        return
    decision = next((f for f in momenten if f.tot), None)
    if decision and advies.datum > decision.tot:
        naam = plan.catalog.fase(decision.fase)["naam"].lower()
        yield Finding(f"{advies.ptr}/datum",
                      f"Het advies ({dmy(advies.datum)}) komt na het einde van de fase {quote(naam)} "
                      f"({dmy(decision.tot)}), als de raad al beslist. Vraag het advies over het ontwerp "
                      f"eerder ({ref}).", severity=severity)
