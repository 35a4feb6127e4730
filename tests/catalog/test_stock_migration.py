"""catalog.0006_stock_ledger (with orders.0005): a shop with orders moves its stock ledger.

The demo catalogue is set up as it stood before the ledger, with orders that had
taken copies, then migrated forward: every record's movements must add up to its stock.
"""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalog import stock
from catalog.demo import catalogue
from catalog.models import Release, StockMovement

BEFORE_THE_LEDGER = [("catalog", "0005_home_page"), ("orders", "0004_orders")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets=None):
    """Migrate to `targets` (the latest migrations when None); returns the models then."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def old_shop(apps):
    """The demo records and two orders that took copies, recorded the old way."""
    label = apps.get_model("catalog", "Label").objects.create(name="Ermitage", slug="ermitage")
    Release = apps.get_model("catalog", "Release")
    releases = [
        Release.objects.create(
            title=data["title"],
            slug=data["slug"],
            label=label,
            price=Decimal(data["price"]),
            stock=data["stock"],
            published=True,
        )
        for data in catalogue.RELEASES
    ]
    pending = take(apps, "pending", releases[0], 2)
    paid = take(apps, "paid", releases[1], 1)
    return releases, pending, paid


def take(apps, status, release, quantity):
    order = apps.get_model("orders", "Order").objects.create(
        status=status,
        email="olena@example.com",
        language="uk",
        name="Olena Kovalenko",
        address_line1="vul. Khreshchatyk 1",
        city="Kyiv",
        country="UA",
        shipping_method="standard",
        currency="GBP",
        rate=1,
        subtotal=release.price * quantity,
        shipping_price=0,
        total=release.price * quantity,
        stock_held=True,
    )
    apps.get_model("orders", "OrderLine").objects.create(
        order=order,
        release=release,
        title=release.title,
        quantity=quantity,
        unit_price=release.price,
        line_total=release.price * quantity,
    )
    release.stock -= quantity
    release.save(update_fields=["stock"])
    apps.get_model("orders", "StockMovement").objects.create(
        release=release, change=-quantity, reason="reserved", order=order
    )
    return order


def test_the_demo_catalogues_ledger_adds_up_after_the_migration():
    releases, pending, paid = old_shop(migrate(BEFORE_THE_LEDGER))

    migrate()

    assert stock.ledger_mismatches() == []
    first, second = (Release.objects.get(pk=release.pk) for release in releases[:2])
    assert list(first.stock_movements.order_by("reason").values_list("reason", "change")) == [
        ("opening", first.stock + 2),
        ("reserved", -2),
    ]
    assert StockMovement.objects.get(release=second, reason="reserved").reference == paid.number
    assert StockMovement.objects.get(release=first, reason="reserved").reference == pending.number
    assert (first.held, second.held) == (2, 0)  # only the unpaid order holds its copies
    assert first.current_price == first.price
