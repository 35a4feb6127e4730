"""Every abuse limit answers 429 with a localized page that says when to try again."""

import logging
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from catalog.models import Question
from orders.models import Order
from tests.factories import make_order
from tests.orders.helpers import ADDRESS, add_to_cart, check_out

QUESTION = {"name": "Olena", "email": "olena@example.com", "body": "Is this the mono mix?"}


@pytest.fixture
def tight_limits(settings, monkeypatch):
    """Three attempts a minute for everything, so tests reach each limit quickly.

    The clock stands still mid-minute: counters are fixed windows, and a slow run
    crossing into the next minute would start counting afresh."""
    monkeypatch.setattr("shop.ratelimit.time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    settings.RATE_LIMITS = {name: (3, 60) for name in settings.RATE_LIMITS}
    settings.DEMO_PAYMENTS = True
    settings.STRIPE_SECRET_KEY = ""


def from_address(address, **headers):
    return Client(REMOTE_ADDR=address, **headers)


def assert_limited(response, language="en"):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    if language == "uk":
        assert "Забагато спроб" in page and "Спробуйте знову через 1 хвилину." in page
    else:
        assert "Too many attempts" in page and "Please try again in 1 minute." in page


def test_adding_to_the_cart_is_limited_per_address(tight_limits, seed):
    shopper = from_address("203.0.113.7")
    for _ in range(3):
        assert add_to_cart(shopper, seed).status_code == 302

    assert_limited(add_to_cart(shopper, seed))
    assert_limited(shopper.post("/en/cart/update/", {"release": seed.pk, "quantity": "1"}))
    assert add_to_cart(from_address("203.0.113.8"), seed).status_code == 302


def test_the_429_page_speaks_the_shoppers_language(tight_limits, seed):
    shopper = from_address("203.0.113.7")
    for _ in range(3):
        shopper.post("/uk/cart/add/", {"release": seed.pk, "quantity": "1"})

    assert_limited(shopper.post("/uk/cart/add/", {"release": seed.pk}), language="uk")


def test_placing_orders_is_limited_per_address(tight_limits, seed):
    shopper = from_address("203.0.113.7")
    add_to_cart(shopper, seed)
    for n in range(3):
        assert check_out(shopper, email=f"buyer{n}@example.com").status_code == 302

    response = check_out(shopper, email="buyer9@example.com")

    assert_limited(response)
    assert Order.objects.count() == 3


def test_placing_orders_is_limited_per_email_across_addresses(tight_limits, seed):
    for n in range(3):
        shopper = from_address(f"198.51.100.{n + 1}")
        add_to_cart(shopper, seed)
        assert check_out(shopper).status_code == 302

    late = from_address("198.51.100.99")
    add_to_cart(late, seed)
    response = check_out(late, email=ADDRESS["email"].upper())

    assert_limited(response)
    assert Order.objects.count() == 3
    assert late.get("/en/cart/").context["summary"].count == 1  # the cart is kept


def test_starting_payments_is_limited(tight_limits, db):
    order = make_order(status="pending")
    shopper = from_address("203.0.113.7")
    for _ in range(3):
        assert shopper.post(f"/en/orders/{order.token}/pay/").status_code == 302

    assert_limited(shopper.post(f"/en/orders/{order.token}/pay/"))


def test_questions_are_limited_per_address_and_per_email(
    tight_limits, seed, django_capture_on_commit_callbacks
):
    url = f"/en/records/{seed.slug}/questions/"
    shopper = from_address("203.0.113.7")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            assert shopper.post(url, QUESTION | {"email": f"q{n}@example.com"}).status_code == 302
        assert_limited(shopper.post(url, QUESTION | {"email": "q9@example.com"}))
        for n in range(3):
            other = from_address(f"198.51.100.{n + 1}")
            other.post(url, QUESTION)
        assert_limited(from_address("198.51.100.99").post(url, QUESTION))

    assert Question.objects.count() == 6
    assert len(mail.outbox) == 6  # staff are emailed once per accepted question, no more


def test_admin_logins_are_limited_per_address(tight_limits, db):
    client = from_address("203.0.113.7")
    for n in range(3):
        client.post("/admin/login/", {"username": f"guess{n}", "password": "x"})

    assert_limited(client.post("/admin/login/", {"username": "guess9", "password": "x"}))


def test_repeated_wrong_passwords_lock_the_user_out_from_that_address_and_are_logged(
    db, caplog, settings
):
    get_user_model().objects.create_superuser("owner", "owner@example.com", "right-password-42")
    attacker = from_address("203.0.113.66")

    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attacker.post("/admin/login/", {"username": "owner", "password": "wrong"})
    locked = attacker.post("/admin/login/", {"username": "owner", "password": "right-password-42"})

    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in attacker.session
    assert "Please try again in 15 minutes." in locked.content.decode()
    assert "owner" in caplog.text and "203.0.113.66" in caplog.text
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("owner", "203.0.113.66")
    # Five guesses, and the right password tried while locked out counts too.
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT + 1
    # The owner, from their own address, is not locked out by someone else's guesses.
    owner = from_address("198.51.100.10")
    response = owner.post("/admin/login/", {"username": "owner", "password": "right-password-42"})
    assert response.status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_the_client(tight_limits, settings, seed):
    settings.PROXY_COUNT = 1
    # Both come through the same proxy; the last X-Forwarded-For entry is what it saw.
    first = from_address("10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    for _ in range(3):
        add_to_cart(first, seed)
    assert_limited(add_to_cart(first, seed))

    spoofing = from_address("10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.5")
    assert add_to_cart(spoofing, seed).status_code == 302


def test_an_ipv6_subscriber_cannot_escape_by_changing_addresses(tight_limits, seed):
    for n in range(3):
        add_to_cart(from_address(f"2001:db8:1:2::{n + 1}"), seed)

    assert_limited(add_to_cart(from_address("2001:db8:1:2:ffff::9"), seed))
    assert add_to_cart(from_address("2001:db8:1:3::1"), seed).status_code == 302


def test_the_cart_script_is_told_in_json(tight_limits, seed):
    shopper = from_address("203.0.113.7")
    for _ in range(3):
        add_to_cart(shopper, seed)

    response = shopper.post(
        "/uk/cart/add/", {"release": seed.pk, "quantity": "1"}, HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 429 and int(response["Retry-After"]) <= 60
    assert response.json()["message"].endswith("Спробуйте знову через 1 хвилину.")
