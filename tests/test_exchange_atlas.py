"""Atlas records: both layouts of the seeds, variants, matching, preview, one-transaction apply."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from relations_app import cli, jsonio
from relations_app.exchange import ExchangeError, apply_atlas, parse_atlas, plan_atlas
from relations_app.exchange.atlas_text import dedupe
from relations_app.services import contacts, organisations, posts, programmes

DATA = Path(__file__).parent / "data"
INNO = (DATA / "atlas_inno_003.txt").read_text(encoding="utf-8")  # "|" tables, values on own lines
CREA = (DATA / "atlas_crea_ocean_004.txt").read_text(encoding="utf-8")  # plain space-separated rows


def test_markdown_layout_seed_003():
    r = parse_atlas(INNO)
    assert (r.title, r.convention_year, r.start_year, r.status, r.end) == (
        "Inn'O",
        2010,
        2017,
        "ongoing",
        "2018-12-31",
    )
    assert (r.theme, r.sub_theme, r.sub_sub_theme) == (
        "Economie durable",
        "Attractivité des territoires",
        "Pôles de compétitivité, clusters, filières",
    )
    assert r.form == "Projet de coopération décentralisée" and r.triennial is False
    assert r.communication_france is None and r.evaluation_done is None  # the section is absent
    assert [(o.name, o.country) for o in r.foreign_partners] == [
        ("Technopole Maritime du Québec", "CA"),
        ("Société de Promotion Economique de Rimouski", "CA"),
    ]
    giguere, beaulieu = r.foreign_contacts
    assert (
        giguere.family_name,
        giguere.given_name,
        giguere.function,
        giguere.email,
        giguere.organisation,
    ) == ("Giguère", "Noémie", "Directrice", "ngiguere@tmq.ca", "Technopole Maritime du Québec")
    assert beaulieu.email == "mbeaulieu@soper-rimouski.ca"
    assert r.post_name == "Ambassade de France à Ottawa"
    assert [(p.family_name, p.given_name, p.email) for p in r.post_contacts] == [
        ("Vaillant", "Sarah", "sarah.vaillant@diplomatie.gouv.fr"),
        ("Catta", "Stéphane", "stephane.catta@diplomatie.gouv.fr"),
    ]
    assert r.post_contacts[1].function == "Conseiller de coopération et d'action culturelle"
    assert [(f.funder[:10], f.amount, f.water_amount, f.year) for f in r.funding] == [
        ("Ministère ", Decimal(12000), None, 2017),
        ("Ministère ", Decimal(12000), None, 2018),
        ("Brest métr", Decimal(12000), None, 2017),
        ("Brest métr", Decimal(12000), None, 2018),
        ("Collectivi", Decimal(24000), None, 2017),
        ("Collectivi", Decimal(24000), None, 2018),
    ]
    assert r.local_authorities == ["Brest métropole"] and r.volunteers == "" and r.warnings == []
    # The seed repeats paragraphs: each is kept once.
    assert r.context.count("De même, la croissance bleue") == 1 and len(r.context.split("\n")) == 4
    assert r.history.count("La régularité de ces échanges") == 1 and len(r.history.split("\n")) == 5
    assert r.objectives.split("\n") == [
        "Objectifs locaux :",
        "Plus grande transversalité entre les politiques locales et régionales",
        "Plus grande lisibilité à l’échelle nationale, atlantique et internationale",
        "Objectifs en France :",
        "Plus grande transversalité entre les politiques locales et régionales",
        "Plus grande lisibilité à l’échelle nationale, atlantique et internationale",
    ]


def test_plain_layout_seed_004():
    r = parse_atlas(CREA)
    assert (r.title, r.start_year, r.end, r.sub_sub_theme) == (
        "CREA OCEAN",
        2019,
        "2020-12-31",
        "Entreprises",
    )
    assert (
        r.owners
        == "Brest métropole, SOPER, Technopôle Brest-Iroise, Pôle Mer Bretagne Atlantique, MRIF"
    )
    assert r.beneficiaries.startswith("Les jeunes entrepreneurs")
    assert (r.communication_france, r.communication_partner, r.evaluation_done, r.triennial) == (
        True,
        True,
        True,
        False,
    )
    assert [(o.name, o.country) for o in r.foreign_partners] == [
        ("Technopole Maritime du Québec", "CA"),
        ("SOPER", "CA"),
    ]
    giguere, beaulieu = r.foreign_contacts
    assert (
        giguere.organisation,
        giguere.family_name,
        giguere.given_name,
        giguere.function,
        giguere.email,
    ) == (
        "Technopole Maritime du Québec",
        "Giguère",
        "Noémie",
        "Directrice générale",
        "ngiguere@tmq.ca",
    )
    assert (beaulieu.organisation, beaulieu.family_name, beaulieu.function) == (
        "SOPER",
        "Beaulieu",
        "Directeur général",
    )
    assert [(f.funder, f.amount, f.year) for f in r.funding][:3] == [
        ("Ministère de l'Europe et des Affaires étrangères", Decimal(10500), 2019),
        ("Ministère de l'Europe et des Affaires étrangères", Decimal(10500), 2020),
        ("Brest métropole", Decimal(12000), 2019),
    ]
    assert sum(f.amount for f in r.funding) == Decimal(79300)
    assert [p.email for p in r.post_contacts] == [
        "sarah.vaillant@diplomatie.gouv.fr",
        "stephane.catta@diplomatie.gouv.fr",
    ]
    assert len(r.context.split("\n")) == 6 and r.warnings == []


def variant(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


BUENOS_AIRES = variant(
    INNO,
    ("Ambassade de France à Ottawa", "Ambassade de France à Buenos Aires"),
    ("Titre\nInn'O", "Titre\nMer australe"),
    ("Economie durable", "Environnement, climat et énergie"),
    ("Attractivité des territoires", "Océans et littoraux"),
    ("Pôles de compétitivité, clusters, filières", "Aires marines protégées"),
    (
        "Thématique éligible | Sous-thématique | Sous-sous-thématique | Priorité |\n---|",
        "Thématique éligible | Sous-thématique | Sous-sous-thématique | Priorité |\n---|\n"
        "Enseignement supérieur | Coopération universitaire | Échanges | Non |",
    ),
    ("Technopole Maritime du Québec | Canada", "Université nationale de Terre de Feu | Argentine"),
    (
        "Société de Promotion Economique de Rimouski | Canada",
        "Agence de développement d'Ushuaïa | Argentine",
    ),
    (
        "Technopole Maritime du Québec | Giguère | Noémie | Directrice | ngiguere@tmq.ca",
        "Université nationale de Terre de Feu | PÉREZ | Lucía | Rectrice | lperez[at]untdf.edu.ar",
    ),
    (
        "Société de Promotion Economique de Rimouski | Beaulieu",
        "Agence de développement d'Ushuaïa | Beaulieu",
    ),
    ("En cours", "Terminé"),
    ("31/12/2018", ""),
    (
        "Brest et Rimouski ont précédemment coopéré",
        "Brest et la Terre de Feu ont précédemment coopéré",
    ),
)


def test_variant_other_post_themes_countries_status_and_empty_end_date():
    r = parse_atlas(BUENOS_AIRES)
    assert r.post_name == "Ambassade de France à Buenos Aires"
    assert (r.theme, r.sub_sub_theme) == (
        "Environnement, climat et énergie",
        "Aires marines protégées",
    )
    assert r.other_themes == ["Enseignement supérieur › Coopération universitaire › Échanges › Non"]
    assert r.status == "finished" and r.end is None
    assert {o.country for o in r.foreign_partners} == {"AR"}
    assert (
        r.foreign_contacts[0].family_name == "Pérez"
        and r.foreign_contacts[0].email == "lperez@untdf.edu.ar"
    )


def test_variant_missing_sections_and_statuses():
    text = (
        CREA.split("Historique")[0]
        + "Objectif du partenariat\n"
        + CREA.split("Objectif du partenariat")[1]
    )
    text = variant(text, ("En cours", "Achevé"))
    text = text.split("Financement du partenariat")[0]  # no funding, no evaluation, no volunteers
    r = parse_atlas(text)
    assert (
        r.history == "" and r.funding == [] and r.status == "finished" and r.evaluation_done is None
    )
    assert r.objectives.startswith("Objectifs locaux")
    odd = parse_atlas(variant(INNO, ("En cours", "Suspendu"), ("31/12/2018", "31/02/2018")))
    assert odd.status is None and odd.end is None
    assert any("Suspendu" in w for w in odd.warnings) and any(
        "31/02/2018" in w for w in odd.warnings
    )


def test_repeated_paragraphs_and_headings_kept_once():
    repeated = variant(
        CREA,
        ("Contexte\n", "Contexte\n" + "Paragraphe répété.\n" * 3),
        (
            "Description détaillée du partenariat\n",
            "Description détaillée du partenariat\nDescription détaillée du partenariat\n",
        ),
    )
    r = parse_atlas(repeated)
    assert r.context.count("Paragraphe répété.") == 1 and r.description.startswith(
        "Le projet CREA OCEAN"
    )
    assert dedupe(["A", "B", "C", "A", "B", "C", "D", "A"]) == ["A", "B", "C", "D"]
    assert dedupe(["x :", "A", "y :", "A", "A"]) == ["x :", "A", "y :", "A"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Bonjour,\nvoici le compte rendu de la réunion.\nTitre\n",
        "\x00\x01garbage" * 50,
        "Titre\nContexte\nHistorique\n",
    ],
)
def test_garbage_is_refused(text):
    with pytest.raises(
        ExchangeError, match=r"ne ressemble pas à une fiche de l'Atlas|pas de titre"
    ):
        parse_atlas(text)


def test_plan_links_existing_records_in_the_brest_dataset(brest_db):
    before = jsonio.export_document()
    plan = plan_atlas(parse_atlas(CREA))
    assert jsonio.export_document() == before  # a preview writes nothing
    assert plan.programme_action == "update" and plan.programme_id
    assert [p.name for p in plan.partners] == ["Rimouski"]
    assert {i.name: i.action for i in plan.organisations.values()}[
        "Société de Promotion Economique de Rimouski"
    ] == "link"
    assert all(i.action == "link" for i in plan.organisations.values())
    assert all(p.action == "link" for p in plan.people) and plan.post.action == "link"
    text = "\n".join(plan.describe())
    assert "existe déjà : à mettre à jour" in text and "total 79\u202f300,00 €" in text


def test_preview_of_a_record_whose_status_is_not_recognised(brest_db):
    plan = plan_atlas(parse_atlas(variant(INNO, ("En cours", "Suspendu"))))
    text = "\n".join(plan.describe())
    assert "statut : non renseigné" in text and "Statut non reconnu : « Suspendu »" in text


def test_apply_update_keeps_links_and_replaces_funding(brest_db):
    programme_id = plan_atlas(parse_atlas(CREA)).programme_id
    old = programmes.get_programme(programme_id)
    counts = (
        organisations.list_organisations().total,
        contacts.list_contacts().total,
        posts.list_posts().total,
    )
    result = apply_atlas(plan_atlas(parse_atlas(CREA)))
    new = programmes.get_programme(programme_id)
    assert result.programme_action == "update" and not result.created
    assert new["funding_total_eur"] == "79300.00" and len(new["funding"]) == 6
    assert set(old["partner_ids"]) <= set(new["partner_ids"])
    assert {(o["organisation_id"], o["role"]) for o in old["organisations"]} <= {
        (o["organisation_id"], o["role"]) for o in new["organisations"]
    }
    assert counts == (
        organisations.list_organisations().total,
        contacts.list_contacts().total,
        posts.list_posts().total,
    )


def test_apply_on_an_empty_database_creates_everything_once(db):
    first = apply_atlas(plan_atlas(parse_atlas(INNO)))
    assert first.created["organisations"] == [
        "Technopole Maritime du Québec",
        "Société de Promotion Economique de Rimouski",
        "Brest métropole",
    ]
    assert len(first.created["contacts"]) == 4 and first.created["posts"] == [
        "Ambassade de France à Ottawa"
    ]
    inno = programmes.get_programme(first.programme_id)
    assert (
        inno["kind"] == "cooperation_project"
        and inno["status"] == "ongoing"
        and inno["end"] == "2018-12-31"
    )
    assert (
        inno["start"] == "2017" and inno["convention_year"] == 2010 and inno["triennial"] is False
    )
    assert len(inno["contacts"]) == 4 and inno["contacts"][0]["function"] == "Directrice"
    second_plan = plan_atlas(parse_atlas(CREA))  # SOPER: the organisation of Martin Beaulieu
    assert second_plan.programme_action == "create"
    assert any("rapproché" in w for w in second_plan.warnings)
    second = apply_atlas(second_plan)
    assert "organisations" not in second.created and "contacts" not in second.created
    assert len(contacts.list_contacts().rows) == 4 and len(posts.list_posts().rows) == 1
    vaillant = next(c for c in contacts.list_contacts("vaillant").rows)
    assert vaillant["organisation"] == "Ambassade de France à Ottawa"


def test_other_post_is_created_in_the_partners_country_and_partner_found_by_name(brest_db):
    plan = plan_atlas(parse_atlas(BUENOS_AIRES))
    assert (plan.post.action, plan.post.country, plan.post.city) == ("create", "AR", "Buenos Aires")
    assert [p.name for p in plan.partners] == ["Province de Terre de Feu"]
    result = apply_atlas(plan)
    programme = programmes.get_programme(result.programme_id)
    assert programme["status"] == "finished" and programme["end"] is None
    assert "Autres thématiques : Enseignement supérieur" in programme["notes"]


def test_a_failure_during_apply_changes_nothing(brest_db, monkeypatch):
    before = jsonio.export_document()
    plan = plan_atlas(parse_atlas(BUENOS_AIRES))

    def broken(*_args, **_kwargs):
        raise ExchangeError("panne simulée")

    monkeypatch.setattr(programmes, "create_programme", broken)
    with pytest.raises(ExchangeError, match="panne simulée"):
        apply_atlas(plan)
    assert jsonio.export_document() == before


def test_invalid_values_are_errors_before_anything_is_written(db):
    plan = plan_atlas(
        parse_atlas(
            variant(
                INNO, ("Année de début du partenariat\n2017", "Année de début du partenariat\n2030")
            )
        )
    )
    assert plan.errors and "fin" in plan.errors[0].lower()
    with pytest.raises(ExchangeError, match="non importée"):
        apply_atlas(plan)
    assert programmes.list_programmes().total == 0


def run(*args):
    return cli.main([str(a) for a in args])


def test_cli_atlas_import(brest_db, tmp_path, capsys, monkeypatch):
    db = tmp_path / "brest.db"
    (tmp_path / "ba.txt").write_text(BUENOS_AIRES, encoding="cp1252", errors="replace")
    before = jsonio.export_document()
    assert run("--db", db, "import", "--atlas", "--dry-run", tmp_path / "ba.txt") == 0
    out = capsys.readouterr().out
    assert (
        "Programme « Mer australe » : à créer" in out
        and "Poste diplomatique « Ambassade de France à Buenos Aires » : à créer" in out
    )
    assert "rien n'a été enregistré" in out
    run("--db", db, "export", tmp_path / "after.json")
    assert jsonio.read_document(tmp_path / "after.json") == before
    monkeypatch.setattr("sys.stdin", io.StringIO(CREA))
    assert run("--db", db, "import", "--atlas", "-") == 0
    assert "Importé depuis - : programme mis à jour" in capsys.readouterr().out
    (tmp_path / "junk.txt").write_text("rien à voir\n", encoding="utf-8")
    assert run("--db", db, "import", "--atlas", tmp_path / "junk.txt") == 1
    err = capsys.readouterr().err
    assert "ne ressemble pas à une fiche de l'Atlas" in err and err.count("\n") == 1
