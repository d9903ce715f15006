"""Stage 1, load: bytes → plain data plus a JSON-pointer → position map.

The loader reads parser *events* (libyaml through ruamel.yaml.clib when present) and builds plain
Python data itself. That keeps exact positions without ruamel's slow round-trip loader, lets it
report duplicate keys at the second key, turns impossible dates into diagnostics instead of
exceptions, and bounds the work an alias bomb or a deeply nested file can cause. The round-trip
loader is used only by commands that edit a plan (see ``edit.py``).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .diagnostics import Diagnostic

# Limits; each can be raised through the environment for exceptional plans.
MAX_BYTES = int(os.environ.get("PLANCOMPILER_MAX_BYTES", 10 * 1024 * 1024))
MAX_DEPTH = int(os.environ.get("PLANCOMPILER_MAX_DEPTH", 64))
MAX_NODES = int(os.environ.get("PLANCOMPILER_MAX_NODES", 1_000_000))

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
KNOWN_SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP}

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass
class Loaded:
    """A loaded plan: plain data and where each part of it stands in the file."""

    path: str
    data: Any = None
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""
    fatal: bool = False  # nothing usable was loaded
    unreadable: bool = False  # the file itself could not be read (exit status 2)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def position(self, pointer: str, key: bool = False) -> tuple[int, int]:
        """Position of the node at ``pointer``, or of its nearest ancestor that exists."""
        p = pointer
        while True:
            if key and p in self.key_positions:
                return self.key_positions[p]
            if p in self.positions:
                return self.positions[p]
            if not p:
                return (1, 1)
            p = p.rsplit("/", 1)[0]
            key = True  # an ancestor is best shown at its key

    def error(self, rule: str, message: str, line: int, column: int, pointer: str = "") -> None:
        self.diagnostics.append(Diagnostic(rule, "error", message, self.path, line, column, pointer))


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def read_file(path: str) -> Loaded:
    """Read and load one plan file; never raises for bad input."""
    loaded = Loaded(path=path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            loaded.error("bestand-te-groot",
                         f"Het bestand is {size:,} bytes; de grens is {MAX_BYTES:,} bytes. Splits het "
                         "plan op of verhoog de grens met PLANCOMPILER_MAX_BYTES.".replace(",", "."), 1, 1)
            loaded.fatal = loaded.unreadable = True
            return loaded
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        return _unreadable(loaded, "Dit is een map, geen bestand.")
    except FileNotFoundError:
        return _unreadable(loaded, "Het bestand bestaat niet. Controleer de naam en de map.")
    except PermissionError:
        return _unreadable(loaded, "U heeft geen leesrechten op dit bestand.")
    except OSError as exc:
        return _unreadable(loaded, f"Het bestand kan niet worden gelezen ({exc.strerror or exc}).")
    return load_bytes(raw, path, loaded)


def _unreadable(loaded: Loaded, message: str) -> Loaded:
    loaded.error("bestand-onleesbaar", message, 1, 1)
    loaded.fatal = loaded.unreadable = True
    return loaded


def load_bytes(raw: bytes, path: str, loaded: Loaded | None = None) -> Loaded:
    loaded = loaded or Loaded(path=path)
    if len(raw) > MAX_BYTES:
        loaded.error("bestand-te-groot", f"Het bestand is groter dan {MAX_BYTES} bytes.", 1, 1)
        loaded.fatal = True
        return loaded
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless: accept it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        loaded.error("yaml-codering",
                     f"Byte 0x{raw[exc.start]:02x} is geen geldige UTF-8. Sla het bestand op als UTF-8 "
                     "(in de meeste editors: 'Opslaan als' → codering UTF-8).", line, column)
        loaded.fatal = True
        return loaded
    return load_text(text, path, loaded)


def load_text(text: str, path: str = "<tekst>", loaded: Loaded | None = None) -> Loaded:
    loaded = loaded or Loaded(path=path)
    loaded.text = text
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        loaded.error("yaml-syntaxis", "Het bestand bevat een NUL-teken; is het wel een tekstbestand? "
                     "Verwijder het teken of sla het bestand opnieuw op als tekst.", line, column)
        loaded.fatal = True
        return loaded
    _Builder(loaded).run()
    return loaded


def _parser(text: str):
    try:
        from ruamel.yaml.cyaml import CParser  # libyaml: about ten times faster
        return CParser(text)
    except ImportError:  # pragma: no cover - exercised only without ruamel.yaml.clib
        from ruamel.yaml import YAML
        return iter(YAML(typ="safe", pure=True).parse(text))


class _Abort(Exception):
    pass


class _Frame:
    __slots__ = ("kind", "obj", "pointer", "anchor", "nodes", "key", "key_pos", "skip_value", "depth")

    def __init__(self, kind, obj, pointer, anchor, nodes, depth):
        self.kind = kind
        self.obj = obj
        self.pointer = pointer
        self.anchor = anchor
        self.nodes = nodes  # node count at start, to size anchored subtrees
        self.key = None  # pending mapping key
        self.key_pos = None
        self.skip_value = False  # duplicate or complex key: drop the value
        self.depth = depth


class _Builder:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.resolvers = _implicit_resolvers()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.stack: list[_Frame] = []
        self.documents = 0
        self.root_set = False

    # -- driver -------------------------------------------------------------------------------
    def run(self) -> None:
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        loaded = self.loaded
        try:
            parser = _parser(loaded.text)
            get = parser.get_event if hasattr(parser, "get_event") else parser.__next__
            while True:
                event = get()
                name = type(event).__name__
                if name == "StreamEndEvent":
                    break
                handler = getattr(self, "on_" + name, None)
                if handler is not None:
                    handler(event)
        except _Abort:
            loaded.fatal = True
            return
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            message = _dutch_yaml_problem(exc.problem or str(exc), exc.context)
            if _char_at(loaded.text, line, column) == "\t":
                message = _PROBLEMS[0][1]
            loaded.error("yaml-syntaxis", message, line, column)
            loaded.fatal = True
            return
        except (YAMLError, RecursionError, ValueError) as exc:
            line, column = _mark_from_text(str(exc), loaded.text)
            loaded.error("yaml-syntaxis", _dutch_yaml_problem(str(exc), None), line, column)
            loaded.fatal = True
            return
        if self.documents == 0:
            loaded.error("yaml-leeg", "Het bestand bevat geen plan (het is leeg of bevat alleen "
                         "commentaar). Begin met 'plancompiler: 1' of maak een plan met "
                         "'plancompiler init'.", 1, 1)
            loaded.fatal = True
        elif not isinstance(loaded.data, dict):
            kind = "een lijst" if isinstance(loaded.data, list) else "een losse waarde"
            line, column = loaded.positions.get("", (1, 1))
            loaded.error("yaml-geen-mapping", f"Het plan moet een verzameling sleutels zijn "
                         f"('plancompiler: 1', 'gemeente: ...'), maar het bestand bevat {kind}.",
                         line, column)
            loaded.fatal = True

    # -- events ---------------------------------------------------------------------------------
    def on_DocumentStartEvent(self, event) -> None:
        self.documents += 1
        if self.documents > 1:
            self.loaded.error("yaml-meerdere-documenten",
                              "Het bestand bevat meer dan één YAML-document ('---'). Zet elk plan in "
                              "een eigen bestand.", event.start_mark.line + 1, event.start_mark.column + 1)
            raise _Abort

    def on_ScalarEvent(self, event) -> None:
        value = self.scalar(event)
        self.count(event)
        self.attach(value, event, anchor=event.anchor, size=1)

    def on_AliasEvent(self, event) -> None:
        target = self.anchors.get(event.anchor)
        if target is None:
            self.fail("yaml-syntaxis", f"De alias '*{event.anchor}' verwijst naar een anker "
                      f"'&{event.anchor}' dat (nog) niet bestaat.", event)
        value, size = target
        self.nodes += size
        if self.nodes > MAX_NODES:
            self.fail("yaml-te-groot", "Aliassen ('*naam') vermenigvuldigen het plan tot meer dan "
                      f"{MAX_NODES:,} waarden. Gebruik geen geneste aliassen; verhoog zo nodig de "
                      "grens met PLANCOMPILER_MAX_NODES.".replace(",", "."), event)
        self.attach(value, event, anchor=None, size=size)

    def on_MappingStartEvent(self, event) -> None:
        self.start(event, "map", {})

    def on_SequenceStartEvent(self, event) -> None:
        self.start(event, "seq", [])

    def on_MappingEndEvent(self, event) -> None:
        self.end()

    on_SequenceEndEvent = on_MappingEndEvent

    # -- building -------------------------------------------------------------------------------
    def start(self, event, kind: str, obj) -> None:
        tag = event.tag
        if tag not in (None, "!", MAP if kind == "map" else SEQ):
            self.fail("yaml-tag", f"De tag '{tag}' wordt niet ondersteund. Verwijder de tag.", event)
        depth = len(self.stack) + 1
        if depth > MAX_DEPTH:
            self.fail("yaml-te-diep", f"Het plan is dieper genest dan {MAX_DEPTH} niveaus. Een plan "
                      "heeft hooguit een handvol niveaus; controleer de inspringing.", event)
        self.count(event)
        pointer = self.child_pointer(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.key is None:
            # a list or mapping used as a key: report, and drop the key and its value
            self.loaded.error("yaml-complexe-sleutel", "Een sleutel moet een eenvoudige naam zijn, "
                              "geen lijst of verzameling.", event.start_mark.line + 1,
                              event.start_mark.column + 1, top.pointer)
            top.key, top.skip_value = "\0complex", True
            pointer = None
        frame = _Frame(kind, obj, pointer, event.anchor, self.nodes, depth)
        if pointer is not None:
            self.loaded.positions.setdefault(pointer, (event.start_mark.line + 1, event.start_mark.column + 1))
        self.stack.append(frame)

    def end(self) -> None:
        frame = self.stack.pop()
        size = self.nodes - frame.nodes + 1
        self.attach_value(frame.obj, frame.pointer, None)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.obj, size)

    def child_pointer(self, event) -> str | None:
        if not self.stack:
            return ""
        top = self.stack[-1]
        if top.pointer is None:
            return None
        if top.kind == "seq":
            return f"{top.pointer}/{len(top.obj)}"
        if top.key is None or top.skip_value:
            return None  # this event is a key, or a value that will be dropped
        return f"{top.pointer}/{escape(top.key)}"

    def attach(self, value, event, anchor, size) -> None:
        pointer = self.child_pointer(event)
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.key is None:
            self.set_key(top, value, mark, event)
        else:
            if pointer is not None:
                self.loaded.positions.setdefault(pointer, mark)
            self.attach_value(value, pointer, mark)
        if anchor:
            self.anchors[anchor] = (value, size)

    def set_key(self, top: _Frame, value, mark, event) -> None:
        if value is None:
            key = "null"
        elif isinstance(value, bool):
            key = "true" if value else "false"
        else:
            key = str(value)
        if key in top.obj:
            pointer = f"{top.pointer}/{escape(key)}" if top.pointer is not None else ""
            first = self.loaded.key_positions.get(pointer, mark)
            self.loaded.error("yaml-dubbele-sleutel",
                              f"De sleutel '{key}' staat hier voor de tweede keer (eerder op regel "
                              f"{first[0]}). Voeg beide samen of verwijder er één; nu telt alleen de eerste.",
                              mark[0], mark[1], pointer)
            top.key, top.skip_value = key, True
            return
        top.key, top.key_pos, top.skip_value = key, mark, False
        if top.pointer is not None:
            self.loaded.key_positions[f"{top.pointer}/{escape(key)}"] = mark

    def attach_value(self, value, pointer, mark) -> None:
        if not self.stack:
            if not self.root_set:
                self.loaded.data = value
                self.root_set = True
                self.loaded.positions.setdefault("", mark or (1, 1))
            return
        top = self.stack[-1]
        if top.kind == "seq":
            top.obj.append(value)
        else:
            if not top.skip_value:
                top.obj[top.key] = value
            top.key, top.skip_value = None, False

    def count(self, event) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail("yaml-te-groot", f"Het plan bevat meer dan {MAX_NODES} waarden.", event)

    def fail(self, rule: str, message: str, event) -> None:
        self.loaded.error(rule, message, event.start_mark.line + 1, event.start_mark.column + 1)
        raise _Abort

    def scalar(self, event):
        value = event.value
        tag = event.tag
        plain = event.implicit[0] if event.implicit else False
        if tag in (None, "!"):
            if not plain or tag == "!":
                return value
            tag = STR
            for candidate, regexp in self.resolvers.get(value[:1], ()):
                if regexp.match(value):
                    tag = candidate
                    break
        if tag not in KNOWN_SCALAR_TAGS:
            self.fail("yaml-tag", f"De tag '{tag}' wordt niet ondersteund. Verwijder de tag.", event)
        try:
            value = _construct(tag, value)
            # JSON data from here on: dates travel as ISO strings and are parsed by the model
            return value.isoformat() if tag == TIMESTAMP else value
        except ValueError:
            if tag == TIMESTAMP:
                self.loaded.error("yaml-datum-ongeldig",
                                  f"De datum '{value}' bestaat niet. Gebruik een echte datum als "
                                  "JJJJ-MM-DD, bijvoorbeeld 2027-02-28.",
                                  event.start_mark.line + 1, event.start_mark.column + 1,
                                  self.child_pointer(event) or "")
                return value
            self.fail("yaml-syntaxis", f"De waarde '{value}' past niet bij de tag '{tag}'.", event)


_RESOLVERS: dict | None = None


def _implicit_resolvers() -> dict:
    """ruamel.yaml's YAML 1.2 implicit resolvers as a first-character table.

    The same regular expressions and order as ``VersionedResolver.resolve``, without its
    per-scalar overhead (a third of a validate run's time before this table existed).
    """
    global _RESOLVERS
    if _RESOLVERS is None:
        from ruamel.yaml.resolver import implicit_resolvers

        table: dict[str, list] = {}
        for versions, tag, regexp, first in implicit_resolvers:
            if (1, 2) not in versions or tag not in KNOWN_SCALAR_TAGS:
                continue  # '<<', '=' and '!' stay plain text in a plan
            for ch in first if first is not None else [None]:
                table.setdefault("" if ch == "" else ch, []).append((tag, regexp))
        generic = table.pop(None, [])
        _RESOLVERS = {ch: entries + generic for ch, entries in table.items()}
        _RESOLVERS.setdefault("", list(generic))
    return _RESOLVERS


def _construct(tag: str, value: str):
    if tag == STR:
        return value
    if tag == NULL:
        return None
    if tag == BOOL:
        return value.lower() == "true"
    if tag == INT:
        v = value.replace("_", "")
        sign = -1 if v.startswith("-") else 1
        v = v.lstrip("+-")
        if v.startswith("0x"):
            return sign * int(v[2:], 16)
        if v.startswith("0o"):
            return sign * int(v[2:], 8)
        if v.startswith("0b"):
            return sign * int(v[2:], 2)
        return sign * int(v)
    if tag == FLOAT:
        v = value.replace("_", "").lower()
        if v in (".inf", "+.inf"):
            return float("inf")
        if v == "-.inf":
            return float("-inf")
        if v == ".nan":
            return float("nan")
        return float(v)
    if tag == TIMESTAMP:
        m = _DATE.match(value)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        return datetime.fromisoformat(value.replace(" ", "T").rstrip("Zz"))
    return value  # pragma: no cover


_PROBLEMS = [
    ("\t", "Er staat een tab-teken in de inspringing. YAML accepteert alleen "
     "spaties; vervang de tab door spaties."),
    ("while parsing a flow node", "Een lijst of verzameling tussen haakjes is niet goed afgesloten: "
     "sluit af met ']' of '}' en zet geen komma na het laatste onderdeel."),
    ("found character that cannot start any token", "Dit teken kan hier niet staan. Zet de tekst "
     "tussen aanhalingstekens."),
    ("mapping values are not allowed", "Hier staat een dubbele punt die YAML niet verwacht. Staat er "
     "een ':' in een tekst? Zet de tekst dan tussen aanhalingstekens; controleer anders de inspringing."),
    ("could not find expected ':'", "YAML verwacht hier 'sleutel: waarde'. Mist er een dubbele punt, "
     "of is een tekst over meerdere regels niet goed ingesprongen?"),
    ("found unexpected end of stream", "Het bestand houdt onverwacht op. Mist er een afsluitend "
     "aanhalingsteken of haakje?"),
    ("did not find expected ',' or ']'", "Een lijst met '[' is niet goed afgesloten. Sluit af met ']' "
     "en scheid de onderdelen met komma's."),
    ("did not find expected ',' or '}'", "Een verzameling met '{' is niet goed afgesloten. Sluit af "
     "met '}' en scheid de onderdelen met komma's."),
    ("did not find expected key", "De inspringing klopt hier niet: deze regel springt anders in dan "
     "de sleutels eromheen."),
    ("did not find expected '-' indicator", "De inspringing van deze lijst klopt niet: elk onderdeel "
     "begint met '- ' op dezelfde hoogte."),
    ("did not find expected node content", "Hier ontbreekt een waarde."),
    ("found unknown escape character", "Onbekende escape-reeks met '\\' binnen dubbele "
     "aanhalingstekens. Gebruik enkele aanhalingstekens of verdubbel de backslash."),
    ("control characters are not allowed", "Het bestand bevat een onzichtbaar stuurteken. Verwijder het."),
    ("found unexpected ':'", "Hier staat een onverwachte dubbele punt; zet de tekst tussen aanhalingstekens."),
    ("while scanning a quoted scalar", "Een tekst tussen aanhalingstekens is niet afgesloten."),
    ("while parsing a flow", "Een lijst of verzameling tussen haakjes is niet goed afgesloten."),
    ("found duplicate anchor", "Dit anker ('&naam') is al eerder gebruikt; kies een andere naam."),
    ("expected alphabetic or numeric character", "Na '&' of '*' moet een naam volgen."),
    ("while scanning a block scalar", "Een tekstblok ('|' of '>') is niet goed opgebouwd."),
]


def _dutch_yaml_problem(problem: str, context: str | None) -> str:
    joined = f"{context or ''} {problem}"
    for needle, dutch in _PROBLEMS:
        if needle in joined:
            return dutch
    return f"De YAML is hier ongeldig ({problem.strip()}). Controleer inspringing, dubbele punten en aanhalingstekens."


def _mark_from_text(message: str, text: str) -> tuple[int, int]:
    m = re.search(r"line (\d+), column (\d+)", message)
    if m:
        return int(m[1]), int(m[2])
    m = re.search(r"position (\d+)", message)
    if not m:
        return (1, 1)
    offset = int(m[1])
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line)
    if len(lines) < line:
        return ""
    row = lines[line - 1]
    return row[column - 1] if 0 < column <= len(row) else ""
