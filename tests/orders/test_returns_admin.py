"""Returns from staff's side: approve, reject, receive and refund in the admin, and what the
shopper is sent and shown at each step."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.db.models import Sum
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Release, StockMovement
from orders import fulfilment
from orders.lifecycle import ReturnAction
from orders.models import Order, Refund, Return, ReturnLine, ReturnPolicy
from tests.factories import make_member, make_order, make_release
from tests.orders.returning import add_line, delivered_order, make_return, return_url, slip_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commits")]

RS = Return.Status
DEFAULT_LICENCE = "Royal Mail Tracked Returns · licence PLTV-RTN-0001 (demo)"


@pytest.fixture
def staff(db):
    client = Client()
    client.force_login(User.objects.create_superuser("staff", "staff@example.com", "pw"))
    return client


def action_url(return_request, action):
    return reverse("admin:orders_return_action", args=[return_request.pk, action])


def change_url(return_request):
    return reverse("admin:orders_return_change", args=[return_request.pk])


def first_line(order):
    return order.lines.order_by("pk").first()


def stock_of(release):
    return Release.objects.get(pk=release.pk).stock


def returned_movements(reference):
    return list(
        StockMovement.objects.filter(reason="returned", reference=reference)
        .order_by("release_id")
        .values_list("release_id", "change")
    )


# Approve, and the slip.


def test_staff_approve_and_the_shopper_is_sent_the_address_and_the_slip(staff):
    order = delivered_order(quantity=2)
    return_request = make_return(order, copies={first_line(order): 2})

    assert staff.get(action_url(return_request, "approve")).status_code == 200
    response = staff.post(action_url(return_request, "approve"))

    assert response.status_code == 302 and response["Location"] == change_url(return_request)
    return_request.refresh_from_db()
    assert return_request.status == "approved"
    assert timezone.now() - return_request.approved < datetime.timedelta(minutes=1)
    [email] = mail.outbox
    assert email.to == [order.email]
    assert email.subject == f"Return {return_request.number} is approved: your return slip"
    for line in ("Plativka Records (demo)", "7 Example Yard", "London", "United Kingdom"):
        assert f"\n{line}\n" in email.body, line
    assert f"{settings.SHOP_URL}{slip_url(return_request)}" in email.body
    assert f"2 × {first_line(order).title}" in email.body
    assert "Please pay the postage at the post office" in email.body
    assert staff.get(response["Location"]).content.decode().count("is approved") == 1


def test_the_address_and_licence_are_the_ones_staff_set(staff, client):
    ReturnPolicy.objects.create(
        address="Plativka Returns\n  Unit 4, Mill Lane  \n\nLeeds LS1 1AA",
        prepaid_postage="Evri Returns licence EVR-42",
    )
    return_request = make_return(delivered_order(), reason="faulty")

    staff.post(action_url(return_request, "approve"))

    [email] = mail.outbox
    assert "\nPlativka Returns\nUnit 4, Mill Lane\nLeeds LS1 1AA\n" in email.body
    assert "(Evri Returns licence EVR-42)" in email.body
    slip = client.get(slip_url(return_request)).content.decode()
    assert "Plativka Returns<br>Unit 4, Mill Lane<br>Leeds LS1 1AA" in slip
    assert "Evri Returns licence EVR-42" in slip


@pytest.mark.parametrize(
    ("reason", "postage", "not_shown"),
    [
        ("faulty", DEFAULT_LICENCE, "Postage paid by the sender"),
        ("changed_mind", "Postage paid by the sender", DEFAULT_LICENCE),
    ],
)
def test_the_slip_shows_the_number_and_who_pays_the_postage(
    staff, client, reason, postage, not_shown
):
    order = delivered_order(make_release(title="Kind of Blue"))
    order.lines.update(catalogue_number="CL 1355")
    return_request = make_return(order, reason=reason)
    staff.post(action_url(return_request, "approve"))

    response = client.get(slip_url(return_request))

    slip = response.content.decode()
    assert response.status_code == 200
    assert slip.count(return_request.number) >= 2  # on the label and the half inside
    assert order.number in slip and "Olena Kovalenko" in slip
    assert "<td>1</td><td>Kind of Blue</td><td>CL 1355</td>" in slip
    assert postage in slip and not_shown not in slip
    assert "7 Example Yard" in slip and "Khreshchatyk" in slip


def test_a_members_slip_is_prepaid_whatever_the_reason(staff, client):
    member = make_member()
    return_request = make_return(delivered_order(customer=member), reason="changed_mind")
    staff.post(action_url(return_request, "approve"))
    client.force_login(member)

    assert DEFAULT_LICENCE in client.get(slip_url(return_request)).content.decode()


def test_there_is_no_slip_before_approval_or_after_rejection(staff, client):
    return_request = make_return(delivered_order())
    assert client.get(slip_url(return_request)).status_code == 404
    assert "Print the return slip" not in client.get(return_url(return_request)).content.decode()

    staff.post(action_url(return_request, "reject"), {"reason": "Sealed copies only."})

    assert client.get(slip_url(return_request)).status_code == 404
    assert client.get(return_url(return_request)).status_code == 200


# Reject.


def test_staff_reject_with_a_reason_the_shopper_reads(staff, client):
    return_request = make_return(delivered_order())
    reason = "The record was played many times: the sleeve shows ring wear it did not have."

    response = staff.post(action_url(return_request, "reject"), {"reason": reason})

    assert response.status_code == 302
    return_request.refresh_from_db()
    assert (return_request.status, return_request.rejection_reason) == ("rejected", reason)
    assert return_request.rejected is not None and return_request.approved is None
    [email] = mail.outbox
    assert email.subject == f"About your return request {return_request.number}"
    assert reason in email.body
    page = client.get(return_url(return_request)).content.decode()
    assert "Not accepted" in page and "ring wear" in page


def test_a_rejection_needs_a_reason(staff):
    return_request = make_return(delivered_order())

    response = staff.post(action_url(return_request, "reject"), {"reason": "  "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    return_request.refresh_from_db()
    assert return_request.status == "requested" and not mail.outbox


# Receive.


def test_received_copies_go_back_on_sale_as_stock_movements(staff):
    kind_of_blue, blue_train = make_release(stock=4), make_release(stock=0)
    order = delivered_order(kind_of_blue, quantity=3)
    other = add_line(order, blue_train, quantity=2)
    return_request = make_return(
        order, "approved", copies={first_line(order): 2, other: 1}, reason="damaged"
    )

    response = staff.post(action_url(return_request, "receive"), {"restock": "on"})

    assert response.status_code == 302
    return_request.refresh_from_db()
    assert (return_request.status, return_request.restocked) == ("received", True)
    assert return_request.received is not None
    assert returned_movements(return_request.number) == [(kind_of_blue.pk, 2), (blue_train.pk, 1)]
    assert (stock_of(kind_of_blue), stock_of(blue_train)) == (6, 1)
    order.refresh_from_db()
    assert order.status == "delivered" and order.returned is None  # three copies are still out
    [email] = mail.outbox
    assert email.subject == f"Your return {return_request.number} has arrived"


def test_damaged_copies_stay_off_sale(staff):
    release = make_release(stock=4)
    return_request = make_return(delivered_order(release), "approved", reason="damaged")
    movements = StockMovement.objects.count()

    staff.post(action_url(return_request, "receive"), {})

    return_request.refresh_from_db()
    assert (return_request.status, return_request.restocked) == ("received", False)
    assert StockMovement.objects.count() == movements
    assert stock_of(release) == 4
    assert len(mail.outbox) == 1


def test_the_order_is_returned_once_every_copy_is_back(staff):
    order = delivered_order(quantity=2)
    other = add_line(order)
    make_return(order, "rejected", copies={other: 1})
    make_return(order, "received", copies={first_line(order): 1})
    last = make_return(order, "approved", copies={first_line(order): 1})
    staff.post(action_url(last, "receive"), {"restock": "on"})
    order.refresh_from_db()
    assert order.status == "delivered"  # the rejected copy is still with the shopper

    rest = make_return(order, "approved", copies={other: 1})
    staff.post(action_url(rest, "receive"), {"restock": "on"})

    order.refresh_from_db()
    assert order.status == "returned"
    assert timezone.now() - order.returned < datetime.timedelta(minutes=1)


def test_a_parcel_is_received_even_when_the_order_was_refunded_before_it_came(staff):
    release = make_release(stock=0)
    order = delivered_order(release, quantity=1)
    return_request = make_return(order, "approved")
    # Staff refunded the whole order from its own page while the parcel was on its way.
    staff.post(reverse("admin:orders_order_action", args=[order.pk, "refund"]), {"amount": "20"})
    order.refresh_from_db()
    assert order.status == "refunded"

    response = staff.post(action_url(return_request, "receive"), {"restock": "on"}, follow=True)

    assert "is received" in response.content.decode()
    return_request.refresh_from_db()
    # Nothing is left to pay back, so the return does not wait for a refund forever.
    assert return_request.status == "refunded"
    assert returned_movements(return_request.number) == [(release.pk, 1)]
    assert stock_of(release) == 1
    order.refresh_from_db()
    assert order.status == "refunded"  # its last state: every penny went back
    assert "already refunded in full" in mail.outbox[-1].body


# Refund.


@pytest.fixture
def paid_with_shipping(demo_payments):
    """Two copies at £20 and £4.50 shipping, paid with a demo payment: £44.50."""
    return delivered_order(
        quantity=2,
        shipping_price=Decimal("4.50"),
        total=Decimal("44.50"),
        amount_paid=Decimal("44.50"),
    )


def suggested(staff, return_request):
    page = staff.get(action_url(return_request, "refund")).content.decode()
    return page.split('name="amount" value="', 1)[1].split('"', 1)[0]


def test_the_suggested_refund_is_the_records_and_shipping_when_all_came_back(
    staff, paid_with_shipping
):
    order = paid_with_shipping
    one = make_return(order, "received", copies={first_line(order): 1})
    assert suggested(staff, one) == "20.00"

    one.lines.update(quantity=2)
    assert suggested(staff, one) == "44.50"

    # Capped by what the order still holds.
    Refund.objects.create(
        order=order,
        payment_intent=order.stripe_payment_intent,
        amount=Decimal("30.00"),
        currency="GBP",
        reason=Refund.Reason.STAFF,
        status=Refund.Status.DONE,
    )
    assert suggested(staff, one) == "14.50"
    assert "at most 14.50" in staff.get(action_url(one, "refund")).content.decode()


def test_a_record_we_got_wrong_is_refunded_with_the_shipping_once_per_order(
    staff, paid_with_shipping
):
    order = paid_with_shipping
    faulty = make_return(order, "received", reason="faulty")
    assert suggested(staff, faulty) == "24.50"  # £20 and the £4.50 shipping

    staff.post(action_url(faulty, "refund"), {"amount": "24.50"})
    second = make_return(order, "received", reason="wrong_record")

    # The shipping went back with the first one: the second is the record alone.
    assert suggested(staff, second) == "20.00"


def test_staff_refund_a_return_and_the_shopper_is_told_which_one(staff, client, demo_payments):
    member = make_member()
    order = delivered_order(quantity=2, customer=member)
    return_request = make_return(order, "received", copies={first_line(order): 1})

    response = staff.post(action_url(return_request, "refund"), {"amount": "20.00"})

    assert response.status_code == 302
    refund = Refund.objects.get()
    assert (refund.reason, refund.return_request, refund.status) == (
        "returned",
        return_request,
        "done",
    )
    assert (refund.amount, refund.payment_intent) == (Decimal("20.00"), order.stripe_payment_intent)
    return_request.refresh_from_db()
    assert return_request.status == "refunded" and return_request.refunded is not None
    order.refresh_from_db()
    assert (order.refunded, order.status) == (Decimal("20.00"), "delivered")
    [email] = mail.outbox
    assert email.subject == f"A refund for your order {order.number}"
    assert f"This refund is for your return {return_request.number}." in email.body
    assert "£20.00" in email.body

    client.force_login(member)
    assert "£20.00 was refunded to you." in client.get(return_url(return_request)).content.decode()
    assert "£20.00 refunded" in client.get("/en/account/orders/").content.decode()


def test_a_whole_order_back_and_refunded_is_refunded(staff, paid_with_shipping):
    order = paid_with_shipping
    return_request = make_return(order, "approved", copies={first_line(order): 2})
    staff.post(action_url(return_request, "receive"), {"restock": "on"})

    staff.post(action_url(return_request, "refund"), {"amount": suggested(staff, return_request)})

    order.refresh_from_db()
    assert (order.status, order.refunded) == ("refunded", Decimal("44.50"))
    assert order.returned is not None


@pytest.mark.parametrize("amount", ["44.51", "100", "0", "-1", "abc", ""])
def test_a_refund_beyond_what_the_order_holds_is_refused(staff, paid_with_shipping, amount):
    return_request = make_return(paid_with_shipping, "received")

    response = staff.post(action_url(return_request, "refund"), {"amount": amount})

    assert response.status_code == 200
    if amount in ("44.51", "100", "0"):
        assert "Enter an amount between 0.01 and 44.50." in response.content.decode()
    assert "errorlist" in response.content.decode()
    assert not Refund.objects.exists() and not mail.outbox
    return_request.refresh_from_db()
    assert return_request.status == "received"
    paid_with_shipping.refresh_from_db()
    assert paid_with_shipping.refunded == 0


def test_a_return_of_an_order_that_holds_no_money_cannot_be_refunded(staff):
    order = delivered_order(refunded=Decimal("40.00"))
    Refund.objects.create(
        order=order,
        payment_intent=order.stripe_payment_intent,
        amount=order.amount_paid,
        currency="GBP",
        reason=Refund.Reason.STAFF,
        status=Refund.Status.DONE,
    )
    return_request = make_return(order, "received")

    response = staff.post(action_url(return_request, "refund"), {"amount": "1.00"}, follow=True)

    assert f"Order {order.number} holds no money that could be refunded." in (
        response.content.decode()
    )
    assert Refund.objects.count() == 1
    assert Return.objects.get().status == "received"


# Every state and action: the allowed ones move the return on, the others change nothing.

ALLOWED = {
    (RS.REQUESTED, ReturnAction.APPROVE): RS.APPROVED,
    (RS.REQUESTED, ReturnAction.REJECT): RS.REJECTED,
    (RS.APPROVED, ReturnAction.RECEIVE): RS.RECEIVED,
    (RS.RECEIVED, ReturnAction.REFUND): RS.REFUNDED,
}
FORMS = {
    ReturnAction.APPROVE: {},
    ReturnAction.REJECT: {"reason": "Not as we sent it."},
    ReturnAction.RECEIVE: {"restock": "on"},
    ReturnAction.REFUND: {"amount": "1.00"},
}


def snapshot(return_request):
    """Everything an action could write."""
    return (
        Return.objects.filter(pk=return_request.pk).values().get(),
        Order.objects.filter(pk=return_request.order_id).values().get(),
        Refund.objects.count(),
        StockMovement.objects.count(),
        len(mail.outbox),
    )


@pytest.mark.parametrize("state", list(RS))
@pytest.mark.parametrize("action", list(ReturnAction))
def test_admin_return_actions_follow_the_lifecycle(staff, demo_payments, state, action):
    return_request = make_return(delivered_order(quantity=2), state)
    before = snapshot(return_request)

    page = staff.get(action_url(return_request, action), follow=True)
    response = staff.post(action_url(return_request, action), FORMS[action], follow=True)

    return_request.refresh_from_db()
    assert page.status_code == response.status_code == 200
    if (state, action) in ALLOWED:
        assert return_request.status == ALLOWED[state, action]
        assert len(mail.outbox) == 1
    else:
        refusal = f"Return {return_request.number} is “{RS(state).label}”, so"
        assert refusal in page.content.decode()
        assert refusal in response.content.decode()
        assert "is not allowed" in response.content.decode()
        assert snapshot(return_request) == before


@pytest.mark.parametrize("state", list(RS))
def test_the_return_page_in_the_admin_offers_only_allowed_actions(staff, state):
    return_request = make_return(delivered_order(), state)

    page = staff.get(change_url(return_request)).content.decode()

    assert return_request.number in page
    for action in ReturnAction:
        assert (action_url(return_request, action) in page) == ((state, action) in ALLOWED)


def test_unknown_return_actions_and_returns_are_404(staff):
    return_request = make_return(delivered_order())
    assert staff.get(action_url(return_request, "teleport")).status_code == 404
    missing = reverse("admin:orders_return_action", args=[return_request.pk + 100, "approve"])
    assert staff.post(missing).status_code == 404


def test_shoppers_cannot_reach_the_admin_actions(client):
    return_request = make_return(delivered_order())
    client.force_login(make_member())

    response = client.post(action_url(return_request, "approve"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Return.objects.get().status == "requested"


# The emails speak the order's language.


def test_a_ukrainian_order_gets_every_return_email_in_ukrainian(staff, demo_payments):
    order = delivered_order(language="uk")
    return_request = make_return(order)

    for action in ("approve", "receive", "refund"):
        staff.post(action_url(return_request, action), FORMS[action])

    assert len(mail.outbox) == 3
    for email in mail.outbox:
        assert "Вітаємо, Olena Kovalenko!" in email.body
        assert "Hello" not in email.body
    assert f"/uk/orders/{order.token}/returns/{return_request.number}/slip/" in mail.outbox[0].body
    assert return_request.number in mail.outbox[2].body

    rejected = make_return(order, copies={first_line(order): 1})
    staff.post(action_url(rejected, "reject"), {"reason": "Лише запечатані платівки."})
    assert "Вітаємо, Olena Kovalenko!" in mail.outbox[3].body
    assert "Лише запечатані платівки." in mail.outbox[3].body


# A whole parcel back after a partial return.


def test_a_parcel_back_after_a_received_return_restocks_only_the_copies_still_out(staff):
    release = make_release(stock=5)
    order = delivered_order(release, quantity=3)
    other = add_line(order, make_release(stock=0), quantity=1)
    return_request = make_return(order, "approved", copies={first_line(order): 1})
    staff.post(action_url(return_request, "receive"), {"restock": "on"})

    fulfilment.record_return(order=order)

    order.refresh_from_db()
    assert order.status == "returned"
    returned = StockMovement.objects.filter(reason="returned")
    assert returned_movements(return_request.number) == [(release.pk, 1)]
    assert returned_movements(order.number) == [(release.pk, 2), (other.release_id, 1)]
    assert returned.filter(release=release).aggregate(total=Sum("change"))["total"] == 3
    assert (stock_of(release), stock_of(other.release)) == (8, 1)


def test_a_parcel_back_leaves_out_copies_received_damaged(staff):
    release = make_release(stock=5)
    order = delivered_order(release, quantity=3)
    return_request = make_return(order, "approved", copies={first_line(order): 1})
    staff.post(action_url(return_request, "receive"), {})

    fulfilment.record_return(order=order)

    assert returned_movements(return_request.number) == []
    assert returned_movements(order.number) == [(release.pk, 2)]
    assert stock_of(release) == 7


@pytest.mark.parametrize("status", ["requested", "approved"])
def test_a_whole_parcel_is_neither_offered_nor_recorded_over_an_open_return(staff, status):
    release = make_release(stock=5)
    order = delivered_order(release, quantity=3)
    return_request = make_return(order, status, copies={first_line(order): 1})

    order_page = staff.get(reverse("admin:orders_order_change", args=[order.pk]))
    assert [action for action, title in order_page.context["lifecycle_actions"]] == ["refund"]
    # A page opened before the shopper asked is refused when sent.
    response = staff.post(
        reverse("admin:orders_order_action", args=[order.pk, "return"]), {}, follow=True
    )

    assert f"Return {return_request.number} of this order is still open" in (
        response.content.decode()
    )
    order.refresh_from_db()
    assert order.status == "delivered"
    assert returned_movements(order.number) == [] and stock_of(release) == 5


def test_a_parcel_back_without_returns_restocks_everything(staff):
    release = make_release(stock=5)
    order = make_order(release, status="shipped", quantity=3)

    fulfilment.record_return(order=order)

    assert returned_movements(order.number) == [(release.pk, 3)]
    assert stock_of(release) == 8
    assert not ReturnLine.objects.exists()


# What the review of returns found, each kept from coming back.


def test_shipping_is_not_offered_until_every_copy_is_back_at_the_shop(staff, paid_with_shipping):
    order = paid_with_shipping  # two copies of one record, £20 each, £4.50 shipping
    first = make_return(order, "received", copies={first_line(order): 1})
    # The other copy is only asked for: the shopper may never send it.
    make_return(order, "requested", copies={first_line(order): 1})

    assert suggested(staff, first) == "20.00"


def test_the_orders_own_refund_waits_for_a_received_return(staff, paid_with_shipping):
    order = paid_with_shipping
    received = make_return(order, "received", copies={first_line(order): 1})

    response = staff.post(
        reverse("admin:orders_order_action", args=[order.pk, "refund"]), {"amount": "20"}
    )

    assert response.status_code == 200
    assert f"Return {received.number} is waiting for its refund" in response.content.decode()
    assert not Refund.objects.exists()

    # Refunded from the return, the record is paid back once.
    staff.post(action_url(received, "refund"), {"amount": "20"})
    order.refresh_from_db()
    assert order.refunded == Decimal("20.00")
    assert Refund.objects.get().return_request == received


def test_refunding_a_return_takes_the_right_to_change_orders(paid_with_shipping):
    from django.contrib.auth.models import Permission

    return_request = make_return(paid_with_shipping, "received")
    clerk = User.objects.create_user("clerk", "clerk@example.com", "pw", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_return", "change_return"])
    )
    client = Client()
    client.force_login(clerk)

    assert client.get(action_url(return_request, "approve")).status_code == 302  # not allowed now
    assert client.get(action_url(return_request, "refund")).status_code == 403
    assert client.post(action_url(return_request, "refund"), {"amount": "20"}).status_code == 403
    assert not Refund.objects.exists()

    clerk.user_permissions.add(Permission.objects.get(codename="change_order"))
    client.force_login(clerk)
    assert client.get(action_url(return_request, "refund")).status_code == 200


def test_an_approved_free_return_shows_the_prepaid_licence_on_its_page(client):
    return_request = make_return(delivered_order(), "approved", reason="damaged")

    page = client.get(return_url(return_request)).content.decode()

    assert f"Prepaid returns licence: {DEFAULT_LICENCE}" in page
