"""Import previews flag the rows that look like an existing contact (issue 14 §3): merge
into it (its blank fields filled, a different e-mail or phone kept in its notes) or create,
per row or all at once, in the window and on the command line; all or nothing."""

from __future__ import annotations

import io

import pytest

from relations_app import cli, jsonio
from relations_app.db import statements
from relations_app.exchange import ExchangeError, apply_contacts, preview_contacts
from relations_app.exchange.readers import read_csv_bytes
from relations_app.services import contacts, history_read, history_text, organisations

pytestmark = pytest.mark.both_backends

HEADER = "Nom;Prénom;Courriel;Téléphone;Notes\n"
SAME_EMAIL = "Giguere;Noemie;NGIGUERE@tmq.ca;+1 418 555 0100;Vue à Brest en 2024\n"
SAME_NAME = "Giguère;Noémie;noemie.giguere@example.org;;\n"
NEW = "Nouvelle;Personne;nouvelle@example.org;;\n"


def table(*rows: str):
    return read_csv_bytes((HEADER + "".join(rows)).encode(), "contacts.csv")


@pytest.fixture
def giguere(brest_db) -> dict:
    return contacts.get_contact(contacts.list_contacts("giguere").rows[0]["id"])


def test_same_email_is_flagged_and_merged_into_the_blank_fields(giguere):
    plan = preview_contacts(table(SAME_EMAIL))
    row = plan.rows[0]
    assert row.look_alike and row.flags() == "ressemble à Noémie Giguère (même courriel)"
    assert (row.proposed, row.target_id) == ("merge", giguere["id"])
    total = contacts.list_contacts().total
    result = apply_contacts(plan)
    assert result.created == [] and result.merged == [giguere["id"]]
    assert contacts.list_contacts().total == total  # the import created nobody
    after = contacts.get_contact(giguere["id"])
    assert after["phone"] == "+1 418-555-0100"  # blank before: filled
    assert after["email"] == "ngiguere@tmq.ca" and after["family_name"] == "Giguère"  # kept
    assert after["notes"] == giguere["notes"] + "\nVue à Brest en 2024"
    assert after["function"] == giguere["function"]
    line = history_read.record_history("contacts", giguere["id"])[0]
    assert (line.kind, line.origin) == ("merged", "import")
    assert line.fields["phone"] == [None, "+1 418-555-0100"]
    text = history_text.lines(line, history_text.Names.of([line]))[0]
    assert text.startswith("Fusion avec « Noemie Giguere (ligne 2 de contacts.csv) » (import)")
    assert "ressemble à" not in result.describe()
    assert "1 contact fusionné avec un contact existant" in result.describe()


def test_a_different_email_goes_to_the_notes_and_the_name_alone_asks(giguere):
    plan = preview_contacts(table(SAME_NAME, NEW))
    row = plan.rows[0]
    assert row.flags() == "ressemble à Noémie Giguère (même nom)" and row.proposed == "ask"
    assert plan.rows[1].proposed == "create" and not plan.rows[1].look_alike
    before = jsonio.export_document()
    with pytest.raises(ExchangeError) as info:
        apply_contacts(plan)  # undecided: refused whole, the new person included
    assert "rien n'a été enregistré" in str(info.value)
    assert "ligne 2, Noémie Giguère ressemble à Noémie Giguère (même nom)" in str(info.value)
    assert jsonio.export_document() == before
    result = apply_contacts(plan, plan.decide_look_alikes("merge"))
    after = contacts.get_contact(giguere["id"])
    assert after["email"] == "ngiguere@tmq.ca"  # never overwritten
    assert after["notes"].endswith("\nAutre courriel : noemie.giguere@example.org")
    assert result.merged == [giguere["id"]] and len(result.created) == 1
    again = preview_contacts(table(SAME_NAME))  # the same file again: nothing left to add
    assert again.rows[0].proposed == "merge" and again.rows[0].unchanged


def test_create_makes_a_new_contact(giguere):
    total = contacts.list_contacts().total
    plan = preview_contacts(table(SAME_EMAIL, "Beaulieu;Martin;martin@example.org;;\n"))
    assert len(plan.look_alikes()) == 2
    result = apply_contacts(plan, plan.decide_look_alikes("create"))
    assert len(result.created) == 2 and result.merged == []
    assert contacts.list_contacts().total == total + 2
    assert contacts.get_contact(giguere["id"]) == giguere
    with pytest.raises(ExchangeError, match="choix inconnu"):
        plan.decide_look_alikes("peut-être")


def test_a_different_phone_goes_to_the_notes(giguere):
    contacts.update_contact(giguere["id"], {"phone": "+1 418 555 0199"})
    plan = preview_contacts(table(SAME_EMAIL))
    apply_contacts(plan)
    after = contacts.get_contact(giguere["id"])
    assert after["phone"] == "+1 418-555-0199"
    assert "Autre téléphone : +1 418-555-0100" in after["notes"]


def test_the_preview_reads_the_same_few_statements_for_any_number_of_rows(brest_db):
    def cost(count: int) -> int:
        rows = [SAME_EMAIL, "Beaulieu;Martin;martin@example.org;;\n"] + [
            f"Nom{i};Prénom{i};p{i}@example.org;;\n" for i in range(count)
        ]
        source = table(*rows)
        with statements.counting() as counted:
            plan = preview_contacts(source)
        assert len(plan.look_alikes()) == 2
        return counted.statements

    assert cost(3) == cost(300)


def run(*args) -> int:
    return cli.main([str(a) for a in args])


def test_command_line_choices(giguere, brest_location, tmp_path, capsys, monkeypatch):
    db = brest_location.describe()
    path = tmp_path / "c.csv"
    path.write_text(HEADER + SAME_NAME + NEW, encoding="utf-8")
    before = jsonio.export_document()
    assert run("--db", db, "import", path) == 1  # ask, and no terminal to ask at
    err = capsys.readouterr().err
    assert "ligne 2, Noémie Giguère ressemble à Noémie Giguère (même nom)" in err
    assert "1 ligne ressemblant à un contact existant, sans décision" in err
    assert "Traceback" not in err
    assert jsonio.export_document() == before
    with pytest.raises(SystemExit) as info:
        run("--db", db, "import", path, "--look-alikes", "peut-être")
    assert info.value.code == 2 and "choix invalide : 'peut-être'" in capsys.readouterr().err

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("non\nf\n"))  # a wrong answer asked again
    assert run("--db", db, "import", path) == 0
    out = capsys.readouterr().out
    assert out.count("[f]usionner, [c]réer ou [i]gnorer ?") == 2
    assert "1 contact créé, 1 contact fusionné avec un contact existant" in out
    assert "Autre courriel" in contacts.get_contact(giguere["id"])["notes"]
    total = contacts.list_contacts().total
    assert run("--db", db, "import", path, "--look-alikes", "create") == 0
    assert "2 contacts créés" in capsys.readouterr().out
    assert contacts.list_contacts().total == total + 2


def test_a_broken_file_with_look_alikes_changes_nothing(giguere, brest_location, tmp_path, capsys):
    db = brest_location.describe()
    path = tmp_path / "c.csv"
    path.write_text(HEADER + SAME_EMAIL + "Durand;;pas-un-courriel;;\n", encoding="utf-8")
    before = jsonio.export_document()
    assert run("--db", db, "import", path, "--look-alikes", "merge") == 1
    assert "1 ligne avec erreurs" in capsys.readouterr().err
    path.write_bytes((HEADER + SAME_EMAIL).encode("utf-16"))
    assert run("--db", db, "import", path, "--look-alikes", "merge") == 1
    assert "UTF-16" in capsys.readouterr().err
    assert jsonio.export_document() == before


# -- the organisation column: an organisation that looks like an existing one ----------

ORG_HEADER = "Nom;Prénom;Courriel;Organisation\n"
AT_TMQ = "Lavoie;Anne;anne.lavoie@example.org;Technopole maritime du Québec (TMQ)\n"


def org_table(*rows: str):
    return read_csv_bytes((ORG_HEADER + "".join(rows)).encode(), "contacts.csv")


def tmq_id() -> str:
    return next(
        o["id"]
        for o in organisations.list_organisations().rows
        if o["name"] == "Technopole maritime du Québec"
    )


def test_an_organisation_that_looks_like_an_existing_one_is_flagged_and_used(brest_db):
    plan = preview_contacts(org_table(AT_TMQ))
    row = plan.rows[0]
    assert row.organisation_id is None and row.proposed == "create"  # not the same name
    assert row.organisation_flag() == (
        "organisation « Technopole maritime du Québec (TMQ) » : ressemble à "
        "« Technopole maritime du Québec » (même nom)"
    )
    assert plan.organisation_look_alikes() == [row]
    total = organisations.list_organisations().total
    result = apply_contacts(plan)
    assert result.organisations_created == []
    assert organisations.list_organisations().total == total  # no near-duplicate made
    anne = contacts.get_contact(result.created[0])
    assert anne["positions"][0]["organisation_id"] == tmq_id()


def test_an_organisation_look_alike_created_when_asked(brest_db):
    plan = preview_contacts(org_table(AT_TMQ))
    total = organisations.list_organisations().total
    result = apply_contacts(plan, None, "create")
    assert result.organisations_created == ["Technopole maritime du Québec (TMQ)"]
    assert organisations.list_organisations().total == total + 1
    with pytest.raises(ExchangeError, match="choix inconnu"):
        apply_contacts(preview_contacts(org_table(AT_TMQ)), None, "peut-être")


def test_organisation_look_alikes_cost_no_statement_per_row(brest_db):
    def cost(count: int) -> int:
        rows = [AT_TMQ] + [
            f"Nom{i};Prénom{i};p{i}@example.org;Technopole maritime du Québec (TMQ)\n"
            for i in range(count)
        ]
        source = org_table(*rows)
        with statements.counting() as counted:
            plan = preview_contacts(source)
        assert len(plan.organisation_look_alikes()) == count + 1
        return counted.statements

    assert cost(3) == cost(300)


def test_command_line_organisation_look_alikes(brest_location, tmp_path, capsys):
    db = brest_location.describe()
    path = tmp_path / "c.csv"
    path.write_text(ORG_HEADER + AT_TMQ, encoding="utf-8")
    assert run("--db", db, "import", path, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "ressemble à « Technopole maritime du Québec » (même nom) : l'existante utilisée" in out
    total = organisations.list_organisations().total
    assert run("--db", db, "import", path, "--look-alikes", "create") == 0
    out = capsys.readouterr().out
    assert ": organisation créée" in out and "1 organisation créée" in out
    assert organisations.list_organisations().total == total + 1
