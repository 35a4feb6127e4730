"""Strict input: numbers, text and redirect targets that do not parse are refused or ignored."""

import pytest

from catalog.models import Question
from orders.models import CartLine, Order
from tests.catalog.test_browse import titles
from tests.factories import make_release
from tests.orders.helpers import add_to_cart, check_out

NUL = "bad\x00value"


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/en/records/", {"genre": NUL, "label": NUL, "sort": NUL, "page": NUL}),
        ("get", "/en/search/", {"q": NUL, "artist": NUL}),
        ("get", "/en/cart/", {"country": NUL}),
        ("post", "/en/cart/add/", {"release": NUL, "quantity": NUL}),
        ("post", "/en/cart/update/", {"release": NUL, "quantity": "1"}),
        ("post", "/en/currency/", {"currency": NUL, "next": NUL}),
        ("post", "/en/checkout/", {"email": NUL, "country": NUL}),
    ],
)
def test_nul_bytes_get_a_4xx_or_are_ignored_never_500(client, seed, method, path, data):
    response = getattr(client, method)(path, data)
    assert response.status_code < 500


def test_control_characters_are_stripped_from_a_question(client, seed):
    response = client.post(
        f"/en/records/{seed.slug}/questions/",
        {
            "name": NUL + "\u202e",
            "email": "a@example.com",
            "body": "Is it\x1b[31m mono?\nOr stereo?",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.name, question.body) == ("badvalue", "Is it[31m mono?\nOr stereo?")


def test_overlong_text_is_a_form_error_not_a_cut(client, seed):
    add_to_cart(client, seed)
    response = check_out(client, name="x" * 10_000)
    assert response.status_code == 400
    assert "Ensure this value has at most 150 characters" in response.content.decode()
    assert not Order.objects.exists()


def test_control_characters_never_reach_an_order(client, seed, settings):
    settings.DEMO_PAYMENTS, settings.STRIPE_SECRET_KEY = True, ""
    add_to_cart(client, seed)
    check_out(client, name="Olena\x00 \x07Kovalenko", city="Kyiv\u202e")
    order = Order.objects.get()
    assert (order.name, order.city) == ("Olena Kovalenko", "Kyiv")


@pytest.mark.parametrize(
    "target",
    [
        "catalog:home",  # a URL name: redirect() would reverse it
        "orders",  # a bare word: redirect() would try to reverse it, and fail
        "javascript:alert(1)",
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
        "/en/cart/\x00",
        "/" + "x" * 5000,
    ],
)
def test_redirect_targets_are_local_paths_only(client, seed, target):
    currency = client.post("/en/currency/", {"currency": "EUR", "next": target})
    added = client.post("/en/cart/add/", {"release": seed.pk, "next": target})

    assert (currency.status_code, currency["Location"]) == (302, "/en/")
    assert (added.status_code, added["Location"]) == (302, "/en/cart/")


def test_a_local_redirect_target_is_kept(client, seed):
    response = client.post("/en/currency/", {"currency": "EUR", "next": "/en/records/?genre=jazz"})
    assert response["Location"] == "/en/records/?genre=jazz"


@pytest.mark.parametrize(
    "value",
    ["NaN", "Infinity", "-Infinity", "1e309", "١٩٥٠", "²", "12.345", "1e2", "99999999999999999999"],
)
@pytest.mark.parametrize("name", ["decade", "price"])
def test_numbers_that_are_not_plain_ascii_decimals_are_ignored_in_filters(client, db, name, value):
    make_release(title="Somethin Else", original_year=1958)

    response = client.get("/en/records/", {name: value})

    assert response.status_code == 200
    assert titles(response.content.decode()) == ["Somethin Else"]


def test_a_price_band_in_plain_decimals_still_filters(client, db):
    make_release(title="Cheap", price="12.00")
    make_release(title="Dear", price="45.00")
    assert titles(client.get("/en/records/", {"price": "40-"}).content.decode()) == ["Dear"]
    assert titles(client.get("/en/records/", {"price": "0-20.5"}).content.decode()) == ["Cheap"]


@pytest.mark.parametrize("release", ["99999999999999999999999", "١", "1e3", "-1", "0", "NaN"])
def test_record_ids_that_are_not_plain_ascii_are_refused(client, seed, release):
    for path in ["/en/cart/add/", "/en/cart/update/"]:
        response = client.post(path, {"release": release, "quantity": "1"})
        assert response.status_code == 400
        assert "This record is not for sale." in response.content.decode()
    assert not CartLine.objects.exists()
