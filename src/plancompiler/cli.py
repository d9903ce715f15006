"""The command line: reads the arguments into one ``Settings`` value and calls the command.

Exit status: 0 no errors · 1 findings at or above --fail-on · 2 usage error or unreadable input ·
3 internal error · 130 interrupted. The console entry point is ``entry.console``, which answers a
plain ``validate`` without importing click; this module never imports ``entry``.
"""
from __future__ import annotations

import sys

import click

from . import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Command(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    command_class = Command
    group_class = type  # subgroups (catalog) get this class too

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx):
        return ["validate", "build", "init", "explain", "catalog", "schema"]


class Root(Group):
    def main(self, *args, **kwargs):
        # click's own texts (usage, errors) in Dutch, from the moment the command line is read
        from . import click_nl

        click_nl.install()
        return super().main(*args, **kwargs)


def _settings(command: str, args=(), **given):
    """``config.settings`` with its errors as click usage errors (exit status 2)."""
    from .config import ConfigError, settings

    try:
        return settings(command, args, **given)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


# -- completion and choices from the catalog (the configured one) ---------------------------------------

def _catalog_ids(kind: str) -> list[str]:
    try:
        from .catalog import load
        from .config import find

        cat = load(find().catalog)
    except Exception:  # noqa: BLE001 - completion and help must never fail
        return []
    if kind == "trede":
        return list(cat.trede_ids)
    if kind == "doel":
        return [d["id"] for d in cat.doelen]
    if kind == "instrument":
        return [i["id"] for i in cat.instrumenten]
    if kind in ("beleid", "sturing"):
        return [d["id"] for d in cat.data["gemeentetypen"]["dimensies"][kind]]
    return []


class CatalogChoice(click.ParamType):
    """A value from the catalog: shown as the choices in --help and completed in the shell. The
    command itself checks the value, with a Dutch message and a suggestion."""

    name = "keuze"

    def __init__(self, kind: str):
        self.kind = kind

    def get_metavar(self, param, ctx=None) -> str:
        ids = _catalog_ids(self.kind)
        return "[" + "|".join(ids) + "]" if ids and len(ids) <= 8 else self.kind.upper()

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem

        return [CompletionItem(i) for i in _catalog_ids(self.kind) if i.startswith(incomplete)]


def _complete_rules(ctx, param, incomplete):
    from click.shell_completion import CompletionItem

    from .rules import ALL

    return [CompletionItem(rid, help=rule.SUMMARY) for rid, rule in ALL.items() if rid.startswith(incomplete)]


@click.group(cls=Root, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="plancompiler",
                      message="%(prog)s %(version)s")
def cli() -> None:
    """Controleer een plan voor interactief vrijwilligerswerkbeleid en maak de documenten voor het college.

    Het plan volgt de acht stappen van MOVISIE, 'Interactieve beleidsvorming' (2009).
    """


def _options(table):
    """Click options from a table of fastpath (VALIDATE_OPTIONS, BUILD_OPTIONS), the single
    declaration of a command's options."""

    def decorate(function):
        for opt in reversed(table):
            kwargs: dict = {"help": opt.help}
            if opt.kind == "choice":
                kwargs.update(type=click.Choice(list(opt.choices)), default=opt.default)
            elif opt.kind == "flag":
                kwargs.update(is_flag=True)
            elif opt.kind == "switch":
                kwargs.update(default=None)
            elif opt.kind == "file":
                kwargs.update(type=click.Path(dir_okay=False, allow_dash=True), default=None, metavar="BESTAND")
            elif opt.kind == "dir":
                kwargs.update(type=click.Path(file_okay=False), default=None, metavar="MAP")
            elif opt.kind == "docx":
                kwargs.update(type=click.Path(exists=True, dir_okay=False), default=None, metavar="DOCX")
            elif opt.kind == "text":
                kwargs.update(default=None, metavar=opt.metavar)
            function = click.option(*opt.decls, opt.dest, **kwargs)(function)
        return function

    return decorate


def _validate_options(function):
    from .fastpath import VALIDATE_OPTIONS

    return _options(VALIDATE_OPTIONS)(function)


def _build_options(function):
    from .fastpath import BUILD_OPTIONS

    return _options(BUILD_OPTIONS)(function)


@cli.command(context_settings=CONTEXT)
@click.argument("plannen", nargs=-1, required=True, metavar="PLAN...", type=click.Path())
@_validate_options
def validate(plannen, **options) -> None:
    """Controleer een of meer plannen: bestanden, mappen of patronen (*.plan.yaml)."""
    from .commands.validate import run
    from .fastpath import settings_kwargs

    sys.exit(run(_settings("validate", plannen, **settings_kwargs(options))))


@cli.command(context_settings=CONTEXT)
@click.argument("plan", metavar="PLAN", type=click.Path(dir_okay=False))
@_build_options
def build(plan, **options) -> None:
    """Maak de documenten: plan van aanpak, spelregels, draaiboek, evaluatiekader en controlerapport
    (Markdown, Word, HTML)."""
    from .commands.build import run

    sys.exit(run(_settings("build", (plan,), **options)))


INIT_ANSWERS = ("gemeente", "huidig_beleid", "huidig_sturing", "beleid", "sturing", "quickscan", "trede",
                "start", "eind")


@cli.command(context_settings=CONTEXT)
@click.argument("path", required=False, metavar="[PAD]", type=click.Path(dir_okay=False))
@click.option("--no-input", is_flag=True, help="Stel geen vragen; neem alles uit de opties (voor scripts).")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
@click.option("--gemeente", metavar="NAAM", help="Naam van de gemeente.")
@click.option("--huidig-beleid", type=CatalogChoice("beleid"),
              help="Typetest nu (standaard: gelijk aan --beleid).")
@click.option("--huidig-sturing", type=CatalogChoice("sturing"),
              help="Typetest nu (standaard: gelijk aan --sturing).")
@click.option("--beleid", type=CatalogChoice("beleid"), help="Typetest gewenst: het beleid.")
@click.option("--sturing", type=CatalogChoice("sturing"), help="Typetest gewenst: de sturing.")
@click.option("--quickscan", metavar="ja,nee,...", help="De tien antwoorden van de quickscan, met komma's.")
@click.option("--trede", type=CatalogChoice("trede"),
              help="Trede van de participatieladder (standaard: de uitkomst van de quickscan).")
@click.option("--start", metavar="JJJJ-MM-DD", help="Begin van het traject (standaard: de eerste van volgende maand).")
@click.option("--eind", metavar="JJJJ-MM-DD", help="Einde van het traject (standaard: 18 maanden later).")
@click.option("--schema", "schema_ref", metavar="PAD",
              help="Schemabestand voor de editorregel bovenaan het plan (standaard: het schema dat "
                   "'plancompiler schema --write MAP' in uw repository zette, als dat er is).")
@click.option("--catalog", type=click.Path(file_okay=False), default=None, metavar="MAP",
              help="Map met een eigen catalogus-uitbreiding.")
def init(path, no_input, force, catalog, schema_ref, **answers) -> None:
    """Begin een nieuw plan met de typetest en de quickscan (standaard: <gemeente>.plan.yaml)."""
    from .commands.init import run

    sys.exit(run(_settings("init", (path,) if path else (), catalog=catalog, force=force,
                           extra={"no_input": no_input, "schema": schema_ref, **answers})))


class CatalogGroup(Group):
    def list_commands(self, ctx):
        return ["instrumenten", "instrument", "gemeentetypen", "kernvoorwaarden", "wet"]


FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Uitvoervorm.")


@cli.group(cls=CatalogGroup, context_settings=CONTEXT)
@click.option("--catalog", type=click.Path(file_okay=False), default=None, metavar="MAP",
              help="Map met een eigen catalogus-uitbreiding.")
@click.pass_context
def catalog(ctx, catalog) -> None:
    """Blader door de kennis uit de brochure: instrumenten, gemeentetypen, kernvoorwaarden, wet."""
    ctx.obj = {"catalog": catalog}


def _catalog_run(obj, sub: str, fmt: str, **filters) -> None:
    from .commands.catalog import run

    sys.exit(run(_settings("catalog", (sub,), catalog=obj["catalog"], fmt=fmt, extra=filters)))


@catalog.command("instrumenten", context_settings=CONTEXT,
                 short_help="Instrumenten uit de matrix, per doel en trede (cumulatief).")
@click.option("--trede", type=CatalogChoice("trede"), help="Alleen wat tot en met deze trede mag (cumulatief, p. 25).")
@click.option("--doel", type=CatalogChoice("doel"), help="Alleen voor dit doel.")
@FORMAT
@click.pass_obj
def catalog_instrumenten(obj, trede, doel, fmt) -> None:
    """Instrumenten uit de matrix (p. 24), per doel en trede."""
    _catalog_run(obj, "instrumenten", fmt, trede=trede, doel=doel)


@catalog.command("instrument", context_settings=CONTEXT,
                 short_help="Eén instrument: trede per doel, voor- en nadelen, werkwijze.")
@click.argument("naam", metavar="INSTRUMENT", type=CatalogChoice("instrument"))
@FORMAT
@click.pass_obj
def catalog_instrument(obj, naam, fmt) -> None:
    """Eén instrument: trede per doel, voor- en nadelen, werkwijze."""
    _catalog_run(obj, "instrument", fmt, naam=naam)


@catalog.command("gemeentetypen", context_settings=CONTEXT,
                 short_help="De vier gemeentetypen met comfortzone en risico's.")
@FORMAT
@click.pass_obj
def catalog_gemeentetypen(obj, fmt) -> None:
    """De vier gemeentetypen met comfortzone en risico's (p. 7-14)."""
    _catalog_run(obj, "gemeentetypen", fmt)


@catalog.command("kernvoorwaarden", context_settings=CONTEXT,
                 short_help="De zes kernvoorwaarden en wat ze per trede vragen.")
@click.option("--trede", type=CatalogChoice("trede"), help="Alleen de eisen bij deze trede.")
@FORMAT
@click.pass_obj
def catalog_kernvoorwaarden(obj, trede, fmt) -> None:
    """De zes kernvoorwaarden en wat ze per trede vragen (p. 16-18)."""
    _catalog_run(obj, "kernvoorwaarden", fmt, trede=trede)


@catalog.command("wet", context_settings=CONTEXT,
                 short_help="Het wettelijk kader: geldende en historische bepalingen, met opvolgers.")
@click.option("--datum", metavar="JJJJ-MM-DD", help="Alleen de bepalingen die op deze datum golden.")
@FORMAT
@click.pass_obj
def catalog_wet(obj, datum, fmt) -> None:
    """Het wettelijk kader: Wmo 2015, Gemeentewet art. 150 en de Wmo 2007 uit de brochure (p. 4)."""
    _catalog_run(obj, "wet", fmt, datum=datum)


@cli.command(context_settings=CONTEXT)
@click.argument("regel", required=False, metavar="[REGEL]", shell_complete=_complete_rules)
def explain(regel) -> None:
    """Leg een regel uit, met de bladzijde in de brochure. Zonder REGEL: alle regels."""
    from .commands.explain import run

    sys.exit(run(_settings("explain", (regel,) if regel else ())))


@cli.command(context_settings=CONTEXT)
@click.option("--pad", "path_only", is_flag=True, help="Toon alleen het pad van het schemabestand.")
@click.option("--write", "write_dir", type=click.Path(file_okay=False), default=None, metavar="MAP",
              help="Zet het schema in deze map van uw repository (plan.schema.json), voor de editor.")
def schema(path_only, write_dir) -> None:
    """Toon het JSON Schema van een plan (voor editors en andere hulpmiddelen)."""
    from .commands.schema import run

    sys.exit(run(_settings("schema", extra={"path_only": path_only, "write_dir": write_dir})))
