from .helpers import BASE, check, drop_lines, edit, messages

RULE = "representativiteit-smal"
BREED = ("  gewenst:\n    beleid: smal", "  gewenst:\n    beleid: breed")
FIVE = ("sectoren: [zorg-en-hulpverlening, sociaal-cultureel-werk]",
        "sectoren: [zorg-en-hulpverlening, sociaal-cultureel-werk, sport-en-recreatie, kunst-en-cultuur, media]")


def test_fires_for_few_sectors_under_breed_beleid():
    plan = edit(BREED)
    assert check(plan, RULE) == [(RULE, "warning", 73, 3)]
    [msg] = messages(plan, RULE)
    assert "noemt 2 sector(en); neem er minstens 5 op, bijvoorbeeld sport en recreatie" in msg


def test_fires_without_less_organised_forms_under_breed_beleid():
    plan = drop_lines(74, text=edit(BREED, FIVE))
    assert check(plan, RULE) == [(RULE, "warning", 67, 1)]
    assert "'werving.ook'" in messages(plan, RULE)[0] and "burgerinitiatieven" in messages(plan, RULE)[0]


def test_fires_at_werving_without_sectors():
    plan = drop_lines(73, text=edit(BREED))
    assert check(plan, RULE) == [(RULE, "warning", 67, 1)]


def test_silent_on_base_smal_and_breed_with_diversity():
    assert check(BASE, RULE) == []
    assert check(drop_lines(73, 74), RULE) == []  # smal beleid may be narrow
    assert check(edit(BREED, FIVE), RULE) == []
