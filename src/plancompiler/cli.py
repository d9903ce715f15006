"""The command line: parses arguments and calls the pipeline; nothing else lives here.

Exit status: 0 no errors · 1 findings at or above --fail-on · 2 usage error or unreadable input ·
3 internal error · 130 interrupted.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__, click_nl

click_nl.install()

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


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="plancompiler",
                      message="%(prog)s %(version)s")
def cli() -> None:
    """Controleer een plan voor interactief vrijwilligerswerkbeleid en maak de documenten voor het college.

    Het plan volgt de acht stappen van MOVISIE, 'Interactieve beleidsvorming' (2009).
    """


def _validate_options(function):
    """Click options from fastpath.VALIDATE_OPTIONS, the single declaration of validate's options."""
    from .fastpath import VALIDATE_OPTIONS

    for opt in reversed(VALIDATE_OPTIONS):
        kwargs: dict = {"help": opt.help}
        if opt.kind == "choice":
            kwargs.update(type=click.Choice(list(opt.choices)), default=opt.default, show_default=True)
        elif opt.kind == "flag":
            kwargs.update(is_flag=True)
        elif opt.kind == "switch":
            kwargs.update(default=None)
        elif opt.kind == "file":
            kwargs.update(type=click.Path(dir_okay=False, writable=True), default=None)
        elif opt.kind == "dir":
            kwargs.update(type=click.Path(file_okay=False), default=None)
        function = click.option(*opt.decls, opt.dest, **kwargs)(function)
    return function


@cli.command(context_settings=CONTEXT)
@click.argument("plannen", nargs=-1, required=True, metavar="PLAN...")
@_validate_options
def validate(plannen, fmt, fail_on, strict, quiet, colour, output, catalog_dir) -> None:
    """Controleer een of meer plannen: bestanden, mappen of patronen (*.plan.yaml)."""
    from .commands.validate import run

    sys.exit(run(list(plannen), fmt=fmt, fail_on="warning" if strict and fail_on == "error" else fail_on,
                 quiet=quiet, colour=colour, output=output, catalog_dir=catalog_dir))


@cli.command(context_settings=CONTEXT)
@click.argument("plan", metavar="PLAN")
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False), default=None,
              help="Map voor de documenten (standaard: build/<naam van het plan>/).")
@click.option("--format", "formats", default="md,docx", show_default=True,
              help="Vormen, met komma's gescheiden: md, docx, html.")
@click.option("--reference-doc", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Eigen Word-sjabloon (.docx) voor de huisstijl van uw gemeente.")
@click.option("--force", is_flag=True, help="Overschrijf ook bestanden die plancompiler niet zelf heeft gemaakt.")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), default=None,
              help="Map met een eigen catalogus-uitbreiding.")
def build(plan, output_dir, formats, reference_doc, force, catalog_dir) -> None:
    """Maak plan van aanpak, spelregels, draaiboek en evaluatiekader (Markdown, Word, HTML)."""
    from .commands.build import run

    sys.exit(run(plan, output_dir=output_dir, formats=formats, reference_doc=reference_doc,
                 force=force, catalog_dir=catalog_dir))


@cli.command(context_settings=CONTEXT)
@click.argument("path", required=False, metavar="[PAD]")
@click.option("--no-input", is_flag=True, help="Stel geen vragen; neem alles uit de opties (voor scripts).")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
@click.option("--gemeente", help="Naam van de gemeente.")
@click.option("--huidig-beleid", help="Typetest nu: smal of breed (standaard: gelijk aan --beleid).")
@click.option("--huidig-sturing", help="Typetest nu: dirigent of regisseur (standaard: gelijk aan --sturing).")
@click.option("--beleid", help="Typetest gewenst: smal of breed.")
@click.option("--sturing", help="Typetest gewenst: dirigent of regisseur.")
@click.option("--quickscan", metavar="ANTWOORDEN", help="De tien antwoorden van de quickscan: ja,nee,...")
@click.option("--trede", help="Trede van de participatieladder (standaard: de uitkomst van de quickscan).")
@click.option("--start", metavar="JJJJ-MM-DD", help="Begin van het traject (standaard: de eerste van volgende maand).")
@click.option("--eind", metavar="JJJJ-MM-DD", help="Einde van het traject (standaard: 18 maanden later).")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), default=None,
              help="Map met een eigen catalogus-uitbreiding.")
def init(path, no_input, force, gemeente, huidig_beleid, huidig_sturing, beleid, sturing, quickscan,
         trede, start, eind, catalog_dir) -> None:
    """Begin een nieuw plan met de typetest en de quickscan (standaard: <gemeente>.plan.yaml)."""
    from .commands.init import run

    sys.exit(run(path, no_input=no_input, force=force, catalog_dir=catalog_dir, gemeente=gemeente,
                 huidig_beleid=huidig_beleid, huidig_sturing=huidig_sturing, beleid=beleid,
                 sturing=sturing, quickscan=quickscan, trede=trede, start=start, eind=eind))


class CatalogGroup(Group):
    def list_commands(self, ctx):
        return ["instrumenten", "instrument", "gemeentetypen", "kernvoorwaarden", "wet"]


FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Uitvoervorm.")


@cli.group(cls=CatalogGroup, context_settings=CONTEXT)
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), default=None,
              help="Map met een eigen catalogus-uitbreiding.")
@click.pass_context
def catalog(ctx, catalog_dir) -> None:
    """Blader door de kennis uit de brochure: instrumenten, gemeentetypen, kernvoorwaarden, wet."""
    ctx.obj = {"catalog_dir": catalog_dir}


@catalog.command("instrumenten", context_settings=CONTEXT,
                 short_help="Instrumenten uit de matrix, per doel en trede (cumulatief).")
@click.option("--trede", help="Alleen wat tot en met deze trede mag (cumulatief, p. 25).")
@click.option("--doel", help="Alleen voor dit doel: draagvlak, verrijking, ambitie of samenwerking.")
@FORMAT
@click.pass_obj
def catalog_instrumenten(obj, trede, doel, fmt) -> None:
    """Instrumenten uit de matrix (p. 24), per doel en trede."""
    from .commands.catalog import instrumenten

    sys.exit(instrumenten(trede, doel, fmt, obj["catalog_dir"]))


@catalog.command("instrument", context_settings=CONTEXT,
                 short_help="Eén instrument: trede per doel, voor- en nadelen, werkwijze.")
@click.argument("naam", metavar="INSTRUMENT")
@FORMAT
@click.pass_obj
def catalog_instrument(obj, naam, fmt) -> None:
    """Eén instrument: trede per doel, voor- en nadelen, werkwijze."""
    from .commands.catalog import instrument

    sys.exit(instrument(naam, fmt, obj["catalog_dir"]))


@catalog.command("gemeentetypen", context_settings=CONTEXT,
                 short_help="De vier gemeentetypen met comfortzone en risico's.")
@FORMAT
@click.pass_obj
def catalog_gemeentetypen(obj, fmt) -> None:
    """De vier gemeentetypen met comfortzone en risico's (p. 7-14)."""
    from .commands.catalog import gemeentetypen

    sys.exit(gemeentetypen(fmt, obj["catalog_dir"]))


@catalog.command("kernvoorwaarden", context_settings=CONTEXT,
                 short_help="De zes kernvoorwaarden en wat ze per trede vragen.")
@click.option("--trede", help="Alleen de eisen bij deze trede.")
@FORMAT
@click.pass_obj
def catalog_kernvoorwaarden(obj, trede, fmt) -> None:
    """De zes kernvoorwaarden en wat ze per trede vragen (p. 16-18)."""
    from .commands.catalog import kernvoorwaarden

    sys.exit(kernvoorwaarden(trede, fmt, obj["catalog_dir"]))


@catalog.command("wet", context_settings=CONTEXT,
                 short_help="Het wettelijk kader: geldende en historische bepalingen, met opvolgers.")
@click.option("--datum", metavar="JJJJ-MM-DD", help="Alleen de bepalingen die op deze datum golden.")
@FORMAT
@click.pass_obj
def catalog_wet(obj, datum, fmt) -> None:
    """Het wettelijk kader: Wmo 2015, Gemeentewet art. 150 en de Wmo 2007 uit de brochure (p. 4)."""
    from .commands.catalog import wet

    sys.exit(wet(datum, fmt, obj["catalog_dir"]))


@cli.command(context_settings=CONTEXT)
@click.argument("regel", required=False, metavar="[REGEL]")
def explain(regel) -> None:
    """Leg een regel uit, met de bladzijde in de brochure. Zonder REGEL: alle regels."""
    from .commands.explain import run

    sys.exit(run(regel))


@cli.command(context_settings=CONTEXT)
@click.option("--pad", "path_only", is_flag=True, help="Toon alleen het pad van het schemabestand.")
def schema(path_only) -> None:
    """Toon het JSON Schema van een plan (voor editors en andere hulpmiddelen)."""
    from .resources import PLAN_SCHEMA

    if path_only:
        click.echo(str(PLAN_SCHEMA))
    else:
        with open(PLAN_SCHEMA, encoding="utf-8") as fh:
            click.echo(fh.read(), nl=False)


def main(argv: list[str] | None = None) -> None:
    """The console entry point (see ``entry.py``, which can answer validate without click)."""
    from .entry import main as entry_main

    entry_main(argv)
