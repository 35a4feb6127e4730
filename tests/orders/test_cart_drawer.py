"""The cart drawer: what "Add to cart" answers a script with, in the shopper's language."""

import re

import pytest

from tests.factories import add_image, make_release

JSON = {"HTTP_ACCEPT": "application/json"}


def add(client, release, quantity="1", language="en"):
    return client.post(
        f"/{language}/cart/add/", {"release": release.pk, "quantity": quantity}, **JSON
    )


def test_adding_answers_the_drawer_with_the_line_subtotal_and_free_shipping(client, seed):
    add_image(seed)
    response = add(client, seed, "2")

    assert response.status_code == 200
    result = response.json()
    assert result["count"] == 2 and not result["capped"]
    drawer = result["drawer"]
    assert "Added to your cart" in drawer
    assert seed.full_title.replace("'", "&#x27;") in drawer
    assert "2 × £23.95" in drawer
    assert re.search(r"Subtotal \(2 copies\)</span>\s*<strong>£47.90</strong>", drawer)
    # The demo threshold is 100 US dollars: the rest of the way, and a bar for it.
    assert "more for free shipping." in drawer
    progress = int(re.search(r'<progress max="100" value="(\d+)"', drawer)[1])
    assert 0 < progress < 100
    assert 'href="/en/checkout/"' in drawer and 'href="/en/cart/"' in drawer


def test_enough_for_free_shipping_fills_the_bar(client, db):
    dear = make_release(title="Box Set", price="90.00")
    drawer = add(client, dear).json()["drawer"]
    assert "This order ships free." in drawer or "Your order ships free." in drawer
    assert '<progress max="100" value="100"' in drawer


def test_the_drawer_speaks_ukrainian(client, seed):
    drawer = add(client, seed, language="uk").json()["drawer"]
    assert "Додано до кошика" in drawer
    assert "Разом (1 примірник)" in drawer
    assert "Переглянути кошик" in drawer


def test_more_than_in_stock_says_so_in_the_drawer(client, db):
    scarce = make_release(title="Rare One", stock=1)
    result = add(client, scarce, "3").json()
    assert result["capped"] and result["count"] == 1
    assert "Only 1 copy is available" in result["drawer"]
    assert "message--error" in result["drawer"]


@pytest.mark.parametrize("quantity", ["0", "-1", "abc", "9" * 30])
def test_bad_quantities_get_a_message_and_no_drawer(client, seed, quantity):
    response = add(client, seed, quantity)
    assert response.status_code == 400
    assert "drawer" not in response.json() and response.json()["message"]


def test_without_javascript_adding_still_redirects_to_the_cart(client, seed):
    response = client.post("/en/cart/add/", {"release": seed.pk, "quantity": "1"})
    assert response.status_code == 302 and response["Location"] == "/en/cart/"
