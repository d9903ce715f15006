"""The command line: parses arguments and calls the pipeline; nothing else lives here.

Exit status: 0 no errors · 1 findings at or above --fail-on · 2 usage error or unreadable input ·
3 internal error · 130 interrupted.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    def list_commands(self, ctx):
        return ["validate", "build", "init", "explain", "catalog", "schema"]


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="plancompiler",
                      message="%(prog)s %(version)s")
def cli() -> None:
    """Controleer een plan voor interactief vrijwilligerswerkbeleid en maak de documenten voor het college.

    Het plan volgt de acht stappen van MOVISIE, 'Interactieve beleidsvorming' (2009).
    """


@cli.command(context_settings=CONTEXT)
@click.argument("plannen", nargs=-1, required=True, metavar="PLAN...")
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "sarif", "github", "junit", "gitlab"]),
              help="Uitvoervorm van de meldingen.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error",
              show_default=True, help="Vanaf welk niveau de controle mislukt (exitcode 1).")
@click.option("--strict", is_flag=True, help="Ook waarschuwingen laten de controle mislukken (= --fail-on warning).")
@click.option("-q", "--quiet", is_flag=True, help="Toon alleen fouten.")
@click.option("--color/--no-color", "colour", default=None, help="Kleur in de tekstuitvoer (standaard: alleen op een terminal).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Schrijf het rapport naar dit bestand in plaats van naar het scherm.")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), default=None,
              help="Map met een eigen catalogus-uitbreiding (eigen instrumenten, teksten).")
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
        click.echo(PLAN_SCHEMA.read_text(encoding="utf-8"), nl=False)


def main(argv: list[str] | None = None) -> None:
    """Entry point with the error handling of a well-behaved CLI: no traceback, clear exit status."""
    try:
        cli.main(args=argv, prog_name="plancompiler", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("Afgebroken.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if exc.exit_code == 2 else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if os.environ.get("PLANCOMPILER_DEBUG"):
            raise
        click.echo(f"plancompiler: interne fout ({type(exc).__name__}: {exc}). Dit is een fout in "
                   f"plancompiler {__version__}, niet in uw plan; meld hem alstublieft. Zet "
                   "PLANCOMPILER_DEBUG=1 voor details.", err=True)
        sys.exit(3)
