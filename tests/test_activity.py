"""The year in figures (issue 15 §3): the activity report's numbers on the bundled Brest
data, checked against totals worked out by hand from ``resources/data/*.yaml``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from relations_app import dataset
from relations_app.db import models
from relations_app.services import delegations, events, partners, programmes
from relations_app.services.activity import activity_year

pytestmark = pytest.mark.both_backends

MEAE = "Ministère de l'Europe et des Affaires étrangères"
OTHERS = "Collectivités et partenaires étrangers"


def _titles(items) -> set[str]:
    return {item.title for item in items}


def test_2019_in_figures(brest_db):
    year = activity_year(2019)
    # Every partner is active; the latest link, Terre de Feu, began in 2016.
    assert year.partners_by_kind == [
        ("Ville jumelle", 9),
        ("Ville amie", 2),
        ("Coopération décentralisée", 5),
    ]
    # Started 2019: CREA OCEAN, the Halong bays, Terre de Feu 2019-2021.  Still running
    # from before: Veracruz (2010, no end), the Kiel staff exchange (2011), SapEAUné (2011).
    assert _titles(year.started) == {
        "CREA OCEAN",
        "Gestion intégrée des baies d'Halong, de Cat Ba et de Bai Tu Long",
        "Projet triennal de coopération Brest – Terre de Feu 2019-2021",
    }
    assert len(year.programmes) == 6 and year.ended == []
    assert {"SapEAUné", "Échange d'agents Brest – Kiel"} <= _titles(year.programmes)
    assert "Inn'O" not in _titles(year.programmes)  # ended 31 December 2018
    # Funding 2019: MEAE 4 000 (Terre de Feu) + 10 500 (CREA OCEAN), Brest métropole
    # 12 000, foreign partners 17 150 (CREA OCEAN).
    assert year.funding_by_funder == [
        (OTHERS, Decimal("17150.00")),
        (MEAE, Decimal("14500.00")),
        ("Brest métropole", Decimal("12000.00")),
    ]
    assert year.funding_total == Decimal("43650.00")
    assert year.funding_by_country == [
        ("Canada", Decimal("39650.00")),
        ("Argentine", Decimal("4000.00")),
    ]
    assert [p.title for p in year.annex] == [
        "CREA OCEAN",
        "Projet triennal de coopération Brest – Terre de Feu 2019-2021",
    ]
    assert year.annex[0].funding_total == Decimal("39650.00")
    # Events: the bays project's launch, the elections and the MEAE's approval (May).
    assert len(year.events) == 3 and year.visits == []
    by_name = {p.name: p for p in year.partner_years}
    assert len(by_name["Province de Terre de Feu"].events) == 2
    assert [p.title for p in by_name["Rimouski"].programmes] == ["CREA OCEAN"]
    assert set(by_name) == {
        "État de Veracruz",
        "Haïphong",
        "Kiel",
        "Province de Terre de Feu",
        "Rimouski",
        "Saponé",
    }


def test_a_year_only_end_counts_in_its_year(brest_db):
    year = activity_year(2018)
    # Ending in 2018: Inn'O (31/12/2018), the fish-aggregating device ("2018", no start)
    # and the Plymouth Erasmus+ project ("2018", no start).
    assert _titles(year.ended) == {
        "Inn'O",
        "Dispositif de concentration de poissons (DCP) en baie d'Halong",
        "Projet Erasmus+ éducation Brest – Plymouth",
    }
    assert len(year.programmes) == 6  # with Veracruz, Kiel and SapEAUné
    assert year.funding_total == Decimal("48000.00")  # Inn'O: 12 000 + 12 000 + 24 000
    assert year.funding_by_country == [("Canada", Decimal("48000.00"))]
    assert len(year.events) == 1  # the end of the DCP project


def test_a_partner_counts_from_the_year_its_link_began(brest_db):
    # 2012: Terre de Feu (2016) not yet; a finished programme counts only up to its end.
    year = activity_year(2012)
    assert year.partners_by_kind[-1] == ("Coopération décentralisée", 4)
    assert _titles(year.ended) == {"20 YOH", "OCEAN"}
    assert _titles(year.started) == {"20 YOH"}
    kiel = next(p for p in year.partner_years if p.name == "Kiel")
    assert {p.title for p in kiel.programmes} == {"20 YOH", "Échange d'agents Brest – Kiel"}
    # 1990: Béjaïa (1995) and every cooperation partner (2007 onwards) not yet.
    early = activity_year(1990)
    assert early.partners_by_kind == [("Ville jumelle", 9), ("Ville amie", 1)]
    # A link no longer active is left out of every year.
    kiel_id = dataset.stable_id("partners", "kiel")
    partners.update_partner(kiel_id, {"active": False})
    assert activity_year(2019).partners_by_kind[0] == ("Ville jumelle", 8)


def test_delegations_in_and_out_and_cancelled_ones_left_out(brest_db):
    kiel = dataset.stable_id("partners", "kiel")
    delegations.create_delegation(
        {
            "title": "Accueil de Kiel",
            "direction": "incoming",
            "start": "2019-09-02",
            "partner_ids": [kiel],
        }
    )
    delegations.create_delegation(
        {
            "title": "Mission annulée",
            "direction": "outgoing",
            "status": "cancelled",
            "start": "2019-10-01",
            "partner_ids": [kiel],
        }
    )
    delegations.create_delegation(
        {"title": "Sans début", "direction": "outgoing", "end": "2019-11"}
    )
    year = activity_year(2019)
    assert [v.title for v in year.incoming] == ["Accueil de Kiel"]
    assert [v.title for v in year.outgoing] == ["Sans début"]
    assert [v.title for v in activity_year(2027).outgoing] == [
        "Mission à Rimouski autour de CREA OCEAN (exemple)"
    ]
    by_name = {p.name: p for p in year.partner_years}
    assert [v.title for v in by_name["Kiel"].visits] == ["Accueil de Kiel"]


def test_a_year_with_nothing_recorded_is_empty(brest_db):
    year = activity_year(1970)
    assert year.empty and year.funding_by_funder == [] and year.partner_years == []
    # Dun Laoghaire (1984) and Saponé (1989) not yet: Denver, Kiel and the five twin
    # cities whose first year is not recorded.
    assert year.partners_by_kind == [("Ville jumelle", 7), ("Ville amie", 1)]


class Statements:
    def __init__(self, database) -> None:
        self.count = 0
        self.execute = database.execute_sql

    def __call__(self, sql, params=None, *args, **kwargs):
        self.count += 1
        return self.execute(sql, params, *args, **kwargs)


def test_the_queries_do_not_grow_with_the_records(brest_db, monkeypatch):
    database = models.database.obj
    counter = Statements(database)
    monkeypatch.setattr(database, "execute_sql", counter)

    def measure() -> int:
        counter.count = 0
        activity_year(2019)
        return counter.count

    def add(count: int) -> None:
        partner = partners.create_partner(
            {"name": "Ville test", "country": "PL", "kind": "twin_city"}
        )
        for index in range(count):
            programmes.create_programme(
                {
                    "title": f"Programme {index}",
                    "start": "2019",
                    "partner_ids": [partner["id"]],
                    "funding": [
                        {"funder": f"Financeur {index}", "amount_eur": "100", "year": 2019}
                    ],
                }
            )
            events.create_event({"date": "2019-03", "title": "Fait", "partner_id": partner["id"]})
            delegations.create_delegation(
                {"title": f"Visite {index}", "start": "2019-04-01", "partner_ids": [partner["id"]]}
            )

    add(1)
    few = measure()
    add(30)
    many = measure()
    assert many == few and few <= 16, (few, many)  # 9 for the year, 6 for its APD summary
