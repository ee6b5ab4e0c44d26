"""Dates, times and amounts are read as a French person types them and refused for the real
reason; dates are shown one way ("7 juin 2027") and partial dates stay partial."""

from decimal import Decimal

import pytest

from relations_app import i18n
from relations_app.dates import format_date, parse_date, parse_time
from relations_app.validation import Field, ValidationError, clean_value


def refused(field, value):
    with pytest.raises(ValidationError) as info:
        clean_value(field, value)
    return info.value.reason


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("07/06/2027", "2027-06-07"),
        ("7/6/27", "2027-06-07"),
        ("7.6.2027", "2027-06-07"),
        ("juin 2027", "2027-06"),
        ("Juin 2027", "2027-06"),
        ("06/2027", "2027-06"),
        ("2027", "2027"),
        ("7 juin 2027", "2027-06-07"),
        ("1er juin 2027", "2027-06-01"),
        ("11 juin 2027", "2027-06-11"),
        ("7 févr. 2027", "2027-02-07"),
        ("15 aout 2027", "2027-08-15"),
        ("2027-06-07", "2027-06-07"),
        ("2027-06", "2027-06"),
        ("7 June 2027", "2027-06-07"),
        ("June 7, 2027", "2027-06-07"),
        ("5/3/98", "1998-03-05"),
    ],
)
def test_typed_dates_are_stored_as_partial_iso(typed, stored):
    assert parse_date(typed) == stored
    assert clean_value(Field("start", "Début", "date"), typed) == stored


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2027", "le 31 février 2027 n'existe pas"),
        ("2019-02-30", "le 30 février 2019 n'existe pas"),
        ("13/2027", "mois invalide : 13 (de 1 à 12)"),
        ("7 jui 2027", "mois inconnu : « jui » dans « 7 jui 2027 »"),
        ("7 juin", "année manquante dans « 7 juin »"),
        ("demain", "date invalide : « demain » (par exemple 7/6/2027"),
        ("999", "date invalide"),
        ("0999-01-01", "année hors limites (1000–2200) : 999"),
    ],
)
def test_wrong_dates_get_their_real_reason(typed, reason):
    assert reason in refused(Field("start", "Début", "date"), typed)


def test_dates_show_the_same_way_in_french_and_in_english():
    assert format_date("2027-06-07", "fr") == "7 juin 2027"
    assert format_date("2027-06-01", "fr") == "1er juin 2027"
    assert format_date("2027-06", "fr") == "juin 2027"
    assert format_date("2027", "fr") == "2027"
    assert format_date("2027-06-07", "en") == "7 June 2027"
    assert format_date("2027-06", "en") == "June 2027"
    assert format_date("pas une date", "fr") == "pas une date"
    for value in ("2027-06-07", "2027-06", "2027", "2027-06-01"):  # shown, then read back
        for language in ("fr", "en"):
            assert parse_date(format_date(value, language)) == value


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("8h", "08:00"),
        ("8 h 30", "08:30"),
        ("08:30", "08:30"),
        ("8:30", "08:30"),
        ("20h05", "20:05"),
        ("8H30", "08:30"),
        ("9", "09:00"),
    ],
)
def test_times_as_typed(typed, stored):
    assert parse_time(typed) == stored
    assert clean_value(Field("start_time", "Heure de début", "time"), typed) == stored


@pytest.mark.parametrize("typed", ["25h", "8h75", "830", "midi"])
def test_wrong_times_say_what_is_expected(typed):
    reason = refused(Field("start_time", "Heure de début", "time"), typed)
    assert reason.startswith(f"heure invalide : « {typed} »")
    assert "8 h 30" in reason


@pytest.mark.parametrize("typed", ["10 500,50", "10500.5", "10 500,50 €", "10\u202f500,50\u00a0€"])
def test_amounts_as_typed(typed):
    assert clean_value(Field("amount_eur", "Montant (€)", "money"), typed) == Decimal("10500.50")


def test_amount_shown_with_its_currency_reads_back():
    assert clean_value(Field("amount_eur", "Montant (€)", "money"), "10 500 €") == Decimal(
        "10500.00"
    )


@pytest.mark.parametrize(
    ("kind", "typed", "reason"),
    [
        ("date", "11 juin 2027 ou peut-être le 12 juin 2027, à voir", "date invalide"),
        ("time", "8 h 30 du matin, heure de Brest", "heure invalide"),
        ("country", "République démocratique du Congo", "code pays ISO 3166 inconnu"),
        ("timezone", "Amérique/Saint-Jean de Terre-Neuve (heure d'été)", "fuseau horaire inconnu"),
        ("phone", "0" * 80, "numéro trop long"),
        ("email", "a" * 330 + "@x.fr", "adresse e-mail trop longue"),
        ("url", "https://x.fr/" + "a" * 2000, "adresse web trop longue"),
    ],
)
def test_long_input_is_never_refused_as_too_long_text(kind, typed, reason):
    """Only a text field is "texte trop long"; every other kind says what it expected."""
    got = refused(Field("x", "X", kind), typed)
    assert reason in got
    assert "texte trop long" not in got


def test_english_interface_gets_english_reasons():
    i18n.set_language("en")
    try:
        assert refused(Field("start", "Début", "date"), "31/02/2027") == (
            "31 February 2027 does not exist"
        )
        assert refused(Field("name", "Nom", required=True), "") == "this field is required"
        assert format_date("2027-06-07") == "7 June 2027"
    finally:
        i18n.set_language("fr")
    assert refused(Field("name", "Nom", required=True), "") == "ce champ est obligatoire"
    assert format_date("2027-06-07") == "7 juin 2027"


@pytest.mark.parametrize(
    ("language", "typed", "amount"),
    [
        ("fr", "10.500,50", "10500.50"),
        ("fr", "10,5", "10.50"),
        ("en", "€10,500.50", "10500.50"),
        ("en", "€10,500", "10500.00"),
        ("en", "10,5", "10.50"),
    ],
)
def test_amounts_with_grouping_marks_of_either_language(language, typed, amount):
    i18n.set_language(language)
    try:
        assert clean_value(Field("amount_eur", "Montant (€)", "money"), typed) == Decimal(amount)
    finally:
        i18n.set_language("fr")
