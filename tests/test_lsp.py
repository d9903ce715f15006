"""The editor experience, tested with the real yaml-language-server (the engine of VS Code's YAML
extension) over LSP: a plan associated with schema/plan.schema.json gets Dutch hover texts, every
catalog instrument as a completion, and Dutch messages for a bad pattern or enum value.

The plan is associated as a user's repository does it: the schema copied to schema/ in the
user's folder and the plan's first line `# yaml-language-server: $schema=../schema/plan.schema.json`.

yaml-language-server is installed once with npm into ~/.cache/plancompiler-tests/npm (or
PLANCOMPILER_TEST_CACHE). The test skips only when node or npm is absent, and says so.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "plan.schema.json"
EXAMPLE = ROOT / "examples" / "velsen.plan.yaml"
VERSION = "2.0.0"  # yaml-language-server, the version VS Code's YAML extension ships
CACHE = Path(os.environ.get("PLANCOMPILER_TEST_CACHE") or Path.home() / ".cache" / "plancompiler-tests") / "npm"
TIMEOUT = 60.0


def server_command() -> list[str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node en npm ontbreken op deze machine: de LSP-test met yaml-language-server kan niet draaien")
    main = CACHE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    installed = CACHE / "node_modules" / "yaml-language-server" / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != VERSION:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(CACHE),
                        f"yaml-language-server@{VERSION}"], check=True, capture_output=True, timeout=600)
    return [node, str(main), "--stdio"]


class Client:
    """A minimal LSP client: JSON-RPC over the server's stdin/stdout."""

    def __init__(self, cmd: list[str], settings: dict):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.settings = settings
        self.next_id = 0
        self.responses: dict[int, dict] = {}
        self.diagnostics: dict[str, list] = {}
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.lower()] = value.strip()
            msg = json.loads(out.read(int(headers["content-length"])))
            if "id" in msg and "method" in msg:  # a request from the server
                result = None
                if msg["method"] == "workspace/configuration":
                    result = [self.settings.get(item.get("section", ""), None) for item in msg["params"]["items"]]
                self._send({"id": msg["id"], "result": result})
            elif "id" in msg:
                with self.cond:
                    self.responses[msg["id"]] = msg
                    self.cond.notify_all()
            elif msg.get("method") == "textDocument/publishDiagnostics":
                with self.cond:
                    self.diagnostics[msg["params"]["uri"]] = msg["params"]["diagnostics"]
                    self.cond.notify_all()

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        rid = self.next_id
        self._send({"id": rid, "method": method, "params": params})
        with self.cond:
            if not self.cond.wait_for(lambda: rid in self.responses, timeout=TIMEOUT):
                raise TimeoutError(method)
            msg = self.responses.pop(rid)
        assert "error" not in msg, msg
        return msg["result"]

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def wait_diagnostics(self, uri: str, predicate) -> list:
        with self.cond:
            self.cond.wait_for(lambda: predicate(self.diagnostics.get(uri, [])), timeout=TIMEOUT)
            return self.diagnostics.get(uri, [])

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def lsp(tmp_path_factory):
    cmd = server_command()
    folder = tmp_path_factory.mktemp("lsp")
    (folder / "schema").mkdir()
    shutil.copy(SCHEMA, folder / "schema" / "plan.schema.json")
    (folder / "plannen").mkdir()
    yaml_settings = {"completion": True, "hover": True,
                     "validate": True, "format": {"enable": False}, "schemaStore": {"enable": False}}
    client = Client(cmd, {"yaml": yaml_settings, "": {"yaml": yaml_settings}})
    client.request("initialize", {
        "processId": os.getpid(), "rootUri": folder.as_uri(), "workspaceFolders": None,
        "capabilities": {"textDocument": {
            "completion": {"completionItem": {"snippetSupport": True,
                                              "documentationFormat": ["markdown", "plaintext"]}},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "publishDiagnostics": {}},
            "workspace": {"configuration": True}}})
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": {"yaml": yaml_settings}})
    yield client, folder
    client.close()


def open_plan(client: Client, folder: Path, name: str, text: str) -> str:
    assert text.startswith("# yaml-language-server: $schema=../schema/plan.schema.json\n")
    path = folder / "plannen" / name
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                            "text": text}})
    return uri


def position_of(text: str, needle: str, after: bool = True) -> dict:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if needle in line:
            start = line.index(needle) + len(needle) - len(needle.lstrip())
            return {"line": i, "character": line.index(needle) + len(needle) if after else start + 1}
    raise AssertionError(needle)


def hover_text(result) -> str:
    contents = result["contents"]
    if isinstance(contents, dict):
        return contents["value"]
    if isinstance(contents, list):
        return "\n".join(c if isinstance(c, str) else c["value"] for c in contents)
    return contents


def test_completion_offers_every_catalog_instrument(lsp):
    client, folder = lsp
    text = EXAMPLE.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("instrument:"))
    text = text.replace(first, first.split(":")[0] + ": ", 1)
    uri = open_plan(client, folder, "completion.plan.yaml", text)
    pos = position_of(text, first.split(":")[0] + ": ")
    result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    catalog = YAML(typ="safe").load((ROOT / "catalog" / "instrumenten.yaml").read_text(encoding="utf-8"))
    ids = [i["id"] for i in catalog["instrumenten"]]
    assert len(ids) >= 60
    missing = [i for i in ids if i not in labels]
    assert not missing, f"{len(missing)} instrumenten ontbreken in de aanvulling, o.a. {missing[:5]}"
    cafe = next(item for item in items if item["label"] == "vrijwilligerscafe" and item.get("documentation"))
    doc = cafe["documentation"]
    doc = doc["value"] if isinstance(doc, dict) else doc
    assert "Vrijwilligerscafé" in doc and "Zie brochure p." in doc


def test_hover_shows_the_dutch_description_with_page(lsp):
    client, folder = lsp
    text = EXAMPLE.read_text(encoding="utf-8")
    uri = open_plan(client, folder, "hover.plan.yaml", text)
    result = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": position_of(text, "  trede:", after=False)})
    shown = hover_text(result)
    assert "De trede van de participatieladder die u voor dit traject kiest." in shown
    assert "Zie brochure p. 11-13." in shown


def test_editor_shows_dutch_messages_for_a_bad_pattern_and_enum(lsp):
    client, folder = lsp
    text = EXAMPLE.read_text(encoding="utf-8")
    first_time = next(line for line in text.splitlines() if "aanvang:" in line)
    text = text.replace(first_time, first_time.split(":")[0] + ': "25:00"', 1)
    text = text.replace("  trede: coproduceren", "  trede: meedenken", 1)
    first_count = next(line for line in text.splitlines() if "deelnemers:" in line)
    text = text.replace(first_count, first_count.split(":")[0] + ": zestig", 1)
    uri = open_plan(client, folder, "fouten.plan.yaml", text)
    diags = client.wait_diagnostics(uri, lambda d: len(d) >= 3)
    messages = [d["message"] for d in diags]
    assert any("Schrijf een tijd als UU:MM" in m and 'bijvoorbeeld "19:30"' in m for m in messages), messages
    assert any(m.startswith("Kies een van: informeren, raadplegen") for m in messages), messages
    assert any(m.startswith("Vul een geheel getal van 1 tot en met") for m in messages), messages
    assert not any("does not match" in m or "Value is not accepted" in m or "Incorrect type" in m
                   for m in messages), messages


def completion_labels(client: Client, uri: str, pos: dict) -> set[str]:
    result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})
    return {item["label"] for item in (result["items"] if isinstance(result, dict) else result)}


def test_completion_offers_risk_ids_and_rule_ids(lsp):
    client, folder = lsp
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("  risicos:\n", "  risicos:\n    \n", 1)
    text += "uitzonderingen:\n  - regel: \n"
    uri = open_plan(client, folder, "sleutels.plan.yaml", text)
    lines = text.splitlines()
    risk_line = lines.index("  risicos:") + 1
    risks = completion_labels(client, uri, {"line": risk_line, "character": 4})
    catalog = YAML(typ="safe").load((ROOT / "catalog" / "gemeentetypen.yaml").read_text(encoding="utf-8"))
    risk_ids = {r["id"] for t in catalog["typen"] for r in t["risicos"]}
    assert risk_ids - {"onduidelijke-verwachtingen", "vaste-probleemdefinitie", "alle-sectoren-tegelijk-ii"} <= risks
    rules = completion_labels(client, uri, {"line": len(lines) - 1, "character": len("  - regel: ")})
    from plancompiler.rules import RULES

    assert {"niet-interactief", "instrument-eis", "comfortzone-risico"} <= rules
    from plancompiler.waivers import NOT_WAIVABLE

    assert len(rules & set(RULES)) >= len(RULES) - len(NOT_WAIVABLE)
