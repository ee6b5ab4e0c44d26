"""Emergency numbers and plugs by country, from the application's bundled reference data.

Why bundled and not fetched: a briefing is printed before a trip, often offline, and must
print the same thing on every PC of the office; the figures change rarely and are printed
with "à vérifier avant le départ".  Countries not in the file get nothing (the briefing
then leaves the line out rather than guess).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class TravelInfo:
    emergency: str  # "112 (toutes urgences)"
    plugs: str  # "A et B, 120 V"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    text = resources.files("resources").joinpath("data", "travel.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


def travel_info(country: str | None) -> TravelInfo | None:
    """What the bundled data says of ``country`` (ISO alpha-2), or None."""
    entry = _table().get((country or "").upper())
    if not entry:
        return None
    return TravelInfo(emergency=entry.get("emergency", ""), plugs=entry.get("plugs", ""))
