"""Rounded prices from the product page to Stripe: the order stores what the shopper saw.

Dollars end in .99 and hryvnias are whole (the starting rules). The basket:
3 × £17.50 and 1 × £9.99, sent by express (£17.95) to Ukraine.
  USD at 1.27:  22.225 -> 21.99, 12.6873 -> 12.99, shipping 22.7965 -> 22.99
  UAH at 52.50: 918.75 -> 919,   524.475 -> 524,   shipping 942.375 -> 942
"""

from decimal import Decimal

import pytest
from django.utils.html import escape

from orders.models import Order
from orders.stripe_gateway import minor_units
from shop.models import DefaultCurrency
from tests.factories import make_release
from tests.orders.helpers import add_to_cart, check_out


@pytest.fixture
def records(db):
    return make_release(price=Decimal("17.50")), make_release(price=Decimal("9.99"))


@pytest.fixture
def basket(client, records):
    first, second = records
    add_to_cart(client, first, 3)
    add_to_cart(client, second, 1)
    return records


def in_dollars(client):
    client.post("/en/currency/", {"currency": "USD"})


def test_each_page_shows_the_same_rounded_prices(client, records):
    in_dollars(client)
    first, second = records
    assert "US$21.99" in client.get(f"/en/records/{first.slug}/").content.decode()
    listing = client.get("/en/records/").content.decode()
    assert "US$21.99" in listing and "US$12.99" in listing


def test_the_cart_subtotal_is_the_sum_of_its_rounded_lines(client, basket):
    in_dollars(client)
    page = client.get("/en/cart/").content.decode()
    for shown in ["US$21.99", "US$65.97", "US$12.99", "US$78.96"]:
        assert escape(shown) in page
    # Rounding the exact subtotal instead (62.49 × 1.27 = 79.3623) would disagree.
    assert "US$79.36" not in page


def test_the_order_stores_the_prices_shown_and_stripe_charges_its_total(
    client, basket, fake_stripe
):
    in_dollars(client)
    check_out(client)

    order = Order.objects.get()
    lines = {line.unit_price: line for line in order.lines.all()}
    assert sorted(lines) == [Decimal("12.99"), Decimal("21.99")]
    assert lines[Decimal("21.99")].line_total == Decimal("65.97")
    assert order.subtotal == sum(line.line_total for line in order.lines.all())
    assert (order.subtotal, order.shipping_price, order.total) == (
        Decimal("78.96"),
        Decimal("22.99"),
        Decimal("101.95"),
    )
    session = fake_stripe.sessions[order.stripe_session]
    charged = sum(
        int(item["price_data"]["unit_amount"]) * int(item["quantity"])
        for item in session["line_items"]
    ) + int(session["shipping_options"][0]["shipping_rate_data"]["fixed_amount"]["amount"])
    assert charged == minor_units(order.total, "USD") == 10195


def test_whole_hryvnias_from_cart_to_order(client, basket, demo_payments):
    client.post("/uk/currency/", {"currency": "UAH"})
    page = client.get("/uk/cart/").content.decode()
    assert escape("2\xa0757\xa0₴") in page  # 3 × 919
    assert escape("3\xa0281\xa0₴") in page  # + 524

    check_out(client, "uk")

    order = Order.objects.get()
    assert (order.currency, order.subtotal, order.shipping_price, order.total) == (
        "UAH",
        Decimal("3281"),
        Decimal("942"),
        Decimal("4223"),
    )


def test_a_shopper_without_a_choice_orders_in_the_language_default(client, basket, demo_payments):
    DefaultCurrency.objects.create(language="uk", currency_id="UAH")
    check_out(client, "uk")

    order = Order.objects.get()
    assert (order.currency, order.total) == ("UAH", Decimal("4223"))


def test_the_free_shipping_threshold_is_exchanged_not_priced(client, records):
    # £78.74 is the least basket worth US$100; in hryvnias it is 4,133.85 at 52.50,
    # stated as it is rather than rounded like a price to ₴4,134.
    client.post("/en/currency/", {"currency": "UAH"})
    page = client.get(f"/en/records/{records[0].slug}/").content.decode()
    assert "Standard delivery is free on orders from ₴4,133.85 (US$100.00)." in page
