import pytest
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
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rates_cached(db):
    """Exchange rates already cached, as they are after a process's first request.

    Query counts are asserted in this steady state.
    """
    from shop.money import offered_rates

    offered_rates()


@pytest.fixture
def seed(db):
    """The seed page's record: Miles Davis, Ascenseur Pour L'Echafaud."""
    return seed_release()
