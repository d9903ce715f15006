"""Een uitzondering zonder reden, of voor een regel die niet bestaat.

Onder `uitzonderingen` kunt u een regel bewust buiten werking stellen, eventueel alleen op één
plek (`pad`, een JSON-pointer). Dat mag alleen met een `reden`: het college en de raad lezen die in
de bijlage van het plan van aanpak. Een uitzondering zonder reden telt niet; een uitzondering voor
een onbekende regel ook niet.
"""
ID = "uitzondering-zonder-reden"
SEVERITY = "error"
PAGE = "-"
SUMMARY = "Uitzondering zonder reden of voor een onbekende regel"
# Checked by the engine (waivers.py), which applies the waivers; no check() of its own.
