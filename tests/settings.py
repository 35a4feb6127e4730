"""The shop's settings, adjusted for the test suite."""

import os
import tempfile

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("HTTPS", "false")
# Request lines would flood the test output; tests/shop/test_request_log.py attaches its own.
os.environ.setdefault("REQUEST_LOG", "false")
os.environ.setdefault("SHOP_URL", "http://127.0.0.1:8000")
# Payment tests point these at the fake Stripe server; the rest never reach Stripe.
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_unused")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_test_unused")
os.environ.setdefault("STRIPE_API_BASE", "http://127.0.0.1:9")

from shop.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Uploaded and generated images go to a throwaway folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="shop-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps' folders, as in development: no collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests run inside transactions that another thread cannot see: build the index in the
# request (tests/catalog/test_facet_index.py builds one in the background on purpose).
CATALOG_INDEX_IN_BACKGROUND = False
# One process, one cache: pages are cached as with Redis in production.
PAGE_CACHE = True
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
