import datetime
from decimal import Decimal

import pytest

from shop.formatting import format_money, format_partial_date


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "£23.95"), ("uk", "23,95\xa0GBP")],
)
def test_money_is_formatted_for_the_language(language, expected):
    assert format_money(Decimal("23.95"), "GBP", language) == expected


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
