"""Returns from the shopper's side: asking for one, who may see it, and every refusal.

Staff's side (approve, reject, receive, refund) is in test_returns_admin.py.
"""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from orders import returns
from orders.errors import ReturnError
from orders.models import Order, Refund, Return, ReturnLine, ReturnPolicy
from tests.factories import make_member, make_order, make_release
from tests.orders.returning import (
    add_line,
    ask_url,
    delivered_order,
    make_return,
    return_form,
    return_url,
    slip_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commits")]

PAID_POSTAGE = "You pay the postage to send the records back, unless they arrived damaged"
FREE_POSTAGE = "The postage is on us"


def first_line(order):
    return order.lines.order_by("pk").first()


def written():
    """What asking for a return writes: to show that a refusal wrote nothing."""
    return Return.objects.count(), ReturnLine.objects.count(), len(mail.outbox)


# A guest asks for a return.


def test_a_guest_sees_the_records_and_that_they_pay_the_postage(client):
    order = delivered_order(make_release(title="Kind of Blue", price=Decimal("24.00")), quantity=2)
    add_line(order, make_release(title="Blue Train", catalogue_number="BST 81577"))

    response = client.get(ask_url(order))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Kind of Blue" in page and "Blue Train" in page and "BST 81577" in page
    assert "£24.00" in page
    assert PAID_POSTAGE in page
    assert "Members always return for free." in page
    # Both lines may go back, up to the copies bought.
    assert page.count('<option value="2">2</option>') == 1
    assert page.count('<option value="1">1</option>') == 2


def test_a_guest_asks_for_a_return_and_is_emailed(client):
    order = delivered_order(quantity=2)
    line = first_line(order)

    response = client.post(
        ask_url(order),
        return_form(order, {line: 2}, reason="changed_mind", comment="Too much jazz for one week."),
    )

    return_request = Return.objects.get()
    assert response.status_code == 302
    assert response["Location"] == return_url(return_request)
    assert return_request.number.startswith("RT-") and len(return_request.number) == 9
    assert return_request.order == order
    assert (return_request.status, return_request.reason) == ("requested", "changed_mind")
    assert return_request.comment == "Too much jazz for one week."
    assert return_request.free is False
    assert list(return_request.lines.values_list("order_line", "quantity")) == [(line.pk, 2)]

    email, to_staff = mail.outbox
    assert email.to == [order.email]
    assert email.subject == f"We have your return request {return_request.number}"
    assert "Hello Olena Kovalenko," in email.body
    assert f"2 × {line.title}" in email.body
    assert "You pay the postage to send the records back." in email.body
    # Staff hear of it at once: the shopper was promised an answer within two working days.
    assert to_staff.to == settings.STAFF_EMAILS
    assert to_staff.subject == f"Return request {return_request.number} for order {order.number}"
    assert "Too much jazz for one week." in to_staff.body
    assert f"/admin/orders/return/{return_request.pk}/change/" in to_staff.body
    assert return_url(return_request) in email.body

    page = client.get(response["Location"]).content.decode()
    assert return_request.number in page
    assert "Your return request is sent. We have emailed you a copy." in page
    assert "Requested" in page and f"2 × {line.title}" in page
    assert "Too much jazz for one week." in page
    assert "You pay the postage to send the records back. Please keep the proof" in page


@pytest.mark.parametrize(
    ("reason", "free"),
    [
        ("damaged", True),
        ("faulty", True),
        ("wrong_record", True),
        ("changed_mind", False),
        ("not_as_described", True),
        ("other", False),
    ],
)
def test_a_guest_returns_for_free_when_the_fault_is_ours(client, reason, free):
    order = delivered_order()

    client.post(ask_url(order), return_form(order, reason=reason))

    assert Return.objects.get().free is free
    assert ("The return postage is on us." in mail.outbox[0].body) is free


def test_the_order_page_offers_returns_while_they_are_open_and_lists_them(client):
    order = delivered_order(quantity=2)
    ask = f'href="{ask_url(order)}"'

    page = client.get(order.get_absolute_url()).content.decode()
    assert ask in page and "Return records" in page

    first = make_return(order, copies={first_line(order): 1})
    page = client.get(order.get_absolute_url()).content.decode()
    assert ask in page  # one copy is still with the shopper
    assert f'href="{return_url(first)}"' in page and "Requested" in page

    second = make_return(order, "approved", copies={first_line(order): 1})
    page = client.get(order.get_absolute_url()).content.decode()
    assert ask not in page  # every copy is in a return
    assert f'href="{return_url(second)}"' in page and "Approved: send the records" in page


@pytest.mark.parametrize("status", ["paid", "shipped", "returned", "cancelled"])
def test_the_order_page_offers_no_return_before_delivery_or_after(client, status):
    order = make_order(status=status)
    page = client.get(order.get_absolute_url()).content.decode()
    assert ask_url(order) not in page


def test_the_order_page_offers_no_return_once_the_window_closed(client):
    order = delivered_order(delivered_days_ago=31)
    assert ask_url(order) not in client.get(order.get_absolute_url()).content.decode()


# Members.


@pytest.fixture
def member_order(db):
    member = make_member("taras@example.com")
    return delivered_order(customer=member, email="taras@example.com")


def test_a_member_returns_for_free_whatever_the_reason(client, member_order):
    client.force_login(member_order.customer)

    page = client.get(ask_url(member_order)).content.decode()
    response = client.post(ask_url(member_order), return_form(member_order, reason="changed_mind"))

    assert "Free return." in page and PAID_POSTAGE not in page
    return_request = Return.objects.get()
    assert response.status_code == 302 and return_request.free is True
    assert mail.outbox[0].to == ["taras@example.com"]
    assert "The return postage is on us." in mail.outbox[0].body


def test_a_visitor_must_log_in_to_return_a_members_order(client, member_order):
    return_request = make_return(member_order, "approved")

    for url in (ask_url(member_order), return_url(return_request), slip_url(return_request)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/account/")
        assert f"next={url}" in response["Location"].replace("%2F", "/")

    response = client.post(ask_url(member_order), return_form(member_order))
    assert response.status_code == 302
    assert Return.objects.count() == 1


def test_another_member_is_told_the_order_does_not_exist(client, member_order):
    return_request = make_return(member_order, "approved")
    client.force_login(make_member("stranger@example.com"))

    for url in (ask_url(member_order), return_url(return_request), slip_url(return_request)):
        assert client.get(url).status_code == 404, url
    assert client.post(ask_url(member_order), return_form(member_order)).status_code == 404
    assert Return.objects.count() == 1 and not mail.outbox


def test_a_return_is_only_found_under_its_own_orders_link(client):
    order = delivered_order()
    other = make_return(delivered_order(), "approved")

    for url in (return_url(other), slip_url(other)):
        assert client.get(url.replace(str(other.order.token), str(order.token))).status_code == 404


@pytest.mark.parametrize(
    "number", ["RT-NOPE99", "rt-" + "A" * 6, "X" * 500, "RT-%00", "%3Cscript%3E", "1%20OR%201=1"]
)
def test_unknown_return_numbers_are_404(client, number):
    order = delivered_order()
    make_return(order, "approved")
    base = f"/en/orders/{order.token}/returns/{number}/"
    assert client.get(base).status_code == 404
    assert client.get(base + "slip/").status_code == 404


@pytest.mark.parametrize("token", [str(uuid.uuid4()), "not-a-token", "0" * 32, "%00"])
def test_unknown_order_links_are_404(client, token):
    return_request = make_return(delivered_order(), "approved")
    assert client.get(f"/en/orders/{token}/return/").status_code == 404
    assert client.post(f"/en/orders/{token}/return/", {"reason": "other"}).status_code == 404
    for page in ("", "slip/"):
        url = f"/en/orders/{token}/returns/{return_request.number}/{page}"
        assert client.get(url).status_code == 404


# Refusals: a 400 with the reason, and nothing written.


def refused(client, order, data, message):
    before = written()
    response = client.post(ask_url(order), data)
    assert response.status_code == 400
    assert escape(message) in response.content.decode()
    assert written() == before
    return response


WINDOW_CLOSED = "The time to return records from this order ended on"
NOT_DELIVERED = "Records can be returned once the order has been delivered."
NOTHING_CHOSEN = "Choose how many copies of at least one record you are sending back."
NOT_A_CHOICE = "Select a valid choice."


def test_the_window_closes_30_days_after_delivery(client):
    last_day = delivered_order(delivered_days_ago=30)
    too_late = delivered_order(delivered_days_ago=31)

    page = client.get(ask_url(too_late))
    assert page.status_code == 200 and WINDOW_CLOSED in page.content.decode()
    assert 'name="reason"' not in page.content.decode()  # no form to fill in
    refused(client, too_late, return_form(too_late), WINDOW_CLOSED)

    assert client.post(ask_url(last_day), return_form(last_day)).status_code == 302


def test_the_window_is_the_one_staff_set(client):
    ReturnPolicy.objects.create(window_days=7)
    refused(client, delivered_order(delivered_days_ago=8), {}, WINDOW_CLOSED)
    in_time = delivered_order(delivered_days_ago=7)
    assert client.post(ask_url(in_time), return_form(in_time)).status_code == 302

    ReturnPolicy.objects.update(window_days=60)
    late_but_allowed = delivered_order(delivered_days_ago=45)
    assert client.post(ask_url(late_but_allowed), return_form(late_but_allowed)).status_code == 302


def test_the_window_is_counted_in_the_shops_days(client, settings):
    settings.TIME_ZONE = "Asia/Tokyo"  # nine hours ahead of UTC all year, so the days differ
    last_day = timezone.localdate() - datetime.timedelta(days=30)
    # Delivered at 01:00 in the shop's time zone: the evening before in UTC.
    order = delivered_order(
        delivered=timezone.make_aware(datetime.datetime.combine(last_day, datetime.time(1)))
    )

    response = client.post(ask_url(order), return_form(order))

    assert response.status_code == 302
    assert Return.objects.get().order == order


@pytest.mark.parametrize("status", ["pending", "paid", "shipped", "cancelled"])
def test_only_delivered_orders_take_returns(client, status):
    order = make_order(status=status, quantity=2)
    assert NOT_DELIVERED in client.get(ask_url(order)).content.decode()
    refused(client, order, return_form(order), NOT_DELIVERED)


@pytest.mark.parametrize("status", ["returned", "refunded"])
def test_an_order_already_back_or_refunded_takes_no_more_returns(client, status):
    order = make_order(status=status, quantity=2)
    settled = "already come back or been refunded"
    assert escape(settled) in client.get(ask_url(order)).content.decode()
    refused(client, order, return_form(order), settled)


def test_no_more_copies_than_were_bought(client):
    order = delivered_order(quantity=2)
    refused(client, order, return_form(order, {first_line(order): 3}), NOT_A_CHOICE)


def test_a_copy_already_in_a_return_cannot_be_returned_again(client):
    order = delivered_order(quantity=2)
    line = first_line(order)
    make_return(order, copies={line: 1})

    refused(client, order, return_form(order, {line: 2}), NOT_A_CHOICE)
    assert client.post(ask_url(order), return_form(order, {line: 1})).status_code == 302

    # Now every copy is in a return.
    page = client.get(ask_url(order)).content.decode()
    assert "Every record of this order is already in a return." in page
    refused(client, order, return_form(order, {line: 1}), "already in a return")


def test_a_line_fully_in_a_return_is_shown_but_cannot_be_chosen(client):
    order = delivered_order(quantity=1)
    done = first_line(order)
    other = add_line(order, make_release(title="Still at home"))
    make_return(order, "received", copies={done: 1})

    page = client.get(ask_url(order)).content.decode()
    assert "Already in a return" in page and "Still at home" in page

    # The disabled field ignores what is sent for it.
    refused(client, order, return_form(order, {done: 1, other: 0}), NOTHING_CHOSEN)
    assert client.post(ask_url(order), return_form(order, {done: 1, other: 1})).status_code == 302
    assert list(Return.objects.get(status="requested").lines.values_list("order_line")) == [
        (other.pk,)
    ]


def test_a_rejected_return_gives_its_copies_back(client):
    order = delivered_order(quantity=2)
    line = first_line(order)
    make_return(order, "rejected", copies={line: 2})

    response = client.post(ask_url(order), return_form(order, {line: 2}))

    assert response.status_code == 302
    assert Return.objects.counted().get().lines.get().quantity == 2


def test_at_least_one_copy_must_be_chosen(client):
    order = delivered_order()
    add_line(order)
    refused(client, order, return_form(order, {}), NOTHING_CHOSEN)


@pytest.mark.parametrize(
    "quantity", ["abc", "-1", "1.5", " 1e3", "١", "", "99999999999999999999999999", "0x1"]
)
def test_quantities_that_are_not_a_count_of_copies(client, quantity):
    order = delivered_order(quantity=2)
    data = return_form(order) | {f"copies_{first_line(order).pk}": quantity}
    refused(client, order, data, "This field is required." if quantity == "" else NOT_A_CHOICE)


@pytest.mark.parametrize("reason", ["", "bored", "DAMAGED", "damaged "])
def test_the_reason_is_one_of_the_listed_ones(client, reason):
    order = delivered_order()
    message = "This field is required." if not reason.strip() else NOT_A_CHOICE
    refused(client, order, return_form(order, reason=reason), message)


def test_a_comment_over_1000_characters_is_refused(client):
    order = delivered_order()
    refused(
        client,
        order,
        return_form(order, comment="x" * 1001),
        "Ensure this value has at most 1000 characters (it has 1001).",
    )
    assert client.post(ask_url(order), return_form(order, comment="x" * 1000)).status_code == 302


def test_control_characters_leave_the_comment(client):
    order = delivered_order()

    response = client.post(
        ask_url(order),
        return_form(order, comment="Side B\x00 skips\x07 at\x1b[31m 2:10\u202e\r\nTwice."),
    )

    assert response.status_code == 302
    assert Return.objects.get().comment == "Side B skips at[31m 2:10\nTwice."


def test_a_forged_field_for_another_orders_line_is_ignored(client):
    order = delivered_order()
    strangers = delivered_order(make_release(title="Not yours"))
    forged = f"copies_{first_line(strangers).pk}"

    refused(client, order, return_form(order, {}) | {forged: "1"}, NOTHING_CHOSEN)
    response = client.post(ask_url(order), return_form(order) | {forged: "1"})

    assert response.status_code == 302
    assert not ReturnLine.objects.filter(order_line__order=strangers).exists()
    assert ReturnLine.objects.get().order_line == first_line(order)
    assert "Not yours" not in mail.outbox[0].body


def test_the_service_refuses_more_copies_than_are_left(django_capture_on_commit_callbacks):
    order = delivered_order(make_release(title="Kind of Blue"), quantity=2)
    line = first_line(order)
    make_return(order, copies={line: 1})
    strangers_line = first_line(delivered_order())

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ReturnError, match="at most 1 of Kind of Blue"):
            returns.request_return(order=order, copies={line.pk: 2}, reason="other")
        # Views only offer the order's own lines: another's is a programming error.
        with pytest.raises(ValueError, match="not lines of order"):
            returns.request_return(order=order, copies={strangers_line.pk: 1}, reason="other")
        with pytest.raises(ReturnError, match="Choose how many copies"):
            returns.request_return(order=order, copies={line.pk: 0}, reason="other")
        with pytest.raises(ReturnError):
            returns.request_return(order=order, copies={line.pk: -1}, reason="other")

    assert Return.objects.count() == 1 and not mail.outbox


def test_the_service_refuses_an_order_that_is_not_delivered():
    order = make_order(status="shipped")
    with pytest.raises(ReturnError, match="once the order has been delivered"):
        returns.request_return(order=order, copies={first_line(order).pk: 1}, reason="other")
    assert not Return.objects.exists()


# Emails in the order's language.


def test_a_ukrainian_order_is_answered_in_ukrainian(client):
    order = delivered_order(language="uk")

    response = client.post(ask_url(order, "uk"), return_form(order))

    return_request = Return.objects.get()
    assert response.status_code == 302
    assert response["Location"] == return_url(return_request, "uk")
    email = mail.outbox[0]
    assert email.to == [order.email]
    assert "Вітаємо, Olena Kovalenko!" in email.body
    assert "Hello" not in email.body
    assert return_url(return_request, "uk") in email.body
    page = client.get(response["Location"])
    assert page.status_code == 200 and 'lang="uk"' in page.content.decode()


def test_the_email_follows_the_orders_language_not_the_pages(client):
    order = delivered_order(language="en")

    client.post(ask_url(order, "uk"), return_form(order))

    email = mail.outbox[0]
    assert email.to == [order.email]
    assert "Hello Olena Kovalenko," in email.body and "Вітаємо" not in email.body
    assert return_url(Return.objects.get(), "en") in email.body


# Queries stay the same however many returns, lines or orders there are.


def queries(client, url):
    client.get(url)  # the session and anything else a first visit sets up
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def order_with_returns(count, **fields):
    order = delivered_order(quantity=count + 1, **fields)
    for _ in range(count):
        return_request = make_return(order, "refunded")
        Refund.objects.create(
            order=order,
            return_request=return_request,
            payment_intent=order.stripe_payment_intent,
            amount=order.lines.get().unit_price,
            currency=order.currency,
            reason=Refund.Reason.RETURNED,
            status=Refund.Status.DONE,
        )
    return order


def test_the_order_page_takes_the_same_queries_however_many_returns(client, warm_caches):
    one = order_with_returns(1)
    five = order_with_returns(5)

    assert queries(client, one.get_absolute_url()) == queries(client, five.get_absolute_url())
    page = client.get(five.get_absolute_url()).content.decode()
    assert page.count('href="/en/orders/' + str(five.token) + "/returns/") == 5
    assert ask_url(five) in page  # one copy is still with the shopper


def test_the_return_page_takes_the_same_queries_however_many_records(client, warm_caches):
    def return_of(count):
        order = delivered_order()
        for _ in range(count - 1):
            add_line(order)
        return make_return(order, "approved", copies={line: 1 for line in order.lines.all()})

    one, five = return_of(1), return_of(5)

    assert queries(client, return_url(one)) == queries(client, return_url(five))
    assert queries(client, slip_url(one)) == queries(client, slip_url(five))
    assert client.get(return_url(five)).content.decode().count("1 × Record") == 5


def test_my_orders_takes_the_same_queries_however_many_refunded_returns(client, warm_caches):
    member = make_member()
    client.force_login(member)
    first = order_with_returns(1, customer=member)
    Order.objects.filter(pk=first.pk).update(refunded=first.lines.get().unit_price)
    one = queries(client, "/en/account/orders/")

    for _ in range(4):
        order = order_with_returns(5, customer=member)
        Order.objects.filter(pk=order.pk).update(refunded=order.lines.get().unit_price * 5)

    assert queries(client, "/en/account/orders/") == one
    page = client.get("/en/account/orders/").content.decode()
    assert page.count("£20.00 refunded") == 1 and page.count("£100.00 refunded") == 4
    # Each return is listed under its order, linked, with its state.
    assert page.count("Refunded</span>") == 21
    some_return = order.returns.first()
    assert f'href="{return_url(some_return)}">Return {some_return.number}</a>' in page
