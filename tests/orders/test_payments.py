import datetime
import time
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from catalog.models import Release, StockMovement
from orders import stripe_gateway
from orders.models import CartLine, Order, PaymentEvent
from orders.reservations import expire_reservations
from tests.orders.helpers import add_to_cart, check_out

WEBHOOK = "/stripe/webhook/"


def post_event(client, fake, kind, obj, **signing):
    payload, header = fake.signed_event(kind, obj, **signing)
    return client.post(
        WEBHOOK, payload, content_type="application/json", headers={"stripe-signature": header}
    )


@pytest.fixture
def started_payment(client, seed, fake_stripe):
    """A shopper has placed an order for 2 copies and been sent to Stripe."""
    add_to_cart(client, seed, 2)
    response = check_out(client)
    order = Order.objects.get()
    session = fake_stripe.sessions[order.stripe_session]
    return order, session, response


def test_checkout_sends_the_shopper_to_stripe_with_the_real_order(started_payment, fake_stripe):
    order, session, response = started_payment

    assert response.status_code == 302
    assert response["Location"] == session["url"]
    assert session["currency"] == "gbp"
    assert session["line_items"][0]["quantity"] == "2"
    assert session["line_items"][0]["price_data"]["unit_amount"] == "2395"
    assert session["line_items"][0]["price_data"]["product_data"]["name"] == (
        "Miles Davis – Ascenseur Pour L'Echafaud"
    )
    shipping = session["shipping_options"][0]["shipping_rate_data"]
    assert shipping["fixed_amount"] == {"amount": "1795", "currency": "gbp"}
    assert shipping["display_name"] == "Express delivery"
    assert session["amount_total"] == 6585
    assert session["client_reference_id"] == order.number
    assert session["metadata"]["token"] == str(order.token)
    assert session["expires_at"] >= int(order.reserved_until.timestamp())
    _method, _path, _body, headers = fake_stripe.requests[-1]
    assert headers["Idempotency-Key"].startswith(f"checkout-{order.token}-")
    assert headers["Authorization"] == "Bearer sk_test_fake"


def test_session_in_hryvnia_for_a_ukrainian_shopper(client, seed, fake_stripe):
    client.post("/uk/currency/", {"currency": "UAH"})
    add_to_cart(client, seed)
    check_out(client, "uk")
    session = next(iter(fake_stripe.sessions.values()))
    assert session["currency"] == "uah"
    # Whole hryvnias: 23.95 × 52.50 = 1,257.375 is ₴1,257, in kopiyky for Stripe.
    assert session["line_items"][0]["price_data"]["unit_amount"] == "125700"


def test_completed_checkout_marks_the_order_paid_once(
    client, started_payment, fake_stripe, django_capture_on_commit_callbacks
):
    order, session, _response = started_payment
    fake_stripe.pay(session["id"])
    payload, header = fake_stripe.signed_event("checkout.session.completed", session)

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):  # Stripe retries; replays change nothing
            response = client.post(
                WEBHOOK,
                payload,
                content_type="application/json",
                headers={"stripe-signature": header},
            )
            assert response.status_code == 200

    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.stripe_payment_intent == session["payment_intent"]
    assert PaymentEvent.objects.filter(order=order).count() == 1
    assert len(mail.outbox) == 1
    assert Release.objects.get(pk=order.lines.get().release_id).stock == 10
    assert not CartLine.objects.exists()


def test_success_page_shows_the_real_status(client, started_payment, fake_stripe):
    order, session, _response = started_payment
    page = client.get(f"/en/orders/{order.token}/?paid=1").content.decode()
    assert "Awaiting payment" in page
    assert "We are confirming your payment" in page

    fake_stripe.pay(session["id"])
    post_event(client, fake_stripe, "checkout.session.completed", session)
    assert "Paid" in client.get(f"/en/orders/{order.token}/?paid=1").content.decode()


@pytest.mark.parametrize(
    "header",
    ["", "t=1,v1=deadbeef", "garbage", "t=abc,v1=", "v1=" + "0" * 64],
)
def test_webhook_with_a_bad_signature_is_400(client, started_payment, fake_stripe, header):
    order, session, _response = started_payment
    fake_stripe.pay(session["id"])
    payload, _good = fake_stripe.signed_event("checkout.session.completed", session)

    response = client.post(
        WEBHOOK, payload, content_type="application/json", headers={"stripe-signature": header}
    )

    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING


def test_webhook_with_a_stale_signature_is_400(client, started_payment, fake_stripe):
    _order, session, _response = started_payment
    fake_stripe.pay(session["id"])
    response = post_event(
        client,
        fake_stripe,
        "checkout.session.completed",
        session,
        timestamp=int(time.time()) - 3600,
    )
    assert response.status_code == 400
    assert not PaymentEvent.objects.exists()


def test_webhook_rejects_get_and_garbage(client, db, fake_stripe):
    assert client.get(WEBHOOK).status_code == 405
    assert client.post(WEBHOOK, "not json", content_type="application/json").status_code == 400


def test_unknown_event_types_are_acknowledged_and_ignored(client, started_payment, fake_stripe):
    order, session, _response = started_payment
    assert post_event(client, fake_stripe, "customer.created", {"id": "cus_1"}).status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING


def test_expired_session_gives_the_copies_back(client, started_payment, fake_stripe):
    order, session, _response = started_payment

    assert post_event(client, fake_stripe, "checkout.session.expired", session).status_code == 200
    assert post_event(client, fake_stripe, "checkout.session.expired", session).status_code == 200

    order.refresh_from_db()
    assert order.status == Order.Status.EXPIRED
    assert Release.objects.get(pk=order.lines.get().release_id).stock == 12
    assert StockMovement.objects.filter(reason="released").count() == 1


def test_late_payment_with_copies_still_there_takes_them_again(
    client, started_payment, fake_stripe
):
    order, session, _response = started_payment
    expire_reservations(now=timezone.now() + datetime.timedelta(minutes=31))

    fake_stripe.pay(session["id"])
    post_event(client, fake_stripe, "checkout.session.completed", session)

    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert Release.objects.get(pk=order.lines.get().release_id).stock == 10
    assert StockMovement.objects.filter(reference=order.number, reason="retaken").exists()


def test_late_payment_for_copies_sold_elsewhere_is_flagged_and_refunded(
    client, started_payment, fake_stripe, django_capture_on_commit_callbacks
):
    order, session, _response = started_payment
    expire_reservations(now=timezone.now() + datetime.timedelta(minutes=31))
    Release.objects.filter(pk=order.lines.get().release_id).update(stock=1)  # sold meanwhile

    fake_stripe.pay(session["id"])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, fake_stripe, "checkout.session.completed", session)

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.EXPIRED  # never paid: the payment went back
    assert "A full refund is under way" in order.needs_attention
    refund = order.refunds.get()
    assert (refund.status, refund.amount, refund.reason) == (
        "done",
        Decimal("65.85"),
        "late_payment",
    )
    assert fake_stripe.refunds == [
        {**fake_stripe.refunds[0], "amount": 6585, "payment_intent": session["payment_intent"]}
    ]
    assert Release.objects.get(pk=order.lines.get().release_id).stock == 1  # never oversold
    assert len(mail.outbox) == 1
    assert "refund" in mail.outbox[0].subject.lower()


def test_stripe_outage_keeps_the_order_pending_and_the_cart(client, seed, fake_stripe):
    fake_stripe.fail_with = 500
    add_to_cart(client, seed, 1)

    response = check_out(client, "uk")

    order = Order.objects.get()
    assert response["Location"] == f"/uk/orders/{order.token}/"
    assert order.status == Order.Status.PENDING and order.stock_held
    assert CartLine.objects.get().quantity == 1
    page = client.get(response["Location"]).content.decode()
    assert "Не вдалося зв" in page

    fake_stripe.fail_with = None
    retry = client.post(f"/uk/orders/{order.token}/pay/")
    assert retry.status_code == 302
    assert retry["Location"].startswith(fake_stripe.url)


def test_stripe_timeout_is_reported_not_a_500(client, seed, fake_stripe, monkeypatch):
    monkeypatch.setattr(stripe_gateway, "TIMEOUT_SECONDS", 0.2)
    fake_stripe.delay_seconds = 1
    add_to_cart(client, seed, 1)

    response = check_out(client)

    assert response.status_code == 302
    assert Order.objects.get().status == Order.Status.PENDING
    assert (
        "could not reach our payment provider" in client.get(response["Location"]).content.decode()
    )
