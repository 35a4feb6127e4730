"""Every state and action pair: the allowed ones succeed, the others are refused cleanly."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from orders import lifecycle
from orders.errors import OrderActionError
from orders.lifecycle import Action
from orders.models import Order, PaymentEvent, Refund
from tests.factories import make_order

Status = Order.Status
EXPECTED = {
    # (state, action): state after, for every allowed pair; every other pair is refused.
    (Status.PENDING, Action.PAY): Status.PAID,
    (Status.EXPIRED, Action.PAY): Status.PAID,
    (Status.PENDING, Action.EXPIRE): Status.EXPIRED,
    (Status.PENDING, Action.CANCEL): Status.CANCELLED,
    (Status.PAID, Action.CANCEL): Status.CANCELLED,
    (Status.PAID, Action.SHIP): Status.SHIPPED,
    (Status.SHIPPED, Action.DELIVER): Status.DELIVERED,
    (Status.SHIPPED, Action.RETURN): Status.RETURNED,
    (Status.DELIVERED, Action.RETURN): Status.RETURNED,
    (Status.PAID, Action.REFUND): Status.PAID,
    (Status.SHIPPED, Action.REFUND): Status.SHIPPED,
    (Status.DELIVERED, Action.REFUND): Status.DELIVERED,
    (Status.RETURNED, Action.REFUND): Status.RETURNED,
    (Status.CANCELLED, Action.REFUND): Status.CANCELLED,
}
PAIRS = [(state, action) for state in Status for action in Action]


def snapshot(order):
    """Everything an action could write, to show that a refusal wrote nothing."""
    row = Order.objects.filter(pk=order.pk).values().get()
    return row, Refund.objects.count(), PaymentEvent.objects.count()


@pytest.mark.parametrize(("state", "action"), PAIRS)
def test_the_table_allows_exactly_the_listed_pairs(db, state, action):
    order = make_order(status=state)

    if (state, action) in EXPECTED:
        lifecycle.advance(order, action)
        assert order.status == EXPECTED[state, action]
    else:
        with pytest.raises(OrderActionError) as refused:
            lifecycle.advance(order, action)
        assert order.number in str(refused.value.message)
        assert order.status == state


def test_refund_needs_money_held(db):
    unpaid_cancelled = make_order(status=Status.CANCELLED, amount_paid=0, stripe_payment_intent="")
    with pytest.raises(OrderActionError, match="holds no money"):
        lifecycle.require(unpaid_cancelled, Action.REFUND)


def test_a_refused_message_names_the_state_and_the_action(db):
    order = make_order(status=Status.SHIPPED)
    with pytest.raises(OrderActionError) as refused:
        lifecycle.require(order, Action.CANCEL)
    assert str(refused.value.message) == (
        f"Order {order.number} is “Shipped”, so cancellation is not allowed."
    )


@pytest.fixture
def staff(db):
    client = Client()
    client.force_login(User.objects.create_superuser("staff", "staff@example.com", "pw"))
    return client


STAFF_FORMS = {
    Action.SHIP: {"tracking_number": "RR1GB"},
    Action.DELIVER: {},
    Action.RETURN: {},
    Action.REFUND: {"amount": "1.00"},
    Action.CANCEL: {},
}


@pytest.mark.parametrize("state", list(Status))
@pytest.mark.parametrize("action", list(STAFF_FORMS))
def test_admin_actions_follow_the_lifecycle(staff, state, action):
    order = make_order(status=state)
    url = reverse("admin:orders_order_action", args=[order.pk, action])
    before = snapshot(order)

    response = staff.post(url, STAFF_FORMS[action], follow=True)

    assert response.status_code == 200
    order.refresh_from_db()
    if (state, action) in EXPECTED:
        assert snapshot(order) != before
        if action != Action.REFUND:
            assert order.status in (EXPECTED[state, action], Status.REFUNDED)
    else:
        assert snapshot(order) == before
        assert "is not allowed" in response.content.decode()


@pytest.mark.parametrize("state", list(Status))
def test_the_order_page_in_the_admin_offers_only_allowed_actions(staff, state):
    order = make_order(status=state)
    page = staff.get(reverse("admin:orders_order_change", args=[order.pk])).content.decode()
    for action in STAFF_FORMS:
        link = reverse("admin:orders_order_action", args=[order.pk, action])
        assert (link in page) == ((state, action) in EXPECTED), action


def test_unknown_admin_action_is_404(staff):
    order = make_order()
    url = reverse("admin:orders_order_action", args=[order.pk, "teleport"])
    assert staff.get(url).status_code == 404
