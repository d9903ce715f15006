"""The small shared helpers: Dutch enumerations and suggestions, JSON-pointer tokens, short quotes."""
from plancompiler.textutil import did_you_mean, listing, pointer_tokens, short


def test_listing_is_a_dutch_enumeration():
    assert listing([]) == "" and listing(["a"]) == "a"
    assert listing(["a", "b"]) == "a en b" and listing(["a", "b", "c"], "of") == "a, b of c"


def test_did_you_mean_names_one_two_or_three_candidates_as_dutch_reads():
    options = ["vrijwilligerscafe", "vrijwilligerspanel", "vrijwilligersnetwerk", "enquete"]
    assert did_you_mean("vrijwilligerskafee", options) == " Bedoelt u 'vrijwilligerscafe'?"
    assert did_you_mean("vrijwilligerskafee", options, n=3) == (
        " Bedoelt u 'vrijwilligerscafe', 'vrijwilligerspanel' of 'vrijwilligersnetwerk'?")
    assert did_you_mean("trede-motivering", ["trede-motivering-ontbreekt", "x"], quote=False) == (
        " Bedoelt u trede-motivering-ontbreekt?")
    assert did_you_mean("zzz", options, otherwise=" Kies uit de lijst.") == " Kies uit de lijst."
    assert did_you_mean("x" * 81, ["x" * 81]) == ""  # long texts get no suggestion (difflib is slow there)


def test_pointer_tokens_and_short():
    assert pointer_tokens("/a/b~1c/d~0e") == ["a", "b/c", "d~e"] and pointer_tokens("") == []
    assert short("een\ntwee") == "een twee" and short("x" * 70, 10) == "x" * 9 + "…"
