"""One module per subcommand: a plain ``run(settings) -> int`` (see ``config.Settings``).

``catalog(settings)`` is the one way a command gets its catalog, so that validate, build, init,
catalog and explain all reason with the same data.
"""
import sys


def catalog_for(settings):
    """The catalog for the settings (the brochure's, or with the configured or given extension), or
    None after printing why it cannot be used (the command then exits with status 2)."""
    from ..catalog import CatalogError, load

    try:
        return load(settings.catalog_dir)
    except CatalogError as exc:
        sys.stderr.write(f"plancompiler: {exc}\n")
        return None


def say_error(message: str) -> int:
    """A usage problem in plain Dutch on stderr; exit status 2."""
    sys.stderr.write(f"plancompiler: {message}\n")
    return 2
