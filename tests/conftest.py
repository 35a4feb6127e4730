import importlib

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.factories import seed_release


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English, whatever language an earlier request left active."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """No test sees what another one cached (exchange rates, for one)."""
    from shop.formatting import write_whole_units_of
    from shop.page_cache import forget_local_pages

    cache.clear()
    forget_local_pages()
    write_whole_units_of(())
    yield
    cache.clear()
    forget_local_pages()
    write_whole_units_of(())


def warm_shared_caches():
    """Cache rates, shipping settings and genre names, as a process does on its first pages."""
    from catalog.genres import genre_names
    from orders.shipping import shipping_config
    from shop.money import offered_rates

    offered_rates()
    shipping_config()
    for code, _name in settings.LANGUAGES:
        genre_names(code)


@pytest.fixture
def warm_caches(db):
    """Query counts are asserted in the steady state, with shared settings cached."""
    warm_shared_caches()


@pytest.fixture
def starting_data(transactional_db):
    """The currencies, shipping settings and shop pages that migrations create.

    Transactional tests (browsers, races) empty every table when they end, and
    pytest-django's serialized rollback does not survive Playwright's fixtures,
    so these tests put the migrations' starting data back themselves.
    """
    from django.apps import apps

    from shop.models import Currency

    if not Currency.objects.exists():
        importlib.import_module("shop.migrations.0002_offered_currencies").add_currencies(
            apps, None
        )
        importlib.import_module("shop.migrations.0004_currency_rounding").set_starting_rounding(
            apps, None
        )
        importlib.import_module("orders.migrations.0003_starting_shipping").add_shipping(apps, None)
        importlib.import_module("shop.migrations.0003_shop_pages").add_starting_pages(apps, None)


@pytest.fixture
def seed(db):
    """The seed page's record: Miles Davis, Ascenseur Pour L'Echafaud."""
    return seed_release()


@pytest.fixture
def commits(monkeypatch):
    """Each test-client request runs its on-commit callbacks (queued emails) as it ends,
    as a real request's transaction commits; the test's own transaction never does."""
    from django.test import Client, TestCase

    request = Client.request

    def committing_request(self, **kwargs):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return request(self, **kwargs)

    monkeypatch.setattr(Client, "request", committing_request)
