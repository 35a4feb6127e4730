"""The privacy notice says what the shop really keeps, and the shop keeps no more."""

import datetime
import io

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.factories import make_member
from tests.shop.accounts import PASSWORD


@pytest.mark.parametrize(("language", "count"), [("en", "six cookies"), ("uk", "шість cookie")])
def test_the_privacy_notice_counts_every_cookie_a_shopper_can_be_given(
    client, seed, language, count
):
    member = make_member("olena@example.com")
    client.get(seed.get_absolute_url())
    client.post("/en/cart/add/", {"release": seed.pk, "quantity": "1"})  # cart, its count, message
    client.get("/en/cart/")  # the message is shown, and its cookie cleared
    client.post("/en/currency/", {"currency": "UAH"})
    client.post("/en/account/sign-in/", {"username": member.email, "password": PASSWORD})
    client.get("/en/checkout/")

    set_by_the_shop = set(client.cookies)

    assert set_by_the_shop == {
        "cart",
        "cart_count",
        "sessionid",
        "currency",
        "csrftoken",
        "messages",
    }
    assert count in client.get(f"/{language}/pages/privacy/").content.decode()


@pytest.mark.django_db
def test_sign_ins_and_wrong_passwords_are_kept_for_30_days_then_forgotten(client):
    member = make_member("olena@example.com")
    client.post("/en/account/sign-in/", {"username": "taras@example.com", "password": "guess"})
    client.post("/en/account/sign-in/", {"username": member.email, "password": PASSWORD})
    assert AccessAttempt.objects.get().username == "taras@example.com"
    assert AccessLog.objects.get().username == member.username
    Client().post("/en/account/sign-in/", {"username": "mykola@example.com", "password": "x"})
    month_ago = timezone.now() - datetime.timedelta(days=31)
    AccessAttempt.objects.filter(username="taras@example.com").update(attempt_time=month_ago)
    AccessLog.objects.update(attempt_time=month_ago)

    out = io.StringIO()
    call_command("forget_expired_data", stdout=out)

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["mykola@example.com"]
    assert not AccessLog.objects.exists()
    assert "Sign-in records deleted: 2" in out.getvalue()
    text = client.get("/en/pages/privacy/").content.decode()
    assert "keep them for 30 days" in text
