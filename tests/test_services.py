"""Services: list with search/filter/sort/paging in SQL, create, update, delete, versions."""

import json
from decimal import Decimal

import pytest

from relations_app import jsonio
from relations_app.db.models import Partner, Programme
from relations_app.services import (
    NotFoundError,
    StaleRecordError,
    consulates,
    contacts,
    delegations,
    events,
    funding,
    organisations,
    partners,
    posts,
    programmes,
    removal,
)
from relations_app.validation import ValidationError

pytestmark = pytest.mark.both_backends


def names(page):
    return [r["name"] for r in page.rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bejaia", "Béjaïa"),
        ("BÉJAÏA", "Béjaïa"),
        ("constantza", "Constanţa"),
        ("constanța", "Constanţa"),  # comma-below spelling finds the cedilla record
        ("kie", "Kiel"),
        ("haiphong", "Haïphong"),
        ("tierra", "Province de Terre de Feu"),
        ("allemagne", "Kiel"),
        ("sapone", "Saponé"),
    ],
)
def test_partner_search_is_accent_insensitive(brest_db, query, expected):
    assert expected in names(partners.list_partners(query))


def test_search_finds_non_latin_and_special_letters(db):
    for name, country in (("Łódź", "PL"), ("Москва", "RU"), ("Tromsø", "NO"), ("Đà Nẵng", "VN")):
        partners.create_partner({"name": name, "country": country, "kind": "friendship_city"})
    assert names(partners.list_partners("lodz")) == ["Łódź"]
    assert names(partners.list_partners("moskva")) == ["Москва"]
    assert names(partners.list_partners("tromso")) == ["Tromsø"]
    assert names(partners.list_partners("da nang")) == ["Đà Nẵng"]


def test_search_wildcards_are_literal(brest_db):
    assert partners.list_partners("%").total == 0
    assert partners.list_partners("_").total == 0


def test_filters_sort_and_paging(brest_db):
    twins = partners.list_partners(kind="twin_city")
    assert twins.total == 9
    assert names(twins)[:2] == ["Cadix", "Constanţa"]
    all_names = names(partners.list_partners())
    assert all_names[0] == "Béjaïa" and all_names.index("État de Veracruz") < all_names.index(
        "Haïphong"
    )
    page = partners.list_partners(offset=5, limit=5)
    assert page.total == 16 and names(page) == all_names[5:10]
    by_population = names(partners.list_partners(sort="population", descending=True, limit=2))
    assert by_population == ["État de Veracruz", "Haïphong"]
    assert names(partners.list_partners(country="AR")) == ["Chubut", "Province de Terre de Feu"]
    assert "Kiel" in names(partners.list_partners(theme="mer"))


def test_create_update_delete_partner(db):
    created = partners.create_partner(
        {
            "name": "Gdańsk",
            "country": "PL",
            "kind": "friendship_city",
            "population": "470 000",
            "themes": ["mer", "culture"],
            "aliases": ["Dantzig"],
            "key_figures": [{"label": "Ports", "value": "1"}],
        }
    )
    assert created["population"] == 470000 and created["version"] == 1
    assert created["themes"] == ["mer", "culture"]
    updated = partners.update_partner(created["id"], {"population": 471000}, expected_version=1)
    assert updated["population"] == 471000 and updated["version"] == 2
    assert updated["themes"] == ["mer", "culture"]  # untouched fields and links kept
    assert names(partners.list_partners("dantzig")) == ["Gdańsk"]
    removed = partners.delete_partner(created["id"])
    assert removed["record"]["name"] == "Gdańsk"
    with pytest.raises(NotFoundError, match="n'existe pas"):
        partners.get_partner(created["id"])


def test_invalid_update_changes_nothing(brest_db):
    kiel = partners.list_partners("kiel").rows[0]
    before = partners.get_partner(kiel["id"])
    with pytest.raises(ValidationError) as info:
        partners.update_partner(kiel["id"], {"population": "abc", "website": "pas une adresse"})
    assert set(info.value.errors) == {"population", "website"}
    assert "Population" in str(info.value)
    assert partners.get_partner(kiel["id"]) == before


def test_stale_edit_is_refused(brest_db):
    kiel_id = partners.list_partners("kiel").rows[0]["id"]
    partners.update_partner(kiel_id, {"population": 246000}, expected_version=1)
    with pytest.raises(StaleRecordError, match="modifié ailleurs"):
        partners.update_partner(kiel_id, {"population": 1}, expected_version=1)
    assert partners.get_partner(kiel_id)["population"] == 246000


def test_write_failing_midway_leaves_nothing(db):
    """A programme naming a partner that does not exist is not half-written."""
    with pytest.raises(Exception):  # noqa: B017 - the database refuses the link
        programmes.create_programme({"title": "Orphan", "partner_ids": ["no-such-partner"]})
    assert Programme.select().count() == 0


def test_programme_funding_is_exact_and_dates_ordered(brest_db):
    rimouski = partners.list_partners("rimouski").rows[0]["id"]
    created = programmes.create_programme(
        {
            "title": "Essai",
            "partner_ids": [rimouski],
            "start": "2021",
            "end": "2022-06",
            "funding": [
                {"funder": "MEAE", "amount_eur": "0.10", "year": 2021},
                {"funder": "MEAE", "amount_eur": "0.20", "year": 2021},
            ],
        }
    )
    record = programmes.get_programme(created["id"])
    assert record["funding_total_eur"] == "0.30"
    table = funding.funding_table(record["funding"])
    assert table.funders == ["MEAE"] and table.years == [2021]
    assert table.cell("MEAE", 2021) == Decimal("0.30") == table.total
    with pytest.raises(ValidationError, match="fin précède"):
        programmes.update_programme(created["id"], {"end": "2020"})
    with pytest.raises(ValidationError, match="négatif"):
        programmes.update_programme(
            created["id"], {"funding": [{"funder": "X", "amount_eur": "-5"}]}
        )


def test_programme_list_filters(brest_db):
    ongoing = programmes.list_programmes(status="ongoing")
    assert sorted(r["title"] for r in ongoing.rows) == [
        "CREA OCEAN",
        "Inn'O",
        "Échange d'agents Brest – Kiel",
        "Échange d'agents Brest – Yokosuka",
        "Échange de collégiens et lycéens Brest – Yokosuka",
    ]
    rimouski = partners.list_partners("rimouski").rows[0]["id"]
    titles = [
        r["title"] for r in programmes.list_programmes(partner_id=rimouski, sort="start").rows
    ]
    assert titles == ["OCEAN", "OCEAN 2", "OCEAN+", "Inn'O", "CREA OCEAN"]
    crea = programmes.list_programmes("crea ocean").rows[0]
    assert crea["partners"] == "Rimouski"


def test_contacts_positions_over_time(db):
    org = organisations.create_organisation({"name": "Mairie de Test", "kind": "local_authority"})
    person = contacts.create_contact(
        {
            "family_name": "Durand",
            "given_name": "Anne",
            "email": "anne@example.org",
            "positions": [
                {
                    "function": "Correspondante",
                    "organisation_id": org["id"],
                    "start": "2014",
                    "end": "2019",
                },
                {"function": "Directrice", "organisation_id": org["id"], "start": "2020"},
            ],
        }
    )
    assert person["function"] == "Directrice"
    row = contacts.list_contacts("durand").rows[0]
    assert row["function"] == "Directrice" and row["organisation"] == "Mairie de Test"
    assert [p["function"] for p in person["positions"]] == ["Correspondante", "Directrice"]
    with pytest.raises(ValidationError, match="fin précède"):
        contacts.update_contact(
            person["id"], {"positions": [{"function": "X", "start": "2020", "end": "2019"}]}
        )


def test_one_consulate_per_country(brest_db):
    with pytest.raises(ValidationError, match="existe déjà"):
        consulates.create_consulate({"country": "DE", "address": "ailleurs"})
    assert [r["country_name"] for r in consulates.list_consulates().rows] == [
        "Allemagne",
        "Danemark",
        "Finlande",
        "Norvège",
        "Pays-Bas",
        "Roumanie",
        "Suède",
    ]


def test_posts_events_and_delegations(brest_db):
    post = posts.list_posts("ottawa").rows[0]
    detail = posts.get_post(post["id"])
    assert {c["name"] for c in detail["contacts"]} == {"Sarah Vaillant", "Stéphane Catta"}
    assert [p["name"] for p in detail["partners"]] == ["Rimouski"]
    kiel = partners.list_partners("kiel").rows[0]["id"]
    assert [e["date"] for e in events.list_events(partner_id=kiel).rows] == ["2011", "2012", "2014"]
    created = delegations.create_delegation(
        {
            "title": "Mission à Kiel",
            "partner_ids": [kiel],
            "start": "2027-06-01",
            "end": "2027-06-04",
            "members": [{"name": "Maire", "side": "home"}],
            "agenda": [
                {
                    "date": "2027-06-02",
                    "start_time": "09:30",
                    "end_time": "11:00",
                    "timezone": "Europe/Berlin",
                    "subject": "Rathaus",
                }
            ],
        }
    )
    assert created["agenda"][0]["timezone"] == "Europe/Berlin"
    with pytest.raises(ValidationError, match="heure invalide"):
        delegations.update_delegation(
            created["id"],
            {"agenda": [{"date": "2027-06-02", "start_time": "25:00", "subject": "x"}]},
        )
    with pytest.raises(ValidationError, match="fuseau horaire inconnu"):
        delegations.update_delegation(
            created["id"],
            {"agenda": [{"date": "2027-06-02", "timezone": "Mars/Olympus", "subject": "x"}]},
        )


def test_deleting_a_partner_takes_its_timeline_and_links(brest_db):
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.delete_partner(kiel)
    assert events.list_events(partner_id=kiel).total == 0
    assert all("Kiel" not in r["partners"] for r in programmes.list_programmes().rows)
    assert jsonio.validate_document(jsonio.export_document())  # still self-consistent


def test_unknown_record(db):
    with pytest.raises(NotFoundError):
        partners.update_partner("nope", {"name": "x"})
    assert Partner.select().count() == 0


def test_deletion_snapshot_restores_everything_exactly(brest_db):
    before = jsonio.dumps(jsonio.export_document())
    kiel = partners.list_partners("kiel").rows[0]["id"]
    tmq = organisations.list_organisations("tmq").rows[0]["id"]
    crea = programmes.list_programmes("crea").rows[0]["id"]
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    assert partners.AREA.linked(kiel)["event"] == 3
    snaps = [
        partners.delete_partner(kiel),
        organisations.delete_organisation(tmq),
        programmes.delete_programme(crea),
        contacts.delete_contact(giguere),
    ]
    assert jsonio.dumps(jsonio.export_document()) != before
    for snap in reversed(snaps):
        removal.restore(json.loads(json.dumps(snap)))  # survives a trip through JSON
    assert jsonio.dumps(jsonio.export_document()) == before


def test_restore_refuses_when_the_place_is_taken(brest_db):
    de = consulates.consulate_for_country("DE")
    snap = consulates.delete_consulate(de["id"])
    consulates.create_consulate({"country": "DE", "address": "Nouvelle adresse"})
    with pytest.raises(removal.RestoreError, match="unique"):
        removal.restore(snap)
    assert consulates.consulate_for_country("DE")["address"] == "Nouvelle adresse"


@pytest.mark.parametrize("name", ["Kiel\x07", "Kiel\x0b", "Kiel\ud800", "Kiel\nBrest"])
def test_services_refuse_names_that_cannot_be_stored_or_exported(db, name):
    with pytest.raises(ValidationError) as info:
        partners.create_partner({"name": name, "country": "DE", "kind": "friendship_city"})
    assert info.value.field == "name"
    assert partners.list_partners().total == 0
