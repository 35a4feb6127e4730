import pytest

from tests.fake_stripe import FakeStripe

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture
def fake_stripe(settings):
    """The shop talking to a fake Stripe on loopback, as it would to the real one."""
    fake = FakeStripe(webhook_secret=WEBHOOK_SECRET).start()
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake.url
    settings.DEMO_PAYMENTS = False
    yield fake
    fake.stop()


@pytest.fixture
def demo_payments(settings):
    settings.DEMO_PAYMENTS = True
    settings.STRIPE_SECRET_KEY = ""


@pytest.fixture
def task_queue(settings):
    """Tasks go to the database queue, as in production; `run_queued_tasks` is the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
