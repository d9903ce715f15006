"""Er is geen advies gevraagd aan de vertegenwoordigers van gebruikers voordat de raad beslist.

Voordat het college het plan aan de raad voorlegt, vraagt het advies over het ontwerp aan de
gezamenlijke vertegenwoordigers van representatieve organisaties van gebruikers (Wmo art. 12 lid 1,
geciteerd op p. 4), meestal de Wmo-raad. Leg onder `draagvlak.wmo_advies` vast wie adviseert en
wanneer; die datum ligt voor het einde van de fase beleidsplan.
"""
from ._base import Finding

ID = "wmo-art12-advies-ontbreekt"
SEVERITY = "error"
PAGE = "4"
SUMMARY = "Advies volgens Wmo art. 12 ontbreekt"


def check(plan):
    law = next(a for a in plan.catalog.wet["artikelen"] if a["id"] == "art12-lid1")
    ref = f"{plan.catalog.wet['wet']['afkorting']} art. {law['artikel']} lid {law['lid']}"
    advies = plan.draagvlak.wmo_advies if plan.draagvlak else None
    if advies is None or not advies.orgaan:
        where = advies.ptr if advies is not None else (plan.draagvlak.ptr if plan.draagvlak else "")
        yield Finding(where, f"Vraag advies over het ontwerpplan aan de vertegenwoordigers van "
                      f"gebruikers voordat de raad beslist ({ref}). Vul 'draagvlak.wmo_advies' in met "
                      "'orgaan' (bijvoorbeeld de Wmo-raad) en 'datum'.", key=True)
        return
    if not advies.datum:
        yield Finding(advies.ptr, f"Zet bij 'draagvlak.wmo_advies' de datum waarop het advies "
                      f"wordt gevraagd ({ref}).", key=True)
        return
    when = advies.datum
    decision = next((f for f in plan.fasen if plan.catalog.fase(f.fase).get("raad_besluit")), None)
    if decision and decision.tot and when > decision.tot:
        yield Finding(f"{advies.ptr}/datum",
                      f"Het advies ({when:%d-%m-%Y}) komt na het einde van de fase "
                      f"‘{plan.catalog.fase(decision.fase)['naam'].lower()}’ ({decision.tot:%d-%m-%Y}), als de raad al beslist. Vraag het advies over het "
                      f"ontwerp eerder ({ref}).")
