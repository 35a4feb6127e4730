from decimal import Decimal

import pytest

from orders.shipping import (
    free_from_in,
    free_shipping_shortfall,
    qualifies_for_free_shipping,
    shipping_config,
    shipping_options,
)
from shop.money import BASE_RATE, Rate

POUNDS = Rate("GBP", Decimal(1))


def kinds_and_prices(options):
    return [(o.kind, o.price, o.is_free) for o in options]


def test_zones_price_each_method(db):
    config = shipping_config()
    assert kinds_and_prices(
        shipping_options(config=config, country="GB", base_subtotal=Decimal("20"), rate=POUNDS)
    ) == [
        ("standard", Decimal("3.95"), False),
        ("express", Decimal("7.95"), False),
    ]
    assert kinds_and_prices(
        shipping_options(config=config, country="UA", base_subtotal=Decimal("20"), rate=POUNDS)
    ) == [
        ("standard", Decimal("9.95"), False),
        ("express", Decimal("17.95"), False),
    ]
    assert kinds_and_prices(
        shipping_options(config=config, country="JP", base_subtotal=Decimal("20"), rate=POUNDS)
    ) == [
        ("standard", Decimal("14.95"), False),
        ("express", Decimal("27.95"), False),
    ]


def test_free_standard_shipping_compares_the_subtotal_in_dollars(db):
    config = shipping_config()
    # 100 USD at 1.27 is £78.74: £78.73 falls short, £78.75 qualifies.
    below = shipping_options(
        config=config, country="GB", base_subtotal=Decimal("78.73"), rate=POUNDS
    )
    above = shipping_options(
        config=config, country="GB", base_subtotal=Decimal("78.75"), rate=POUNDS
    )
    assert below[0].is_free is False
    assert above[0].is_free is True and above[0].price == 0
    assert above[1].is_free is False  # express is never free


def test_shortfall_is_shown_in_the_shoppers_currency(db):
    config = shipping_config()
    assert free_shipping_shortfall(
        config=config, base_subtotal=Decimal("23.95"), rate=POUNDS
    ) == Decimal("54.79")
    hryvnia = Rate("UAH", Decimal("52.50"))
    assert free_shipping_shortfall(
        config=config, base_subtotal=Decimal("23.95"), rate=hryvnia
    ) == Decimal("2876.48")
    assert free_shipping_shortfall(config=config, base_subtotal=Decimal("100"), rate=POUNDS) == 0


def test_cart_page_shows_the_free_shipping_progress(client, seed):
    client.post("/en/cart/add/", {"release": seed.pk, "quantity": "1"})
    page = client.get("/en/cart/?country=GB").content.decode()
    assert "£54.79 more for free shipping (Standard delivery)." in page
    client.post("/en/cart/add/", {"release": seed.pk, "quantity": "3"})
    assert "Your order ships free (Standard delivery)." in client.get("/en/cart/").content.decode()


def test_cart_estimate_tolerates_any_country_parameter(client, seed):
    client.post("/en/cart/add/", {"release": seed.pk, "quantity": "1"})
    for country in ["ZZ", "<b>", "gb", "", "U" * 300]:
        assert client.get("/en/cart/", {"country": country}).status_code == 200


def test_product_page_shipping_box_is_live(client, seed):
    page = client.get(seed.get_absolute_url()).content.decode()
    assert "Standard delivery is free on orders from £78.74 (US$100.00)." in page
    assert "4–5 business days, from £3.95" in page
    assert "Arrives" in page


@pytest.mark.parametrize(
    ("currency", "language", "shown"),
    [
        ("USD", "en", "Standard delivery is free on orders from US$100.00."),
        ("EUR", "en", "Standard delivery is free on orders from €92.13 (US$100.00)."),
        ("GBP", "uk", "безкоштовно для замовлень від 78,74"),
    ],
)
def test_the_free_shipping_threshold_is_in_the_shoppers_currency(
    client, seed, currency, language, shown
):
    client.cookies["currency"] = currency
    page = client.get(f"/{language}/records/{seed.slug}/").content.decode()
    assert shown in page


def test_a_basket_of_the_shown_threshold_ships_free_and_a_penny_less_does_not(db):
    method = shipping_config().free_shipping_method
    pounds = free_from_in(method, BASE_RATE)
    assert pounds == Decimal("78.74")
    assert qualifies_for_free_shipping(method, pounds)
    assert not qualifies_for_free_shipping(method, pounds - Decimal("0.01"))
