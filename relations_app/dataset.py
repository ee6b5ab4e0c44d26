"""The bundled dataset (``resources/data/*.yaml``): Brest's partners and everything around them.

The YAML files follow the JSON dump format (``docs/json-format.md``) except that ids are
short readable slugs (``kiel``, ``crea-ocean``).  Loading turns each slug into a stable
UUID (uuid5 of the collection and slug), so the bundled records keep the same ids on every
machine and a re-import merges instead of duplicating.
"""

from __future__ import annotations

import uuid
from importlib import resources
from typing import Any

import yaml

from . import jsonio
from .records import RECORD_TYPES

NAMESPACE = uuid.UUID("5f0c3c1e-8a8e-4c43-9a55-2b1c2d0b6a11")

#: collection -> its file in resources/data (from the record types' declarations).
FILES = {key: kind.dataset_file for key, kind in RECORD_TYPES.items() if kind.dataset_file}


def stable_id(collection: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{collection}:{slug}"))


def _read(name: str):
    data_dir = resources.files("resources").joinpath("data")
    return yaml.safe_load(data_dir.joinpath(name).read_text(encoding="utf-8"))


def bundled_document() -> dict:
    """The bundled dataset as a JSON-format document with UUIDs."""
    document: dict[str, Any] = {"format": jsonio.FORMAT, "version": jsonio.VERSION}
    document["office"] = _read("office.yaml")
    document["apd"] = _read("apd.yaml")  # the funders' classification (services.apd_lists)
    for collection, filename in FILES.items():
        document[collection] = _read(filename) or []
    document = jsonio.remap_ids(document, stable_id)
    for delegation in document.get("delegations") or ():  # calendar UIDs, the same every time
        for number, item in enumerate(delegation.get("agenda") or (), start=1):
            item.setdefault("uid", stable_id("agenda", f"{delegation['id']}-{number}"))
    if document.get("office"):
        document["office"]["id"] = stable_id("office", "home")
    return document


def load_bundled_dataset() -> jsonio.ImportSummary:
    """Validate and write the bundled dataset into the open database (one transaction)."""
    return jsonio.import_document(bundled_document(), origin="init")
