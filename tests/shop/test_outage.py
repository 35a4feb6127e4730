"""The database goes away: shoppers get a 503 they can read, and lose nothing."""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory

from orders.models import Order
from shop.outage import RETRY_AFTER_SECONDS, outage_response, server_error
from tests.factories import make_release
from tests.orders.helpers import add_to_cart, check_out
from tests.outage import DatabaseOutage

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL has a server to restart"
)


@pytest.fixture
def outage(transactional_db, starting_data):
    with DatabaseOutage() as outage:
        yield outage


@pytest.fixture
def release(outage):
    return make_release(title="Kind of Blue", stock=5)


def assert_outage_page(response, *texts):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    for text in texts:
        assert text in page


def test_a_page_during_an_outage_is_a_503_that_says_to_come_back(client, release, outage):
    client.get(f"/en/records/{release.slug}/")
    outage.begin()
    response = client.get(f"/en/records/{release.slug}/?page=2")  # not in the page cache
    assert_outage_page(response, "Back in a moment", "Please try again in a minute.")


def test_the_outage_page_speaks_the_pages_language(client, release, outage):
    client.get("/uk/records/")
    outage.begin()
    response = client.get("/uk/records/?sort=price")
    assert_outage_page(response, 'lang="uk"', "Скоро повернемося", "спробуйте ще раз за хвилину")


def test_pages_in_the_page_cache_are_still_served_during_an_outage(client, release, outage):
    assert client.get("/uk/records/").status_code == 200
    outage.begin()
    response = client.get("/uk/records/")
    assert response.status_code == 200
    assert "Kind of Blue" in response.content.decode()


def test_an_outage_in_a_middleware_is_a_503_too(release, outage):
    """With the exchange rates no longer cached, the currency middleware fails before
    any view runs; Django makes that a handler500 response, which is the outage page."""
    shopper = Client(raise_request_exception=False)
    shopper.get("/uk/")
    outage.begin()
    cache.clear()
    assert_outage_page(shopper.get("/uk/records/"), "Скоро повернемося")
    assert_outage_page(shopper.get("/en/"), "Back in a moment")


def test_an_outage_is_logged_once_as_a_warning_not_as_a_server_error(
    client, release, outage, caplog
):
    client.get("/en/")
    outage.begin()
    with caplog.at_level(logging.INFO):
        client.get("/en/records/")
    warnings = [r for r in caplog.records if r.name == "shop.outage"]
    assert [r.levelno for r in warnings] == [logging.WARNING]
    assert "GET /en/records/" in warnings[0].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_checkout_during_an_outage_keeps_the_cart_and_works_after_it(
    client, release, outage, settings
):
    settings.DEMO_PAYMENTS, settings.STRIPE_SECRET_KEY = True, ""
    assert add_to_cart(client, release).status_code == 302
    outage.begin()
    refused = check_out(client)
    assert_outage_page(refused, "Nothing was charged, and your cart is kept.")
    outage.end()
    assert not Order.objects.exists()
    cart = client.get("/en/cart/")
    assert cart.status_code == 200
    assert "Kind of Blue" in cart.content.decode()
    placed = check_out(client)
    assert placed.status_code == 302
    assert client.post(placed["Location"]).status_code == 302  # the demo payment
    assert Order.objects.get().status == Order.Status.PAID


def test_the_cart_script_is_told_in_json(client, release, outage):
    client.get("/en/")
    outage.begin()
    response = client.post(
        "/en/cart/add/", {"release": release.pk, "quantity": "1"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.json()["message"].startswith("The shop is briefly unavailable.")


def test_a_page_that_needs_no_database_is_still_served(client, release, outage):
    client.get("/en/")  # the exchange rates are now cached for the currency switch
    outage.begin()
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/static/shop/shop.css").status_code == 200


def test_the_last_known_rates_outlive_their_short_cache_during_an_outage(client, release, outage):
    from shop.money import CACHE_KEY

    client.get("/en/")
    cache.delete(CACHE_KEY)  # the minute is up while the database is down
    outage.begin()
    assert client.get("/robots.txt").status_code == 200


@postgresql_only
def test_a_restart_between_requests_costs_no_request(client, release, outage):
    """CONN_HEALTH_CHECKS: the kept connection died, so the next request opens a new one."""
    assert client.get(f"/en/records/{release.slug}/").status_code == 200
    outage.restart()
    assert outage.proxy.open_connections == 0
    assert client.get(f"/en/records/{release.slug}/").status_code == 200


def test_the_outage_page_renders_without_the_database():
    """No `db` fixture: any query here would fail the test."""
    request = RequestFactory().post("/uk/checkout/")
    response = outage_response(request, Exception("connection refused"))
    assert_outage_page(response, "Кошти не списано", "Скоро повернемося")


def test_other_server_errors_are_still_500():
    request = RequestFactory().get("/en/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
