"""/healthz tells a load balancer whether this process can serve shoppers."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from shop import health
from tests.outage import DatabaseOutage


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts as a new process would: migrations not yet checked."""
    monkeypatch.setitem(health._state, "migrations_applied", False)


def assert_unavailable(response, reason):
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["reason"]) == ("unavailable", reason)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_all_well_is_200_ok_and_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_migration_plan_is_computed_once_per_process(client):
    with mock.patch.object(
        MigrationExecutor, "migration_plan", autospec=True, return_value=[]
    ) as plan:
        assert client.get("/healthz").status_code == 200
        assert client.get("/healthz").status_code == 200
    assert plan.call_count == 1


@pytest.mark.django_db
def test_unapplied_migrations_are_503(client):
    unapplied = [(mock.Mock(name="orders.0099_new"), False)]
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=unapplied):
        response = client.get("/healthz")
    assert_unavailable(response, "migrations")


@pytest.mark.django_db
def test_a_cache_that_is_down_is_503(client):
    client.get("/healthz")  # exchange rates cached by the currency middleware
    with mock.patch.object(health, "cache") as broken:
        broken.set.side_effect = ConnectionError("Error 111 connecting to redis:6379")
        response = client.get("/healthz")
    assert_unavailable(response, "cache")


@pytest.mark.django_db
def test_a_cache_that_forgets_is_503(client):
    with mock.patch.object(health, "cache") as forgetful:
        forgetful.get.return_value = None
        response = client.get("/healthz")
    assert_unavailable(response, "cache")


@pytest.mark.django_db(transaction=True)
def test_a_database_that_is_down_is_503():
    balancer = Client(raise_request_exception=False)
    with DatabaseOutage() as outage:
        balancer.get("/healthz")
        outage.begin()
        checked = balancer.get("/healthz")  # the rates are cached: the check finds out
        cache.clear()
        early = balancer.get("/healthz")  # the currency middleware finds out first
        outage.end()
        recovered = balancer.get("/healthz")
    assert_unavailable(checked, "database")
    assert_unavailable(early, "database")
    assert recovered.status_code == 200


@pytest.mark.django_db
def test_a_balancer_probing_over_http_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/en/").status_code == 301
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_the_host_must_still_be_an_allowed_one(client):
    assert client.get("/healthz", HTTP_HOST="evil.example").status_code == 400
