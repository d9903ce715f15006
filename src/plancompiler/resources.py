"""Where the project's data lives: schema/, catalog/ and templates/ at the repository root."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"
CATALOG_DIR = ROOT / "catalog"
TEMPLATES_DIR = ROOT / "templates"
PLAN_SCHEMA = SCHEMA_DIR / "plan.schema.json"
CATALOG_SCHEMA = CATALOG_DIR / "catalog.schema.json"
