"""Click's own texts (usage, errors, help options) in Dutch, like everything else a user reads.

Click marks its texts for gettext but ships no translations; its modules bind ``gettext`` at
import. ``install()`` rebinds those names to a look-up in the table below. Texts not in the table
stay as click wrote them.
"""
from __future__ import annotations

import sys

TEXTS = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Error: {message}": "Fout: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing command.": "Opdracht ontbreekt.",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "No such command {name!r}.": "De opdracht {name!r} bestaat niet.",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "Option {name!r} does not take a value.": "De optie {name!r} krijgt geen waarde.",
    "Aborted!": "Afgebroken.",
    "default: {default}": "standaard: {default}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet tussen {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Error: The two entered values do not match.": "Fout: de twee waarden zijn niet gelijk.",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
}
PLURALS = {
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} is geen {choice}.", "{value!r} is niet een van {choices}."),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("De optie {name!r} vraagt een waarde.", "De optie {name!r} vraagt {nargs} waarden."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Bedoelt u {possibility}?", "(Bedoelt u een van: {possibilities}?)"),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
}


def gettext(message: str) -> str:
    return TEXTS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is not None and hasattr(module, "_"):
                module._ = gettext
            if hasattr(module, "ngettext"):
                module.ngettext = ngettext
