"""A member's orders: listed on "My orders", attached when placed signed in or once their
email is verified, and a guest's cart carried over when they sign in."""

import datetime

import pytest
from django.test import Client

from orders.models import Cart, CartLine, Order
from tests.factories import make_member, make_order, make_release
from tests.orders.helpers import add_to_cart, check_out
from tests.shop.accounts import last_link, sign_in, sign_up

pytestmark = pytest.mark.usefixtures("commits")


def place_orders(member, count):
    for n in range(count):
        make_order(customer=member, number=f"PL-{n:06d}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "status", "tracking"),
    [
        ("en", "My orders", "Shipped", "Tracking number: RR123"),
        ("uk", "Мої замовлення", "Відправлено", "Номер для відстеження: RR123"),
    ],
)
def test_my_orders_lists_newest_first_with_status_total_and_tracking(
    client, language, heading, status, tracking
):
    member = make_member()
    older = make_order(customer=member, status="shipped", tracking_number="RR123")
    Order.objects.filter(pk=older.pk).update(
        created=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    )
    newer = make_order(
        customer=member,
        currency="EUR",
        total="27.50",
        delivery_from=datetime.date(2026, 12, 1),
        delivery_by=datetime.date(2026, 12, 3),
    )
    make_order(email="someone@example.com")  # a stranger's order
    client.force_login(member)

    page = client.get(f"/{language}/account/orders/").content.decode()

    assert heading in page
    assert page.index(newer.number) < page.index(older.number)
    assert f'href="/{language}/orders/{newer.token}/"' in page
    assert "27,50" in page or "27.50" in page
    assert "€" in page
    assert status in page and tracking in page
    assert page.count('class="my-orders__order"') == 2


@pytest.mark.django_db
def test_my_orders_takes_the_same_queries_however_many_orders(
    client, django_assert_num_queries, warm_caches
):
    member = make_member()
    client.force_login(member)
    place_orders(member, 1)
    client.get("/en/account/orders/")
    with django_assert_num_queries(5):  # session, user, count, orders, their returns
        one = client.get("/en/account/orders/")
    place_orders_more = [make_order(customer=member) for _ in range(15)]
    with django_assert_num_queries(5):
        many = client.get("/en/account/orders/")

    assert one.status_code == many.status_code == 200
    assert many.content.decode().count('class="my-orders__order"') == 1 + len(place_orders_more)


@pytest.mark.django_db
def test_an_order_placed_signed_in_is_the_members(client, seed, settings):
    settings.DEMO_PAYMENTS = True
    member = make_member("taras@example.com")
    client.force_login(member)
    add_to_cart(client, seed)

    check_out(client)

    order = Order.objects.get()
    assert order.customer == member
    assert order.number in client.get("/en/account/orders/").content.decode()


@pytest.mark.django_db
def test_guest_orders_are_attached_once_the_email_is_verified_never_before(client):
    guest_order = make_order(email="Olena@Example.com")
    stranger = make_order(email="someone@example.com")

    sign_up(client, "olena@example.com")
    guest_order.refresh_from_db()
    assert guest_order.customer is None

    client.get(last_link("olena@example.com"))

    guest_order.refresh_from_db()
    stranger.refresh_from_db()
    assert guest_order.customer is not None and stranger.customer is None
    assert guest_order.number in client.get("/en/account/orders/").content.decode()


@pytest.mark.django_db
def test_a_guest_cart_and_currency_carry_over_at_sign_in(client, seed):
    make_member()
    client.post("/en/currency/", {"currency": "EUR", "next": "/en/"})
    add_to_cart(client, seed, 2)

    response = sign_in(client)

    assert response.cookies["cart_count"].value == "2"
    cart = client.get("/en/cart/")
    assert "Echafaud" in cart.content.decode()
    assert "€" in cart.content.decode()
    assert Cart.objects.get(customer__email="olena@example.com").lines.get().quantity == 2


@pytest.mark.django_db
def test_two_carts_merge_capped_by_stock_and_the_per_order_limit(client, settings):
    settings.MAX_COPIES_PER_ORDER = 5
    scarce = make_release(stock=3)
    limited = make_release(stock=50)
    only_guest = make_release(stock=4)
    member = make_member()
    saved = Cart.objects.create(customer=member)
    CartLine.objects.create(cart=saved, release=scarce, quantity=2)
    CartLine.objects.create(cart=saved, release=limited, quantity=4)
    add_to_cart(client, scarce, 2)
    add_to_cart(client, limited, 3)
    add_to_cart(client, only_guest, 1)

    sign_in(client)

    lines = {line.release_id: line.quantity for line in saved.lines.all()}
    assert lines == {scarce.pk: 3, limited.pk: 5, only_guest.pk: 1}
    assert Cart.objects.filter(customer=None).get().lines.count() == 0


@pytest.mark.django_db
def test_signing_out_leaves_the_cart_with_the_account(client, seed):
    member = make_member()
    sign_in(client)
    add_to_cart(client, seed)
    client.get("/en/cart/")  # shows and clears the "in your cart" message

    response = client.post("/en/account/sign-out/")

    assert response.cookies["cart_count"].value == ""
    assert "Echafaud" not in client.get("/en/cart/").content.decode()
    again = Client()
    sign_in(again)
    assert "Echafaud" in again.get("/en/cart/").content.decode()
    assert Cart.objects.get(customer=member).lines.count() == 1


@pytest.mark.django_db
def test_signing_in_without_a_cart_makes_none(client):
    make_member()

    response = sign_in(client)

    assert response.status_code == 302
    assert not Cart.objects.exists()
