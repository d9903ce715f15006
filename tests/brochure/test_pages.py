"""Part-B pages in the catalog, checked against the brochure text (the page breaks of the extracted
text and the step menu that gives part B's first page, 39). Each page is pinned with the words on it,
so a change to a page in the catalog must be argued from the brochure."""
from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

CATALOG = Path(__file__).resolve().parents[2] / "catalog" / "instrumenten.yaml"
INSTRUMENTS = {i["id"]: i for i in YAML(typ="safe").load(CATALOG.read_text(encoding="utf-8"))["instrumenten"]}

PART_B = {
    # "Instrument 1: Digimon-enquête (raadplegen)", right after "B. Instrumenten en voorbeelden" (p. 39).
    "digimon-enquete": "39",
    # "Instrument 2: Vrijwilligersdebat (raadplegen)" and "Debat in Haarlemmermeer".
    "vrijwilligersdebat": "40",
    # "Instrument 3: Vrijwilligerscafé (adviseren)" (p. 41) and "Werkwijze Vrijwilligerscafé" (p. 42).
    "vrijwilligerscafe": "41-42",
    # "Instrument 4: Vrijwilligersbeurs (Coproduceren)" with Velsen (p. 43), the run-sheet (p. 44).
    "vrijwilligersbeurs": "43-44",
    # "Instrument 5: Stakeholdersdialoog (coproduceren)".
    "stakeholdersdialoog": "45",
    # "Instrument 6: Buurt aan zet (meebeslissen)" follows Instrument 5 without a page break.
    "buurt-aan-zet": "45",
}

EXAMPLES = {
    # the Velsen werkconferentie, p. 43
    "werkconferentie": "43",
    # Gorinchem's klankbordgroep, p. 34; Oud-Beijerland's netwerk, p. 35
    "klankbordgroep": "34",
    "vrijwilligersnetwerk": "35",
    "wmo-netwerk": "35",
    # Haarlemmermeer's kenniscafés, p. 40
    "kenniscafes": "40",
}


@pytest.mark.parametrize(("instrument", "page"), PART_B.items())
def test_part_b_page(instrument, page):
    assert INSTRUMENTS[instrument]["deel_b"]["pagina"] == page


def test_part_b_is_six_instruments():
    assert {i for i, entry in INSTRUMENTS.items() if "deel_b" in entry} == set(PART_B)


@pytest.mark.parametrize(("instrument", "page"), EXAMPLES.items())
def test_municipal_example_page(instrument, page):
    assert INSTRUMENTS[instrument]["toelichting"]["pagina"] == page
