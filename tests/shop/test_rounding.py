"""Price rounding rules: each at its edges, and staff changing one in the admin."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from shop.models import Currency
from shop.money import Rate, current_rate, offered_rates
from shop.rounding import PriceRounding, round_price

MINOR, HALF, WHOLE, NINETY_NINE = (
    PriceRounding.MINOR_UNIT,
    PriceRounding.HALF_UNIT,
    PriceRounding.WHOLE_UNIT,
    PriceRounding.NINETY_NINE,
)
HUGE = Decimal("123456789012.3456")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("30.00", "30.00"),
        ("30.01", "30.01"),
        ("1.985", "1.99"),  # half-way: up
        ("1.9849", "1.98"),
        ("30.99", "30.99"),
        ("0.30", "0.30"),
        ("0.004", "0.01"),  # a positive price is never free
        ("0", "0.00"),
        (HUGE, "123456789012.35"),
    ],
)
def test_to_the_minor_unit(amount, expected):
    assert round_price(Decimal(amount), MINOR, "GBP") == Decimal(expected)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1257.375", "1257"),
        ("1257.00", "1257"),
        ("1257.01", "1257"),
        ("1257.49", "1257"),
        ("1257.495", "1257"),  # not 1257.50 first, then 1258: rounded once
        ("1257.50", "1258"),  # half-way: up
        ("1257.985", "1258"),
        ("1257.99", "1258"),
        ("0.30", "1"),  # below one: the least whole price, never free
        ("0.50", "1"),
        ("0", "0"),  # free shipping stays free
        (HUGE, "123456789012"),
    ],
)
def test_whole_units(amount, expected):
    assert round_price(Decimal(amount), WHOLE, "UAH") == Decimal(expected)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("30.4165", "29.99"),  # the seed record: 23.95 × 1.27
        ("30.00", "29.99"),  # exactly whole: one cent down, not 99 up
        ("30.01", "29.99"),
        ("30.4899", "29.99"),
        ("30.49", "30.99"),  # half-way between 29.99 and 30.99: up
        ("30.985", "30.99"),
        ("30.99", "30.99"),  # already x.99: kept
        ("31.00", "30.99"),
        ("0.30", "0.99"),  # below one: the least .99 price
        ("0.01", "0.99"),
        ("1.49", "1.99"),
        ("0", "0.00"),
        (HUGE, "123456789011.99"),
    ],
)
def test_ending_in_99(amount, expected):
    assert round_price(Decimal(amount), NINETY_NINE, "USD") == Decimal(expected)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("25.68", "25.50"),
        ("25.74", "25.50"),
        ("25.75", "26.00"),  # half-way: up
        ("25.25", "25.50"),
        ("25.00", "25.00"),
        ("25.99", "26.00"),
        ("0.20", "0.50"),
    ],
)
def test_nearest_half_unit(amount, expected):
    assert round_price(Decimal(amount), HALF, "EUR") == Decimal(expected)


def test_rules_keep_the_currency_minor_unit():
    assert str(round_price(Decimal("1257.375"), WHOLE, "UAH")) == "1257.00"
    assert str(round_price(Decimal("30.4165"), NINETY_NINE, "USD")) == "29.99"
    # Yen have no cents: half units and .99 endings fall back to whole yen.
    assert round_price(Decimal("4562.4"), HALF, "JPY") == Decimal("4562")
    assert round_price(Decimal("4562.4"), NINETY_NINE, "JPY") == Decimal("4562")


def test_a_difference_keeps_its_size_whatever_its_sign():
    assert round_price(Decimal("-30.4165"), NINETY_NINE, "USD") == Decimal("-29.99")


def test_conversion_applies_the_rule_to_the_exact_product():
    dollars = Rate("USD", Decimal("1.27"), NINETY_NINE)
    assert dollars.convert(Decimal("23.95")) == Decimal("29.99")
    assert dollars.convert(Decimal("0")) == Decimal("0.00")
    # Bounds such as a free-shipping threshold are exchanged, not priced.
    assert dollars.exchange(Decimal("23.95")) == Decimal("30.42")
    assert Rate("GBP", Decimal(1)).convert(Decimal("23.95")) == Decimal("23.95")


def test_starting_currencies_have_shop_rounding(db):
    rates = offered_rates()
    assert {code: rate.rounding for code, rate in rates.items()} == {
        "GBP": MINOR,
        "USD": NINETY_NINE,
        "EUR": MINOR,
        "UAH": WHOLE,
    }
    assert current_rate("UAH") == Rate("UAH", Decimal("52.50"), WHOLE)


@pytest.fixture
def admin_client(db):
    staff = User.objects.create_superuser("staff", "s@example.com", "pw")
    client = Client()
    client.force_login(staff)
    return client


def set_rule(admin_client, code, rule):
    currency = Currency.objects.get(code=code)
    url = reverse("admin:shop_currency_change", args=[code])
    form = {
        "code": code,
        "rate": str(currency.rate),
        "rounding": rule,
        "active": "on",
        "position": str(currency.position),
    }
    return admin_client.post(url, form)


def test_a_rule_change_shows_on_the_next_cached_page(admin_client, seed):
    shopper = Client()
    shopper.cookies["currency"] = "EUR"
    url = f"/en/records/{seed.slug}/"
    assert "€28.02" in shopper.get(url).content.decode()
    assert "€28.02" in shopper.get(url).content.decode()  # now served from the cache

    assert set_rule(admin_client, "EUR", HALF).status_code == 302

    page = shopper.get(url).content.decode()
    assert "€28.00" in page and "€28.02" not in page
    assert Currency.objects.get(code="EUR").rounding == HALF


def test_base_prices_change_only_when_staff_set_a_rule_for_them(admin_client, seed):
    url = f"/en/records/{seed.slug}/"
    assert "£23.95" in Client().get(url).content.decode()

    assert set_rule(admin_client, "GBP", NINETY_NINE).status_code == 302

    assert "£23.99" in Client().get(url).content.decode()


def test_an_unknown_rule_is_refused_in_the_admin(admin_client, db):
    response = set_rule(admin_client, "USD", "17")

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Currency.objects.get(code="USD").rounding == NINETY_NINE


def test_the_admin_lists_each_currency_rule(admin_client, db):
    page = admin_client.get(reverse("admin:shop_currency_changelist")).content.decode()
    assert "Price rounding" in page
    assert "Ending in .99 (28.99)" in page


def test_rules_are_named_in_both_languages():
    with override("uk"):
        assert str(PriceRounding.WHOLE_UNIT.label) == "До цілих (29)"
        assert str(PriceRounding.NINETY_NINE.label) == "Із закінченням ,99 (28,99)"
    with override("en"):
        assert str(PriceRounding.NINETY_NINE.label) == "Ending in .99 (28.99)"
