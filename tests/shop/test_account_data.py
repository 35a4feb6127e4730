"""Changing the email, closing the account and downloading one's data."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from catalog.models import Question, StockAlert
from catalog.questions import answer_question
from orders.models import Order, Refund, Return, ReturnLine, SavedAddress
from shop.accounts.services import verify_email
from shop.models import Account
from tests.factories import make_member, make_order, make_release
from tests.shop.accounts import PASSWORD, last_link

User = get_user_model()
pytestmark = pytest.mark.usefixtures("commits")

KYIV = {
    "name": "Olena Kovalenko",
    "address_line1": "vul. Khreshchatyk 1",
    "city": "Kyiv",
    "postcode": "01001",
    "country": "UA",
    "phone": "+380441234567",
}


@pytest.fixture
def member(client):
    user = make_member("olena@example.com")
    client.force_login(user)
    return user


def ask_for_email(client, new_email, password=PASSWORD, language="en"):
    data = {"new_email": new_email, "password": password}
    return client.post(f"/{language}/account/email/", data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "told"),
    [
        ("en", "Confirm your new email for Plativka", "Your email at Plativka is changing"),
        ("uk", "Підтвердьте нову пошту для Plativka", "Ваша пошта в Plativka змінюється"),
    ],
)
def test_a_new_email_counts_once_its_link_is_opened_and_the_old_one_is_told(
    client, member, language, subject, told
):
    Account.objects.filter(user=member).update(language=language)
    response = ask_for_email(client, "Olena.New@Example.com", language=language)

    assert response.status_code == 302
    assert [(m.subject, m.to) for m in mail.outbox] == [(subject, ["olena.new@example.com"])]
    member.refresh_from_db()
    assert member.email == "olena@example.com"  # nothing changes before the link

    link = last_link("olena.new@example.com")
    assert client.get(link).status_code == 302

    member.refresh_from_db()
    assert member.email == "olena.new@example.com"
    assert (told, ["olena@example.com"]) in [(m.subject, m.to) for m in mail.outbox]
    assert client.get("/en/account/").status_code == 200  # still signed in
    assert client.get(link).status_code == 400  # used once


@pytest.mark.django_db
def test_changing_the_email_needs_the_password(client, member):
    response = ask_for_email(client, "new@example.com", password="guess")

    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["x" * 250 + "@example.com", "new\r\nBcc: a@b.c@example.com"])
def test_a_hostile_new_email_is_a_clear_error(client, member, email):
    response = ask_for_email(client, email)

    assert response.status_code == 400
    assert not mail.outbox


@pytest.mark.django_db
def test_a_taken_email_is_not_revealed_and_its_owner_is_told(client, member):
    make_member("taras@example.com")

    response = ask_for_email(client, "TARAS@example.com")

    assert response.status_code == 302
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("You already have an account at Plativka", ["taras@example.com"])
    ]
    member.refresh_from_db()
    assert member.email == "olena@example.com"


@pytest.mark.django_db
def test_an_email_change_link_is_refused_when_expired_or_taken_meanwhile(
    client, member, monkeypatch
):
    ask_for_email(client, "new@example.com")
    link = last_link("new@example.com")
    make_member("new@example.com")

    taken = client.get(link)
    assert taken.status_code == 400
    assert "belongs to another account" in taken.content.decode()

    User.objects.filter(email="new@example.com").delete()
    later = datetime.datetime.now().timestamp() + 4 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert client.get(link).status_code == 400
    member.refresh_from_db()
    assert member.email == "olena@example.com"


@pytest.mark.django_db
def test_another_members_link_does_nothing_for_someone_else(client, member):
    ask_for_email(client, "new@example.com")
    link = last_link("new@example.com")
    other = Client()
    other.force_login(make_member("taras@example.com"))

    assert other.get(link).status_code == 400
    member.refresh_from_db()
    assert member.email == "olena@example.com"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "error"), [("en", "That is not your password."), ("uk", "Це не ваш пароль.")]
)
def test_closing_the_account_needs_the_password(client, member, language, error):
    response = client.post(f"/{language}/account/close/", {"password": "guess"})

    assert response.status_code == 400
    assert error in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_closing_the_account_deletes_the_shoppers_data_and_anonymises_orders(client, member):
    SavedAddress.objects.create(customer=member, is_default=True, **KYIV)
    delivered = make_order(customer=member, status="delivered", phone="+380441234567")
    shipped = make_order(customer=member, status="shipped", phone="+380441234567")
    strangers = make_order(email="taras@example.com", phone="+380440000000")

    response = client.post("/en/account/close/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Account.objects.exists() and not SavedAddress.objects.exists()
    delivered.refresh_from_db()
    shipped.refresh_from_db()
    strangers.refresh_from_db()
    # The books keep the sale: number, amounts, lines, the name and address sold to.
    assert delivered.customer is None and delivered.lines.count() == 1
    assert delivered.total and delivered.name == "Olena Kovalenko"
    assert (delivered.email, delivered.phone) == ("", "")
    assert (shipped.email, shipped.phone) == ("olena@example.com", "")  # still on its way
    assert strangers.email == "taras@example.com" and strangers.phone == "+380440000000"
    assert [m.subject for m in mail.outbox] == ["Your account at Plativka is closed"]
    assert client.get("/en/account/").status_code == 302  # signed out


@pytest.mark.django_db
def test_closing_the_account_clears_what_the_shopper_wrote_on_settled_returns(client, member):
    order = make_order(customer=member, status="delivered", quantity=2)
    line = order.lines.get()
    settled = Return.objects.create(
        order=order, reason="other", comment="My flat in Kyiv is damp.", free=True
    )
    settled.status = Return.Status.REFUNDED
    settled.save()
    still_open = Return.objects.create(
        order=order, reason="faulty", comment="Skips on side B.", free=True
    )
    for return_request in (settled, still_open):
        ReturnLine.objects.create(return_request=return_request, order_line=line, quantity=1)

    client.post("/en/account/close/", {"password": PASSWORD})

    settled.refresh_from_db()
    still_open.refresh_from_db()
    assert settled.comment == ""
    assert still_open.comment == "Skips on side B."  # staff still need it to handle the return


@pytest.mark.django_db
def test_download_my_data_has_the_account_addresses_and_orders_with_lines(client, member):
    SavedAddress.objects.create(customer=member, is_default=True, **KYIV)
    order = make_order(customer=member)
    make_order(email="taras@example.com")

    response = client.get("/en/account/my-data.json")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "olena@example.com"
    assert data["account"]["privacy_notice_accepted"]
    assert data["account"]["news_by_email"] is False
    assert data["addresses"][0]["city"] == "Kyiv" and data["addresses"][0]["default"]
    assert [o["number"] for o in data["orders"]] == [order.number]
    assert data["orders"][0]["lines"][0]["quantity"] == 1
    assert Client().get("/en/account/my-data.json").status_code == 302


@pytest.mark.django_db
def test_download_my_data_has_each_orders_returns_and_refunds(client, member):
    order = make_order(customer=member, status="delivered", refunded=Decimal("23.95"))
    return_request = Return.objects.create(
        order=order, reason="faulty", comment="Skips on side B.", free=True
    )
    line = order.lines.get()
    ReturnLine.objects.create(return_request=return_request, order_line=line, quantity=1)

    data = json.loads(client.get("/en/account/my-data.json").content)

    [exported] = data["orders"]
    assert exported["refunded"] == "23.95"
    assert exported["returns"] == [
        {
            "number": return_request.number,
            "requested": return_request.created.isoformat(),
            "status": "requested",
            "reason": "faulty",
            "comment": "Skips on side B.",
            "records": [{"title": line.title, "quantity": 1}],
        }
    ]


@pytest.mark.django_db
def test_news_can_be_switched_on_and_off(client, member):
    client.post("/en/account/", {"news": "on"})
    assert Account.objects.get(user=member).news is True
    client.post("/en/account/", {})
    assert Account.objects.get(user=member).news is False


@pytest.mark.django_db
def test_a_new_verified_email_brings_its_guest_orders(client, member):
    guest_order = make_order(email="new@example.com")
    ask_for_email(client, "new@example.com")

    client.get(last_link("new@example.com"))

    assert Order.objects.get(pk=guest_order.pk).customer == member


@pytest.fixture
def follows_and_asks(member):
    """The member follows a sold-out record and asked about another; a stranger did the same."""
    sold_out = make_release(title="Kind of Blue", stock=0)
    asked_about = make_release(title="A Love Supreme")
    StockAlert.objects.create(
        release=sold_out, email="olena@example.com", language="uk", confirmed=timezone.now()
    )
    StockAlert.objects.create(release=sold_out, email="taras@example.com", language="en")
    StockAlert.objects.create(
        release=make_release(title="Blue Train"),
        email="olena@example.com",
        language="uk",
        confirmed=timezone.now() - datetime.timedelta(days=9),
        notified=timezone.now() - datetime.timedelta(days=2),
    )
    StockAlert.objects.filter(release__title="Blue Train").update(
        created=timezone.now() - datetime.timedelta(days=10)
    )
    Question.objects.create(
        release=asked_about, name="Olena", email="Olena@Example.com", body="First press?"
    )
    Question.objects.create(
        release=asked_about, name="Taras", email="taras@example.com", body="Mono or stereo?"
    )
    return sold_out, asked_about


@pytest.mark.django_db
def test_download_my_data_has_the_alerts_and_questions_of_the_members_email(
    client, member, follows_and_asks
):
    data = json.loads(client.get("/en/account/my-data.json").content)

    assert [alert["title"] for alert in data["back_in_stock_alerts"]] == [
        "Kind of Blue",
        "Blue Train",
    ]
    assert data["back_in_stock_alerts"][0]["confirmed"] is True
    assert data["back_in_stock_alerts"][0]["sent"] is None
    assert data["back_in_stock_alerts"][1]["sent"]  # a sent alert is still held, so listed
    assert [(q["name"], q["question"]) for q in data["questions"]] == [("Olena", "First press?")]


@pytest.mark.django_db
def test_closing_the_account_ends_its_alerts_and_forgets_where_to_send_answers(
    client, member, follows_and_asks, django_capture_on_commit_callbacks
):
    client.post("/en/account/close/", {"password": PASSWORD})

    assert list(StockAlert.objects.values_list("email", flat=True)) == ["taras@example.com"]
    # The question stays on the record's page for other shoppers, without the address.
    assert sorted(Question.objects.values_list("name", "email")) == [
        ("Olena", ""),
        ("Taras", "taras@example.com"),
    ]
    mail.outbox.clear()
    for question in Question.objects.all():
        with django_capture_on_commit_callbacks(execute=True):
            answer_question(question=question, answer="Yes, the 1959 press.", staff_user=None)
    assert Question.objects.filter(answer="Yes, the 1959 press.").count() == 2
    assert [message.to for message in mail.outbox] == [["taras@example.com"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "wishlist, back-in-stock alerts and consents are deleted"),
        ("uk", "список бажаного, сповіщення про надходження й згоди буде видалено"),
    ],
)
def test_the_account_says_what_closing_deletes_and_links_the_privacy_notice(
    client, member, language, words
):
    home = client.get(f"/{language}/account/").content.decode()
    close = client.get(f"/{language}/account/close/").content.decode()

    assert f'href="/{language}/pages/privacy/"' in home
    assert words in close


@pytest.mark.django_db
def test_a_closed_accounts_order_under_way_keeps_its_email_until_settled(client, member):
    shipped = make_order(customer=member, status="shipped")
    cancelled = make_order(customer=member, status="cancelled")
    refund = Refund.objects.create(
        order=cancelled,
        payment_intent="pi_demo",
        amount=cancelled.total,
        currency=cancelled.currency,
        reason=Refund.Reason.CANCELLED,
        status=Refund.Status.PENDING,
    )
    client.post("/en/account/close/", {"password": PASSWORD})

    def forget():
        call_command("forget_expired_data", stdout=io.StringIO())
        shipped.refresh_from_db()
        cancelled.refresh_from_db()
        return shipped.email, cancelled.email

    # Still to come: the shipped order's delivery, the cancelled order's refund email.
    assert forget() == ("olena@example.com", "olena@example.com")
    Order.objects.filter(pk=shipped.pk).update(status="delivered")
    assert forget() == ("", "olena@example.com")
    Refund.objects.filter(pk=refund.pk).update(status=Refund.Status.DONE)
    assert forget() == ("", "")
    assert not Order.objects.filter(forget_email=True).exists()


@pytest.mark.django_db
def test_an_order_waiting_to_forget_its_email_is_kept_by_a_new_account_with_it(client, member):
    shipped = make_order(customer=member, status="shipped")
    client.post("/en/account/close/", {"password": PASSWORD})
    returning = make_member("olena@example.com", verified=False)

    verify_email(returning)
    Order.objects.filter(pk=shipped.pk).update(status="delivered")
    call_command("forget_expired_data", stdout=io.StringIO())

    shipped.refresh_from_db()
    assert (shipped.customer, shipped.email) == (returning, "olena@example.com")


@pytest.mark.django_db
def test_a_closed_accounts_order_with_a_return_under_way_keeps_its_email(client, member):
    delivered = make_order(customer=member, status="delivered")
    return_request = Return.objects.create(order=delivered, reason="faulty", free=True)
    client.post("/en/account/close/", {"password": PASSWORD})

    call_command("forget_expired_data", stdout=io.StringIO())
    delivered.refresh_from_db()
    assert delivered.email == "olena@example.com"  # the return's emails are still to come

    Return.objects.filter(pk=return_request.pk).update(status=Return.Status.REFUNDED)
    call_command("forget_expired_data", stdout=io.StringIO())
    delivered.refresh_from_db()
    assert delivered.email == ""
