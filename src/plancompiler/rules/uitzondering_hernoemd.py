"""Een uitzondering noemt een regel bij een oude naam.

Regels krijgen soms een nieuwe naam, of gaan op in een andere regel. Een uitzondering met de oude
naam blijft gelden voor de regel onder zijn nieuwe naam; deze melding noemt die nieuwe naam. Zet de
nieuwe naam onder `regel`, dan verdwijnt de melding.
"""
ID = "uitzondering-hernoemd"
SEVERITY = "info"
PAGE = "-"
SUMMARY = "Uitzondering met een oude regelnaam"
# Checked by the engine (waivers.py) against rules.ALIASES.
