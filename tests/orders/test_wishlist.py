"""A member's wishlist: saving and removing records, the page, moving one to the cart;
guests are sent to sign in, and other members' or forged ids are 404."""

import json
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from catalog.models import Release
from orders.models import Cart, WishlistItem
from tests.factories import add_image, make_member, make_release
from tests.shop.accounts import PASSWORD

pytestmark = pytest.mark.usefixtures("commits")


@pytest.fixture
def member(client):
    user = make_member()
    client.force_login(user)
    return user


def save(client, release, language="en", **data):
    return client.post(f"/{language}/account/wishlist/{release.pk}/save/", data)


def saved_titles(user):
    return [item.release.title for item in WishlistItem.objects.filter(customer=user)]


def cart_quantity(user, release):
    cart = Cart.objects.filter(customer=user).first()
    line = cart and cart.lines.filter(release=release).first()
    return line.quantity if line else 0


# Saving and removing, from the product page.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "saved_button", "saved_message", "removed_message"),
    [
        ("en", "Saved", "is saved to your wishlist.", "is no longer on your wishlist."),
        ("uk", "Збережено", "збережено у вашому списку бажань.", "більше немає у вашому списку"),
    ],
)
def test_a_member_saves_a_record_from_its_page_and_unsaves_it(
    client, member, seed, language, saved_button, saved_message, removed_message
):
    page = f"/{language}{seed.get_absolute_url()[3:]}"
    response = save(client, seed, language, next=page)

    assert response.status_code == 302
    assert response["Location"] == page
    assert saved_titles(member) == [seed.title]
    shown = client.get(page).content.decode()
    assert saved_message in shown
    assert f'action="/{language}/account/wishlist/{seed.pk}/remove/"' in shown
    assert saved_button in shown

    response = client.post(f"/{language}/account/wishlist/{seed.pk}/remove/", {"next": page})

    assert response["Location"] == page
    assert saved_titles(member) == []
    shown = client.get(page).content.decode()
    assert removed_message in shown
    assert f'action="/{language}/account/wishlist/{seed.pk}/save/"' in shown


@pytest.mark.django_db
def test_saving_twice_keeps_one_entry(client, member, seed):
    save(client, seed)
    save(client, seed)

    assert WishlistItem.objects.filter(customer=member).count() == 1


@pytest.mark.django_db
def test_record_cards_show_the_members_own_state(client, member, seed):
    other = make_release(title="Kind of Blue", stock=3)
    save(client, seed)

    page = client.get("/en/records/").content.decode()

    assert f'action="/en/account/wishlist/{seed.pk}/remove/"' in page
    assert f'action="/en/account/wishlist/{other.pk}/save/"' in page


@pytest.mark.django_db
def test_a_next_to_another_site_is_ignored(client, member, seed):
    response = save(client, seed, next="https://evil.example/")

    assert response["Location"] == seed.get_absolute_url()


@pytest.mark.django_db
def test_saving_shares_the_carts_rate_limit(client, member, seed, settings, monkeypatch):
    monkeypatch.setattr("shop.ratelimit.time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"cart": (3, 60)}
    for _ in range(3):
        assert save(client, seed).status_code == 302

    refused = save(client, make_release(title="One Too Many"), "uk")

    assert refused.status_code == 429
    assert "Забагато спроб" in refused.content.decode()
    assert saved_titles(member) == [seed.title]


# Guests.


@pytest.mark.django_db
def test_a_guest_sees_a_save_link_to_sign_in_that_leads_back_to_the_record(seed):
    guest = Client()
    page = guest.get(seed.get_absolute_url()).content.decode()

    assert f"/en/account/sign-in/?next={seed.get_absolute_url()}" in page
    assert "/account/wishlist/" not in page  # no member's form in a page cached for all
    assert ">Save<" in page
    # Not on each card of a list: it would weigh down every list page.
    assert "wishlist-toggle" not in guest.get("/en/records/").content.decode()


@pytest.mark.django_db
def test_a_guest_posting_is_sent_to_sign_in_and_nothing_is_saved(seed):
    response = Client().post(f"/en/account/wishlist/{seed.pk}/save/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/sign-in/?next=")
    assert not WishlistItem.objects.exists()
    assert Client().get("/en/account/wishlist/")["Location"].startswith("/en/account/sign-in/")


@pytest.mark.django_db
def test_saving_needs_post(client, member, seed):
    assert client.get(f"/en/account/wishlist/{seed.pk}/save/").status_code == 405
    assert not WishlistItem.objects.exists()


# Other members' items and forged ids.


@pytest.mark.django_db
def test_another_members_item_cannot_be_removed_or_moved(client, member, seed):
    someone = make_member("taras@example.com")
    WishlistItem.objects.create(customer=someone, release=seed)

    for action in ("remove", "move"):
        assert client.post(f"/en/account/wishlist/{seed.pk}/{action}/").status_code == 404
    assert saved_titles(someone) == [seed.title]
    assert not Cart.objects.filter(customer=member).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("release_id", ["0", "999999", str(2**63), str(10**30), "-1", "abc"])
@pytest.mark.parametrize("action", ["save", "remove", "move"])
def test_forged_ids_are_404(client, member, seed, release_id, action):
    response = client.post(f"/en/account/wishlist/{release_id}/{action}/")

    assert response.status_code == 404
    assert not WishlistItem.objects.exists()


@pytest.mark.django_db
def test_an_unpublished_record_cannot_be_saved_and_is_hidden_from_the_page(client, member, seed):
    hidden = make_release(title="Withdrawn Test Pressing", stock=2, published=False)
    assert save(client, hidden).status_code == 404
    save(client, seed)
    Release.objects.filter(pk=seed.pk).update(published=False)

    page = client.get("/en/account/wishlist/").content.decode()

    assert f"/account/wishlist/{seed.pk}/remove/" not in page
    assert "Your wishlist is empty" in page
    assert client.post(f"/en/account/wishlist/{seed.pk}/move/").status_code == 404


# The page.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "move", "empty", "browse"),
    [
        ("en", "Wishlist", "Move to cart", "Your wishlist is empty", "Browse records"),
        ("uk", "Список бажань", "Перенести в кошик", "Ваш список бажань порожній", "Переглянути"),
    ],
)
def test_the_page_lists_saved_records_and_says_when_there_are_none(
    client, member, seed, language, heading, move, empty, browse
):
    page = client.get(f"/{language}/account/wishlist/").content.decode()
    assert empty in page
    assert f'href="/{language}/records/"' in page and browse in page

    save(client, seed)
    page = client.get(f"/{language}/account/wishlist/").content.decode()

    assert heading in page
    assert escape(seed.title) in page
    assert move in page
    assert f'href="/{language}/account/wishlist/"' in page  # in the account navigation
    assert empty not in page


@pytest.mark.django_db
def test_prices_are_in_the_shoppers_currency(client, member, seed):
    save(client, seed)
    client.post("/en/currency/", {"currency": "EUR"})

    page = client.get("/en/account/wishlist/").content.decode()

    assert "€" in page


@pytest.mark.django_db
def test_the_page_is_never_cached_anywhere(client, member, seed):
    response = client.get("/en/account/wishlist/")

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_page_takes_the_same_queries_however_long_the_list(
    client, member, django_assert_num_queries
):
    def add_records(count):
        for _ in range(count):
            release = make_release(stock=2)
            add_image(release)
            WishlistItem.objects.create(customer=member, release=release)

    add_records(1)
    client.get("/en/account/wishlist/")  # warm caches (settings, rates)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/en/account/wishlist/").status_code == 200
    add_records(5)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get("/en/account/wishlist/").content.decode()
    assert page.count("Move to cart") == 6


# Moving to the cart.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"), [("en", "is in your cart."), ("uk", "додано до кошика.")]
)
def test_moving_a_record_puts_one_copy_in_the_cart_and_takes_it_off(
    client, member, seed, language, message
):
    save(client, seed)

    response = client.post(f"/{language}/account/wishlist/{seed.pk}/move/")

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/account/wishlist/"
    assert cart_quantity(member, seed) == 1
    assert saved_titles(member) == []
    assert message in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_moving_is_capped_by_stock(client, member):
    release = make_release(title="Last Copy", stock=1)
    client.post("/en/cart/add/", {"release": release.pk, "quantity": "1"})
    save(client, release)

    response = client.post(f"/en/account/wishlist/{release.pk}/move/")

    assert cart_quantity(member, release) == 1
    assert saved_titles(member) == []
    page = client.get(response["Location"]).content.decode()
    assert "Only 1 copy is available, so your cart holds 1." in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Sorry, this record is sold out."), ("uk", "На жаль, цю платівку вже розпродано.")],
)
def test_a_sold_out_record_stays_on_the_wishlist(client, member, language, message):
    release = make_release(title="Long Gone", stock=0)
    save(client, release)

    page = client.get(f"/{language}/account/wishlist/").content.decode()
    assert "Long Gone" in page
    assert f"/account/wishlist/{release.pk}/move/" not in page  # no button to press

    response = client.post(f"/{language}/account/wishlist/{release.pk}/move/")

    assert response.status_code == 302
    assert saved_titles(member) == ["Long Gone"]
    assert cart_quantity(member, release) == 0
    assert message in client.get(response["Location"]).content.decode()


# The account's data.


@pytest.mark.django_db
def test_the_wishlist_is_in_download_my_data(client, member, seed):
    save(client, seed)

    data = json.loads(client.get("/en/account/my-data.json").content)

    assert [entry["title"] for entry in data["wishlist"]] == [seed.full_title]
    assert data["wishlist"][0]["catalogue_number"] == seed.catalogue_number


@pytest.mark.django_db
def test_closing_the_account_deletes_the_wishlist(client, member, seed):
    someone = make_member("taras@example.com")
    WishlistItem.objects.create(customer=someone, release=seed)
    save(client, seed)

    response = client.post("/en/account/close/", {"password": PASSWORD})

    assert response.status_code == 302
    assert list(WishlistItem.objects.values_list("customer", flat=True)) == [someone.pk]


@pytest.mark.django_db
def test_staff_see_what_members_saved_and_cannot_change_it(client, member, seed):
    from django.contrib.auth import get_user_model

    save(client, seed)
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("staff", "staff@example.com", "pw"))

    listing = staff.get("/admin/orders/wishlistitem/?q=" + seed.title.split()[0])
    item = WishlistItem.objects.get()

    assert listing.status_code == 200
    assert escape(seed.title) in listing.text and member.email in listing.text
    assert staff.get("/admin/orders/wishlistitem/add/").status_code == 403
    # Its page is for reading: posting to it changes nothing.
    assert staff.post(f"/admin/orders/wishlistitem/{item.pk}/change/", {}).status_code == 403
    # Nor delete it: a member's list is theirs.
    assert staff.post(f"/admin/orders/wishlistitem/{item.pk}/delete/", {}).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"}
    staff.post("/admin/orders/wishlistitem/", bulk)
    assert WishlistItem.objects.get().release_id == seed.pk
