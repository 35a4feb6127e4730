"""No hoarding: what one customer may hold in unpaid orders, across all of them."""

from decimal import Decimal

import pytest
from django.test import Client

from catalog.models import Release
from orders.models import HoldingLimits, Order
from tests.factories import make_release
from tests.orders.helpers import add_to_cart, check_out


@pytest.fixture
def records(db, settings):
    settings.DEMO_PAYMENTS = True
    settings.STRIPE_SECRET_KEY = ""
    return [make_release(title=f"Pressing {n}", stock=50, price=Decimal("25.00")) for n in range(3)]


def browser(address):
    return Client(REMOTE_ADDR=address)


def refused(response, text):
    assert response.status_code == 409
    assert text in response.content.decode()


def test_one_script_cannot_hold_every_copy_of_every_record(records):
    hoarder = browser("203.0.113.7")
    for record in records:
        add_to_cart(hoarder, record, 99)  # capped at 10 a record in the cart

    refused(check_out(hoarder), "One order may hold at most 20 records while it waits")
    assert not Order.objects.exists()
    assert [r.stock for r in Release.objects.order_by("pk")] == [50, 50, 50]
    assert hoarder.get("/en/cart/").context["summary"].count == 30  # nothing lost


def test_a_new_cart_and_email_from_the_same_address_count_as_the_same_customer(records):
    HoldingLimits.objects.create(copies_per_customer=12)
    first = browser("203.0.113.7")
    add_to_cart(first, records[0], 10)
    assert check_out(first).status_code == 302

    second = browser("203.0.113.7")
    add_to_cart(second, records[1], 3)
    response = check_out(second, email="someone.else@example.com")

    refused(response, "You already have 10 records waiting for payment")
    assert Order.objects.count() == 1
    assert Release.objects.get(pk=records[1].pk).stock == 50


def test_the_same_email_from_another_address_is_the_same_customer(records):
    limited = records[0]
    Release.objects.filter(pk=limited.pk).update(max_per_order=2)
    first = browser("203.0.113.7")
    add_to_cart(first, limited, 2)
    check_out(first)

    second = browser("198.51.100.1")
    add_to_cart(second, limited, 1)
    response = check_out(second, email="OLENA@example.com")

    refused(response, "is limited to 2 per customer, and you already hold 2")
    assert Release.objects.get(pk=limited.pk).stock == 48


def test_placing_again_from_the_same_cart_does_not_count_the_order_it_replaces(records):
    HoldingLimits.objects.create(copies_per_customer=5)
    shopper = browser("203.0.113.7")
    add_to_cart(shopper, records[0], 4)
    check_out(shopper)

    again = check_out(shopper, shipping_method="standard")

    assert again.status_code == 302
    assert Order.objects.filter(status="pending").count() == 1
    assert Release.objects.get(pk=records[0].pk).stock == 46


def test_paid_orders_do_not_count_against_the_hold(records, client):
    HoldingLimits.objects.create(copies_per_customer=5)
    add_to_cart(client, records[0], 4)
    check_out(client)
    order = Order.objects.get()
    client.post(f"/en/orders/{order.token}/demo-payment/")
    assert Order.objects.get().status == "paid"

    add_to_cart(client, records[1], 4)
    assert check_out(client).status_code == 302


def test_staff_set_the_limit_in_the_admin(admin_client, db):
    response = admin_client.post("/admin/orders/holdinglimits/add/", {"copies_per_customer": "6"})
    assert response.status_code == 302
    assert HoldingLimits.current().copies_per_customer == 6
    assert admin_client.get("/admin/orders/holdinglimits/add/").status_code == 403
