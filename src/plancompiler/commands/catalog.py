"""``plancompiler catalog``: the brochure's knowledge in the terminal.

``instrumenten [--trede X] [--doel Y]`` (cumulative, as the matrix is read: p. 25),
``instrument NAAM`` (rung per aim, pros and cons, method), ``gemeentetypen`` and
``kernvoorwaarden [--trede X]`` and ``wet [--datum D]`` (the legal frame: current provisions, the
text of art. 150 until 2025, the brochure's Wmo 2007 with what took it over, deadlines, guidance).
Every subcommand has ``--format json`` for scripts. Everything shown comes from catalog/ (plus a
local extension), never from code.
"""
from __future__ import annotations

import json
import textwrap

import click

from ..textutil import close_matches, did_you_mean, listing

WIDTH = 100


# -- shared -------------------------------------------------------------------------------------------

def run(settings) -> int:
    """``plancompiler catalog SUB``: ``settings.args[0]`` names the listing, ``settings.extra`` its filters."""
    sub, o = settings.args[0], settings.extra or {}
    listings = {
        "instrumenten": lambda: instrumenten(o.get("trede"), o.get("doel"), settings.fmt, settings.catalog_dir),
        "instrument": lambda: instrument(o["naam"], settings.fmt, settings.catalog_dir),
        "gemeentetypen": lambda: gemeentetypen(settings.fmt, settings.catalog_dir),
        "kernvoorwaarden": lambda: kernvoorwaarden(o.get("trede"), settings.fmt, settings.catalog_dir),
        "wet": lambda: wet(o.get("datum"), settings.fmt, settings.catalog_dir),
    }
    return listings[sub]()


def load_catalog(catalog_dir: str | None):
    """The catalog of the resolved settings (``config.settings`` already applied the configuration),
    or None after printing why not (exit 2). The one loader: ``commands.catalog_for``."""
    from ..config import Settings
    from . import catalog_for

    return catalog_for(Settings("catalog", catalog_dir=catalog_dir))


class Unknown(Exception):
    pass


def _pick(value: str | None, options: list[str], what: str) -> str | None:
    if value is None:
        return None
    v = value.strip().lower()
    if v in options:
        return v
    hint = did_you_mean(v, options)
    raise Unknown(f"'{value}' is geen {what}. Kies uit: {', '.join(options)}.{hint}")


def _wrap(text: str, indent: int = 2) -> str:
    return textwrap.fill(" ".join(str(text).split()), WIDTH, initial_indent=" " * indent,
                         subsequent_indent=" " * indent)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  " + "  ".join("-" * w for w in widths)]
    lines += ["  " + "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def _json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _run(catalog_dir, body) -> int:
    cat = load_catalog(catalog_dir)
    if cat is None:
        return 2
    try:
        body(cat)
    except Unknown as exc:
        click.echo(f"plancompiler: {exc}", err=True)
        return 2
    return 0


# -- instrumenten -------------------------------------------------------------------------------------

def rows_for(cat, trede: str | None, doel: str | None) -> list[dict]:
    """Instruments per aim and rung; with ``trede`` the cumulative set up to that rung (p. 25)."""
    doelen = [doel] if doel else [d["id"] for d in cat.doelen]
    out = []
    for d in doelen:
        chosen = cat.allowed(trede, d) if trede else [i for i in cat.instrumenten if d in i["matrix"]]
        for inst in chosen:
            out.append({"id": inst["id"], "naam": inst["naam"], "doel": d, "trede": inst["matrix"][d],
                        "soort": inst["soort"], "pagina": inst["pagina"],
                        "deel_b": inst.get("deel_b", {}).get("pagina"),
                        "synoniemen": list(inst.get("synoniemen", ()))})
    order = {d["id"]: n for n, d in enumerate(cat.doelen)}
    out.sort(key=lambda r: (order[r["doel"]], cat.rank(r["trede"]), r["naam"].lower()))
    return out


def instrumenten(trede: str | None, doel: str | None, fmt: str, catalog_dir: str | None) -> int:
    def body(cat):
        t = _pick(trede, cat.trede_ids, "trede")
        d = _pick(doel, [x["id"] for x in cat.doelen], "doel")
        rows = rows_for(cat, t, d)
        if fmt == "json":
            _json({"trede": t, "doel": d, "cumulatief": bool(t), "instrumenten": rows})
            return
        cum = cat.data["doelen"].get("cumulatief", {})
        title = "Instrumenten uit de matrix (brochure p. 24)"
        if d:
            title += f" voor het doel ‘{cat.doel(d)['naam']}’"
        if t:
            title += f", tot en met de trede {cat.naam(t)} (cumulatief, p. {cum.get('pagina', '25')})"
        click.echo(title + ":\n")
        headers = ["Trede", "Instrument", "Id", "Soort", "Deel B"]
        if not d:
            headers.insert(0, "Doel")
        table = []
        for r in rows:
            row = [r["trede"], r["naam"], r["id"], r["soort"], f"p. {r['deel_b']}" if r["deel_b"] else ""]
            if not d:
                row.insert(0, r["doel"])
            table.append(row)
        click.echo(_table(headers, table) if table else "  (geen instrumenten)")
        click.echo(f"\n{len(rows)} {'instrument' if len(rows) == 1 else 'instrumenten'}. "
                   "Meer over één instrument: plancompiler catalog instrument ID")
        if t and cum.get("tekst"):
            click.echo(_wrap(cum["tekst"], 0))
    return _run(catalog_dir, body)


# -- instrument -----------------------------------------------------------------------------------------

def find_instrument(cat, name: str) -> dict:
    inst = cat.instrument(name)
    if inst is not None:
        return inst
    from ..catalog import normalize

    names = {}
    for i in cat.instrumenten:
        for alias in (i["id"], i["naam"], *i.get("synoniemen", ())):
            names.setdefault(normalize(alias), i["id"])
    ids = list(dict.fromkeys(names[c] for c in close_matches(normalize(name), list(names), n=3)))
    hint = f" Bedoelt u {listing([repr(i) for i in ids], 'of')}?" if ids else ""
    raise Unknown(f"Het instrument '{name}' staat niet in de catalogus.{hint} "
                  "'plancompiler catalog instrumenten' toont ze allemaal.")


def instrument(name: str, fmt: str, catalog_dir: str | None) -> int:
    def body(cat):
        inst = find_instrument(cat, name)
        if fmt == "json":
            _json(inst)
            return
        out = [f"{inst['naam']} ({inst['id']}) — brochure p. {inst['pagina']}"]
        if inst.get("synoniemen"):
            out.append(f"Ook geschreven als: {', '.join(inst['synoniemen'])}")
        out.append(f"Soort: {inst['soort']}" + ("; vraagt een vervolg dat erop voortbouwt" if inst.get("vervolg_nodig") else ""))
        out.append("\nTrede per doel (de cel in de matrix, p. 24; bruikbaar vanaf deze trede, cumulatief p. 25):")
        out.append(_table(["Doel", "Trede"], [[cat.doel(d)["naam"], cat.naam(t)] for d, t in
                                             sorted(inst["matrix"].items(), key=lambda x: cat.rank(x[1]))]))
        if inst.get("toelichting"):
            out.append(f"\nToelichting (p. {inst['toelichting']['pagina']}):\n{_wrap(inst['toelichting']['tekst'])}")
        b = inst.get("deel_b")
        if b:
            out.append(f"\nUitgewerkt in deel B (p. {b['pagina']}):\n{_wrap(b['omschrijving'])}")
            for key, label in (("voordelen", "Voordelen"), ("nadelen", "Nadelen")):
                if b.get(key):
                    out.append(f"\n{label}:")
                    out.extend(f"  + {x}" if key == "voordelen" else f"  - {x}" for x in b[key])
            if b.get("eisen"):
                out.append("\nEisen (plancompiler controleert ze in uw plan):")
                out.extend(f"  * {e['tekst']}" for e in b["eisen"])
            m = b.get("methode") or {}
            if m.get("rollen"):
                out.append("\nRollen:")
                out.extend(f"  {r['naam']}" + (f" ({r['wie']})" if r.get("wie") else "") + f": {r['taak']}"
                           for r in m["rollen"])
            if m.get("materialen"):
                out.append("\nMaterialen:")
                out.extend(f"  - {x}" for x in m["materialen"])
            if m.get("programma"):
                out.append("\nProgramma:")
                out.append(_table(["Onderdeel", "Minuten", "Wat"],
                                  [[p["titel"], str(p["minuten"]), " ".join(p.get("omschrijving", "").split())[:60]]
                                   for p in m["programma"]]))
            if m.get("stappen"):
                out.append("\nStappen (weken ten opzichte van de activiteit):")
                out.append(_table(["Week", "Stap"], [[f"{s['weken']:+d}", s["titel"]] for s in m["stappen"]]))
            if m.get("tips"):
                out.append("\nTips:")
                out.extend(f"  - {x}" for x in m["tips"])
        if inst.get("besluit"):
            out.append(f"\nBesluit (waar de brochure dubbelzinnig is):\n{_wrap(inst['besluit'])}")
        click.echo("\n".join(out))
    return _run(catalog_dir, body)


# -- gemeentetypen ----------------------------------------------------------------------------------------

def gemeentetypen(fmt: str, catalog_dir: str | None) -> int:
    def body(cat):
        data = cat.data["gemeentetypen"]
        if fmt == "json":
            _json({"dimensies": data["dimensies"], "typen": list(cat.typen.values()),
                   "comfortzone": data.get("comfortzone"), "conclusie": data.get("conclusie")})
            return
        click.echo("Gemeentetypen (Stap 1, brochure p. 7-10) en hun comfortzone (Stap 2, p. 14):\n")
        click.echo(_table(["Type", "Naam", "Beleid", "Sturing", "Comfortzone", "Pagina"],
                          [[t["id"], t["naam"], t["beleid"], t["sturing"], t["comfortzone"], t["pagina"]]
                           for t in cat.typen.values()]))
        for t in cat.typen.values():
            click.echo(f"\nType {t['id']} — {t['naam']} ({t['beleid']} beleid, {t['sturing']}):")
            click.echo(_wrap(t["omschrijving"]))
            click.echo(f"  Risico's van de comfortzone {t['comfortzone']} (p. 14):")
            for r in t["risicos"]:
                click.echo(textwrap.fill(f"- {r['id']}: {r['tekst']}", WIDTH, initial_indent="    ",
                                         subsequent_indent="      "))
        if data.get("comfortzone"):
            click.echo(f"\nComfortzone (p. {data['comfortzone']['pagina']}):\n{_wrap(data['comfortzone']['tekst'])}")
    return _run(catalog_dir, body)


# -- kernvoorwaarden --------------------------------------------------------------------------------------

def kernvoorwaarden(trede: str | None, fmt: str, catalog_dir: str | None) -> int:
    def body(cat):
        t = _pick(trede, cat.trede_ids, "trede")
        treden = [t] if t else cat.trede_ids
        items = [{"id": v["id"], "naam": v["naam"], "vraag": v["vraag"], "pagina": v["pagina"],
                  "criteria": {x: v["criteria"][x] for x in treden}} for v in cat.voorwaarden]
        fits = [p for p in cat.problematiek if not t or t in p["treden"]]
        if fmt == "json":
            _json({"trede": t, "voorwaarden": items,
                   "problematiek": [{"id": p["id"], "naam": p["naam"], "treden": p["treden"]} for p in fits]})
            return
        head = f"bij de trede {cat.naam(t)}" if t else "per trede"
        click.echo(f"Kernvoorwaarden {head} (Stap 3, brochure p. 16-18):")
        for v in items:
            click.echo(f"\n{v['naam']} ({v['id']}): {v['vraag']}")
            for x, text in v["criteria"].items():
                if not t:
                    click.echo(f"  {cat.naam(x)}:")
                click.echo(_wrap(text, 4 if not t else 2))
        if fits:
            click.echo("\nGeschikte problematiek, 'uitgekristalliseerd' in het plan:")
            for p in fits:
                click.echo(f"  {p['id']}: {p['naam']} (past bij {', '.join(p['treden'])})")
        advies = cat.data["kernvoorwaarden"].get("advies")
        if advies:
            click.echo(f"\nAdvies (p. {advies['pagina']}): {advies['tekst']}.")
    return _run(catalog_dir, body)


# -- wet ----------------------------------------------------------------------------------------------

BINDT = {"plan": "eis aan het Wmo-plan van de raad", "verordening": "eis aan de verordening",
         "college": "taak van het college"}


def _nl_date(iso: str | None) -> str:
    from datetime import date

    if not iso:
        return ""
    months = ("januari februari maart april mei juni juli augustus september oktober november "
              "december").split()
    d = date.fromisoformat(iso)
    return f"{d.day} {months[d.month - 1]} {d.year}"


def _geldigheid(p: dict) -> str:
    start, end = p.get("geldig_vanaf"), p.get("geldig_tot")
    if start and end:
        return f"geldig van {_nl_date(start)} t/m {_nl_date(end)}"
    if end:
        return f"geldig t/m {_nl_date(end)}"
    return f"geldig vanaf {_nl_date(start)}" if start else ""


def _bron_text(b: dict) -> str:
    if b.get("repo"):
        return f"{b['repo']}, {b['pad']}, commit {b['commit'][:10]}" if b.get("commit") else b["repo"]
    return b.get("url") or b["naam"]


def wet_rows(cat, datum: str | None) -> dict:
    """The legal catalog as plain data: current and expired provisions, the brochure's Wmo 2007
    articles with what took them over, deadlines and guidance. ``datum``: only what applied then."""
    def keep(p: dict) -> bool:
        return datum is None or cat.geldig_op(p, datum)

    def ref(pid: str) -> dict:
        return {"id": pid, "citaat": cat.citeer(cat.bepaling(pid))}

    def row(p: dict) -> dict:
        out = {"id": p["id"], "citaat": cat.citeer(p), "wet": cat.wet_van(p)["id"],
               "bwb": cat.wet_van(p).get("bwb"), "artikel": str(p["artikel"]), "lid": p.get("lid"),
               "sub": p.get("sub"), "tekst": p["tekst"], "parafrase": bool(p.get("parafrase")),
               "letterlijk": cat.letterlijk(p), "geldig_vanaf": p.get("geldig_vanaf"),
               "geldig_tot": p.get("geldig_tot"), "bron": cat.bron_van(p)}
        for key in ("aanhef", "bindt", "verplichting", "te_controleren", "opmerking"):
            if p.get(key):
                out[key] = p[key]
        if p.get("opvolging"):
            o = p["opvolging"]
            out["opvolging"] = {"soort": o["soort"], "bepalingen": [ref(b) for b in o["bepalingen"]],
                                "toelichting": o["toelichting"]}
        return out

    historisch = []
    for a in cat.historische_artikelen:
        if keep(a):
            r = row(a)
            r["status"] = a.get("status", "historisch")
            r["pagina"] = cat.wet["wet"]["pagina"]
            historisch.append(r)
    return {
        "datum": datum,
        "wetten": [dict(w) for w in cat.wetten.values()],
        "geldend": [row(p) for p in cat.bepalingen if not p.get("geldig_tot") and keep(p)],
        "vervallen": [row(p) for p in cat.bepalingen if p.get("geldig_tot") and keep(p)],
        "historisch": historisch,
        "termijnen": [dict(t, bepaling=ref(t["bepaling"])) for t in cat.wet.get("termijnen", ())],
        "handreikingen": list(cat.wet.get("handreikingen", ())),
    }


def wet(datum: str | None, fmt: str, catalog_dir: str | None) -> int:
    def body(cat):
        day = None
        if datum is not None:
            from ..catalog import _iso

            try:
                from datetime import date

                day = date.fromisoformat(_iso(datum.strip())).isoformat()
            except ValueError:
                raise Unknown(f"'{datum}' is geen datum. Schrijf de datum als JJJJ-MM-DD, "
                              "bijvoorbeeld 2027-01-01.") from None
        data = wet_rows(cat, day)
        if fmt == "json":
            _json(data)
            return
        if day:
            out = [f"Wettelijk kader op {_nl_date(day)}: de bepalingen die toen golden."]
        else:
            out = ["Wettelijk kader: de wet van nu, en de Wmo 2007 die de brochure citeert "
                   f"(p. {cat.wet['wet']['pagina']})."]

        def provision(r: dict) -> None:
            label = "letterlijk" if r["letterlijk"] else "parafrase"
            head = f"\n  {r['citaat']}  ({_geldigheid(r)}; {label}"
            if r.get("bindt"):
                head += "; " + BINDT[r["bindt"]]
            if r.get("verplichting") == "kan":
                head += "; de verordening kan dit regelen"
            out.append(head + ")")
            if r.get("aanhef"):
                out.append(_wrap(r["aanhef"], 4))
            out.append(_wrap(r["letterlijk"] or r["tekst"], 4 if not r.get("aanhef") else 6))
            out.append(f"    Bron: {_bron_text(r['bron'])}")
            if r.get("te_controleren"):
                out.append(f"    Letterlijke tekst nalezen: {r['te_controleren']}")
            if r.get("opvolging"):
                o = r["opvolging"]
                if o["soort"] == "opvolger":
                    out.append("    Opvolger: " + ", ".join(b["citaat"] for b in o["bepalingen"]))
                else:
                    out.append("    Geen directe opvolger: goede praktijk, geen wettelijke plicht.")
                out.append(_wrap(o["toelichting"], 6))
            if r.get("opmerking"):
                out.append(_wrap("Let op: " + r["opmerking"], 4))

        sections = (("Geldend recht", data["geldend"]),
                    ("Tekst die niet meer geldt", data["vervallen"]),
                    (f"Historisch: de {cat.wet['wet']['afkorting']} {cat.wet['wet']['versie']} zoals de "
                     f"brochure die citeert (p. {cat.wet['wet']['pagina']})", data["historisch"]))
        for title, rows in sections:
            if not rows:
                continue
            out.append(f"\n{title}:")
            for r in rows:
                provision(r)
        if data["termijnen"]:
            out.append("\nTermijnen:")
            for t in data["termijnen"]:
                out.append(f"  {_nl_date(t['datum'])} — {t['bepaling']['citaat']}:")
                out.append(_wrap(t["tekst"], 4))
        if data["handreikingen"]:
            out.append("\nHandreikingen (geen wet):")
            for h in data["handreikingen"]:
                out.append(f"  {h['naam']} ({h['uitgever']}):")
                out.append(_wrap(h["tekst"], 4))
                for b in h.get("begrippen", ()):
                    out.append(textwrap.fill(f"- {b['naam']} ({b['id']}, {b['moment']}): {b['tekst']}",
                                             WIDTH, initial_indent="    ", subsequent_indent="      "))
        n = len(data["geldend"]) + len(data["vervallen"]) + len(data["historisch"])
        out.append(f"\n{n} {'bepaling' if n == 1 else 'bepalingen'}. Herkomst van elke tekst: "
                   "docs/wettelijk-kader.md.")
        click.echo("\n".join(out))
    return _run(catalog_dir, body)
