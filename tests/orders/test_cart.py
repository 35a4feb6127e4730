import pytest
from django.test import Client
from django.utils.html import escape

from orders.models import CartLine
from tests.factories import add_image, make_artist, make_release

ADD = "/en/cart/add/"
UPDATE = "/en/cart/update/"


def add(client, release, quantity="1", **extra):
    return client.post(ADD, {"release": release.pk, "quantity": quantity, **extra})


def test_shopper_adds_a_record_without_javascript(client, seed):
    response = add(client, seed)

    assert response.status_code == 302
    assert response["Location"] == "/en/cart/"
    page = client.get("/en/cart/").content.decode()
    assert "Miles Davis – Ascenseur Pour L&#x27;Echafaud" in page
    assert "is in your cart." in page
    assert "£23.95" in page
    assert '<span class="mini-cart__count" data-cart-count>1</span>' in page


def test_adding_again_adds_up_and_the_subtotal_follows(client, seed):
    add(client, seed, "2")
    add(client, seed, "1")

    assert CartLine.objects.get().quantity == 3
    assert "£71.85" in client.get("/en/cart/").content.decode()


def test_quantity_is_capped_by_stock_with_a_clear_message(client, db):
    release = make_release(stock=2)

    add(client, release, "5")

    assert CartLine.objects.get().quantity == 2
    page = client.get("/en/cart/").content.decode()
    assert "Only 2 copies are available, so your cart holds 2." in page


def test_sold_out_record_cannot_be_added(client, db):
    release = make_release(stock=0)
    response = add(client, release)
    assert response.status_code == 400
    assert "Sorry, this record is sold out." in response.content.decode()
    assert not CartLine.objects.exists()


@pytest.mark.parametrize("quantity", ["0", "-1", "abc", "1e3", "99999", "", " ", "1.5", "١"])
def test_bad_quantities_are_a_localized_400(client, seed, quantity):
    response = client.post("/uk/cart/add/", {"release": seed.pk, "quantity": quantity})

    assert response.status_code == 400
    assert "Будь ласка, введіть кількість від 1 до 99." in response.content.decode()
    assert not CartLine.objects.exists()


@pytest.mark.parametrize("release_id", ["999999", "abc", "", "1 OR 1=1", "-5"])
def test_unknown_releases_are_refused(client, db, release_id):
    response = client.post(ADD, {"release": release_id, "quantity": "1"})
    assert response.status_code == 400
    assert "This record is not for sale." in response.content.decode()


def test_unpublished_release_is_refused(client, db):
    assert add(client, make_release(published=False)).status_code == 400
    assert not CartLine.objects.exists()


def test_a_price_sent_by_the_browser_is_ignored(client, seed):
    add(client, seed, price="0.01", total="0.01", currency="XYZ")
    page = client.get("/en/cart/").content.decode()
    assert "£23.95" in page
    assert "0.01" not in page


def test_adding_without_a_csrf_token_is_refused(seed):
    client = Client(enforce_csrf_checks=True)
    assert add(client, seed).status_code == 403
    assert not CartLine.objects.exists()


def test_changing_and_removing_lines(client, seed):
    add(client, seed, "1")

    client.post(UPDATE, {"release": seed.pk, "quantity": "3"})
    assert CartLine.objects.get().quantity == 3

    response = client.post(UPDATE, {"release": seed.pk, "quantity": "0"})
    assert response.status_code == 302
    assert not CartLine.objects.exists()
    page = client.get("/en/cart/").content.decode()
    assert "Your cart is empty." in page
    assert "was removed from your cart" in page


@pytest.mark.parametrize("quantity", ["-1", "x", "100"])
def test_bad_updates_change_nothing(client, seed, quantity):
    add(client, seed, "2")
    response = client.post(UPDATE, {"release": seed.pk, "quantity": quantity})
    assert response.status_code == 400
    assert CartLine.objects.get().quantity == 2


def test_javascript_add_answers_with_json_and_the_new_count(client, seed):
    response = client.post(
        ADD, {"release": seed.pk, "quantity": "2"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert response.cookies["cart_count"].value == "2"

    error = client.post(
        ADD, {"release": seed.pk, "quantity": "0"}, headers={"accept": "application/json"}
    )
    assert error.status_code == 400
    assert "quantity between 1 and 99" in error.json()["message"]


def test_a_tampered_cart_cookie_gives_an_empty_cart(client, seed):
    add(client, seed)
    client.cookies["cart"] = "not-a-signed-value"
    client.cookies["cart_count"] = "<b>9</b>"

    page = client.get("/en/cart/").content.decode()

    assert "Your cart is empty." in page
    assert '<span class="mini-cart__count" data-cart-count>0</span>' in page


def test_each_browser_has_its_own_cart(seed):
    first, second = Client(), Client()
    add(first, seed, "2")
    assert "Your cart is empty." in second.get("/en/cart/").content.decode()


def test_cart_is_priced_in_the_chosen_currency(client, seed):
    client.post("/en/currency/", {"currency": "UAH"})
    add(client, seed, "2")
    page = client.get("/uk/cart/").content.decode()
    # Hryvnias are priced in whole units: 23.95 × 52.50 = 1,257.375 is ₴1,257 a copy.
    assert escape("2\xa0514\xa0₴") in page


def test_sold_out_while_in_the_cart_drops_the_line_on_update(client, db):
    release = make_release(stock=3)
    add(client, release, "2")
    release.stock = 0
    release.save()

    response = client.post(UPDATE, {"release": release.pk, "quantity": "1"})

    assert response.status_code == 302
    assert not CartLine.objects.exists()
    assert "Sorry, this record is sold out." in client.get("/en/cart/").content.decode()


def test_cart_page_query_count_does_not_grow_with_lines(
    client, db, warm_caches, django_assert_num_queries
):
    for _ in range(2):
        release = make_release(artists=[make_artist()])
        add_image(release)
        add(client, release)
    with django_assert_num_queries(4):
        client.get("/en/cart/")
    for _ in range(6):
        release = make_release(artists=[make_artist(), make_artist()])
        add_image(release)
        add(client, release)
    with django_assert_num_queries(4):
        response = client.get("/en/cart/")
    assert response.content.decode().count('class="cart__record"') == 8


def test_product_page_offers_add_to_cart_and_stays_within_budget(
    client, seed, warm_caches, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        page = client.get(seed.get_absolute_url()).content.decode()
    assert 'action="/en/cart/add/"' in page
    assert 'max="12"' in page

    add(client, seed, 2)  # a shopper with a cart and a chosen currency costs nothing more
    client.post("/en/currency/", {"currency": "EUR"})
    with django_assert_max_num_queries(8):
        page = client.get(seed.get_absolute_url()).content.decode()
    assert '<span class="mini-cart__count" data-cart-count>2</span>' in page


def test_out_of_stock_product_page_says_sold_out(client, db):
    release = make_release(stock=0)
    page = client.get(release.get_absolute_url()).content.decode()
    assert "Sold out" in page
    assert 'action="/en/cart/add/"' not in page
