import pytest

from tests.factories import seed_release


@pytest.fixture
def seed(db):
    """The seed page's record: Miles Davis, Ascenseur Pour L'Echafaud."""
    return seed_release()
