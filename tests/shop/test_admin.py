"""The admin answers impossible filters, object ids and usernames as it answers other bad
input, never with a server error, on PostgreSQL as on SQLite (see shop/admin.py)."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client


@pytest.fixture
def staff_client(db):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("staff", "staff@example.com", "pw"))
    return client


@pytest.mark.parametrize(
    "query",
    [
        "created__year=9999",  # no next year to end the range
        "created__year=99999999999999999999999",
        "created__year=2026&created__month=99999999999999999999999",
        "created__year=2026&created__month=1&created__day=99999999999999999999999",
    ],
)
def test_a_date_outside_the_calendar_sends_staff_back_to_the_list(staff_client, query):
    response = staff_client.get(f"/admin/orders/order/?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/admin/orders/order/?e=1"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/orders/order/?status__exact=%00",
        "/admin/catalog/release/?format__exact=a%00b",
        "/admin/orders/closureday/?date__year=9999",
        # Other apps' lists get the same checks.
        "/admin/axes/accesslog/?path_info=%00",
        "/admin/axes/accesslog/?attempt_time__year=9999",
        "/admin/django_tasks_database/dbtaskresult/?status__exact=%00",
    ],
)
def test_filters_no_row_can_match_are_refused_like_other_bad_filters(staff_client, url):
    response = staff_client.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_an_object_id_with_a_nul_byte_is_an_object_that_does_not_exist(staff_client):
    response = staff_client.get("/admin/shop/currency/G%00BP/change/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_username_longer_than_any_account_is_refused_before_it_is_checked(db):
    response = Client().post("/admin/login/", {"username": "x" * 256, "password": "pw"})
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not AccessAttempt.objects.exists()  # django-axes' column holds 255 characters
