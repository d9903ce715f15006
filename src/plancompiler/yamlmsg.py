"""Dutch texts for the problems libyaml reports (imported only when a file is not valid YAML).

libyaml speaks English ("did not find expected <document start>"); a user reads Dutch. Every
problem and context text of libyaml's scanner and parser has an entry here, matched as a
substring of "context problem", first match wins. The original English text is kept apart, in
the diagnostic's ``parser_message`` (shown by ``--format json``), never in the message.
"""
from __future__ import annotations

_TAG = ("Tags zijn in een plan niet nodig: verwijder hem, of zet tekst die met '!' begint tussen "
        "aanhalingstekens.")
_DIRECTIVE = ("Een regel die met '%' begint, is een YAML-directief; YAML kent alleen '%YAML' en '%TAG'. "
              "Staat hier tekst? Zet die dan tussen aanhalingstekens; anders kunt u de regel weghalen.")
_VERSION = "De versie na '%YAML' is ongeldig. Schrijf '%YAML 1.2' of haal de regel weg."

TAB = "Er staat een tab-teken in de inspringing. YAML accepteert alleen spaties; vervang de tab door spaties."

PROBLEMS: list[tuple[str, str]] = [
    ("\t", TAB),
    ("tab character", TAB),
    ("while parsing a flow node", "Een lijst of verzameling tussen haakjes is niet goed afgesloten: "
     "sluit af met ']' of '}' en zet geen komma na het laatste onderdeel."),
    ("found character that cannot start any token", "Dit teken kan hier niet staan. Zet de tekst "
     "tussen aanhalingstekens."),
    ("mapping values are not allowed", "Hier staat een dubbele punt die YAML niet verwacht. Staat er "
     "een ':' in een tekst? Zet de tekst dan tussen aanhalingstekens; controleer anders de inspringing."),
    ("mapping keys are not allowed", "Hier kan geen sleutel met '?' beginnen. Zet tekst die met '?' "
     "begint tussen aanhalingstekens; controleer anders de inspringing."),
    ("block sequence entries are not allowed", "Hier kan geen lijstonderdeel ('- ') beginnen. Staat het "
     "op de goede inspringing, onder een sleutel die met ':' eindigt? Zet tekst die met '- ' begint "
     "tussen aanhalingstekens."),
    ("could not find expected ':'", "YAML verwacht hier 'sleutel: waarde'. Mist er een dubbele punt, "
     "of is een tekst over meerdere regels niet goed ingesprongen?"),
    ("found unexpected end of stream", "Het bestand houdt onverwacht op. Mist er een afsluitend "
     "aanhalingsteken of haakje?"),
    ("did not find expected ',' or ']'", "Een lijst met '[' is niet goed afgesloten. Sluit af met ']' "
     "en scheid de onderdelen met komma's."),
    ("did not find expected ',' or '}'", "Een verzameling met '{' is niet goed afgesloten. Sluit af "
     "met '}' en scheid de onderdelen met komma's."),
    # the pure-Python parser (used for a second reading) words a few problems its own way
    ("expected ',' or ']'", "Een lijst met '[' is niet goed afgesloten. Sluit af met ']' en scheid de "
     "onderdelen met komma's."),
    ("expected ',' or '}'", "Een verzameling met '{' is niet goed afgesloten. Sluit af met '}' en scheid "
     "de onderdelen met komma's."),
    ("cannot start any token", "Dit teken kan hier niet staan. Zet de tekst tussen aanhalingstekens."),
    ("expected <block end>", "De inspringing klopt hier niet: deze regel springt anders in dan de "
     "sleutels eromheen."),
    ("did not find expected key", "De inspringing klopt hier niet: deze regel springt anders in dan "
     "de sleutels eromheen."),
    ("did not find expected '-' indicator", "De inspringing van deze lijst klopt niet: elk onderdeel "
     "begint met '- ' op dezelfde hoogte."),
    ("did not find expected node content", "Hier ontbreekt een waarde."),
    ("did not find expected <document start>", "Hier verwacht YAML niets meer of een nieuw document "
     "('---'): na '...' (einde van het document) of na een complete waarde mag niets volgen. Haal "
     "'...' weg of controleer de inspringing."),
    ("did not find expected <stream-start>", "Het bestand kan niet als YAML worden gelezen."),
    ("found unknown escape character", "Onbekende escape-reeks met '\\' binnen dubbele "
     "aanhalingstekens. Gebruik enkele aanhalingstekens of verdubbel de backslash."),
    ("did not find expected hexdecimal number", "Na '\\x', '\\u' of '\\U' binnen dubbele "
     "aanhalingstekens horen 2, 4 of 8 hexadecimale cijfers. Bedoelt u een backslash, verdubbel die dan."),
    ("found invalid Unicode character escape code", "Deze escape-reeks ('\\u...') is geen geldig "
     "Unicode-teken. Schrijf het teken zelf, of haal de reeks weg."),
    ("found unexpected document indicator", "Een regel binnen een tekst tussen aanhalingstekens begint "
     "met '---' of '...', en dat is in YAML het begin of einde van een document. Spring die regel in."),
    ("control characters are not allowed", "Het bestand bevat een onzichtbaar stuurteken. Verwijder het."),
    ("special characters are not allowed", "Het bestand bevat een onzichtbaar stuurteken. Verwijder het."),
    ("invalid Unicode character", "Het bestand bevat een teken dat YAML niet toestaat. Verwijder het."),
    ("found unexpected ':'", "Hier staat een onverwachte dubbele punt; zet de tekst tussen aanhalingstekens."),
    ("found duplicate anchor", "Dit anker ('&naam') is al eerder gebruikt; kies een andere naam."),
    ("found undefined alias", "Deze alias ('*naam') verwijst naar een anker dat (nog) niet bestaat."),
    ("expected alphabetic or numeric character", "Na '&' of '*' moet een naam volgen."),
    ("found an indentation indicator equal to 0", "Een tekstblok ('|' of '>') kan niet met inspringing 0 "
     "beginnen. Gebruik een cijfer van 1 tot 9, of laat het cijfer weg."),
    ("found incompatible YAML document", "Dit bestand vraagt om een YAML-versie die plancompiler niet "
     "kent (alleen 1.x). Schrijf '%YAML 1.2' of haal de regel weg."),
    ("incompatible %YAML directive", "Dit bestand vraagt om een YAML-versie die plancompiler niet "
     "kent (alleen 1.x). Schrijf '%YAML 1.2' of haal de regel weg."),
    ("found duplicate %YAML directive", "Het directief '%YAML' staat meer dan één keer bovenaan. Laat "
     "er één staan."),
    ("duplicate %TAG directive", "Het directief '%TAG' staat voor dezelfde afkorting meer dan één keer "
     "bovenaan. Laat er één staan."),
    ("found undefined tag handle", "Deze tag gebruikt een afkorting ('!naam!') die nergens met '%TAG' is "
     "vastgelegd. " + _TAG),
    ("did not find expected '!'", "Deze tag-afkorting ('!naam!') wordt niet afgesloten met '!'. " + _TAG),
    ("did not find expected tag URI", "Deze tag ('!...') is ongeldig. " + _TAG),
    ("did not find URI escaped octet", "Deze tag ('!...') is ongeldig. " + _TAG),
    ("did not find the expected '>'", "Deze tag ('!<...>') wordt niet afgesloten met '>'. " + _TAG),
    ("while parsing a tag", "Deze tag ('!...') is ongeldig. " + _TAG),
    ("while scanning a tag", "Deze tag ('!...') is ongeldig. " + _TAG),
    ("found unknown directive name", _DIRECTIVE),
    ("expected directive name", _DIRECTIVE),
    ("found unexpected non-alphabetical character", _DIRECTIVE),
    ("did not find expected whitespace or line break", "Na een tag of directief hoort een spatie of het "
     "einde van de regel. " + _TAG),
    ("did not find expected whitespace", "Na '%YAML' hoort een spatie en een versie, zoals "
     "'%YAML 1.2'."),
    ("did not find expected digit or '.' character", _VERSION),
    ("found extremely long version number", _VERSION),
    ("did not find expected version number", _VERSION),
    ("did not find expected comment or line break", "Na dit onderdeel mag op dezelfde regel alleen nog "
     "commentaar ('# ...') staan. Zet de rest op een nieuwe regel."),
    ("while scanning a quoted scalar", "Een tekst tussen aanhalingstekens is niet afgesloten."),
    ("while parsing a quoted scalar", "Een tekst tussen aanhalingstekens is niet goed opgebouwd."),
    ("while parsing a flow", "Een lijst of verzameling tussen haakjes is niet goed afgesloten."),
    ("while scanning a block scalar", "Een tekstblok ('|' of '>') is niet goed opgebouwd."),
    ("while scanning a directive", _DIRECTIVE),
    ("while scanning a %", _DIRECTIVE),
    ("while parsing a %TAG", _DIRECTIVE),
    ("while parsing a tag directive", _DIRECTIVE),
    ("while scanning an anchor", "Na '&' moet een naam volgen."),
    ("while scanning an alias", "Na '*' moet een naam volgen."),
    ("UTF-8", "Het bestand bevat een ongeldige UTF-8-reeks. Sla het op als UTF-8."),
]

GENERIC = ("De YAML is hier ongeldig. Controleer inspringing, dubbele punten en aanhalingstekens; zet "
           "tekst met leestekens tussen aanhalingstekens.")


def dutch(problem: str, context: str | None = None) -> str:
    """The Dutch text for a libyaml problem (and its context); never the English itself."""
    joined = f"{context or ''} {problem}"
    for needle, text in PROBLEMS:
        if needle in joined:
            return text
    return GENERIC


def original(problem: str | None, context: str | None = None) -> str:
    """The parser's own text, for ``parser_message``."""
    parts = [p.strip() for p in (context, problem) if p and p.strip()]
    return "; ".join(parts)
