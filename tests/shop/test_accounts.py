"""Signing up, confirming the email, signing in and out, and passwords, in both languages."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from shop.models import Account
from tests.factories import make_member
from tests.shop.accounts import PASSWORD, last_link, sign_in, sign_up

User = get_user_model()
pytestmark = pytest.mark.usefixtures("commits")


@pytest.fixture
def tight_limits(settings, monkeypatch):
    monkeypatch.setattr("shop.ratelimit.time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    settings.RATE_LIMITS = {name: (3, 60) for name in settings.RATE_LIMITS}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "subject"),
    [
        ("en", "Check your email", "Confirm your email for Plativka"),
        ("uk", "Перевірте пошту", "Підтвердьте свою пошту для Plativka"),
    ],
)
def test_sign_up_records_consent_and_emails_a_link_in_the_shoppers_language(
    client, language, heading, subject
):
    response = sign_up(client, "Olena@Example.COM", language, news="on")

    assert response.status_code == 200
    assert heading in response.content.decode()
    user = User.objects.get()
    assert user.email == "olena@example.com"
    assert user.account.privacy_accepted is not None
    assert user.account.news is True
    assert user.account.language == language
    assert not user.account.verified
    assert [m.subject for m in mail.outbox] == [subject]
    assert f"/{language}/account/verify/" in mail.outbox[0].body


@pytest.mark.django_db
def test_news_is_opt_in_and_the_privacy_notice_must_be_accepted(client):
    response = sign_up(client, privacy="")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Please confirm you have read the privacy notice." in page
    assert 'href="/en/pages/privacy/"' in page
    assert 'name="news"' in page and "checked" not in page
    assert not User.objects.exists() and not mail.outbox

    sign_up(client)
    assert User.objects.get().account.news is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "error"),
    [("en", "This password is too common."), ("uk", "Пароль занадто поширений.")],
)
def test_weak_passwords_are_refused(client, language, error):
    response = sign_up(client, language=language, password="password")

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "email",
    ["a" * 250 + "@example.com", "olena\x00@example.com", "olena@exa\nmple.com", "not-an-email"],
)
def test_hostile_emails_are_a_clear_error(client, email):
    response = sign_up(client, email)

    assert response.status_code == 400
    assert "field--invalid" in response.content.decode()
    assert not User.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_a_taken_email_gets_the_same_answer_and_its_owner_is_told(client):
    make_member("olena@example.com")

    response = sign_up(client, "OLENA@example.com")

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert User.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["You already have an account at Plativka"]
    assert "/en/account/sign-in/" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_verification_link_signs_in_once(client):
    sign_up(client)
    link = last_link("olena@example.com")

    response = client.get(link)

    assert response.status_code == 302 and response.url == "/en/account/"
    assert User.objects.get().account.verified
    assert "Your email is confirmed" in client.get("/en/account/").content.decode()
    replayed = Client().get(link)
    assert replayed.status_code == 400
    assert "This link is not valid, or it has been used already." in replayed.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This link has expired. Please ask for a new one."),
        ("uk", "Термін дії посилання минув. Попросіть нове."),
    ],
)
def test_an_expired_link_is_refused(client, language, message, monkeypatch):
    sign_up(client, language=language)
    link = last_link("olena@example.com")
    later = datetime.datetime.now().timestamp() + 4 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    response = client.get(link)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.get().account.verified


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["forged", "eyJ1Ijo1fQ:1vN:abc", "x" * 300])
def test_forged_links_are_refused(client, token):
    response = client.get(f"/en/account/verify/{token}/")

    assert response.status_code == 400
    assert "not valid" in response.content.decode()


@pytest.mark.django_db
def test_signing_in_is_case_insensitive_and_signing_out_takes_a_post(client):
    make_member("olena@example.com")

    response = sign_in(client, "  OLENA@Example.com ")

    assert response.status_code == 302 and response.url == "/en/account/"
    assert client.get("/en/account/").status_code == 200
    assert client.get("/en/account/sign-out/").status_code == 405
    assert client.post("/en/account/sign-out/").status_code == 302
    assert client.get("/en/account/").url.startswith("/en/account/sign-in/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "That email and password do not match an account."),
        ("uk", "Ця адреса й пароль не відповідають жодному обліковому запису."),
    ],
)
def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(client, language, message):
    make_member("olena@example.com")

    wrong = sign_in(client, password="not-my-password", language=language)
    unknown = sign_in(client, "nobody@example.com", language=language)

    for response in (wrong, unknown):
        assert response.status_code == 400
        assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_unconfirmed_account_cannot_sign_in_and_gets_a_new_link(client):
    make_member("olena@example.com", verified=False)

    response = sign_in(client)

    assert response.status_code == 400
    assert "Please confirm your email first" in response.content.decode()
    assert [m.subject for m in mail.outbox] == ["Confirm your email for Plativka"]


@pytest.mark.django_db
def test_sign_up_again_before_confirming_replaces_the_password_and_the_old_link(client):
    sign_up(client, password="first-password-77")
    first = last_link("olena@example.com")
    sign_up(client)

    assert client.get(first).status_code == 400
    assert client.get(last_link("olena@example.com")).status_code == 302
    assert User.objects.get().check_password(PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "done"),
    [
        ("en", "Set a new password for Plativka", "Your new password is saved."),
        ("uk", "Встановіть новий пароль для Plativka", "Ваш новий пароль збережено."),
    ],
)
def test_a_password_reset_link_works_once(client, language, subject, done):
    make_member("olena@example.com")

    response = client.post(f"/{language}/account/reset/", {"email": "Olena@example.com"})
    assert response.status_code == 302
    assert [m.subject for m in mail.outbox] == [subject]
    link = last_link("olena@example.com")
    form = client.get(link, follow=True)
    new = {"new_password1": "brand-new-groove-9", "new_password2": "brand-new-groove-9"}
    response = client.post(form.redirect_chain[-1][0], new, follow=True)

    assert done in response.content.decode()
    assert User.objects.get().check_password("brand-new-groove-9")
    replayed = Client().get(link, follow=True)
    assert 'name="new_password1"' not in replayed.content.decode()


@pytest.mark.django_db
def test_a_reset_for_an_unknown_email_says_the_same_and_sends_nothing(client):
    response = client.post("/en/account/reset/", {"email": "nobody@example.com"}, follow=True)

    assert "If that email belongs to an account" in response.content.decode()
    assert not mail.outbox


@pytest.mark.django_db
def test_changing_the_password_needs_the_old_one(client):
    member = make_member()
    client.force_login(member)
    new = {"new_password1": "brand-new-groove-9", "new_password2": "brand-new-groove-9"}

    wrong = client.post("/en/account/password/", {"old_password": "nope"} | new)
    right = client.post("/en/account/password/", {"old_password": PASSWORD} | new)

    assert wrong.status_code == 400
    assert right.status_code == 302
    member.refresh_from_db()
    assert member.check_password("brand-new-groove-9")
    assert client.get("/en/account/").status_code == 200  # still signed in


@pytest.mark.django_db
def test_the_email_is_unique_whatever_its_case_in_the_database():
    from django.db import IntegrityError, transaction

    make_member("olena@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="other", email="OLENA@example.com")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/en/account/sign-up/", {"email": "x@example.com", "password": "x"}),
        ("/en/account/sign-in/", {"username": "x@example.com", "password": "x"}),
        ("/en/account/reset/", {"email": "x@example.com"}),
    ],
)
def test_sign_up_sign_in_and_reset_are_rate_limited(tight_limits, path, data):
    shopper = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert shopper.post(path, data).status_code != 429

    response = shopper.post(path, data)

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


@pytest.mark.django_db
def test_the_header_says_sign_in_on_cached_pages_and_account_when_signed_in(client, seed):
    anonymous = Client().get("/en/records/")
    assert 'href="/en/account/sign-in/"' in anonymous.content.decode()
    assert Client().get("/uk/records/").content.decode().count(">Увійти<") == 1

    client.force_login(make_member())
    member_page = client.get("/en/records/").content.decode()
    assert 'href="/en/account/"' in member_page and ">Account<" in member_page

    again = Client().get("/en/records/").content.decode()  # from the cache
    assert ">Sign in<" in again and ">Account<" not in again


@pytest.mark.django_db
def test_account_pages_need_a_member(client):
    for path in ("/en/account/", "/en/account/orders/", "/en/account/email/", "/en/account/close/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/en/account/sign-in/?next=")
    assert Account.objects.count() == 0


@pytest.mark.django_db
def test_an_empty_sign_up_is_a_400_with_every_error(client):
    response = client.post("/uk/account/sign-up/", {})

    assert response.status_code == 400
    assert response.content.decode().count("field--invalid") == 3
    assert not User.objects.exists()
