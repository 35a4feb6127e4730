"""Many shoppers race for the last copies: exactly the available number can buy."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from catalog.models import Release, StockMovement
from orders.models import HoldingLimits, Order
from tests.factories import make_release
from tests.orders.helpers import add_to_cart, check_out

SHOPPERS = 100
COPIES = 10
WORKERS = 20  # concurrent database connections, within PostgreSQL's default limit

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="A race needs concurrent writers, which SQLite serialises; CI runs it on PostgreSQL",
    ),
]


def test_hundred_shoppers_race_for_the_last_ten_copies(settings):
    settings.DEMO_PAYMENTS = True
    release = make_release(stock=COPIES, title="Last Copies")
    # A hundred different people, each from an address of their own (198.18.0.0/15 is
    # set aside for tests), so rate and holding limits count them apart.
    shoppers = [Client(REMOTE_ADDR=f"198.18.0.{n + 1}") for n in range(SHOPPERS)]
    for shopper in shoppers:
        add_to_cart(shopper, release, 1)
    start = threading.Barrier(WORKERS)

    def buy(shopper):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=30)  # all workers check out at the same moment
            response = check_out(shopper, email=f"{shopper.defaults['REMOTE_ADDR']}@example.com")
            if response.status_code == 302:
                paid = shopper.post(response["Location"])
                return "paid" if paid.status_code == 302 else f"payment {paid.status_code}"
            sold_out = "sold out while you were checking out" in response.content.decode()
            return (
                "sold out"
                if response.status_code == 409 and sold_out
                else str(response.status_code)
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        outcomes = list(pool.map(buy, shoppers))

    assert outcomes.count("paid") == COPIES
    assert outcomes.count("sold out") == SHOPPERS - COPIES
    assert Release.objects.get(pk=release.pk).stock == 0
    assert Order.objects.filter(status=Order.Status.PAID).count() == COPIES
    moved = StockMovement.objects.filter(release=release).exclude(reason="opening")
    taken = sum(moved.values_list("change", flat=True))
    assert taken == -COPIES


def test_one_customer_checking_out_ten_carts_at_once_holds_no_more_than_the_cap(settings):
    settings.DEMO_PAYMENTS = True
    HoldingLimits.objects.create(copies_per_customer=20)
    records = [make_release(title=f"Pressing {n}", stock=50) for n in range(10)]
    carts = [Client(REMOTE_ADDR=f"198.18.1.{n + 1}") for n in range(10)]
    for cart, record in zip(carts, records, strict=True):
        add_to_cart(cart, record, 10)
    start = threading.Barrier(len(carts))

    def place(cart):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=30)
            return check_out(cart, email="hoarder@example.com").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(carts)) as pool:
        statuses = list(pool.map(place, carts))

    assert sorted(statuses) == [302, 302] + [409] * 8
    held = Order.objects.filter(status=Order.Status.PENDING, email="hoarder@example.com")
    assert sum(line.quantity for order in held for line in order.lines.all()) == 20
