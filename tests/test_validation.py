"""Invalid fields are refused with the field named and a French reason."""

from decimal import Decimal

import pytest

from relations_app.validation import Field, ValidationError, clean, clean_value, display_phone


def refused(field, value):
    with pytest.raises(ValidationError) as info:
        clean_value(field, value)
    assert info.value.field == field.name
    return info.value.reason


@pytest.mark.parametrize("value", ["abc", "a@", "@x.fr", "a b@x.fr", "x@localhost"])
def test_bad_emails(value):
    assert "e-mail invalide" in refused(Field("email", "Courriel", "email"), value)


def test_good_email_is_kept_without_network():
    assert (
        clean_value(Field("email", "Courriel", "email"), " ngiguere@tmq.ca ") == "ngiguere@tmq.ca"
    )


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("02.98.33.56.63", "+33 2 98 33 56 63"),
        ("02 98 80 32 70", "+33 2 98 80 32 70"),
        ("06 65 21 66 05", "+33 6 65 21 66 05"),
        ("+1 418 723 0000", "+1 418-723-0000"),
    ],
)
def test_phones_are_normalised_french_by_default(raw, stored):
    assert clean_value(Field("phone", "Téléphone", "phone"), raw) == stored


def test_home_numbers_display_in_national_format():
    assert display_phone("+33 2 98 44 49 95") == "02 98 44 49 95"
    assert display_phone("+1 418-723-0000") == "+1 418-723-0000"


@pytest.mark.parametrize("value", ["abc", "12", "02 98", "+99 123"])
def test_bad_phones(value):
    assert "téléphone" in refused(Field("phone", "Téléphone", "phone"), value)


@pytest.mark.parametrize(
    "value", ["abc", "javascript:alert(1)", "ftp://x.org", "http://", "http://a b.fr"]
)
def test_bad_urls(value):
    assert "adresse web invalide" in refused(Field("website", "Site web", "url"), value)


def test_url_without_scheme_gets_https():
    assert clean_value(Field("website", "Site web", "url"), "tmq.ca") == "https://tmq.ca"


@pytest.mark.parametrize("value", [999, 2201, "19a5", "abc", 1995.5, True])
def test_years_out_of_range_or_not_numbers(value):
    reason = refused(Field("agreement_year", "Année", "year"), value)
    assert "année" in reason


def test_population_must_be_a_non_negative_integer():
    f = Field("population", "Population", "int", minimum=0)
    assert "abc" in refused(f, "abc")
    assert "au moins 0" in refused(f, -5)
    assert clean_value(f, "24 000") == 24000


def test_amounts_are_exact_non_negative_decimals():
    f = Field("amount_eur", "Montant", "money")
    assert clean_value(f, "12000") == Decimal("12000.00")
    assert clean_value(f, "17 150,50") == Decimal("17150.50")
    assert clean_value(f, 0.1) == Decimal("0.10")
    assert "négatif" in refused(f, "-1")
    assert "deux décimales" in refused(f, "1.005")
    assert "montant invalide" in refused(f, "NaN")


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2017", True),
        ("2019-05", True),
        ("2018-12-31", True),
        ("2019-13", False),
        ("2019-02-30", False),
        ("31/12/2018", True),
        ("2019-13-01", False),
        ("12/31/2018", False),
    ],
)
def test_partial_dates(value, ok):
    f = Field("start", "Début", "date")
    if ok:
        assert clean_value(f, value) in (value, "2018-12-31")
    else:
        assert "invalide" in refused(f, value) or "n'existe pas" in refused(f, value)


def test_country_codes_and_required_fields():
    assert clean_value(Field("country", "Pays", "country"), "de") == "DE"
    assert "inconnu" in refused(Field("country", "Pays", "country"), "XX")
    assert refused(Field("name", "Nom", required=True), "   ") == "ce champ est obligatoire"


def test_text_too_long_is_refused():
    assert refused(Field("name", "Nom"), "x" * 501) == "texte trop long (500 caractères au plus)"


def test_clean_reports_every_invalid_field_with_french_labels():
    fields = (Field("name", "Nom", required=True), Field("email", "Courriel", "email"))
    with pytest.raises(ValidationError) as info:
        clean(fields, {"name": "", "email": "abc"})
    assert set(info.value.errors) == {"name", "email"}
    assert "Nom : ce champ est obligatoire" in str(info.value)
    assert "Courriel : adresse e-mail invalide" in str(info.value)


@pytest.mark.parametrize(
    ("kind", "value", "reason"),
    [
        ("text", "Cloche\x07", "caractère de contrôle invisible U+0007"),
        ("text", "Tab\vulation", "caractère de contrôle invisible U+000B"),
        ("text", "Sonnerie\x9b", "caractère de contrôle invisible U+009B"),
        ("text", "Nul\x00", "caractère de contrôle invisible U+0000"),
        ("text", "Deux\tcolonnes", "tabulation non permise dans ce champ"),
        ("text", "Deux\nlignes", "retour à la ligne non permis dans ce champ"),
        ("text", "Deux\rlignes", "retour à la ligne non permis dans ce champ"),
        ("text", "Kiel\ud800", "caractère invalide U+D800"),
        ("longtext", "Un\nDeux\n\x0bTrois", "U+000B non permis, ligne 3 du texte"),
        ("longtext", "Texte \udfff", "caractère invalide U+DFFF"),
        ("email", "a\x07@b.fr", "U+0007"),
    ],
)
def test_texts_that_cannot_be_stored_or_exported(kind, value, reason):
    """An XLSX sheet cannot hold control characters, SQLite cannot store lone surrogates."""
    assert reason in refused(Field("name", "Nom", kind), value)


def test_multi_line_texts_keep_tabs_and_line_breaks():
    notes = Field("notes", "Notes", "longtext")
    assert clean_value(notes, "Un\r\n\tDeux\rTrois") == "Un\n\tDeux\nTrois"


@pytest.mark.parametrize(
    ("kind", "value"),
    [("int", 1e30), ("int", 2**63), ("int", -(2**63) - 1), ("int", "1" * 40), ("year", 1e300)],
)
def test_integers_beyond_a_column_are_refused(kind, value):
    assert "nombre hors limites" in refused(Field("population", "Population", kind), value)


def test_integer_column_bounds_are_kept():
    field = Field("population", "Population", "int")
    assert clean_value(field, 2**63 - 1) == 2**63 - 1
    assert clean_value(field, -(2**63)) == -(2**63)


def test_messages_quote_values_short_and_printable():
    assert refused(Field("lat", "Latitude", "lat"), 10**400).endswith(
        "0000000000000000000… » n'est pas une latitude en degrés décimaux"
    )
    assert refused(Field("n", "Nom", "int"), [[[1]]]) == "« […] » n'est pas un nombre entier"
    assert refused(Field("n", "Nom", "int"), "x\ud800") == "« x\\ud800 » n'est pas un nombre entier"
