"""Back-in-stock alerts: subscribing from a sold-out page, confirming, the alert, unsubscribing."""

import datetime
import io
import re
import smtplib
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from catalog import alerts, stock
from catalog import tasks as alert_tasks
from catalog.models import StockAlert
from catalog.models.alerts import StockAlertQuerySet
from tests.factories import make_release
from tests.orders.tasks import run_queued_tasks

GUEST = {"email": "Olena@Example.com"}


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"catalog:{name}", kwargs=kwargs)


def alert_url(release, language="en"):
    return url("stock_alert", language, slug=release.slug)


@pytest.fixture
def sold_out(db):
    return make_release(title="Kind of Blue", stock=0)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Post as a shopper would, running what is queued on commit (emails)."""

    def posting(path, data=None, using=client):
        with django_capture_on_commit_callbacks(execute=True):
            return using.post(path, data or {})

    return posting


def restock(release, change):
    with transaction.atomic():
        return stock.adjust(release_id=release.pk, change=change)


def link_in(message, pattern):
    return re.search(rf"http://127\.0\.0\.1:8000(/\S*{pattern}\S*/)", message.body).group(1)


def confirmed_alert(release, email="olena@example.com", language="en"):
    return StockAlert.objects.create(
        release=release,
        email=email,
        language=language,
        confirmed=datetime.datetime.now(datetime.UTC),
    )


# The product page


def test_a_sold_out_page_offers_the_alert_form_and_an_in_stock_page_does_not(client, sold_out):
    page = client.get(sold_out.get_absolute_url()).content.decode()
    assert "Email me when it’s back" in page
    assert f'action="{alert_url(sold_out)}"' in page
    assert 'id="alert_email"' in page

    in_stock = make_release(stock=3)
    assert "Email me when it’s back" not in client.get(in_stock.get_absolute_url()).content.decode()


def test_the_form_is_in_ukrainian(client, sold_out):
    page = client.get(url("release", "uk", slug=sold_out.slug)).content.decode()
    assert "Повідомити, коли з’явиться" in page


def test_the_form_works_from_a_cached_page_with_each_shoppers_csrf_token(sold_out, post):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(sold_out.get_absolute_url())  # renders and caches the page
    page = second.get(sold_out.get_absolute_url()).content.decode()  # served from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert "hole-csrf" not in page

    response = post(alert_url(sold_out), GUEST | {"csrfmiddlewaretoken": token}, using=second)

    assert response.status_code == 302
    assert StockAlert.objects.filter(email="olena@example.com").exists()


# Guests


def test_a_guest_is_sent_a_confirmation_link_and_nothing_is_on_until_it_is_used(
    client, sold_out, post
):
    response = post(alert_url(sold_out), GUEST)

    assert response.status_code == 302
    assert response["Location"] == f"{sold_out.get_absolute_url()}#stock-alert"
    alert = StockAlert.objects.get()
    assert (alert.email, alert.language, alert.confirmed) == ("olena@example.com", "en", None)
    [message] = mail.outbox
    assert message.to == ["olena@example.com"]
    assert message.subject == "Confirm your alert for Kind of Blue"
    assert "within 3 days" in message.body
    follow = client.get(response["Location"]).content.decode()
    assert "we have emailed it a link to confirm the alert" in follow

    link = link_in(message, "confirm")
    page = client.get(link)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and "Confirm the alert" in page.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed is None

    done = client.post(link)
    assert done.status_code == 200
    assert "Your alert is on" in done.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed is not None


def test_a_guest_subscribes_in_ukrainian(client, sold_out, post):
    response = post(alert_url(sold_out, "uk"), GUEST)

    assert StockAlert.objects.get().language == "uk"
    assert mail.outbox[0].subject == "Підтвердьте сповіщення про Kind of Blue"
    assert "/uk/alerts/confirm/" in mail.outbox[0].body
    assert "Дякуємо!" in client.get(response["Location"]).content.decode()


def test_a_replayed_confirmation_link_is_refused(client, sold_out, post):
    post(alert_url(sold_out), GUEST)
    link = link_in(mail.outbox[0], "confirm")
    assert client.post(link).status_code == 200

    again = client.post(link)
    assert again.status_code == 410
    assert "This link has been used already." in again.content.decode()
    assert client.get(link).status_code == 410


def test_an_expired_confirmation_link_is_refused_in_the_shoppers_language(
    client, sold_out, monkeypatch
):
    alert = StockAlert.objects.create(release=sold_out, email="olena@example.com", language="uk")
    four_days_ago = time.time() - 4 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: four_days_ago)
    code = alerts.confirmation_code(alert)
    monkeypatch.undo()

    response = client.post(url("confirm_alert", "uk", code=code))

    assert response.status_code == 410
    assert "Термін дії цього посилання минув" in response.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed is None


@pytest.mark.parametrize("code", ["nonsense", "a:b:c", "x" * 300])
def test_a_forged_confirmation_link_is_404(client, sold_out, code):
    assert client.get(url("confirm_alert", code=code)).status_code == 404
    assert client.post(url("confirm_alert", code=code)).status_code == 404


def test_a_code_signed_for_something_else_is_404(client, sold_out):
    alert = StockAlert.objects.create(release=sold_out, email="olena@example.com", language="en")
    code = signing.TimestampSigner(salt="another.purpose").sign(alert.token)
    assert client.post(url("confirm_alert", code=code)).status_code == 404


@pytest.mark.parametrize(
    ("email", "language", "error"),
    [
        ("", "en", "This field is required."),
        ("not-an-email", "en", "Enter a valid email address."),
        ("a@" + "b" * 300 + ".com", "en", "Ensure this value has at most 254 characters"),
        ("olena@", "uk", "Введіть коректну email адресу."),
        ("olena\x00@example.com", "en", "Null characters are not allowed."),
    ],
)
def test_bad_emails_get_a_localized_400_with_the_form_error(
    client, sold_out, post, email, language, error
):
    response = post(alert_url(sold_out, language), {"email": email})

    assert response.status_code == 400
    page = response.content.decode()
    assert error in page and 'id="alert_email_error"' in page
    assert not StockAlert.objects.exists() and mail.outbox == []


def test_subscribing_twice_says_the_same_and_keeps_one_alert(client, sold_out, post):
    first = post(alert_url(sold_out), GUEST)
    first_message = client.get(first["Location"]).content.decode()
    client.post(link_in(mail.outbox[0], "confirm"))

    second = post(alert_url(sold_out), {"email": "OLENA@example.com"})

    assert second.status_code == 302
    second_message = client.get(second["Location"]).content.decode()
    for page in (first_message, second_message):
        assert "Unless olena@example.com already follows this record" in page
    assert StockAlert.objects.count() == 1
    assert len(mail.outbox) == 1  # confirmed already: no second link


def test_the_duplicate_message_does_not_reveal_an_existing_alert(client, sold_out, post):
    confirmed_alert(sold_out, "taken@example.com")
    stranger, newcomer = Client(), Client()
    for shopper, email in ((stranger, "taken@example.com"), (newcomer, "new@example.com")):
        response = post(alert_url(sold_out), {"email": email}, using=shopper)
        page = shopper.get(response["Location"]).content.decode()
        assert f"Thank you! Unless {email} already follows this record" in page


def test_an_unconfirmed_guest_asking_again_gets_a_fresh_link(sold_out, post):
    post(alert_url(sold_out), GUEST)
    post(alert_url(sold_out), GUEST)
    assert StockAlert.objects.count() == 1
    assert len(mail.outbox) == 2


def ago(days):
    return datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)


def test_alerts_never_confirmed_or_sent_long_ago_are_forgotten(sold_out, post):
    post(alert_url(sold_out), GUEST)
    post(alert_url(sold_out), {"email": "taras@example.com"})
    # Four days: past the link's three and the day's grace for a late email.
    StockAlert.objects.filter(email="olena@example.com").update(created=ago(4.1))
    StockAlert.objects.filter(email="taras@example.com").update(created=ago(3.5))
    confirmed_alert(sold_out, email="mykola@example.com")
    StockAlert.objects.filter(email="mykola@example.com").update(created=ago(40))
    sent = confirmed_alert(make_release(title="Time Out", stock=3), email="iryna@example.com")
    StockAlert.objects.filter(pk=sent.pk).update(notified=ago(31))
    recently_sent = confirmed_alert(make_release(title="Mingus Ah Um"), email="ivan@example.com")
    StockAlert.objects.filter(pk=recently_sent.pk).update(notified=ago(29))

    out = io.StringIO()
    call_command("forget_expired_data", stdout=out)

    assert "Back-in-stock alerts deleted: 2" in out.getvalue()
    assert sorted(StockAlert.objects.values_list("email", flat=True)) == [
        "ivan@example.com",
        "mykola@example.com",
        "taras@example.com",
    ]
    # The guest can ask again, and the new link works.
    mail.outbox.clear()
    post(alert_url(sold_out), GUEST)
    response = post(link_in(mail.outbox[0], "confirm"))
    assert "Your alert is on" in response.content.decode()
    assert StockAlert.objects.get(email="olena@example.com").confirmed is not None


def test_asking_again_after_the_purge_took_the_alert_starts_a_new_one(sold_out, monkeypatch):
    """The purge may delete the alert between the shopper's read and their update."""
    alert = StockAlert.objects.create(release=sold_out, email="olena@example.com", language="en")
    read = StockAlertQuerySet.get_or_create

    def read_then_purged(queryset, **kwargs):
        found = read(queryset, **kwargs)
        StockAlert.objects.filter(pk=found[0].pk).delete()
        monkeypatch.undo()  # only the first read
        return found

    monkeypatch.setattr(StockAlertQuerySet, "get_or_create", read_then_purged)
    again = alerts.subscribe(
        release=sold_out, email="olena@example.com", language="en", confirmed=False
    )

    assert again.pk != alert.pk
    assert list(StockAlert.objects.values_list("pk", flat=True)) == [again.pk]


def test_asking_again_restarts_the_clock_so_a_fresh_link_outlives_the_purge(sold_out, post):
    post(alert_url(sold_out), GUEST)
    StockAlert.objects.update(created=ago(5))
    mail.outbox.clear()
    post(alert_url(sold_out), GUEST)  # a fresh link, for the same alert

    assert alerts.forget_expired() == 0
    response = post(link_in(mail.outbox[0], "confirm"))
    assert "Your alert is on" in response.content.decode()
    assert StockAlert.objects.get().confirmed is not None


def test_alerts_for_unknown_or_unpublished_records_are_404(client, db, post):
    hidden = make_release(stock=0, published=False)
    assert post(url("stock_alert", slug="no-such-record"), GUEST).status_code == 404
    assert post(alert_url(hidden), GUEST).status_code == 404
    assert client.get(alert_url(hidden)).status_code == 405
    assert not StockAlert.objects.exists()


def test_a_record_back_in_stock_already_takes_no_alert(client, db, post):
    release = make_release(stock=2)
    response = post(alert_url(release), GUEST)
    assert response.status_code == 302
    assert "in stock now" in client.get(response["Location"]).content.decode()
    assert not StockAlert.objects.exists()


def test_the_form_is_rate_limited(sold_out, post, settings, monkeypatch):
    monkeypatch.setattr("shop.ratelimit.time", type("Clock", (), {"time": lambda: 1_800_000_030.0}))
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"stock_alert": (3, 60)}
    shopper = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(3):
        assert (
            post(alert_url(sold_out), {"email": f"s{n}@example.com"}, using=shopper).status_code
            == 302
        )

    refused = post(alert_url(sold_out, "uk"), {"email": "s9@example.com"}, using=shopper)

    assert refused.status_code == 429
    assert "Забагато спроб" in refused.content.decode()
    assert StockAlert.objects.count() == 3
    # One address cannot be flooded with links from many clients either.
    for n in range(3):
        post(alert_url(sold_out), GUEST, using=Client(REMOTE_ADDR=f"198.51.100.{n}"))
    assert (
        post(alert_url(sold_out), GUEST, using=Client(REMOTE_ADDR="198.51.100.9")).status_code
        == 429
    )


def test_a_post_without_a_csrf_token_is_refused(sold_out):
    response = Client(enforce_csrf_checks=True).post(alert_url(sold_out), GUEST)
    assert response.status_code == 403
    assert not StockAlert.objects.exists()


# Signed-in shoppers


@pytest.fixture
def member(client, db):
    user = get_user_model().objects.create_user("member", "Taras@example.com", "pw")
    client.force_login(user)
    return user


def test_a_member_subscribes_in_one_click_without_confirmation(client, member, sold_out, post):
    page = client.get(sold_out.get_absolute_url()).content.decode()
    assert "Taras@example.com" in page and 'id="alert_email"' not in page

    response = post(alert_url(sold_out))

    alert = StockAlert.objects.get()
    assert alert.email == "taras@example.com" and alert.confirmed is not None
    assert mail.outbox == []
    assert (
        "We will email taras@example.com once this record is back."
        in client.get(response["Location"]).content.decode()
    )


def test_a_members_page_is_not_served_to_guests(client, member, sold_out):
    client.get(sold_out.get_absolute_url())
    guest_page = Client().get(sold_out.get_absolute_url()).content.decode()
    assert "Taras@example.com" not in guest_page and 'id="alert_email"' in guest_page


def test_a_member_confirms_a_pending_guest_alert_for_their_email(client, member, sold_out, post):
    pending = StockAlert.objects.create(release=sold_out, email="taras@example.com", language="en")
    post(alert_url(sold_out))
    pending.refresh_from_db()
    assert pending.confirmed is not None and StockAlert.objects.count() == 1


# The alert


def test_a_restock_emails_each_confirmed_subscriber_once_in_their_language(
    sold_out, django_capture_on_commit_callbacks
):
    english = confirmed_alert(sold_out, "olena@example.com", "en")
    ukrainian = confirmed_alert(sold_out, "taras@example.com", "uk")
    StockAlert.objects.create(release=sold_out, email="pending@example.com", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        restock(sold_out, 3)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"olena@example.com", "taras@example.com"}
    assert by_address["olena@example.com"].subject == "Kind of Blue is back in stock"
    assert f"/en/records/{sold_out.slug}/" in by_address["olena@example.com"].body
    assert by_address["taras@example.com"].subject == "Kind of Blue знову в наявності"
    assert f"/uk/records/{sold_out.slug}/" in by_address["taras@example.com"].body
    unsubscribe = by_address["taras@example.com"].extra_headers["List-Unsubscribe"]
    assert unsubscribe == f"<http://127.0.0.1:8000/uk/alerts/unsubscribe/{ukrainian.token}/>"
    for alert in (english, ukrainian):
        alert.refresh_from_db()
        assert alert.notified is not None

    # Sold out and back again: the alerts have ended, nobody is emailed twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restock(sold_out, -3)
        restock(sold_out, 2)
    assert mail.outbox == []


def test_a_restock_that_does_not_cross_zero_emails_nobody(db, django_capture_on_commit_callbacks):
    release = make_release(stock=1)
    confirmed_alert(release)
    with django_capture_on_commit_callbacks(execute=True):
        restock(release, 4)
    assert mail.outbox == []
    assert StockAlert.objects.get().notified is None


def test_a_restock_that_is_rolled_back_emails_nobody(sold_out, django_capture_on_commit_callbacks):
    confirmed_alert(sold_out)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        stock.adjust(release_id=sold_out.pk, change=2)
        raise RuntimeError("the admin save failed")
    assert mail.outbox == []


def test_a_resubscription_after_the_alert_was_sent_starts_a_new_one(
    sold_out, django_capture_on_commit_callbacks
):
    confirmed_alert(sold_out)
    with django_capture_on_commit_callbacks(execute=True):
        restock(sold_out, 1)
        restock(sold_out, -1)
    alerts.subscribe(release=sold_out, email="olena@example.com", language="en", confirmed=True)
    assert StockAlert.objects.count() == 2 and StockAlert.objects.live().count() == 1


# Batches and outages, on the database queue as in production


@pytest.fixture
def task_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def tasks_named(name):
    return DBTaskResult.objects.filter(task_path=f"catalog.tasks.{name}")


def test_alerts_go_out_in_batches_queued_with_the_restock(sold_out, task_queue, monkeypatch):
    monkeypatch.setattr(alerts, "BATCH_SIZE", 2)
    for n in range(5):
        confirmed_alert(sold_out, f"s{n}@example.com")

    restock(sold_out, 1)
    assert tasks_named("send_back_in_stock_alerts").count() == 1  # all the save itself does
    assert mail.outbox == []

    run_queued_tasks()

    assert tasks_named("email_back_in_stock").count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == [f"s{n}@example.com" for n in range(5)]


def test_one_refused_mail_is_retried_and_the_others_are_sent(sold_out, task_queue, monkeypatch):
    for email in ("a@example.com", "refused@example.com", "c@example.com"):
        confirmed_alert(sold_out, email)
    send = alert_tasks.send_email

    def flaky(**kwargs):
        if kwargs["to"] == ["refused@example.com"]:
            raise smtplib.SMTPRecipientsRefused({"refused@example.com": (450, b"try later")})
        return send(**kwargs)

    monkeypatch.setattr("catalog.tasks.send_email", flaky)
    restock(sold_out, 1)
    run_queued_tasks()

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "c@example.com"]
    assert StockAlert.objects.get(email="refused@example.com").notified is None
    retry = tasks_named("email_back_in_stock").get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2

    monkeypatch.setattr("catalog.tasks.send_email", send)
    run_queued_tasks(later=datetime.timedelta(minutes=2))
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@example.com",
        "c@example.com",
        "refused@example.com",
    ]
    assert not StockAlert.objects.due().exists()


def test_alerts_wait_for_the_mail_server_and_go_out_once(sold_out, task_queue, settings):
    from tests.orders.test_mail_outage import LocalSMTPServer

    server = LocalSMTPServer()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
        }
    }
    confirmed_alert(sold_out, "a@example.com")
    confirmed_alert(sold_out, "b@example.com")
    try:
        restock(sold_out, 2)
        run_queued_tasks()  # the server is down
        assert server.inbox.messages == []
        assert StockAlert.objects.due().count() == 2

        server.start()
        run_queued_tasks(later=datetime.timedelta(minutes=2))
        run_queued_tasks(later=datetime.timedelta(hours=1))
    finally:
        server.stop()

    assert sorted(to[0] for to, _content in server.inbox.messages) == [
        "a@example.com",
        "b@example.com",
    ]
    assert not StockAlert.objects.due().exists()


# Unsubscribing


def test_unsubscribe_asks_then_removes_the_alert(client, sold_out):
    alert = confirmed_alert(sold_out, language="uk")
    link = url("unsubscribe_alert", "uk", token=alert.token)

    page = client.get(link)
    assert page.status_code == 200 and "Відписатися" in page.content.decode()
    assert StockAlert.objects.exists()

    done = client.post(link)
    assert done.status_code == 200
    assert not StockAlert.objects.exists()
    assert client.post(link).status_code == 404


def test_one_click_unsubscribe_needs_no_csrf_token(sold_out):
    alert = confirmed_alert(sold_out)
    response = Client(enforce_csrf_checks=True).post(
        url("unsubscribe_alert", token=alert.token), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not StockAlert.objects.exists()


def test_a_forged_unsubscribe_token_is_404(client, sold_out):
    confirmed_alert(sold_out)
    assert client.get("/en/alerts/unsubscribe/%00/").status_code == 404
    assert client.get("/en/alerts/confirm/%00/").status_code == 404
    assert client.get(url("unsubscribe_alert", token="forged")).status_code == 404
    assert client.post(url("unsubscribe_alert", token="forged")).status_code == 404
    assert StockAlert.objects.count() == 1


def test_an_unconfirmed_alert_is_gone_after_unsubscribing_so_its_link_is_404(
    client, sold_out, post
):
    post(alert_url(sold_out), GUEST)
    alert = StockAlert.objects.get()
    client.post(url("unsubscribe_alert", token=alert.token))
    assert client.post(link_in(mail.outbox[0], "confirm")).status_code == 404


# Staff


def test_staff_see_waiting_alerts_per_record_and_in_their_list(client, sold_out):
    confirmed_alert(sold_out, "a@example.com")
    confirmed_alert(sold_out, "b@example.com")
    StockAlert.objects.create(release=sold_out, email="c@example.com", language="en")
    staff = get_user_model().objects.create_superuser("staff", "staff@example.com", "pw")
    client.force_login(staff)

    releases = client.get("/admin/catalog/release/?stock=out").content.decode()
    link = rf'stockalert/\?release__id__exact={sold_out.pk}&(amp;)?state=waiting">2</a>'
    assert re.search(link, releases)

    waiting = client.get(
        f"/admin/catalog/stockalert/?release__id__exact={sold_out.pk}&state=waiting"
    )
    assert waiting.status_code == 200
    page = waiting.content.decode()
    assert "a@example.com" in page and "b@example.com" in page and "c@example.com" not in page
    assert client.get(f"/admin/catalog/release/{sold_out.pk}/change/").status_code == 200
