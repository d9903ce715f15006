"""Where the project's data lives: schema/, catalog/ and templates/.

In the repository they stand at the top level (next to src/); an installed wheel carries the same
folders inside the package as plancompiler/_data/ (see [tool.setuptools.package-dir]).
Plain strings (os.path), not pathlib: validate's start-up does without pathlib (docs/performance.md).
"""
from __future__ import annotations

import os

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_REPOSITORY = os.path.dirname(os.path.dirname(_PACKAGE))


def _root() -> str:
    if os.path.isfile(os.path.join(_REPOSITORY, "schema", "plan.schema.json")) and \
            os.path.isdir(os.path.join(_REPOSITORY, "catalog")):
        return _REPOSITORY
    return os.path.join(_PACKAGE, "_data")


ROOT = _root()
SCHEMA_DIR = os.path.join(ROOT, "schema")
CATALOG_DIR = os.path.join(ROOT, "catalog")
TEMPLATES_DIR = os.path.join(ROOT, "templates")
PLAN_SCHEMA = os.path.join(SCHEMA_DIR, "plan.schema.json")
CATALOG_SCHEMA = os.path.join(CATALOG_DIR, "catalog.schema.json")
