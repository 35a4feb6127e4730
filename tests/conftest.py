import pytest
from django.utils import translation

from tests.factories import seed_release


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English, whatever language an earlier request left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def seed(db):
    """The seed page's record: Miles Davis, Ascenseur Pour L'Echafaud."""
    return seed_release()
