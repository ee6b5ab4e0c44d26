"""Offline geography: outlines, distances, the map projection and time differences."""

import itertools
from datetime import date, datetime, timedelta

import pytest

from relations_app import geo

BREST = (48.3904, -4.4861)


def test_outlines_load_with_iso_codes_and_proper_rings():
    countries = geo.load_countries()
    assert len(countries) == 177
    assert geo.load_countries() is countries  # parsed once
    codes = {c.a2 for c in countries}
    for code in ("FR", "DE", "CA", "JP", "BF", "AR", "VN", "NO", "RO"):
        assert code in codes, code
    france = geo.country_outline("fr")
    assert france is not None and france.name == "France"
    west, south, east, north = france.bbox
    assert west < BREST[1] < east and south < BREST[0] < north
    for country in countries:
        for polygon in country.polygons:
            assert all(len(ring) >= 3 for ring in polygon)
            assert all(
                -180 <= lon <= 180 and -90 <= lat <= 90 for ring in polygon for lon, lat in ring
            )
    assert geo.country_outline("ZZ") is None and geo.country_outline(None) is None


@pytest.mark.parametrize(
    ("there", "km"),
    [((54.3233, 10.1228), 1206), ((48.449, -68.523), 4582), ((48.3904, -4.4861), 0)],
)
def test_haversine_distance_from_brest(there, km):
    assert geo.distance_km(*BREST, *there) == pytest.approx(km, abs=2)


def test_paris_london_reference_distance():
    assert geo.distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.5)


def test_great_circle_ends_on_both_places_and_never_jumps():
    route = geo.great_circle(*BREST, 35.2813, 139.6722)
    assert route[0] == pytest.approx((BREST[1], BREST[0]), abs=1e-6)
    assert route[-1] == pytest.approx((139.6722, 35.2813), abs=1e-6)
    assert max(lat for _, lat in route) > 60  # the shortest way goes over Siberia
    across = geo.great_circle(-17.7, 178.0, -14.0, -172.0)  # Fiji to Samoa crosses 180°
    steps = [abs(b[0] - a[0]) for a, b in itertools.pairwise(across)]
    assert max(steps) < 5


def test_bbox_holds_the_points_has_the_wanted_shape_and_a_minimum_size():
    import math

    points = [(BREST[1], BREST[0]), (-4.1427, 50.3755)]  # Brest and Plymouth: very close
    box = geo.bbox_around(points, aspect=1.4)
    assert box.west < -4.49 < box.east and box.south < 48.39 and box.north > 50.37
    assert box.north - box.south >= 14
    k = math.cos(math.radians(box.centre_lat))
    assert (box.east - box.west) * k / (box.north - box.south) == pytest.approx(1.4, rel=0.02)


def test_bbox_crosses_the_antimeridian_rather_than_spanning_the_world():
    box = geo.bbox_around([(170.0, -40.0), (-170.0, -40.0)], aspect=1.0)
    assert box.east - box.west < 60
    projection = geo.Projection(box, 200, 200)
    x1, _ = projection.project(170.0, -40.0)
    x2, _ = projection.project(-170.0, -40.0)
    assert 0 < x1 < x2 < 200


def test_projection_maps_the_view_onto_the_rectangle_both_ways():
    box = geo.BBox(-10.0, 40.0, 10.0, 50.0)
    up = geo.Projection(box, 300, 150)
    assert up.project(-10, 40) == pytest.approx((0, 0))
    assert up.project(10, 50) == pytest.approx((300, 150))
    down = geo.Projection(box, 300, 150, y_down=True)
    assert down.project(-10, 50) == pytest.approx((0, 0))
    france = geo.country_outline("FR")
    assert up.shifts(france) == [0.0]
    assert up.shifts(geo.country_outline("JP")) == []


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (-360, "−6\u00a0h"),
        (330, "+5\u00a0h\u00a030"),
        (345, "+5\u00a0h\u00a045"),
        (0, "même heure"),
        (-210, "−3\u00a0h\u00a030"),
    ],
)
def test_format_hours(minutes, text):
    assert geo.format_hours(timedelta(minutes=minutes)) == text


def test_time_differences_follow_each_place_clock_changes():
    def describe(tz, day):
        return geo.describe_time_difference(tz, "Europe/Paris", day).replace("\u00a0", " ")

    winter, summer = date(2025, 1, 10), date(2025, 7, 10)
    assert describe("Europe/Berlin", winter) == "même heure"
    assert describe("America/Toronto", winter) == "−6 h"
    # North America changes its clocks three weeks before Europe.
    assert describe("America/Toronto", date(2025, 3, 20)) == "−5 h (−6 h le reste de l'année)"
    assert describe("Africa/Ouagadougou", winter) == "−1 h (−2 h en été)"
    assert describe("Africa/Ouagadougou", summer) == "−2 h (−1 h en hiver)"
    assert describe("Asia/Kolkata", winter) == "+4 h 30 (+3 h 30 en été)"
    assert geo.time_difference("Asia/Tokyo", "Europe/Paris", datetime(2025, 1, 1, 12)) == timedelta(
        hours=8
    )


def test_fine_outlines_for_printed_regions():
    """Issue 17 §2: at a region's scale the printed coast follows the 1:10m source
    (simplified to 0.05°) instead of the 1:110m angles: Brittany's peninsula, the Danish
    islands; world-wide views keep the light outlines."""
    fine = geo.load_countries(fine=True)
    assert geo.load_countries(fine=True) is fine
    by_code = {c.a2: c for c in fine if c.a2}
    coarse = {c.a2: c for c in geo.load_countries() if c.a2}
    for code in ("FR", "DE", "CA", "JP", "BF", "AR", "VN", "NO", "RO", "DK"):
        assert code in by_code, code

    def points(country: geo.Country) -> int:
        return sum(len(ring) for polygon in country.polygons for ring in polygon)

    assert points(by_code["FR"]) > 4 * points(coarse["FR"])
    assert len(by_code["DK"].polygons) > 5 * len(coarse["DK"].polygons)  # the islands
    # each polygon has its own box: the overseas parts of France lie outside Europe's view
    europe = geo.Projection(geo.BBox(-10, 40, 20, 60), 300, 200)
    shown = [box for box in by_code["FR"].boxes if europe.box_shifts(box)]
    assert 0 < len(shown) < len(by_code["FR"].boxes)


def test_a_regional_printed_map_draws_the_fine_outlines(monkeypatch):
    import io

    import reportlab.pdfgen.canvas

    from relations_app.reports.locator_map import LocatorMap, Place

    asked = []
    load = geo.load_countries

    def recording(fine: bool = False):
        asked.append(fine)
        return load(fine)

    monkeypatch.setattr(geo, "load_countries", recording)
    brest = Place("Brest", 48.39, -4.49, "FR")
    first_drawn = {}
    for place in (Place("Kiel", 54.32, 10.13, "DE"), Place("Yokosuka", 35.28, 139.67, "JP")):
        asked.clear()
        locator = LocatorMap(250, 150, place, brest)
        locator.canv = reportlab.pdfgen.canvas.Canvas(io.BytesIO())
        locator.draw()
        first_drawn[place.name] = asked[0]
    assert first_drawn == {"Kiel": True, "Yokosuka": False}  # a European view; half the world
    assert asked[-1] is True  # Japan's inset, a close view, draws the fine coast
