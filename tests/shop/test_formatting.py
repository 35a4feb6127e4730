import datetime
from decimal import Decimal

import pytest

from shop.formatting import format_money, format_partial_date, write_whole_units_of
from shop.models import Currency
from shop.rounding import PriceRounding


@pytest.mark.parametrize(
    ("currency", "language", "expected"),
    [
        ("GBP", "en", "£1,257.38"),
        ("USD", "en", "US$1,257.38"),
        ("EUR", "en", "€1,257.38"),
        ("UAH", "en", "₴1,257.38"),
        ("GBP", "uk", "1\xa0257,38\xa0£"),
        ("USD", "uk", "1\xa0257,38\xa0US$"),
        ("EUR", "uk", "1\xa0257,38\xa0€"),
        ("UAH", "uk", "1\xa0257,38\xa0₴"),
    ],
)
def test_every_currency_has_its_symbol_in_every_language(currency, language, expected):
    assert format_money(Decimal("1257.38"), currency, language) == expected


def test_currency_without_minor_units_shows_none():
    assert format_money(Decimal("4562"), "JPY", "en") == "JP¥4,562"
    assert format_money(Decimal("4562"), "JPY", "uk") == "4\xa0562\xa0¥"


def test_a_currency_cldr_has_no_symbol_for_keeps_its_code():
    assert format_money(Decimal("5"), "XTS", "en") == "XTS5.00"


def test_money_groups_thousands_for_the_locale():
    assert format_money(Decimal("1234.50"), "UAH", "uk") == "1\xa0234,50\xa0₴"
    assert format_money(Decimal("1234.50"), "GBP", "en") == "£1,234.50"


@pytest.mark.parametrize(
    ("precision", "language", "expected"),
    [
        ("day", "en", "2 February 2024"),
        ("day", "uk", "2 лютого 2024\u202fр."),
        ("month", "en", "February 2024"),
        ("month", "uk", "лютий 2024\u202fр."),
        ("year", "en", "2024"),
        ("year", "uk", "2024"),
    ],
)
def test_release_dates_show_only_what_is_known(precision, language, expected):
    assert format_partial_date(datetime.date(2024, 2, 2), precision, language) == expected


def test_unknown_language_falls_back_to_english_formats():
    assert format_money(Decimal("5"), "GBP", "de") == "£5.00"


@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        ("1257", "uk", "1\xa0257\xa0₴"),
        ("1257", "en", "₴1,257"),
        ("4133.85", "uk", "4\xa0133,85\xa0₴"),  # a threshold, not a price: as it is
        ("0", "en", "₴0"),
    ],
)
def test_whole_unit_currencies_are_written_without_minor_digits(amount, language, expected):
    write_whole_units_of(["UAH"])
    assert format_money(Decimal(amount), "UAH", language) == expected
    assert format_money(Decimal("24.00"), "GBP", language) in ("£24.00", "24,00\xa0£")


def test_whole_units_follow_the_staff_rule(client, seed):
    """Saved as in the admin: the change reaches the next page at once."""
    hryvnia = Currency.objects.get(code="UAH")
    client.cookies["currency"] = "UAH"
    assert "1\xa0257\xa0₴" in client.get(f"/uk/records/{seed.slug}/").content.decode()

    hryvnia.rounding = PriceRounding.MINOR_UNIT
    hryvnia.save()
    assert "1\xa0257,38\xa0₴" in client.get(f"/uk/records/{seed.slug}/").content.decode()
