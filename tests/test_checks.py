"""The data checks: rules over what the services read, the Brest data's known findings."""

from datetime import date

from relations_app import checks
from relations_app.services import check_data


def test_the_brest_data_warnings(brest_db):
    warnings = checks.data_warnings(date(2026, 12, 1))
    assert len(warnings) == 7
    assert warnings[0].startswith("Programme « Inn'O » : statut « en cours »")
    assert any("« nrest@hk-diplo.de » ressemble à une faute de frappe" in w for w in warnings)
    assert any(w.startswith("Consulats DK, FI, NO, SE : même téléphone") for w in warnings)
    assert sum("les sources annoncent" in w for w in warnings) == 2
    [cedilla] = [w for w in warnings if "cédille" in w]
    assert cedilla.startswith("Partenaire « Constanţa » : écrit avec une cédille")
    assert "« Constanța » (virgule souscrite)" in cedilla and "les deux sont trouvées" in cedilla


def test_a_cedilla_name_without_its_comma_below_variant_is_flagged(brest_db):
    from relations_app.services import partners

    [row] = partners.list_partners("Constanţa").rows
    record = partners.get_partner(row["id"])
    partners.update_partner(row["id"], {"aliases": ["Constantza"]}, record["version"])
    [cedilla] = checks.cedilla_spellings()
    assert "ajoutez « Constanța » aux variantes du nom" in cedilla
    for spelling in ("Constanța", "Constanţa"):  # the search finds both spellings anyway
        assert [r["name"] for r in partners.list_partners(spelling).rows] == ["Constanţa"]


def test_what_the_checks_read(brest_db):
    assert check_data.partner_count() == 16
    assert 0 < check_data.partner_count("decentralised_cooperation") < 16
    assert [p.title for p in check_data.ongoing_programmes_with_end()][:2] == [
        "Inn'O",
        "CREA OCEAN",
    ]
    owners = [check_data.EmailOwner(*row) for row in check_data.email_owners()]
    [german] = [o for o in owners if o.email == "nrest@hk-diplo.de"]
    assert (german.describe(), german.collection, german.own_name) == (
        "Consulat (DE)",
        "consulates",
        "",
    )
    giguere = next(o for o in owners if o.family == "Giguère")
    assert giguere.describe() == f"Contact {giguere.given} Giguère"
    assert all(c.phone for c in check_data.consulate_phones())


def test_a_persons_own_name_in_their_address_is_no_slip(brest_db):
    from relations_app.db.models import Contact, Partner

    Partner.update(name="Baria").where(Partner.name == "Kiel").execute()
    giguere = Contact.get(Contact.family_name == "Giguère")
    Contact.update(
        given_name="Maria", family_name="Dupont", email="maria.dupont@example.com"
    ).where(Contact.id == giguere.id).execute()
    other = Contact.select().where(Contact.id != giguere.id).first()
    Contact.update(email="barla.office@example.com").where(Contact.id == other.id).execute()

    warnings = checks.suspicious_emails()
    assert not any("maria.dupont@" in w for w in warnings)
    assert any("barla.office@" in w and "« baria »" in w for w in warnings)


def test_the_address_check_reads_the_contacts_as_it_goes(db):
    """A million contacts' addresses held at once took 300 MB of the window's memory: they
    are read a few thousand at a time, so going through them holds a fraction of them."""
    import tracemalloc

    from relations_app.db.models import Contact, database

    count = 5 * check_data.ROWS_AT_ONCE
    with database.atomic():
        Contact.insert_many(
            {
                "family_name": f"Nom{i}",
                "given_name": f"Prénom{i}",
                "email": f"p{i}.n{i}@example.org",
            }
            for i in range(count)
        ).execute()
    next(check_data.email_owners())  # the statements compiled once, outside the count
    tracemalloc.start()
    try:
        seen = sum(1 for _row in check_data.email_owners())
        _, going_through = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        held = list(check_data.email_owners())
        _, holding = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == len(held) == count
    assert going_through < holding / 2
