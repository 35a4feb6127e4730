"""Every change shows at once on every page that shows it, and other pages stay cached.

Each test warms the pages from the whole-page cache (shop.page_cache), makes a
change the way staff or a shopper would, and then reads the pages again: those
that show the change are rendered afresh with it, and pages that do not show it
are still served from the cache without a query (catalog.freshness moves only
the families a change touches).
"""

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog import stock
from catalog.models import Question, Release
from orders.models import ShippingMethod, ShippingRate
from shop.middleware import CURRENCY_COOKIE
from shop.models import Currency
from tests.catalog.test_browse import facet_count, in_stock_count, titles
from tests.factories import image_file, make_genre, make_release
from tests.orders.helpers import add_to_cart, check_out

LIST = "/en/records/"
HOME = "/en/"


class AdminForm(HTMLParser):
    """The fields a browser would post from an admin change form, as the page shows them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("name"):
            self._input(attrs)
        elif self.inside and tag == "select":
            self._select = {"name": attrs.get("name"), "multiple": "multiple" in attrs, "opts": []}
        elif self._select is not None and tag == "option":
            self._select["opts"].append((attrs.get("value", ""), "selected" in attrs))
        elif self.inside and tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def _input(self, attrs):
        kind = attrs.get("type", "text")
        if kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in attrs:
            return
        default = "on" if kind in ("checkbox", "radio") else ""
        self.fields.append((attrs["name"], attrs.get("value", default)))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._select["opts"] if selected]
            if not chosen and not self._select["multiple"] and self._select["opts"]:
                chosen = [self._select["opts"][0][0]]  # a browser sends the first option
            self.fields += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None


def admin_change(staff, obj, edit=None, **changes):
    """Staff open the object's change form, change some fields and save it."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    page = staff.get(url)
    assert page.status_code == 200
    form = AdminForm(f"{opts.model_name}_form")
    form.feed(page.content.decode())
    data = {}
    for name, value in form.fields:
        data.setdefault(name, []).append(value)
    data |= {name: value if isinstance(value, list) else [value] for name, value in changes.items()}
    if edit is not None:
        edit(data)
    response = staff.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return response


def form_errors(response):
    context = response.context
    inlines = [inline.formset.errors for inline in context["inline_admin_formsets"]]
    return context["adminform"].form.errors, inlines


def read(client, url):
    """The page as a shopper sees it, whether it was rendered (not served from the
    cache), and how many queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    rendered = any(t.name != "includes/messages.html" for t in response.templates)
    return response.content.decode(), rendered, len(queries)


def fresh(client, url):
    """The page, rendered afresh (a list the catalogue index answers may need no query)."""
    page, rendered, _queries = read(client, url)
    assert rendered, f"{url} was served from the cache"
    return page


def assert_cached(client, *urls):
    for url in urls:
        _page, rendered, queries = read(client, url)
        assert not rendered and queries == 0, f"{url} was rendered again ({queries} queries)"


@pytest.fixture
def staff(admin_client):
    """pytest-django's signed-in superuser, named for what it is here."""
    return admin_client


@pytest.fixture
def shelves(db, warm_caches):
    """Two records in two genres, each with its own label and no artists in common."""
    jazz, soul = make_genre("Jazz"), make_genre("Soul")
    blue_train = make_release(title="Blue Train", slug="blue-train", price=Decimal("24.95"))
    otis_blue = make_release(title="Otis Blue", slug="otis-blue", price=Decimal("32.00"), stock=3)
    blue_train.genres.set([jazz])
    otis_blue.genres.set([soul])
    return {"jazz": jazz, "soul": soul, "blue_train": blue_train, "otis_blue": otis_blue}


def page_of(release):
    return release.get_absolute_url()


def genre_list(genre):
    return f"{LIST}?genre={genre.slug}"


def warm(client, *urls):
    """Render each page once, so that the next reads come from the cache."""
    for url in urls:
        read(client, url)
    assert_cached(client, *urls)


def card(page, title):
    """The card of one record on a list or a shelf."""
    title_at = page.index(f'class="release-card__title">{title}<')
    start = page.rindex('<article class="release-card">', 0, title_at)
    return page[start : page.index("</article>", title_at)]


def test_a_sale_set_in_the_admin_shows_everywhere_at_once(client, staff, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, HOME)

    admin_change(staff, blue_train, sale_price="19.95")

    page = fresh(client, page_of(blue_train))
    assert "£19.95" in page and '<s class="price__regular">£24.95</s>' in page
    listing = fresh(client, LIST)
    assert '<s class="price__regular">£24.95</s>' in card(listing, "Blue Train")
    assert facet_count(listing, "£0.00 – £20.00") == 1
    assert facet_count(listing, "£20.00 – £25.00") is None
    assert "£19.95" in card(fresh(client, HOME), "Blue Train")
    assert_cached(client, page_of(otis_blue))


def test_a_price_changed_in_the_admin_list_shows_everywhere_at_once(client, staff, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, HOME)
    row = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(otis_blue.pk),
        "form-0-price": "27.00",
        "form-0-stock": "3",
        "initial-form-0-stock": "3",
        "_save": "Save",
    }

    assert staff.post(reverse("admin:catalog_release_changelist"), row).status_code == 302

    assert "£27.00" in fresh(client, page_of(otis_blue))
    listing = fresh(client, LIST)
    assert "£27.00" in card(listing, "Otis Blue")
    assert facet_count(listing, "£25.00 – £30.00") == 1
    assert facet_count(listing, "£30.00 and more") is None
    assert "£27.00" in card(fresh(client, HOME), "Otis Blue")
    assert_cached(client, page_of(blue_train))


def test_a_stock_edit_that_leaves_copies_re_renders_only_that_records_pages(client, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    soul_list = genre_list(shelves["soul"])
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, HOME, soul_list)

    stock.adjust(release_id=blue_train.pk, change=-8)

    assert "Only 2 left" in fresh(client, page_of(blue_train))
    listing = fresh(client, LIST)
    assert "Only 2 left" in card(listing, "Blue Train")
    assert in_stock_count(listing) == 2
    assert "Only 2 left" in card(fresh(client, HOME), "Blue Train")
    assert_cached(client, page_of(otis_blue), soul_list)


def test_a_record_running_out_drops_from_the_in_stock_count(client, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    in_stock = f"{LIST}?stock=1"
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, in_stock)
    assert in_stock_count(read(client, LIST)[0]) == 2

    stock.adjust(release_id=blue_train.pk, change=-10)

    assert "Out of stock" in fresh(client, page_of(blue_train))
    listing = fresh(client, LIST)
    assert "Out of stock" in card(listing, "Blue Train")
    assert in_stock_count(listing) == 1
    assert titles(fresh(client, in_stock)) == ["Otis Blue"]
    assert_cached(client, page_of(otis_blue))


def test_a_record_back_in_stock_shows_on_every_shelf(client, shelves):
    otis_blue = shelves["otis_blue"]
    kind_of_blue = make_release(title="Kind of Blue", slug="kind-of-blue", stock=0)
    in_stock = f"{LIST}?stock=1"
    warm(client, page_of(kind_of_blue), page_of(otis_blue), LIST, in_stock, HOME)
    assert "Back in stock" not in read(client, HOME)[0]

    stock.adjust(release_id=kind_of_blue.pk, change=2)

    assert "Only 2 left" in fresh(client, page_of(kind_of_blue))
    listing = fresh(client, LIST)
    assert "Only 2 left" in card(listing, "Kind of Blue")
    assert in_stock_count(listing) == 3
    assert "Kind of Blue" in titles(fresh(client, in_stock))
    home = fresh(client, HOME)
    assert titles(home[home.index("Back in stock") :]) == ["Kind of Blue"]
    assert_cached(client, page_of(otis_blue))


def test_copies_reserved_by_a_checkout_show_at_once(client, shelves, settings):
    settings.DEMO_PAYMENTS, settings.STRIPE_SECRET_KEY = True, ""
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, HOME)
    buyer = Client()

    assert add_to_cart(buyer, otis_blue, 3).status_code == 302
    assert check_out(buyer).status_code == 302

    assert Release.objects.get(pk=otis_blue.pk).held == 3
    assert "All copies reserved" in fresh(client, page_of(otis_blue))
    listing = fresh(client, LIST)
    assert "All copies reserved" in card(listing, "Otis Blue")
    assert in_stock_count(listing) == 1
    assert "All copies reserved" in card(fresh(client, HOME), "Otis Blue")
    assert_cached(client, page_of(blue_train))


def test_a_reservation_that_leaves_copies_moves_only_that_record(client, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    soul_list = genre_list(shelves["soul"])
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, soul_list)

    with transaction.atomic():
        assert stock.reserve([(otis_blue.pk, 2)], reference="PL-7K3QX9") is None

    assert "Only 1 left" in fresh(client, page_of(otis_blue))
    assert "Only 1 left" in card(fresh(client, soul_list), "Otis Blue")
    assert in_stock_count(fresh(client, LIST)) == 2
    assert_cached(client, page_of(blue_train))


def test_a_new_exchange_rate_shows_in_converted_prices_at_once(client, staff, shelves):
    blue_train = shelves["blue_train"]
    euros = Client()
    euros.cookies[CURRENCY_COOKIE] = "EUR"
    warm(euros, page_of(blue_train), LIST)
    warm(client, LIST)
    assert "€29.19" in read(euros, page_of(blue_train))[0]  # 24.95 × 1.17

    admin_change(staff, Currency.objects.get(code="EUR"), rate="1.20")

    assert "€29.94" in fresh(euros, page_of(blue_train))
    assert "€29.94" in card(fresh(euros, LIST), "Blue Train")
    # Pounds have the same rate as before (and the rates were read again just above).
    assert_cached(client, LIST)


def test_a_new_free_shipping_threshold_shows_on_product_pages_at_once(client, staff, shelves):
    blue_train = shelves["blue_train"]
    warm(client, page_of(blue_train), LIST)
    assert (
        "Standard delivery is free on orders from £78.74 (US$100.00)."
        in read(client, page_of(blue_train))[0]
    )

    admin_change(staff, ShippingMethod.objects.get(kind="standard"), free_from="150.00")

    page = fresh(client, page_of(blue_train))
    assert "Standard delivery is free on orders from £118.11 (US$150.00)." in page
    assert "US$100.00" not in page
    assert_cached(client, LIST)  # lists show no shipping


def test_a_new_shipping_price_shows_in_the_shipping_box_at_once(client, staff, shelves):
    blue_train = shelves["blue_train"]
    warm(client, page_of(blue_train), LIST)
    assert "from £7.95" in read(client, page_of(blue_train))[0]  # express to the UK

    express = ShippingRate.objects.get(zone__name="United Kingdom", method__kind="express")

    def cheaper_express(data):
        forms = range(int(data["rates-TOTAL_FORMS"][0]))
        (n,) = [n for n in forms if data[f"rates-{n}-id"] == [str(express.pk)]]
        data[f"rates-{n}-price"] = ["6.50"]

    admin_change(staff, express.zone, edit=cheaper_express)

    page = fresh(client, page_of(blue_train))
    assert "from £6.50" in page and "from £7.95" not in page
    assert_cached(client, LIST)


def test_a_new_title_and_genre_show_on_every_list_at_once(client, staff, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    jazz_list, soul_list = genre_list(shelves["jazz"]), genre_list(shelves["soul"])
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, HOME, jazz_list, soul_list)

    admin_change(staff, blue_train, title="Blue Train (Mono)", genres=[shelves["soul"].pk])

    assert "Blue Train (Mono)</h1>" in fresh(client, page_of(blue_train))
    listing = fresh(client, LIST)
    assert sorted(titles(listing)) == ["Blue Train (Mono)", "Otis Blue"]
    # Both soul now: the genre facet would narrow nothing, so it is left out.
    assert facet_count(listing, "Soul") is None and facet_count(listing, "Jazz") is None
    assert titles(fresh(client, jazz_list)) == []
    assert sorted(titles(fresh(client, soul_list))) == ["Blue Train (Mono)", "Otis Blue"]
    assert "Blue Train (Mono)" in titles(fresh(client, HOME))


def test_a_renamed_genre_shows_on_lists_and_product_pages_at_once(client, staff, shelves):
    blue_train = shelves["blue_train"]
    warm(client, page_of(blue_train), LIST, HOME)

    admin_change(staff, shelves["jazz"], name="Modern Jazz")

    assert ">Modern Jazz<" in fresh(client, page_of(blue_train))
    assert facet_count(fresh(client, LIST), "Modern Jazz") == 1
    assert "Modern Jazz" in fresh(client, HOME)


def test_an_answered_question_appears_on_the_product_page_at_once(client, staff, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    soul_list = genre_list(shelves["soul"])
    warm(client, page_of(blue_train), page_of(otis_blue), soul_list)
    question = {"name": "Olena", "email": "olena@example.com", "body": "Is this the mono mix?"}
    asker = Client()
    assert asker.post(f"{page_of(blue_train)}questions/", question).status_code == 302
    assert "Is this the mono mix?" not in read(client, page_of(blue_train))[0]  # not answered

    admin_change(staff, Question.objects.get(), answer="Yes, mastered from the mono tapes.")

    page = fresh(client, page_of(blue_train))
    assert "Is this the mono mix?" in page and "Yes, mastered from the mono tapes." in page
    assert_cached(client, page_of(otis_blue), soul_list)


def test_a_new_cover_shows_on_the_product_page_and_cards_at_once(client, staff, shelves):
    blue_train, otis_blue = shelves["blue_train"], shelves["otis_blue"]
    warm(client, page_of(blue_train), page_of(otis_blue), LIST, HOME)
    assert "release__cover" not in read(client, page_of(blue_train))[0]

    admin_change(
        staff,
        blue_train,
        **{"images-0-image": image_file("blue-train.png"), "images-0-alt_text": "Front cover"},
    )

    cover = blue_train.images.get()
    assert 'class="release__cover"' in fresh(client, page_of(blue_train))
    assert cover.thumbnail_url in card(fresh(client, LIST), "Blue Train")
    assert cover.thumbnail_url in card(fresh(client, HOME), "Blue Train")
    assert_cached(client, page_of(otis_blue))
