"""Where the project's data lives: schema/, catalog/ and templates/ at the repository root.

Plain strings (os.path), not pathlib: importing pathlib costs validate 8 ms of start-up.
"""
from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA_DIR = os.path.join(ROOT, "schema")
CATALOG_DIR = os.path.join(ROOT, "catalog")
TEMPLATES_DIR = os.path.join(ROOT, "templates")
PLAN_SCHEMA = os.path.join(SCHEMA_DIR, "plan.schema.json")
CATALOG_SCHEMA = os.path.join(CATALOG_DIR, "catalog.schema.json")
