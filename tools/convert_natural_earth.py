"""One-off conversion of Natural Earth's 1:110m admin-0 countries to resources/geo/.

Why: the application draws offline locator maps (PDF fact sheets, the dashboard) and needs
the world's country outlines without GIS libraries at run time.  This script turns the
shapefile into a small JSON file that :mod:`relations_app.geo` reads with the standard
library.  It is run by hand, not at build time; pyshp is needed only here::

    pip download --no-deps -d /tmp/ne geopandas==0.14.4 pyshp
    (cd /tmp/ne && unzip -q geopandas-0.14.4-*.whl 'geopandas/datasets/*')
    pip install --target /tmp/ne/lib /tmp/ne/pyshp-*.whl
    PYTHONPATH=/tmp/ne/lib python tools/convert_natural_earth.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres \
        resources/geo/countries-110m.json

Coordinates are rounded to 0.01° (about 1 km, finer than the 1:110m source).  Each
country is a list of polygons; a polygon is its outer ring followed by its holes; a ring
is a flat list ``[lon, lat, lon, lat, …]``.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pycountry
import shapefile  # pyshp: a conversion-time dependency only

PRECISION = 2
#: Codes Natural Earth leaves as -99 or that pycountry does not know.
EXTRA_ALPHA2 = {"Kosovo": "XK"}

SOURCE = (
    "Natural Earth 1:110m Cultural Vectors, Admin 0 – Countries "
    "(naturalearthdata.com), as redistributed in geopandas 0.14.4's naturalearth_lowres "
    "dataset (ISO codes filled in for France and Norway, Crimea drawn with Ukraine)."
)


def signed_area(ring: list[tuple[float, float]]) -> float:
    return (
        sum(
            x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False)
        )
        / 2
    )


def flat(ring: list[tuple[float, float]]) -> list[float]:
    out: list[float] = []
    previous = None
    for lon, lat in ring:
        point = (round(lon, PRECISION), round(lat, PRECISION))
        if point != previous:  # rounding may make neighbours equal
            out.extend(point)
        previous = point
    return out


def polygons(shape: shapefile.Shape) -> list[list[list[float]]]:
    """Shapefile parts grouped as polygons: clockwise rings are outer, others holes."""
    parts = [*list(shape.parts), len(shape.points)]
    result: list[list[list[float]]] = []
    for start, end in itertools.pairwise(parts):
        ring = [tuple(p) for p in shape.points[start:end]]
        if len(ring) > 1 and ring[0] == ring[-1]:
            ring = ring[:-1]
        coords = flat(ring)
        if len(coords) < 6:
            continue
        if signed_area(ring) < 0 or not result:  # clockwise: a new outer ring
            result.append([coords])
        else:
            result[-1].append(coords)
    return result


def alpha2(name: str, alpha3: str) -> str | None:
    if name in EXTRA_ALPHA2:
        return EXTRA_ALPHA2[name]
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 != "-99" else None
    return country.alpha_2 if country else None


def convert(source: str, target: str) -> None:
    reader = shapefile.Reader(source)  # encoding from the .cpg file
    countries = []
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record
        countries.append(
            {
                "a2": alpha2(record["name"], record["iso_a3"]),
                "a3": None if record["iso_a3"] == "-99" else record["iso_a3"],
                "name": record["name"],
                "polygons": polygons(shape_record.shape),
            }
        )
    countries.sort(key=lambda c: c["name"])
    document = {"source": SOURCE, "licence": "public domain", "countries": countries}
    Path(target).write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
