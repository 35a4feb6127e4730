"""Returns in Chromium: a new member buys a record, asks to return it once it is delivered,
and staff approve, receive and refund it in the admin, each step emailed; the request form
on a Ukrainian phone; screenshots of the shopper's return pages at 390 and 1366 px."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone, translation
from playwright.sync_api import expect

from catalog.models import Release, StockMovement
from orders.models import Order, Refund, Return
from shop.formatting import format_money
from tests.factories import make_order, seed_release

from .conftest import SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

PASSWORD = "vinyl-on-sunday-42"
EMAIL = "olena@example.com"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def demo_shop(settings):
    """Demo payments (and refunds), whose tasks run at once: tests/settings.py's TASKS."""
    settings.DEMO_PAYMENTS = True
    settings.STRIPE_SECRET_KEY = ""


@pytest.fixture
def staff(live_server, browser):
    """A second browser, logged in to the admin as a superuser."""
    get_user_model().objects.create_superuser("owner", "owner@example.com", "vinyl-is-back-42")
    context = browser.new_context(viewport=DESKTOP)
    staff = context.new_page()
    staff.goto(f"{live_server.url}/admin/login/")
    staff.get_by_label("Username").fill("owner")
    staff.get_by_label("Password").fill("vinyl-is-back-42")
    staff.get_by_role("button", name="Log in").click()
    staff.wait_for_url(f"{live_server.url}/admin/")
    yield staff
    context.close()


def shoot(page, name, sizes=(PHONE, DESKTOP)):
    """Full-page screenshots at each size, as var/screenshots/<name>-<width>.png; checks that
    nothing spills sideways at any of them."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    for size in sizes:
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{size['width']}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], name
    page.set_viewport_size(viewport)


def staff_action(staff, title, success):
    """Click an object-tools button of the admin page open in `staff` and send its form."""
    staff.locator(".object-tools").get_by_role("link", name=title, exact=True).click()
    staff.get_by_role("button", name=title, exact=True).click()
    expect(staff.locator(".messagelist")).to_contain_text(success)


def subjects():
    return [message.subject for message in mail.outbox]


def sign_up_and_buy(page, live_server, release):
    page.goto(f"{live_server.url}/en/account/sign-up/")
    page.get_by_label("Email", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    link = re.search(r"https?://\S+/verify/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + link.split("8000", 1)[-1])
    page.get_by_role("heading", name="Your account").wait_for()

    page.goto(f"{live_server.url}/en/records/{release.slug}/")
    page.get_by_role("button", name="Add to cart").first.click()
    page.get_by_text("is in your cart").first.wait_for()
    page.goto(f"{live_server.url}/en/cart/")
    page.get_by_role("link", name="Go to checkout").click()
    page.get_by_label("Full name").fill("Olena Kovalenko")
    page.get_by_label("Address", exact=True).fill("vul. Khreshchatyk 1")
    page.get_by_label("City").fill("Kyiv")
    with page.expect_navigation():
        page.get_by_label("Country").select_option("UA")
    page.get_by_label("Postcode").fill("01001")
    page.get_by_role("button", name="Place order and pay").click()
    page.get_by_role("button", name="Confirm demo payment").click()
    page.wait_for_url(re.compile(r"/en/orders/.+\?paid=1"))
    return Order.objects.get()


def test_a_member_returns_a_record_and_staff_approve_receive_and_refund_it(
    live_server, page, staff, demo_shop
):
    release = seed_release()
    order = sign_up_and_buy(page, live_server, release)
    assert order.status == Order.Status.PAID and order.customer.email == EMAIL
    assert Release.objects.get(pk=release.pk).stock == 11
    assert len(mail.outbox) == 2  # the address to verify, and the order's confirmation
    assert subjects()[1] == f"Your order {order.number} is confirmed"

    # Staff ship the order, then confirm its delivery.
    order_admin = f"{live_server.url}/admin/orders/order/{order.pk}/change/"
    staff.goto(order_admin)
    staff.locator(".object-tools").get_by_role("link", name="Mark as shipped").click()
    staff.get_by_label("Tracking number").fill("RR123456789GB")
    staff.get_by_role("button", name="Mark as shipped").click()
    expect(staff.locator(".messagelist")).to_contain_text(f"Order {order.number} is marked shipped")
    staff_action(staff, "Mark as delivered", f"Order {order.number} is marked delivered")
    assert subjects()[2:] == [f"Your order {order.number} is on its way"]

    # The member finds the order on My orders and asks to return the record.
    page.goto(f"{live_server.url}/en/account/orders/")
    page.get_by_role("link", name=order.number).click()
    return_button = page.get_by_role("link", name="Return records")
    expect(return_button).to_be_visible()
    expect(page.locator(".return-actions")).to_contain_text("Members return for free.")
    shoot(page, "return-order-page-en")
    return_button.click()
    expect(page.get_by_role("heading", name="Return records")).to_be_visible()
    expect(page.locator(".return-postage")).to_contain_text("Free return.")
    shoot(page, "return-form-en")
    line = order.lines.get()
    copies = page.get_by_label(release.title)
    assert copies.get_attribute("name") == f"copies_{line.pk}"
    copies.select_option("1")
    page.get_by_label("Why are you returning them?").select_option(label="I changed my mind")
    page.get_by_label("Anything we should know?").fill("A present; I already had it.")
    page.get_by_role("button", name="Ask for the return").click()
    page.wait_for_url(re.compile(r"/en/orders/[^/]+/returns/RT-\w+/$"))

    return_request = Return.objects.get()
    assert page.url.endswith(return_request.get_absolute_url())
    expect(page.get_by_role("heading", name=f"Return {return_request.number}")).to_be_visible()
    expect(page.locator(".order-status strong")).to_have_text("Requested")
    expect(page.locator(".return-postage")).to_contain_text("Free return.")
    expect(page.get_by_text("Your return request is sent.")).to_be_visible()
    expect(page.get_by_role("link", name="Print the return slip")).to_have_count(0)
    assert (return_request.reason, return_request.free) == (Return.Reason.CHANGED_MIND, True)
    assert [(ln.order_line_id, ln.quantity) for ln in return_request.lines.all()] == [(line.pk, 1)]
    assert subjects()[3:] == [
        f"We have your return request {return_request.number}",
        f"Return request {return_request.number} for order {order.number}",  # to staff
    ]

    # Staff open the return from the order's Returns inline, and approve it.
    staff.goto(order_admin)
    return_admin = f"/admin/orders/return/{return_request.pk}/change/"
    staff.locator(".inline-group").filter(has_text=return_request.number).locator(
        f"a[href='{return_admin}']"
    ).click()
    staff.wait_for_url(f"**{return_admin}")
    staff_action(staff, "Approve", f"Return {return_request.number} is approved")
    assert subjects()[5:] == [f"Return {return_request.number} is approved: your return slip"]
    assert f"{return_request.get_absolute_url()}slip/" in mail.outbox[-1].body

    # The member sees the slip link, and the slip carries the return number.
    page.reload()
    expect(page.locator(".order-status strong")).to_have_text("Approved: send the records")
    shoot(page, "return-approved-en")
    page.get_by_role("link", name="Print the return slip").click()
    slip = page.locator(".return-slip")
    expect(slip.locator(".return-slip__number")).to_have_text(return_request.number)
    expect(slip).to_contain_text("Postage paid: no stamp needed")
    expect(slip).to_contain_text(order.number)
    expect(slip).to_contain_text(release.title)
    shoot(page, "return-slip-en")
    # Printed, the slip is all there is on the sheet.
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".slip-tools"):
        assert page.locator(hidden).evaluate("e => getComputedStyle(e).display") == "none"
    assert slip.is_visible()
    page.screenshot(path=str(SCREENSHOTS / "return-slip-print-en.png"), full_page=True)
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1  # one sheet
    page.emulate_media(media="screen")

    # The parcel arrives: staff receive it, its copy back on sale, then refund the suggestion.
    staff.locator(".object-tools").get_by_role("link", name="Mark as received").click()
    restock = staff.get_by_label("Put the copies back on sale")
    expect(restock).to_be_checked()
    staff.get_by_role("button", name="Mark as received").click()
    expect(staff.locator(".messagelist")).to_contain_text(
        f"Return {return_request.number} is received"
    )
    assert Release.objects.get(pk=release.pk).stock == 12
    movement = StockMovement.objects.filter(release=release).first()
    assert (movement.change, movement.reason, movement.reference) == (
        1,
        StockMovement.Reason.RETURNED,
        return_request.number,
    )
    assert subjects()[6:] == [f"Your return {return_request.number} has arrived"]

    order.refresh_from_db()
    suggested = order.total  # the whole order came back: the record and its shipping
    staff.locator(".object-tools").get_by_role("link", name="Refund").click()
    assert Decimal(staff.get_by_label("Amount to refund").input_value()) == suggested
    staff.get_by_role("button", name="Refund").click()
    expect(staff.locator(".messagelist")).to_contain_text(
        f"A refund for return {return_request.number} is under way"
    )
    refund = Refund.objects.get()
    assert (refund.status, refund.amount, refund.return_request_id) == (
        Refund.Status.DONE,
        suggested,
        return_request.pk,
    )
    return_request.refresh_from_db()
    assert return_request.status == Return.Status.REFUNDED
    assert subjects()[7:] == [f"A refund for your order {order.number}"]
    assert len(mail.outbox) == 8
    staff_mail = mail.outbox.pop(4)
    assert staff_mail.to == settings.STAFF_EMAILS
    assert {tuple(message.to) for message in mail.outbox} == {(EMAIL,)}

    # My orders shows what came back.
    page.goto(f"{live_server.url}/en/account/orders/")
    expect(page.locator(".my-orders__refunded")).to_have_text(
        f"{format_money(suggested, order.currency)} refunded"
    )
    shoot(page, "return-my-orders-refunded-en")
    page.goto(f"{live_server.url}{return_request.get_absolute_url()}")
    expect(page.locator(".order-status strong")).to_have_text("Refunded")
    expect(page.locator(".message--success").filter(has_text="was refunded to you")).to_be_visible()


def test_on_a_ukrainian_phone_an_empty_return_request_is_refused_without_an_error_page(
    live_server, browser
):
    release = seed_release()
    order = make_order(
        release,
        status="delivered",
        delivered=timezone.now() - datetime.timedelta(days=2),
        language="uk",
    )
    with translation.override("uk"):
        path = order.get_absolute_url()
    assert path.startswith("/uk/")
    context = browser.new_context(viewport=PHONE, locale="uk-UA")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{path}return/")
        assert page.evaluate("document.documentElement.lang") == "uk"
        form = page.locator("form.return-form")
        expect(form).to_be_visible()
        shoot(page, "return-form-uk", sizes=(PHONE,))

        with page.expect_response(lambda response: response.request.method == "POST") as sent:
            form.locator("button[type=submit]").click()
        assert sent.value.status == 400
        alert = page.get_by_role("alert")
        expect(alert).to_be_visible()
        expect(alert).not_to_be_empty()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shoot(page, "return-form-uk-refused", sizes=(PHONE,))

        # The refused form is still usable: choose the copy and send it again.
        form.locator(f"select[name=copies_{order.lines.get().pk}]").select_option("1")
        form.locator("select[name=reason]").select_option("faulty")
        form.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/uk/orders/[^/]+/returns/RT-\w+/$"))
        return_request = Return.objects.get()
        assert page.url.endswith(f"{path}returns/{return_request.number}/")
        assert return_request.free  # a faulty record comes back at our cost, guest or not
    finally:
        context.close()
