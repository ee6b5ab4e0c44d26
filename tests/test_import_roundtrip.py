"""Round trips that change nothing: our own contact exports import back as no change, and a
file of another list is refused with the list it looks like."""

from __future__ import annotations

import pytest

from relations_app import cli, jsonio
from relations_app.exchange import (
    ExchangeError,
    apply_contacts,
    export_file,
    preview_contacts,
    read_table,
)
from relations_app.services import contacts, organisations, posts


def ottawa_contacts() -> list[dict]:
    return [
        contacts.get_contact(r["id"])
        for r in contacts.list_contacts().rows
        if r["organisation"] == "Ambassade de France à Ottawa"
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_own_contact_export_imports_back_as_no_change(brest_db, tmp_path, suffix):
    posted = ottawa_contacts()
    assert len(posted) == 2 and all(c["positions"][0]["post_id"] for c in posted)
    before = jsonio.export_document()
    organisation_count = organisations.list_organisations().total
    target = tmp_path / f"contacts{suffix}"
    export_file(target, what="contacts")
    plan = preview_contacts(read_table(target))
    updates = [r for r in plan.rows if r.proposed == "merge"]
    assert updates and all(r.unchanged for r in updates)
    assert all(r.proposed == "merge" for r in plan.rows)  # nothing to decide, nothing created
    result = apply_contacts(plan)
    assert result.created == [] and result.updated == [] and result.organisations_created == []
    assert len(result.unchanged) == len(updates)
    assert organisations.list_organisations("Ottawa").total == 0
    assert organisations.list_organisations().total == organisation_count
    assert ottawa_contacts() == posted  # still at their post, same version
    assert jsonio.export_document() == before


def test_a_new_contact_named_at_a_post_is_placed_at_the_post(brest_db, tmp_path):
    (tmp_path / "c.csv").write_text(
        "Nom;Prénom;Courriel;Organisation\nNouvel;Agent;agent@example.org;"
        "ambassade de france a ottawa\n",
        encoding="utf-8",
    )
    result = apply_contacts(preview_contacts(read_table(tmp_path / "c.csv")))
    assert result.organisations_created == []
    post = posts.list_posts("Ottawa").rows[0]
    position = contacts.get_contact(result.created[0])["positions"][0]
    assert position["post_id"] == post["id"] and position["organisation_id"] is None


def test_an_update_that_changes_something_is_still_written(brest_db, tmp_path):
    (tmp_path / "c.csv").write_text(
        "Nom;Prénom;Courriel;Fonction\nCatta;Stéphane;stephane.catta@diplomatie.gouv.fr;Consul\n",
        encoding="utf-8",
    )
    plan = preview_contacts(read_table(tmp_path / "c.csv"))
    # proposed: merged into the contact of the same e-mail, whose own function stays
    assert plan.rows[0].proposed == "merge" and plan.rows[0].unchanged
    result = apply_contacts(plan, {2: "update"})  # the file's function over the contact's
    assert len(result.updated) == 1 and result.unchanged == []
    changed = contacts.get_contact(result.updated[0])["positions"][0]
    assert changed["function"] == "Consul" and changed["post_id"]  # still at the post


@pytest.mark.parametrize(
    ("what", "label"),
    [
        ("partners", "partenaires"),
        ("posts", "postes diplomatiques"),
        ("consulates", "consulats"),
        ("organisations", "organisations"),
        ("events", "événements"),
    ],
)
def test_a_file_of_another_list_is_refused_naming_it(brest_db, tmp_path, what, label):
    target = tmp_path / f"{what}.csv"
    export_file(target, what=what)
    with pytest.raises(ExchangeError, match=f"ressemble à la liste des {label}"):
        preview_contacts(read_table(target))


def test_the_cli_refuses_partners_csv_and_changes_nothing(brest_db, tmp_path, capsys):
    db = str(tmp_path / "brest.db")
    export_file(tmp_path / "partners.csv", what="partners")
    total = contacts.list_contacts().total
    assert cli.main(["--db", db, "import", str(tmp_path / "partners.csv")]) == 1
    err = capsys.readouterr().err
    assert "ressemble à la liste des partenaires" in err and "pas à une liste de contacts" in err
    assert contacts.list_contacts().total == total


def test_contact_files_from_elsewhere_are_still_accepted(brest_db, tmp_path):
    for header in ("Nom;Pays", "Last name;Company;Country", "Nom;Prénom;Notes"):
        (tmp_path / "c.csv").write_text(f"{header}\nDupont;x;y\n", encoding="utf-8")
        preview_contacts(read_table(tmp_path / "c.csv"))  # no refusal
