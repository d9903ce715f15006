"""Een uitzondering die niets meer uitzondert.

De regel waarvoor de uitzondering geldt, meldt op die plek niets (meer). Haal de uitzondering weg,
zodat het plan geen verouderde motiveringen meedraagt.
"""
ID = "uitzondering-ongebruikt"
SEVERITY = "info"
PAGE = "-"
SUMMARY = "Uitzondering zonder effect"
# Checked by the engine (waivers.py).
