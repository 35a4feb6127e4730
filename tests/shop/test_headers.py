"""The security and caching headers, as the shop serves them over HTTPS in production."""

import re
import runpy
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import get_resolver, reverse

from orders.models import Order
from tests.factories import add_image, make_collection
from tests.orders.helpers import ADDRESS

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=(), browsing-topics=()"
)
ONE_YEAR = "max-age=31536000"
PRIVATE = "private, no-store"
# What the environment decides about HTTPS, read from the settings module itself.
HTTPS_SETTINGS = [
    "HTTPS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
]


@pytest.fixture
def https(settings, monkeypatch, db):
    """Production settings with HTTPS=true, plus whatever else the environment says."""

    def configure(**environment):
        for name, value in (environment | {"HTTPS": "true"}).items():
            monkeypatch.setenv(name, value)
        module = runpy.run_path(str(Path(django_settings.BASE_DIR) / "shop" / "settings.py"))
        for name in HTTPS_SETTINGS:
            setattr(settings, name, module[name])

    configure()
    return configure


@pytest.fixture
def shop(https, settings, seed):
    """The seed record, with a cover and a collection, on sale over HTTPS."""
    settings.DEMO_PAYMENTS = True
    settings.STRIPE_SECRET_KEY = ""
    add_image(seed)
    seed.collection = make_collection()
    seed.save()


def get(client, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200, path
    return response


def public_pages(release):
    return [
        "/en/",
        "/uk/",
        "/en/records/",
        "/en/search/?q=miles",
        f"/en/records/{release.slug}/",
        f"/uk/records/{release.slug}/",
        "/en/artists/miles-davis/",
        f"/en/labels/{release.label.slug}/",
        f"/en/collections/{release.collection.slug}/",
    ]


def private_pages(client, release):
    """One shopper's cart, checkout, order and payment pages; places the order."""
    client.post("/en/cart/add/", {"release": release.pk, "quantity": "1"}, secure=True)
    assert client.post("/en/checkout/", ADDRESS, secure=True).status_code == 302
    token = Order.objects.get().token
    return [
        "/en/cart/",
        "/en/checkout/",
        f"/en/orders/{token}/",
        f"/en/orders/{token}/demo-payment/",
    ]


# The headers every page carries.


def test_public_pages_carry_the_strict_policy_and_stay_cacheable(client, shop, seed):
    for path in public_pages(seed):
        response = get(client, path)
        assert response["Content-Security-Policy"] == CSP, path
        assert response["Permissions-Policy"] == PERMISSIONS_POLICY, path
        assert response["Strict-Transport-Security"] == ONE_YEAR, path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["X-Frame-Options"] == "DENY", path
        assert response["Referrer-Policy"] == "same-origin", path
        cache_control = response.get("Cache-Control", "")
        assert "private" not in cache_control and "no-store" not in cache_control, path


def test_a_shoppers_own_pages_are_never_stored(client, shop, seed):
    for path in private_pages(client, seed):
        response = get(client, path)
        assert response["Cache-Control"] == PRIVATE, path
        assert response["Content-Security-Policy"] == CSP, path
        assert response["Permissions-Policy"] == PERMISSIONS_POLICY, path
        assert response["Strict-Transport-Security"] == ONE_YEAR, path


def test_adding_to_the_cart_answers_privately(client, shop, seed):
    response = client.post(
        "/en/cart/add/",
        {"release": seed.pk, "quantity": "1"},
        headers={"Accept": "application/json"},
        secure=True,
    )
    assert response["Cache-Control"] == PRIVATE


def test_admin_login_is_never_stored_and_may_only_use_its_own_nonce(client, https):
    response = get(client, "/admin/login/")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)[1]
    for directive in ("script-src", "style-src"):
        assert f"{directive} 'self' 'nonce-{nonce}';" in policy
    assert re.sub(r" 'nonce-[^']+'", "", policy) == CSP
    assert inline_code(response) == []
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


def test_plain_http_is_redirected_to_https(client, https):
    response = client.get("/en/records/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/records/"


def test_hsts_covers_subdomains_and_preload_only_when_the_operator_opts_in(client, https):
    https(SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true")
    response = get(client, "/en/records/")
    assert response["Strict-Transport-Security"] == f"{ONE_YEAR}; includeSubDomains; preload"


def test_cookies_over_https_are_secure_and_the_session_is_out_of_scripts_reach(client, shop, seed):
    response = client.post("/en/cart/add/", {"release": seed.pk, "quantity": "1"}, secure=True)
    staff = User.objects.create_superuser("staff", "staff@example.com", "secret-password")
    login = client.post(
        "/admin/login/", {"username": staff.username, "password": "secret-password"}, secure=True
    )
    cookies = response.cookies | login.cookies
    assert {"cart", "cart_count", "csrftoken", "sessionid"} <= set(cookies)
    for morsel in cookies.values():
        assert morsel["secure"] and morsel["samesite"] == "Lax", morsel.key
    assert cookies["sessionid"]["httponly"] and cookies["cart"]["httponly"]


# No inline code: what the policy would block is not on any page.


class InlineCode(HTMLParser):
    """What a strict policy blocks, or loads from elsewhere: every finding is one violation."""

    URL_ATTRIBUTES = {"src", "href", "action", "formaction"}

    def __init__(self, nonce=None):
        super().__init__()
        self.nonce = nonce
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        nonced = self.nonce is not None and attrs.get("nonce") == self.nonce
        inline_script = "src" not in attrs and attrs.get("type") != "application/ld+json"
        if (tag == "script" and inline_script or tag == "style") and not nonced:
            self.found.append(self.get_starttag_text())
        if "style" in attrs or any(name.startswith("on") for name in attrs):
            self.found.append(self.get_starttag_text())
        if any(
            (attrs.get(name) or "").strip().lower().startswith("javascript:")
            for name in self.URL_ATTRIBUTES
        ):
            self.found.append(self.get_starttag_text())
        if self._loads_from_elsewhere(tag, attrs):
            self.found.append(self.get_starttag_text())

    @staticmethod
    def _loads_from_elsewhere(tag, attrs):
        if tag == "link" and attrs.get("rel") not in {"stylesheet", "icon"}:
            return False
        url_attribute = {"script": "src", "img": "src", "link": "href"}.get(tag)
        url = (attrs.get(url_attribute) or "") if url_attribute else ""
        return url.startswith(("//", "http:", "https:", "data:"))


def inline_code(response):
    policy = response.get("Content-Security-Policy", "")
    nonce = re.search(r"'nonce-([^']+)'", policy)
    finder = InlineCode(nonce[1] if nonce else None)
    finder.feed(response.content.decode())
    return finder.found


def test_shop_pages_have_no_inline_script_or_style(client, shop, seed):
    for path in public_pages(seed) + private_pages(client, seed):
        assert inline_code(get(client, path)) == [], path


def test_error_pages_have_no_inline_script_or_style(client, shop, rf):
    missing = client.get("/en/records/no-such-record/", secure=True)
    bad = client.post("/en/currency/", {"currency": "XXX"}, secure=True)
    assert (missing.status_code, bad.status_code) == (404, 400)
    for response in (missing, bad, get_resolver().resolve_error_handler(500)(rf.get("/"))):
        assert inline_code(response) == []


def test_no_site_template_has_inline_script_or_style():
    # The templates that pages render, whether or not a test reaches every branch;
    # emails are not pages, and JSON-LD data blocks are not run.
    base = Path(django_settings.BASE_DIR)
    found = [*base.glob("templates/**/*.html"), *base.glob("*/templates/**/*.html")]
    templates = [path for path in found if "emails" not in path.parts]
    inline = re.compile(
        r"<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:"
        r"|<script\b(?![^>]*\ssrc=)(?![^>]*application/ld\+json)",
        re.IGNORECASE,
    )
    assert templates
    offenders = {
        str(path.relative_to(base)) for path in templates if inline.search(path.read_text())
    }
    assert offenders == set()


def test_every_admin_page_runs_under_the_policy(client, shop, seed, rf):
    private_pages(client, seed)
    staff = User.objects.create_superuser("staff", "staff@example.com", "secret-password")
    client.force_login(staff)
    request = rf.get("/admin/")
    request.user = staff
    paths = ["/admin/", "/admin/password_change/"]
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}"
        paths.append(reverse(f"{prefix}_changelist"))
        if model_admin.has_add_permission(request):
            paths.append(reverse(f"{prefix}_add"))
        if obj := model.objects.first():
            paths.append(reverse(f"{prefix}_change", args=[obj.pk]))
    order_page = get(client, reverse("admin:orders_order_change", args=[Order.objects.get().pk]))
    paths += re.findall(r'href="(/admin/orders/order/\d+/action/[\w-]+/)"', order_page.text)
    for path in paths:
        assert inline_code(get(client, path)) == [], path
