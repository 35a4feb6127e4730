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
def warm_caches(db):
    """Exchange rates and shipping settings already cached, as after a process's first page.

    Query counts are asserted in this steady state.
    """
    from orders.shipping import shipping_config
    from shop.money import offered_rates

    offered_rates()
    shipping_config()


@pytest.fixture
def seed(db):
    """The seed page's record: Miles Davis, Ascenseur Pour L'Echafaud."""
    return seed_release()
