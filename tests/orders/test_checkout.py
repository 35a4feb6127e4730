import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from catalog.models import Release, StockMovement
from orders.models import CartLine, Order
from orders.reservations import expire_reservations
from tests.factories import make_release
from tests.orders.helpers import add_to_cart, check_out


@pytest.fixture
def cart_with_seed(client, seed):
    add_to_cart(client, seed, 2)
    return seed


def test_checkout_with_an_empty_cart_goes_back_to_the_cart(client, db):
    response = client.get("/en/checkout/")
    assert response.status_code == 302
    assert response["Location"] == "/en/cart/"


def test_placing_an_order_with_an_empty_cart_is_a_localized_400(client, db):
    response = check_out(client, "uk")
    assert response.status_code == 400
    assert "Ваш кошик порожній" in response.content.decode()
    assert not Order.objects.exists()


def test_checkout_page_shows_the_summary_and_delivery_dates(client, cart_with_seed):
    page = client.get("/en/checkout/?country=UA").content.decode()
    assert "Miles Davis – Ascenseur Pour L&#x27;Echafaud" in page
    assert "£47.90" in page
    assert "Express delivery" in page
    assert "Arrives" in page


def test_order_is_placed_pending_with_its_copies_reserved(client, cart_with_seed, demo_payments):
    response = check_out(client)

    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/orders/{order.token}/demo-payment/"
    assert order.status == Order.Status.PENDING
    assert (order.currency, order.subtotal) == ("GBP", Decimal("47.90"))
    assert (order.shipping_method, order.shipping_price) == ("express", Decimal("17.95"))
    assert order.total == Decimal("65.85")
    assert order.stock_held
    assert order.reserved_until - order.created == pytest.approx(
        datetime.timedelta(minutes=30), abs=datetime.timedelta(seconds=5)
    )
    assert Release.objects.get(pk=cart_with_seed.pk).stock == 10
    movement = StockMovement.objects.exclude(reason="opening").get()
    assert (movement.change, movement.reason, movement.reference) == (-2, "reserved", order.number)
    assert order.number.startswith("PL-") and len(order.number) == 9


def test_demo_payment_completes_the_order_and_sends_the_confirmation(
    client, cart_with_seed, demo_payments, django_capture_on_commit_callbacks
):
    payment_page = check_out(client, "uk")["Location"]
    assert "Демо" in client.get(payment_page).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(payment_page)

    order = Order.objects.get()
    assert response["Location"] == f"/uk/orders/{order.token}/?paid=1"
    assert order.status == Order.Status.PAID
    assert not CartLine.objects.exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olena@example.com"]
    assert order.number in mail.outbox[0].subject
    assert "підтверджено" in mail.outbox[0].subject
    assert "Miles Davis – Ascenseur Pour L'Echafaud" in mail.outbox[0].body
    assert mail.outbox[0].alternatives[0].mimetype == "text/html"
    status_page = client.get(response["Location"])
    assert "Оплачено" in status_page.content.decode()
    assert status_page.cookies["cart_count"].value == "0"
    assert '<span class="mini-cart__count" data-cart-count>0</span>' in status_page.content.decode()


def test_prices_totals_and_currency_sent_by_the_browser_are_ignored(
    client, cart_with_seed, demo_payments
):
    check_out(
        client,
        total="0.01",
        subtotal="0.01",
        shipping_price="0",
        currency="XYZ",
        rate="0.0001",
        unit_price="0.01",
    )

    order = Order.objects.get()
    assert (order.currency, order.total) == ("GBP", Decimal("65.85"))


def test_order_in_the_chosen_currency_stores_its_rate(client, cart_with_seed, demo_payments):
    client.post("/en/currency/", {"currency": "USD"})
    check_out(client)

    order = Order.objects.get()
    assert (order.currency, order.rate) == ("USD", Decimal("1.270000"))
    # Dollar prices end in .99: 23.95 × 1.27 = 30.4165 is shown and sold as 29.99.
    assert order.subtotal == Decimal("59.98")  # 2 × 29.99: each copy rounded as shown
    assert order.shipping_price == Decimal("22.99")  # 17.95 × 1.27 = 22.7965
    assert order.total == Decimal("82.97")
    assert order.lines.get().unit_price == Decimal("29.99")


def test_standard_shipping_is_free_from_100_dollars(client, seed, demo_payments):
    add_to_cart(client, seed, 4)  # £95.80, about $121.67
    check_out(client, shipping_method="standard")
    assert Order.objects.get().shipping_price == 0


def test_standard_shipping_is_charged_below_100_dollars(client, seed, demo_payments):
    add_to_cart(client, seed, 3)  # £71.85, about $91.25
    check_out(client, shipping_method="standard")
    assert Order.objects.get().shipping_price == Decimal("9.95")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "not-an-email"}, "Введіть коректну email адресу."),
        ({"country": "XX"}, "XX"),
        ({"country": ""}, "Це поле обов&#x27;язкове."),
        ({"name": "   "}, "Це поле обов&#x27;язкове."),
        ({"shipping_method": "teleport"}, "teleport"),
        ({"address_line1": "x" * 201}, "200"),
    ],
)
def test_bad_checkout_input_is_a_localized_400_and_writes_nothing(
    client, cart_with_seed, demo_payments, changes, message
):
    response = check_out(client, "uk", **changes)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Order.objects.exists()
    assert Release.objects.get(pk=cart_with_seed.pk).stock == 12


def test_checkout_without_csrf_token_is_refused(seed, demo_payments):
    client = Client(enforce_csrf_checks=True)
    add_to_cart(Client(), seed)
    assert check_out(client).status_code == 403


def test_recalculate_shows_totals_without_placing_an_order(client, cart_with_seed):
    response = check_out(client, recalculate="1", country="GB", shipping_method="express")
    assert response.status_code == 200
    assert "£55.85" in response.content.decode()  # 47.90 + 7.95
    assert not Order.objects.exists()


def test_copies_sold_meanwhile_stop_the_order_and_fix_the_cart(client, seed, demo_payments):
    add_to_cart(client, seed, 5)
    Release.objects.filter(pk=seed.pk).update(stock=3)

    response = check_out(client)

    assert response.status_code == 409
    assert "sold out while you were checking out" in response.content.decode()
    assert not Order.objects.exists()
    assert Release.objects.get(pk=seed.pk).stock == 3
    assert CartLine.objects.get().quantity == 3


def test_placing_again_lets_go_of_the_first_orders_copies(client, cart_with_seed, demo_payments):
    check_out(client)
    check_out(client)

    first, second = Order.objects.order_by("created")
    assert first.status == Order.Status.CANCELLED
    assert second.status == Order.Status.PENDING
    assert Release.objects.get(pk=cart_with_seed.pk).stock == 10


def test_lapsed_reservations_give_their_copies_back(client, cart_with_seed, demo_payments):
    check_out(client)
    later = timezone.now() + datetime.timedelta(minutes=31)

    assert expire_reservations(now=later) == 1
    assert expire_reservations(now=later) == 0

    order = Order.objects.get()
    assert (order.status, order.stock_held) == (Order.Status.EXPIRED, False)
    assert Release.objects.get(pk=cart_with_seed.pk).stock == 12
    assert CartLine.objects.get().quantity == 2  # the cart still holds the records


def test_expiry_command_for_the_scheduler(client, cart_with_seed, demo_payments, capsys):
    check_out(client)
    Order.objects.update(reserved_until=timezone.now() - datetime.timedelta(minutes=1))

    call_command("expire_reservations")

    assert "1 reservation released" in capsys.readouterr().out
    assert Release.objects.get(pk=cart_with_seed.pk).stock == 12


def test_order_page_is_reached_only_through_its_token(client, cart_with_seed, demo_payments):
    check_out(client)
    order = Order.objects.get()
    assert client.get(f"/en/orders/{order.token}/").status_code == 200
    assert client.get("/en/orders/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get(f"/en/orders/{order.number}/").status_code == 404


def test_checkout_query_count_is_fixed(
    client, db, warm_caches, demo_payments, django_assert_num_queries
):
    for _ in range(3):
        add_to_cart(client, make_release())
    client.get("/en/checkout/")  # shipping settings are now cached
    with django_assert_num_queries(4):
        client.get("/en/checkout/")
    for _ in range(5):
        add_to_cart(client, make_release())
    with django_assert_num_queries(4):
        client.get("/en/checkout/")


def test_recalculating_before_the_form_is_filled_shows_no_errors(client, cart_with_seed):
    response = client.post("/en/checkout/", {"country": "US", "recalculate": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "field__errors" not in page
    assert '<option value="US" selected>' in page
    assert "£14.95" in page  # standard delivery to the rest of the world
