"""Staff in Chromium: the order page offers only what the lifecycle allows, and each step works."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from playwright.sync_api import expect

from orders.models import Order
from tests.factories import make_order

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

EVERY_ACTION = [
    "Mark as shipped",
    "Mark as delivered",
    "Record a return",
    "Refund",
    "Cancel order",
]


@pytest.fixture
def staff_page(live_server, page):
    get_user_model().objects.create_superuser("owner", "owner@example.com", "vinyl-is-back-42")
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill("vinyl-is-back-42")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def offered_actions(page):
    # textContent, not innerText: the admin styles these links in capitals.
    tools = page.locator(".object-tools a").evaluate_all("links => links.map(a => a.textContent)")
    tools = [title.strip() for title in tools]
    return [title for title in EVERY_ACTION if title in tools]


def test_the_order_page_offers_each_state_only_its_allowed_actions(
    live_server, staff_page, settings
):
    settings.DEMO_PAYMENTS = True
    order = make_order(status="paid")
    change_page = f"{live_server.url}/admin/orders/order/{order.pk}/change/"

    staff_page.goto(change_page)
    assert offered_actions(staff_page) == ["Mark as shipped", "Refund", "Cancel order"]

    staff_page.get_by_role("link", name="Mark as shipped").click()
    staff_page.get_by_label("Tracking number").fill("RR123456789GB")
    staff_page.get_by_role("button", name="Mark as shipped").click()

    expect(staff_page.get_by_text(f"Order {order.number} is marked shipped")).to_be_visible()
    order.refresh_from_db()
    assert (order.status, order.tracking_number) == (Order.Status.SHIPPED, "RR123456789GB")
    assert len(mail.outbox) == 1 and "RR123456789GB" in mail.outbox[0].body
    staff_page.goto(change_page)
    assert offered_actions(staff_page) == ["Mark as delivered", "Record a return", "Refund"]

    staff_page.get_by_role("link", name="Mark as delivered").click()
    staff_page.get_by_role("button", name="Mark as delivered").click()
    expect(staff_page.get_by_text(f"Order {order.number} is marked delivered")).to_be_visible()
    staff_page.goto(change_page)
    assert offered_actions(staff_page) == ["Record a return", "Refund"]


def test_a_pending_order_can_only_be_cancelled_and_a_refused_action_changes_nothing(
    live_server, staff_page
):
    with transaction.atomic():
        order = make_order(status="pending")
    staff_page.goto(f"{live_server.url}/admin/orders/order/{order.pk}/change/")
    assert offered_actions(staff_page) == ["Cancel order"]

    # A hand-typed address for an action the state does not allow.
    staff_page.goto(f"{live_server.url}/admin/orders/order/{order.pk}/action/ship/")

    expect(staff_page.get_by_text("so shipping is not allowed")).to_be_visible()
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING
