"""Whole pages from the cache: shared by shoppers, with each shopper's own holes filled in."""

import datetime
import pickle
import re
import uuid
import zoneinfo
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import catalog.views
from catalog.freshness import PRICES, release_family
from catalog.models import Release
from orders import product_page
from shop import page_cache
from shop.cache_keys import bump
from shop.middleware import CURRENCY_COOKIE
from tests.factories import make_release

LIST = "/en/records/"
LONDON = zoneinfo.ZoneInfo("Europe/London")
IN_CART = "Ascenseur Pour L&#x27;Echafaud is in your cart."


def read(client, url, **extra):
    """The page as the shopper sees it, and how many queries it took to serve."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert_no_markers(response.content)
    return response, len(queries)


def assert_no_markers(content: bytes):
    for marker in vars(page_cache.holes()).values():
        assert marker.encode() not in content


def cart_count(page: str) -> int:
    return int(re.search(r"data-cart-count>(\d+)<", page)[1])


def csrf_tokens(page: str) -> set:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))


def stored_pages() -> list:
    """The pages in the cache, as stored (LocMemCache keys are ":<version>:<key>")."""
    return [
        pickle.loads(value)
        for key, value in cache._cache.items()
        if key.split(":", 2)[2].startswith("page:")
    ]


def add_to_cart(client, release, quantity, next_url):
    """A shopper without JavaScript adds copies and comes back to the page."""
    data = {"release": release.pk, "quantity": str(quantity), "next": next_url}
    token = client.cookies.get("csrftoken")
    if token is not None:
        data["csrfmiddlewaretoken"] = token.value
    return client.post("/en/cart/add/", data)


def test_shoppers_share_a_page_but_not_their_cart_count_messages_or_token(
    seed, warm_caches, django_assert_num_queries
):
    product = seed.get_absolute_url()
    olena, taras = Client(), Client()
    assert add_to_cart(olena, seed, 2, product)["Location"] == product

    olenas_page, _queries = read(olena, product)
    olenas_list, _queries = read(olena, LIST)
    with django_assert_num_queries(0):
        taras_page, _queries = read(taras, product)
        taras_list, _queries = read(taras, LIST)

    olenas_page, taras_page = olenas_page.content.decode(), taras_page.content.decode()
    olenas_list, taras_list = olenas_list.content.decode(), taras_list.content.decode()
    assert "Ascenseur Pour L&#x27;Echafaud</h1>" in taras_page
    assert (cart_count(olenas_page), cart_count(olenas_list)) == (2, 2)
    assert (cart_count(taras_page), cart_count(taras_list)) == (0, 0)
    assert olenas_page.count(IN_CART) == 1
    assert IN_CART not in olenas_list and IN_CART not in taras_page and IN_CART not in taras_list
    assert len(csrf_tokens(taras_page)) == 1  # one token in every form of the page
    assert csrf_tokens(taras_page).isdisjoint(csrf_tokens(olenas_page))
    assert taras.cookies["csrftoken"].value != olena.cookies["csrftoken"].value


def test_a_shopper_gets_their_own_message_and_count_on_a_page_from_the_cache(
    seed, warm_caches, django_assert_num_queries
):
    product = seed.get_absolute_url()
    olena = Client()
    read(Client(), product)  # someone else rendered and cached it
    add_to_cart(olena, seed, 1, product)

    with django_assert_num_queries(0):
        page, _queries = read(olena, product)
        next_page, _queries = read(olena, product)

    assert page.content.decode().count(IN_CART) == 1 and cart_count(page.content.decode()) == 1
    assert IN_CART not in next_page.content.decode()
    assert cart_count(next_page.content.decode()) == 1


def test_nothing_of_a_shoppers_own_is_stored_in_the_cache(seed, warm_caches):
    product = seed.get_absolute_url()
    olena = Client()
    add_to_cart(olena, seed, 3, product)
    page, _queries = read(olena, product)

    (token,) = csrf_tokens(page.content.decode())
    (stored,) = stored_pages()
    assert b"Ascenseur Pour L&#x27;Echafaud</h1>" in stored.content
    assert b"is in your cart" not in stored.content
    assert token.encode() not in stored.content
    assert olena.cookies["csrftoken"].value.encode() not in stored.content


def test_the_csrf_token_on_a_page_from_the_cache_is_accepted(seed, warm_caches):
    product = seed.get_absolute_url()
    read(Client(), product)
    taras = Client(enforce_csrf_checks=True)

    page, queries = read(taras, product)
    (token,) = csrf_tokens(page.content.decode())
    response = taras.post(
        "/en/cart/add/", {"release": seed.pk, "quantity": "1", "csrfmiddlewaretoken": token}
    )

    assert queries == 0
    assert response.status_code == 302
    assert taras.cookies["cart_count"].value == "1"


def test_a_post_with_a_forged_token_is_still_refused(seed, warm_caches):
    read(Client(), seed.get_absolute_url())
    taras = Client(enforce_csrf_checks=True)
    read(taras, seed.get_absolute_url())

    response = taras.post(
        "/en/cart/add/", {"release": seed.pk, "quantity": "1", "csrfmiddlewaretoken": "x" * 64}
    )

    assert response.status_code == 403


def test_language_and_currency_each_have_their_own_page(
    seed, warm_caches, django_assert_num_queries
):
    pounds, euros = Client(), Client()
    euros.cookies[CURRENCY_COOKIE] = "EUR"
    english, ukrainian = seed.get_absolute_url(), f"/uk/records/{seed.slug}/"
    for client, url in [(pounds, english), (pounds, ukrainian), (euros, english)]:
        read(client, url)

    with django_assert_num_queries(0):
        in_english = read(pounds, english)[0].content.decode()
        in_ukrainian = read(pounds, ukrainian)[0].content.decode()
        in_euros = read(euros, english)[0].content.decode()

    assert '<html lang="en">' in in_english and "Add to cart" in in_english
    assert '<html lang="uk">' in in_ukrainian and "Додати до кошика" in in_ukrainian
    assert "Add to cart" not in in_ukrainian
    assert "£23.95" in in_english and "€28.02" not in in_english
    assert "€28.02" in in_euros and "£23.95" not in in_euros
    assert '<option value="EUR" selected>EUR</option>' in in_euros


def test_a_query_string_the_page_does_not_read_is_not_cached(seed, warm_caches):
    url = f"{seed.get_absolute_url()}?utm_source=newsletter"
    read(Client(), url)

    response, queries = read(Client(), url)

    assert response.status_code == 200 and queries > 0
    assert stored_pages() == []


def test_random_parameters_do_not_fill_the_cache(seed, warm_caches):
    read(Client(), LIST)
    assert len(stored_pages()) == 1

    for _ in range(50):
        response, _queries = read(Client(), LIST, query_params={uuid.uuid4().hex: "1"})
        assert response.status_code == 200

    assert len(stored_pages()) == 1


def test_a_post_is_neither_stored_nor_answered_from_the_cache(seed, warm_caches):
    shopper = Client()

    with CaptureQueriesContext(connection) as first_post:
        assert shopper.post(LIST, {"genre": "jazz"}).status_code == 200
    assert stored_pages() == []
    read(shopper, LIST)  # a GET is stored...
    with CaptureQueriesContext(connection) as second_post:
        posted = shopper.post(LIST, {"genre": "jazz"})

    assert len(first_post) > 0 and len(second_post) > 0  # ...a POST still renders its own
    assert_no_markers(posted.content)
    assert "Ascenseur" in posted.content.decode()


def test_a_signed_in_staff_members_page_is_neither_served_from_nor_put_in_the_cache(
    seed, warm_caches
):
    staff = Client()
    staff.force_login(User.objects.create_superuser("staff", "staff@example.com", "pw"))
    product = seed.get_absolute_url()

    read(staff, product)
    again, staff_queries = read(staff, product)
    assert again.status_code == 200 and staff_queries > 0
    assert stored_pages() == []

    read(Client(), product)  # a shopper's visit is cached...
    _page, staff_queries = read(staff, product)
    assert staff_queries > 0  # ...but staff still get their own


def test_a_missing_page_is_not_cached(db, warm_caches):
    read(Client(), "/en/records/no-such-record/")

    response, queries = read(Client(), "/en/records/no-such-record/")

    assert response.status_code == 404 and queries > 0
    assert stored_pages() == []


def test_a_page_rendered_while_its_record_changed_is_served_but_not_stored(
    seed, warm_caches, monkeypatch, django_assert_num_queries
):
    real_more_from = catalog.views.more_from
    calls = []

    def staff_change_the_price_meanwhile(release):
        if not calls:
            Release.objects.filter(pk=release.pk).update(price=Decimal("25.95"))
            bump(release_family(release.pk), PRICES)
        calls.append(release)
        return real_more_from(release)

    monkeypatch.setattr(catalog.views, "more_from", staff_change_the_price_meanwhile)
    product = seed.get_absolute_url()

    during, _queries = read(Client(), product)
    after, queries = read(Client(), product)
    with django_assert_num_queries(0):
        cached, _queries = read(Client(), product)

    assert "£23.95" in during.content.decode()  # as it was read, moments before the change
    assert queries > 0 and "£25.95" in after.content.decode()
    assert "£25.95" in cached.content.decode() and "£23.95" not in cached.content.decode()


class Clock:
    """The time as the page cache and the product page's shipping box see it."""

    def __init__(self, moment):
        self.moment = moment

    def now(self):
        return self.moment

    def time(self):
        return self.moment.timestamp()


@pytest.fixture
def clock(monkeypatch):
    tuesday_lunchtime = datetime.datetime(2026, 12, 1, 13, 0, tzinfo=LONDON)
    clock = Clock(tuesday_lunchtime)
    monkeypatch.setattr(page_cache, "time", SimpleNamespace(time=clock.time))
    monkeypatch.setattr(product_page, "timezone", SimpleNamespace(now=clock.now))
    return clock


def test_a_product_page_holds_until_the_dispatch_cut_off_then_shows_new_dates(
    seed, warm_caches, clock, django_assert_num_queries
):
    product = seed.get_absolute_url()
    before_cutoff, _queries = read(Client(), product)
    assert "Arrives Thu 3 Dec – Mon 7 Dec" in before_cutoff.content.decode()  # express

    clock.moment = clock.moment.replace(hour=13, minute=59)
    with django_assert_num_queries(0):
        read(Client(), product)

    clock.moment = clock.moment.replace(hour=14, minute=1)  # dispatched tomorrow now
    after_cutoff, queries = read(Client(), product)
    page = after_cutoff.content.decode()
    assert queries > 0
    assert "Arrives Fri 4 Dec – Tue 8 Dec" in page and "Thu 3 Dec" not in page
    with django_assert_num_queries(0):
        read(Client(), product)


@pytest.mark.parametrize(
    "path",
    [
        "/en/records/?sort=junk",
        "/en/records/?page=999",
        "/en/records/?genre=no-such-genre",
        "/en/records/?sort=price&sort=title",
        "/en/records/?page=1&page=2",
        "/en/search/?q=%21%21%21",
        "/en/search/?q=zzzz",
    ],
)
def test_typed_in_variants_of_a_list_are_answered_but_not_cached(client, db, path):
    make_release(title="Kind of Blue", stock=5)
    for _visit in range(2):
        assert client.get(path).status_code == 200
    assert stored_pages() == []


def test_the_lists_own_links_are_cached(client, db):
    for n in range(30):
        make_release(title=f"Record {n}", stock=5)
    for query in ("", "?sort=price", "?page=2", "?page=1"):
        client.get(f"/en/records/{query}")
    assert len(stored_pages()) == 4


def test_a_newly_offered_currency_shows_in_the_switch_of_every_cached_page(client, db):
    from shop.models import Currency

    release = make_release(title="Kind of Blue", stock=5)
    for url in ("/en/records/", release.get_absolute_url()):
        assert '<option value="PLN"' not in client.get(url).content.decode()
    Currency.objects.create(code="PLN", rate=Decimal("5.10"), active=True, position=9)
    for url in ("/en/records/", release.get_absolute_url()):
        assert '<option value="PLN"' in client.get(url).content.decode()


def test_a_page_from_the_cache_carries_the_same_headers_as_a_rendered_one(client, db):
    release = make_release(title="Kind of Blue", stock=5)
    rendered = client.get(release.get_absolute_url())
    cached = Client().get(release.get_absolute_url())
    for header in (
        "X-Frame-Options",
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Content-Language",
        "Content-Type",
    ):
        assert cached[header] == rendered[header], header
    assert "csrftoken" in cached.cookies
