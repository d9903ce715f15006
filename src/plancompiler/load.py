"""Stage 1, load: bytes → plain data plus a JSON-pointer → position map.

The loader reads parser *events* (libyaml through ruamel.yaml.clib when present) and builds plain
Python data itself. That keeps exact positions without ruamel's slow round-trip loader, lets it
report duplicate keys at the second key, turns impossible dates into diagnostics instead of
exceptions, and bounds the work an alias bomb or a deeply nested file can cause. The round-trip
loader is used only by commands that edit a plan (see ``edit.py``).
"""
from __future__ import annotations

import math
import os
import re
import stat
from datetime import date, datetime, timedelta, timezone
from typing import Any

from .diagnostics import Diagnostic
from .textutil import short



def _thousands(number: int) -> str:
    """A number as Dutch text writes it: 200.000."""
    return f"{number:,}".replace(",", ".")

def _limit(name: str, default: int) -> int:
    """A limit from the environment; a value that is not a positive whole number is ignored (with a note)."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip().replace("_", "").replace(".", ""))
        if value > 0:
            return value
    except ValueError:
        pass
    import sys

    print(f"plancompiler: {name}={raw!r} is geen positief geheel getal; de standaardgrens {default} "
          "wordt gebruikt.", file=sys.stderr)
    return default


# Limits; each can be raised through the environment for exceptional plans. The largest example
# plan has about 1.000 values and 6 levels of nesting: the defaults leave a margin of fifty and ten
# while a file at a limit is still refused quickly (see docs/robustness.md).
MAX_BYTES = _limit("PLANCOMPILER_MAX_BYTES", 10 * 1024 * 1024)
MAX_DEPTH = _limit("PLANCOMPILER_MAX_DEPTH", 64)
MAX_NODES = _limit("PLANCOMPILER_MAX_NODES", 100_000)
# Free text, in characters: per text (a key or a value) and for all values of a plan together,
# aliases expanded. The longest text in the example plans is under 1.000 characters and a whole
# plan under 30.000; documents are built from these texts, so the bound keeps build's time and
# memory in proportion (a 9 MB text would take pandoc minutes and gigabytes).
MAX_TEXT = _limit("PLANCOMPILER_MAX_TEXT", 20_000)
MAX_TEXT_TOTAL = _limit("PLANCOMPILER_MAX_TEXT_TOTAL", 200_000)
# At most this many load and shape diagnostics per file: a file with 50.000 unknown keys gets the
# first ones and a count, not a report larger than itself.
MAX_REPORTED = 500
# A number written with more characters than this is refused (and never converted: Python refuses
# to print integers of more than 4.300 digits, and no plan needs a number of more than 30).
MAX_NUMBER_CHARS = 100

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
KNOWN_SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP}

_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
# The YAML 1.1 timestamp (https://yaml.org/type/timestamp.html), as ruamel.yaml resolves it.
_TIMESTAMP = re.compile(
    r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
    r"(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]*))?"
    r"(?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9]{1,2})(?::(?P<tz_minute>[0-9]{2}))?))?$")


class Loaded:
    """A loaded plan: plain data and where each part of it stands in the file.

    A plain class, not a dataclass: importing dataclasses pulls inspect into validate's start-up.
    """

    __slots__ = ("path", "data", "positions", "key_positions", "diagnostics", "text", "fatal",
                 "unreadable", "suppressed", "value_errors")

    def __init__(self, path: str, data: Any = None):
        self.path = path
        self.data = data
        self.positions: dict[str, tuple[int, int]] = {}
        self.key_positions: dict[str, tuple[int, int]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.text = ""
        self.fatal = False  # nothing usable was loaded
        self.unreadable = False  # the file itself could not be read (exit status 2)
        self.suppressed = 0  # diagnostics left out above MAX_REPORTED
        self.value_errors: set = set()  # pointers whose value the loader already reported

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

    def error(self, rule: str, message: str, line: int, column: int, pointer: str = "",
              always: bool = False, severity: str = "error", parser_message: str = "") -> None:
        if len(self.diagnostics) >= MAX_REPORTED and not always:
            self.suppressed += 1
            return
        self.diagnostics.append(Diagnostic(rule, severity, message, self.path, line, column, pointer,
                                           parser_message=parser_message))

    def finish(self) -> None:
        """Note how many diagnostics the cap left out, on the last one that was kept."""
        if self.suppressed and self.diagnostics:
            last = self.diagnostics[-1]
            self.diagnostics[-1] = last._replace(message=f"{last.message} (Daarna volgen nog "
                                                 f"{self.suppressed} meldingen; los eerst deze op.)")
            self.suppressed = 0


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def read_file(path: str, root: str | None = None) -> Loaded:
    """Read and load one plan file; never raises for bad input.

    Only regular files are read: a FIFO, device or socket is refused without waiting on it. With
    ``root`` (the folder the user named), a path whose real location (symlinks resolved) lies
    outside that folder is refused without reading it.
    """
    loaded = Loaded(path=path)
    if root is not None and not _inside(path, root):
        loaded.error("bestand-buiten-map", "Dit bestand is een symbolische koppeling naar een plek buiten de "
                     f"map '{root}'. plancompiler volgt zo'n koppeling niet en leest het doel niet. Zet het "
                     "plan zelf in de map.", 1, 1)
        loaded.fatal = loaded.unreadable = True
        return loaded
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO returns at once instead of waiting
    except IsADirectoryError:
        return _unreadable(loaded, "Dit is een map, geen bestand.")
    except FileNotFoundError:
        return _unreadable(loaded, "Het bestand bestaat niet. Controleer de naam en de map.")
    except PermissionError:
        return _unreadable(loaded, "U heeft geen leesrechten op dit bestand.")
    except OSError as exc:
        return _unreadable(loaded, f"Het bestand kan niet worden gelezen ({exc.strerror or exc}).")
    try:
        info = os.fstat(fd)  # of what was opened, so a file swapped in after a check cannot slip through
        if stat.S_ISDIR(info.st_mode):
            return _unreadable(loaded, "Dit is een map, geen bestand.")
        if not stat.S_ISREG(info.st_mode):
            kind = ("een named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else
                    "een socket" if stat.S_ISSOCK(info.st_mode) else "een apparaat")
            loaded.error("bestand-soort", f"Dit is {kind}, geen gewoon bestand. plancompiler leest alleen "
                         "gewone bestanden; geef het pad van het plan zelf op.", 1, 1)
            loaded.fatal = loaded.unreadable = True
            return loaded
        if root is not None and not _same_file(info, path):
            return _unreadable(loaded, "Het bestand veranderde terwijl het werd gelezen. Probeer het opnieuw.")
        if info.st_size > MAX_BYTES:
            loaded.error("bestand-te-groot",
                         f"Het bestand is {_thousands(info.st_size)} bytes; de grens is {_thousands(MAX_BYTES)} bytes. Splits het "
                         "plan op of verhoog de grens met PLANCOMPILER_MAX_BYTES.", 1, 1)
            loaded.fatal = loaded.unreadable = True
            return loaded
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return _unreadable(loaded, f"Het bestand kan niet worden gelezen ({exc.strerror or exc}).")
    finally:
        if fd >= 0:
            os.close(fd)
    return load_bytes(raw, path, loaded)


def _inside(path: str, root: str) -> bool:
    """Whether path, with every symlink resolved, lies in the folder root (also resolved)."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:  # different drives on Windows
        return False


def _same_file(info, path: str) -> bool:
    try:
        other = os.stat(os.path.realpath(path))
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def _unreadable(loaded: Loaded, message: str) -> Loaded:
    loaded.error("bestand-onleesbaar", message, 1, 1)
    loaded.fatal = loaded.unreadable = True
    return loaded


def load_bytes(raw: bytes, path: str, loaded: Loaded | None = None) -> Loaded:
    loaded = loaded or Loaded(path=path)
    if len(raw) > MAX_BYTES:
        loaded.error("bestand-te-groot",
                     f"Het bestand is groter dan {_thousands(MAX_BYTES)} bytes. Splits het plan op of verhoog de "
                     "grens met PLANCOMPILER_MAX_BYTES.", 1, 1)
        loaded.fatal = loaded.unreadable = True
        return loaded
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless: accept it
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(raw[:4]):
        loaded.error("yaml-codering", "Het bestand is opgeslagen als UTF-16, niet als UTF-8. Sla het op "
                     "als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8).", 1, 1)
        loaded.fatal = True
        return loaded
    nul = raw.find(b"\x00")
    if nul >= 0:  # a Word document, an image or another binary file: not text at all
        line, column = _byte_position(raw, nul)
        loaded.error("yaml-syntaxis", "Het bestand bevat een NUL-teken: het is geen tekstbestand (misschien "
                     "een Word-document of een afbeelding?). Een plan is een YAML-tekstbestand.",
                     line, column, always=True)
        loaded.fatal = True
        return loaded
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        loaded.error("yaml-codering",
                     f"Byte 0x{raw[exc.start]:02x} is geen geldige UTF-8; het bestand is waarschijnlijk "
                     "opgeslagen als Latin-1 of Windows-1252. Sla het op als UTF-8 (in de meeste editors: "
                     "'Opslaan als' → codering UTF-8).", line, column)
        loaded.fatal = True
        return loaded
    return load_text(text, path, loaded)


def _looks_utf16(head: bytes) -> bool:
    """ASCII text saved as UTF-16 without a byte order mark: every other byte is zero."""
    if len(head) < 4:
        return False
    zeros = [b == 0 for b in head]
    return zeros in ([False, True, False, True], [True, False, True, False])


def load_text(text: str, path: str = "<tekst>", loaded: Loaded | None = None) -> Loaded:
    loaded = loaded or Loaded(path=path)
    loaded.text = text
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line, column = _line_column(text, bad.start())
        char = bad.group()
        if char == "\x00":
            message = ("Het bestand bevat een NUL-teken; is het wel een tekstbestand? Verwijder het teken "
                       "of sla het bestand opnieuw op als tekst.")
        else:
            message = (f"Het bestand bevat een onzichtbaar stuurteken (U+{ord(char):04X}) dat YAML niet "
                       "toestaat, vaak meegekomen bij kopiëren en plakken. Verwijder het.")
        loaded.error("yaml-syntaxis", message, line, column, always=True)
        loaded.fatal = True
        return loaded
    kept = len(loaded.diagnostics)
    try:
        _Builder(loaded).run()
    except _Retry as retry:
        # libyaml implements YAML 1.1 here: ':' inside a plain scalar in flow style ('{aanvang: 19:30}',
        # '[https://x]') is valid YAML 1.2. The pure-Python parser reads it, with the same marks.
        _reset(loaded, kept)
        retry.kept = kept
        _Builder(loaded, retry).run()
    loaded.finish()
    return loaded


# The characters a YAML reader refuses (YAML 1.2, 5.1): C0/C1 controls except tab and line breaks,
# surrogates, U+FFFE and U+FFFF. Found here, they get an exact position: libyaml reports a byte offset.
# Written as the forbidden set itself (the complement of the allowed set, checked over every code
# point): that class compiles much faster, and it is compiled at every start.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


# The characters XML 1.0 forbids (C0 controls except tab, LF and CR; surrogates; U+FFFE, U+FFFF):
# documents (DOCX is XML) cannot carry them. Only escapes in double quotes can still produce them,
# and such a text is not printable (str.isprintable), so the pattern is compiled (by re's cache) only
# for a plan that needs it: validate's start-up stays lean.
_XML_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


def _parser(text: str, pure: bool = False):
    if not pure:
        try:
            from ruamel.yaml.cyaml import CParser  # libyaml: much faster than the pure-Python parser
            return CParser(text)
        except ImportError:  # pragma: no cover - exercised only without ruamel.yaml.clib
            pass
    from ruamel.yaml import YAML

    return iter(YAML(typ="safe", pure=True).parse(text))


# Files up to this size are read again with the pure-Python parser when libyaml refuses a YAML 1.2
# construct. That parser is many times slower, so the bound keeps a hostile file's second reading
# short; the largest example plan is a fifth of it. A larger file keeps libyaml's diagnostic.
MAX_PURE_RETRY = 128 * 1024


class _Abort(Exception):
    pass


class _Retry(Exception):
    """libyaml refused valid YAML 1.2: read the text again with the pure-Python parser."""

    kept = 0  # diagnostics from before the first reading


def _reset(loaded: Loaded, kept: int) -> None:
    loaded.data = None
    loaded.positions, loaded.key_positions, loaded.value_errors = {}, {}, set()
    del loaded.diagnostics[kept:]
    loaded.fatal, loaded.suppressed = False, 0


def _retry_with_pure(error, text: str) -> bool:
    return getattr(error, "problem", None) == "found unexpected ':'" and len(text) <= MAX_PURE_RETRY


def _ignore(event) -> None:
    """Events that need no handling (stream start, document end)."""


class _Frame:
    __slots__ = ("kind", "obj", "pointer", "anchor", "nodes", "key", "key_pos", "skip_value", "depth",
                 "height", "text")

    def __init__(self, kind, obj, pointer, anchor, nodes, depth, text):
        self.kind = kind
        self.obj = obj
        self.pointer = pointer
        self.anchor = anchor
        self.nodes = nodes  # node count at start, to size anchored subtrees
        self.key = None  # pending mapping key
        self.key_pos = None
        self.skip_value = False  # duplicate or complex key: drop the value
        self.depth = depth
        self.height = 1  # levels of collections in this one, itself included (aliases expanded)
        self.text = text  # characters of free text before this collection, to size anchored subtrees


class _Builder:
    def __init__(self, loaded: Loaded, retry: _Retry | None = None):
        self.loaded = loaded
        self.retry = retry  # set when this is the pure-Python second reading
        self.resolvers = _implicit_resolvers()
        self.anchors: dict[str, tuple[Any, int, int, int]] = {}  # value, nodes, height, text
        self.nodes = 0
        self.text = 0  # characters of free text in values, aliases expanded
        self.text_over: tuple | None = None  # where the text first went over MAX_TEXT_TOTAL
        self.stack: list[_Frame] = []
        self.documents = 0
        self.root_set = False
        self.empty_document = False  # a document without content ('---' alone)
        self.last_scalar = None  # for errors right after a quoted text that ran on too far

    # -- driver -------------------------------------------------------------------------------
    def run(self) -> None:
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        loaded = self.loaded
        try:
            parser = _parser(loaded.text, pure=self.retry is not None)
            get = parser.get_event if hasattr(parser, "get_event") else parser.__next__
            handlers: dict[type, Any] = {}  # event class → bound handler, looked up once per class
            while True:
                event = get()
                handler = handlers.get(type(event))
                if handler is None:
                    name = type(event).__name__
                    if name == "StreamEndEvent":
                        break
                    handler = handlers[type(event)] = getattr(self, "on_" + name, None) or _ignore
                handler(event)
        except _Abort:
            loaded.fatal = True
            return
        except (MarkedYAMLError, YAMLError, RecursionError, ValueError, UnicodeError) as exc:
            if self.retry is None and _retry_with_pure(exc, loaded.text):
                raise _Retry() from None
            # (after a second reading, this is the pure parser's problem: the real one, further on)
            from .yamlmsg import dutch, original

            if isinstance(exc, MarkedYAMLError):
                line, column, message = _describe_yaml_error(exc, loaded.text, self.last_scalar)
                detail = original(exc.problem or str(exc), exc.context)
            else:
                (line, column), message = _mark_from_text(str(exc), loaded.text), dutch(str(exc))
                detail = str(exc) or type(exc).__name__
            loaded.error("yaml-syntaxis", message, line, column, always=True, parser_message=detail)
            loaded.fatal = True
            return
        if self.text_over is not None:
            self.report_text_over()
        if self.documents == 0 or self.empty_document:
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
        version = getattr(event, "version", None)
        if version and tuple(version) != (1, 2) and self.documents == 1:
            self.warn_version(version)
        if self.documents > 1:
            self.loaded.error("yaml-meerdere-documenten",
                              "Het bestand bevat meer dan één YAML-document ('---'). Zet elk plan in "
                              "een eigen bestand.", event.start_mark.line + 1, event.start_mark.column + 1)
            raise _Abort

    def on_ScalarEvent(self, event) -> None:
        stack = self.stack
        if stack and event.tag is None and not event.anchor:
            # The common case, inlined for speed: plain or quoted text inside a collection.
            value = event.value
            implicit = event.implicit
            if implicit and implicit[0] and value.isdigit() and value.isascii() and len(value) < 19:
                value = int(value)  # what the YAML 1.2 int resolver and constructor make of it
                implicit = (False, True)  # from here on: a finished value
            if implicit and (not implicit[0] or (value and value[0] not in self.resolvers)):
                self.last_scalar = event
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self.count(event)
                top = stack[-1]
                is_key = top.kind == "map" and top.key is None
                if value.__class__ is str:
                    if (event.style == '"' and not value.isprintable()) or len(value) > MAX_TEXT:
                        value = self.check_text(value, event, is_key)
                    if not is_key:
                        self.text += len(value)
                        if self.text > MAX_TEXT_TOTAL:
                            self.too_much_text(event)
                mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                if top.kind == "map":
                    if is_key:
                        self.set_key(top, value, mark, event)
                        return
                    if not top.skip_value:
                        if top.pointer is not None:
                            self.loaded.positions.setdefault(f"{top.pointer}/{escape(top.key)}", mark)
                        top.obj[top.key] = value
                    top.key, top.skip_value = None, False
                else:
                    if top.pointer is not None:
                        self.loaded.positions.setdefault(f"{top.pointer}/{len(top.obj)}", mark)
                    top.obj.append(value)
                return
        top = stack[-1] if stack else None
        if top is None and event.value == "" and event.tag is None and event.implicit and event.implicit[0]:
            self.empty_document = True  # '---' with nothing after it
        self.last_scalar = event
        is_key = top is not None and top.kind == "map" and top.key is None
        value = self.scalar(event, is_key=is_key)
        self.count(event)
        text = 0
        if value.__class__ is str:
            if (event.style == '"' and not value.isprintable()) or len(value) > MAX_TEXT:
                value = self.check_text(value, event, is_key)
            if not is_key:
                text = len(value)
                self.text += text
                if self.text > MAX_TEXT_TOTAL:
                    self.too_much_text(event)
        self.attach(value, event, anchor=event.anchor, size=1, text=text)

    def on_AliasEvent(self, event) -> None:
        target = self.anchors.get(event.anchor)
        if target is None:
            self.fail("yaml-syntaxis", f"De alias '*{event.anchor}' verwijst naar een anker "
                      f"'&{event.anchor}' dat (nog) niet bestaat.", event)
        value, size, height, text = target
        self.nodes += size
        if self.nodes > MAX_NODES:
            self.fail("yaml-te-groot", "Aliassen ('*naam') vermenigvuldigen het plan tot meer dan "
                      f"{_thousands(MAX_NODES)} waarden. Gebruik geen geneste aliassen; verhoog zo nodig de "
                      "grens met PLANCOMPILER_MAX_NODES.", event)
        if height:
            if len(self.stack) + height > MAX_DEPTH:
                self.fail("yaml-te-diep", f"Met de alias '*{event.anchor}' uitgevouwen is het plan dieper "
                          f"genest dan {MAX_DEPTH} niveaus. Gebruik geen aliassen in aliassen; verhoog zo "
                          "nodig de grens met PLANCOMPILER_MAX_DEPTH.", event)
            if self.stack and self.stack[-1].height < height + 1:
                self.stack[-1].height = height + 1
        if text:
            self.text += text
            if self.text > MAX_TEXT_TOTAL:
                self.too_much_text(event)
        self.attach(value, event, anchor=None, size=size)

    def on_MappingStartEvent(self, event) -> None:
        self.start(event, "map", {})

    def on_SequenceStartEvent(self, event) -> None:
        self.start(event, "seq", [])

    def on_MappingEndEvent(self, event) -> None:
        self.end()

    on_SequenceEndEvent = on_MappingEndEvent

    # -- building -------------------------------------------------------------------------------
    def warn_version(self, version) -> None:
        """A '%YAML 1.1' directive: the plan is read as YAML 1.2 all the same; say what differs."""
        wanted = ".".join(str(v) for v in version)
        m = re.search(r"^%YAML", self.loaded.text, re.MULTILINE)
        line, column = _line_column(self.loaded.text, m.start()) if m else (1, 1)
        self.loaded.error("yaml-versie", f"Dit plan vraagt met '%YAML {wanted}' om YAML {wanted}, maar "
                          "plancompiler leest elk plan als YAML 1.2, net als editors en check-jsonschema. "
                          "Het verschil: yes, no, on en off zijn gewone tekst (geen ja of nee), 010 is het "
                          "getal 10 (niet 8), 1:30 is tekst (geen getal) en '<<' voegt geen sleutels samen. "
                          "Haal de regel weg of schrijf '%YAML 1.2'.", line, column, severity="warning")

    def start(self, event, kind: str, obj) -> None:
        tag = event.tag
        if tag not in (None, "!", MAP if kind == "map" else SEQ):
            self.fail("yaml-tag", f"De tag '{_short_tag(tag)}' wordt niet ondersteund: een plan bevat alleen "
                      "tekst, getallen, datums, lijsten en verzamelingen. Verwijder de tag.", event)
        depth = len(self.stack) + 1
        if depth > MAX_DEPTH:
            self.fail("yaml-te-diep", f"Het plan is dieper genest dan {MAX_DEPTH} niveaus. Een plan "
                      "heeft hooguit een handvol niveaus; controleer de inspringing.", event)
        self.count(event)
        pointer = self.child_pointer(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.key is None:
            # a list or mapping used as a key: report, and drop the key and its value (inside a key
            # that is already dropped, pointer is None: nothing more to report there)
            if top.pointer is not None:
                self.loaded.error("yaml-complexe-sleutel", "Een sleutel moet een eenvoudige naam zijn, "
                                  "geen lijst of verzameling.", event.start_mark.line + 1,
                                  event.start_mark.column + 1, top.pointer)
            top.key, top.skip_value = "\0complex", True
            pointer = None
        frame = _Frame(kind, obj, pointer, event.anchor, self.nodes, depth, self.text)
        if pointer is not None:
            self.loaded.positions.setdefault(pointer, (event.start_mark.line + 1, event.start_mark.column + 1))
        self.stack.append(frame)

    def end(self) -> None:
        frame = self.stack.pop()
        size = self.nodes - frame.nodes + 1
        if self.stack and self.stack[-1].height <= frame.height:
            self.stack[-1].height = frame.height + 1
        self.attach_value(frame.obj, frame.pointer, None)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.obj, size, frame.height, self.text - frame.text)

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

    def attach(self, value, event, anchor, size, text=0) -> None:
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
            self.anchors[anchor] = (value, size, 0, text)

    def set_key(self, top: _Frame, value, mark, event) -> None:
        if isinstance(value, (dict, list)):  # an alias to a list or mapping, used as a key
            if top.pointer is not None:
                self.loaded.error("yaml-complexe-sleutel", "Een sleutel moet een eenvoudige naam zijn, "
                                  "geen lijst of verzameling (hier via een alias '*naam').", mark[0],
                                  mark[1], top.pointer)
            top.key, top.skip_value = "\0complex", True
            return
        if value == "<<" and getattr(event, "implicit", (False,))[0]:  # plain '<<', not quoted '"<<"'
            if top.pointer is not None:
                self.loaded.error("yaml-samenvoegsleutel", "Een samenvoegsleutel ('<<: *anker') wordt niet "
                                  "ondersteund: die hoort bij YAML 1.1, en plancompiler leest een plan als "
                                  "YAML 1.2. Schrijf de sleutels die u wilt overnemen hier zelf uit.",
                                  mark[0], mark[1], f"{top.pointer}/<<")
            top.key, top.skip_value = "<<", True
            return
        if value is None:
            key = "null"
        elif isinstance(value, bool):
            key = "true" if value else "false"
        else:
            key = str(value)
        if key in top.obj:
            if top.pointer is None:  # inside a dropped complex key
                top.key, top.skip_value = key, True
                return
            pointer = f"{top.pointer}/{escape(key)}"
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

    def check_text(self, value: str, event, is_key: bool) -> str:
        """A text that documents cannot carry: a character XML forbids (from an escape such as '\\e'
        or '\\0'; the raw file was checked before parsing), or more than MAX_TEXT characters.

        Reported once, here; what goes on is a harmless version (forbidden characters as U+FFFD,
        cut to MAX_TEXT), so later messages and pointers that quote it stay printable (a lone
        surrogate cannot even be written as UTF-8) and later stages stay in proportion.
        """
        problems = []
        bad = re.search(_XML_FORBIDDEN, value)
        if bad is not None:
            what = "sleutel" if is_key else "tekst"
            problems.append(("tekst-stuurteken", f"Deze {what} bevat een stuurteken (U+{ord(bad.group()):04X}) "
                             "dat in Word-, HTML- en andere documenten niet kan staan, meestal uit een "
                             "escape-reeks als '\\0' of '\\e' tussen dubbele aanhalingstekens. Haal het weg."))
            value = re.sub(_XML_FORBIDDEN, "\ufffd", value)
        if len(value) > MAX_TEXT:
            problems.append(("tekst-te-lang", f"Deze tekst is {_thousands(len(value))} tekens lang; de grens is "
                             f"{_thousands(MAX_TEXT)} tekens per tekst. Een plan heeft korte teksten: zet lange "
                             "stukken in een bijlage en verwijs ernaar, of verhoog de grens met "
                             "PLANCOMPILER_MAX_TEXT."))
            value = value[:MAX_TEXT]
        for rule, message in problems:
            if is_key:
                top = self.stack[-1]
                pointer = "" if top.pointer is None else f"{top.pointer}/{escape(value)}"
                self.loaded.error(rule, message, event.start_mark.line + 1, event.start_mark.column + 1,
                                  pointer)
            else:
                self.value_error(rule, message, event)
        return value

    def too_much_text(self, event) -> None:
        """Note where the plan's text first goes over MAX_TEXT_TOTAL; reported when the load ends
        without a fatal error (an alias bomb gets its own diagnostic, not this one as well)."""
        if self.text_over is None:
            self.text_over = (event.start_mark.line + 1, event.start_mark.column + 1,
                              self.child_pointer(event) or "")

    def report_text_over(self) -> None:
        line, column, pointer = self.text_over
        self.loaded.error("tekst-te-lang", f"Het plan bevat, met aliassen uitgevouwen, meer dan "
                          f"{_thousands(MAX_TEXT_TOTAL)} tekens tekst; hier gaat het over die grens. Een plan is veel "
                          "korter: zet lange stukken in een bijlage, of verhoog de grens met "
                          "PLANCOMPILER_MAX_TEXT_TOTAL.", line, column, pointer)
        if pointer:
            self.loaded.value_errors.add(pointer)

    def count(self, event) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail("yaml-te-groot", f"Het plan bevat meer dan {_thousands(MAX_NODES)} waarden; een plan heeft er "
                      "meestal zo'n duizend. Verhoog zo nodig de grens met PLANCOMPILER_MAX_NODES.", event)

    def fail(self, rule: str, message: str, event) -> None:
        self.loaded.error(rule, message, event.start_mark.line + 1, event.start_mark.column + 1, always=True)
        raise _Abort

    def value_error(self, rule: str, message: str, event) -> None:
        """A value that cannot be used: reported here, so the schema stays silent about it."""
        pointer = self.child_pointer(event)
        self.loaded.error(rule, message, event.start_mark.line + 1, event.start_mark.column + 1,
                          pointer or "")
        if pointer is not None:
            self.loaded.value_errors.add(pointer)

    def scalar(self, event, is_key: bool = False):
        value = event.value
        tag = event.tag
        plain = event.implicit[0] if event.implicit else False
        explicit = tag not in (None, "!")
        if not explicit:
            if not plain or tag == "!":
                return value
            tag = STR
            for candidate, regexp in self.resolvers.get(value[:1], ()):
                if regexp.match(value):
                    tag = candidate
                    break
        if tag not in KNOWN_SCALAR_TAGS:
            self.fail("yaml-tag", f"De tag '{_short_tag(tag)}' wordt niet ondersteund: een plan bevat alleen "
                      "tekst, getallen, datums, lijsten en verzamelingen. Verwijder de tag.", event)
        if tag in (INT, FLOAT) and len(value) > MAX_NUMBER_CHARS:
            if is_key:
                return value
            self.value_error("schema-bereik", f"Het getal '{short(value, 30)}' is te groot (meer dan "
                             f"{MAX_NUMBER_CHARS} tekens). Vul een gewoon getal in.", event)
            return None
        try:
            result = _construct(tag, value)
        except ValueError:
            if tag == TIMESTAMP and not is_key:
                what = "datum" if _DATE.match(value) else "datum en tijd"
                self.value_error("yaml-datum-ongeldig",
                                 f"De {what} '{short(value, 40)}' bestaat niet. Gebruik een echte datum als "
                                 "JJJJ-MM-DD, bijvoorbeeld 2027-02-28.", event)
                return value
            if not explicit or is_key:
                return value  # plain text that only looks like a number or date, such as '0x_'
            self.fail("yaml-syntaxis", f"De waarde '{short(value, 40)}' past niet bij de tag "
                      f"'{_short_tag(tag)}'. Verwijder de tag.", event)
        if tag == TIMESTAMP:
            # JSON data from here on: dates travel as ISO strings and are parsed by the model
            return result.isoformat()
        if tag == FLOAT and not math.isfinite(result):
            if is_key:
                return value
            what = "geen getal ('not a number')" if math.isnan(result) else "oneindig groot"
            self.value_error("schema-bereik", f"'{short(value, 30)}' is {what}; een plan rekent met "
                             "gewone getallen. Vul een getal in.", event)
            return None
        return result


def _short_tag(tag) -> str:
    tag = str(tag)
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


_RESOLVERS: dict | None = None


def _implicit_resolvers() -> dict:
    """ruamel.yaml's YAML 1.2 implicit resolvers as a first-character table.

    The same regular expressions and order as ``VersionedResolver.resolve``, without its
    per-scalar overhead, which dominated a validate run before this table existed.
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
        m = _TIMESTAMP.match(value)
        if not m:
            raise ValueError(value)
        fraction = (m["fraction"] or "")[:6].ljust(6, "0")
        tz = None
        if m["tz_hour"]:
            offset = timedelta(hours=int(m["tz_hour"]), minutes=int(m["tz_minute"] or 0))
            tz = timezone(-offset if m["tz_sign"] == "-" else offset)
        elif m["tz"]:
            tz = timezone.utc
        return datetime(int(m["year"]), int(m["month"]), int(m["day"]), int(m["hour"]), int(m["minute"]),
                        int(m["second"]), int(fraction), tzinfo=tz)
    return value  # pragma: no cover


def _describe_yaml_error(exc, text: str, last_scalar=None) -> tuple[int, int, str]:
    """Position and Dutch message for a parser error, at the place where the user must look.

    libyaml notices an unclosed quote or bracket only where the file ends or the next key starts;
    the place to fix it is the opening quote or bracket, so that is where the diagnostic goes.
    """
    from .yamlmsg import TAB, dutch

    problem = exc.problem or str(exc)
    context = exc.context or ""
    pm, cm = exc.problem_mark, exc.context_mark
    mark = pm or cm
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if _char_at(text, line, column) == "\t" or "tab character" in problem:
        return line, column, TAB
    row = _line_at(text, line)
    if "\ufeff" in row:
        return (line, row.index("\ufeff") + 1, "Hier staat een onzichtbaar BOM-teken (U+FEFF), meestal "
                "doordat bestanden zijn samengevoegd. Verwijder het (in de meeste editors: verwijder het "
                "eerste teken van de regel en typ het opnieuw).")
    if _char_at(text, line, column) in ("]", "}") and "flow" not in context:
        closer = _char_at(text, line, column)
        opener = "[" if closer == "]" else "{"
        return (line, column, f"Hier staat een '{closer}' te veel: er hoort geen '{opener}' bij. Verwijder "
                "hem, of zet de tekst tussen aanhalingstekens.")
    if "<document start>" in problem:
        for back in range(line, 0, -1):  # a '%' line after the content is read as a directive
            if _line_at(text, back).startswith("%"):
                return (back, 1, "Een regel die met '%' begint, is een YAML-directief en mag alleen "
                        "bovenaan het bestand staan. Is het tekst? Zet die dan tussen aanhalingstekens.")
    if cm is not None and "directive" in context and _char_at(text, cm.line + 1, cm.column + 1) == "%":
        return cm.line + 1, cm.column + 1, dutch(problem, context)  # the directive's line, at its '%'
    s = last_scalar
    if (s is not None and getattr(s, "style", None) in ("'", '"') and pm is not None
            and s.start_mark.line < s.end_mark.line and pm.line == s.end_mark.line):
        # libyaml trips over the text after a quote that closed a different, later text
        quote = s.style
        return (s.start_mark.line + 1, s.start_mark.column + 1,
                f"Deze tekst begint met een aanhalingsteken ({quote}) dat pas op regel "
                f"{s.end_mark.line + 1} wordt afgesloten. Mist hier het afsluitende {quote}?")
    if cm is not None and pm is not None:
        opener = _char_at(text, cm.line + 1, cm.column + 1)
        later = pm.line > cm.line or "end of stream" in problem or "<stream end>" in problem
        if "quoted scalar" in context and opener in "'\"" and (
                "end of stream" in problem or "document" in problem):
            return (cm.line + 1, cm.column + 1,
                    f"Deze tekst begint met een aanhalingsteken ({opener}) dat nergens wordt afgesloten. "
                    f"Zet een {opener} aan het eind van de tekst.")
        if "while parsing a flow" in context and opener in "[{" and later:
            closer, what = ("]", "lijst") if opener == "[" else ("}", "verzameling")
            return (cm.line + 1, cm.column + 1,
                    f"De {what} die hier met '{opener}' begint, wordt niet afgesloten met '{closer}' "
                    f"(YAML merkte dat op regel {pm.line + 1}). Sluit af met '{closer}' en scheid de "
                    "onderdelen met komma's.")
    return line, column, dutch(problem, context)


def _mark_from_text(message: str, text: str) -> tuple[int, int]:
    m = re.search(r"line (\d+), column (\d+)", message)
    if m:
        return int(m[1]), int(m[2])
    m = re.search(r"position (\d+)", message)
    if not m:
        return (1, 1)
    return _line_column(text, int(m[1]))


# Line breaks as YAML readers count them (libyaml also counts NEL, LS and PS): a position from
# here agrees with libyaml's marks, and with str.splitlines in the text report, in LF, CRLF and
# CR-only files alike. Needed only on error paths: compiled (by re's cache) when first used.
_BREAK = "\r\n|[\r\n\x85\u2028\u2029]"


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[offset]``."""
    line, start = 1, 0
    for m in re.finditer(_BREAK, text[:offset]):
        line, start = line + 1, m.end()
    return line, offset - start + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column of byte ``raw[offset]``; columns count characters, as everywhere else."""
    before = raw[:offset].decode("utf-8", errors="replace")
    return _line_column(before, len(before))


def _line_at(text: str, line: int) -> str:
    lines = re.split(_BREAK, text, maxsplit=line)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _char_at(text: str, line: int, column: int) -> str:
    lines = re.split(_BREAK, text, maxsplit=line)
    if len(lines) < line:
        return ""
    row = lines[line - 1]
    return row[column - 1] if 0 < column <= len(row) else ""
