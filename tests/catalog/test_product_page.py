from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from catalog import stock
from catalog.models import ReleaseTranslation
from tests.factories import add_credits, add_image, add_tracks, make_release


def product_url(release, language="en"):
    with translation.override(language):
        return reverse("catalog:release", kwargs={"slug": release.slug})


def test_english_page_shows_the_seed_facts(client, seed):
    response = client.get(product_url(seed))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Miles Davis – Ascenseur Pour L&#x27;Echafaud" in page
    assert "Miles Davis – Ascenseur Pour L&#x27;Echafaud</h1>" in page
    for fact in [
        "VNL 12204 LP",
        "Vinyl, LP, Album, Limited Edition, Reissue, Yellow",
        "Italy",
        "2 February 2024",
        "Jazz",
        "Cool Jazz",
        "Générique",
        "Chez Le Photographe du Motel",
        "Pierre Michelot",
        "£23.95",
        "In stock",
        "Fontana",
        "1958",
        "Le Poste Parisien",
        "OpenReelTopReel Hub",
    ]:
        assert fact in page, fact


def test_ukrainian_page_is_localized(client, seed):
    response = client.get(product_url(seed, "uk"))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="uk">' in page
    for fact in [
        "В наявності",
        "23,95",
        "Італія",
        "2 лютого 2024\u202fр.",
        "Сторона A",
    ]:
        assert fact in page, fact


def test_regular_price_is_named_only_beside_a_sale_price(client, seed):
    page = client.get(product_url(seed)).content.decode()
    assert "Regular price" not in page and "Sale price" not in page

    seed.sale_price = Decimal("19.95")
    seed.save()
    page = client.get(product_url(seed)).content.decode()
    assert "Sale price" in page and "Regular price" in page
    assert "£19.95" in page and '<s class="price__regular">£23.95</s>' in page


def test_tracklist_is_grouped_by_side_with_positions(client, seed):
    page = client.get(product_url(seed)).content.decode()
    page = page[page.index("<main") :]

    assert page.index("Side A") < page.index("Générique") < page.index("Side B")
    assert page.index("Side B") < page.index("Dîner Au Motel")
    assert '<span class="tracklist__position">B5</span>' in page


def test_description_falls_back_to_english_without_a_translation(client, seed):
    page = client.get(product_url(seed, "uk")).content.decode()
    assert "Music for Louis Malle" in page


def test_description_is_shown_in_the_shoppers_language(client, seed):
    ReleaseTranslation.objects.create(parent=seed, language="uk", description="Музика до фільму.")

    assert "Музика до фільму." in client.get(product_url(seed, "uk")).content.decode()
    assert "Music for Louis Malle" in client.get(product_url(seed, "en")).content.decode()


@pytest.mark.parametrize(
    ("stock", "badge"),
    [(12, "In stock"), (3, "Only 3 left"), (1, "Only 1 left"), (0, "Out of stock")],
)
def test_availability_badge_follows_stock(client, db, stock, badge):
    release = make_release(stock=stock)
    assert badge in client.get(product_url(release)).content.decode()


def test_sale_price_strikes_through_the_regular_price(client, seed):
    seed.sale_price = "19.95"
    seed.save()

    page = client.get(product_url(seed)).content.decode()

    assert "£19.95" in page
    assert '<s class="price__regular">£23.95</s>' in page


def test_unknown_record_is_404(client, db):
    assert client.get("/en/records/no-such-record/").status_code == 404


def test_unpublished_record_is_404(client, db):
    release = make_release(published=False)
    assert client.get(product_url(release)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/records/%00/",
        "/en/records/..%2F..%2Fetc%2Fpasswd/",
        "/en/records/" + "a" * 5000 + "/",
        "/en/records/<script>/",
        "/en/records/ascenseur%20pour/",
        "/xx/records/miles-davis-ascenseur-pour-lechafaud/",
    ],
)
def test_bad_slugs_are_404_not_500(client, seed, path):
    assert client.get(path).status_code == 404


def test_query_count_is_fixed_as_tracks_credits_and_images_grow(
    warm_caches, client, db, django_assert_num_queries
):
    release = make_release()
    add_tracks(release, 2)
    add_credits(release, 1)
    add_image(release)
    with django_assert_num_queries(8):
        client.get(product_url(release))

    add_tracks(release, 8, side="B")
    add_credits(release, 10)
    for position in range(1, 5):
        add_image(release, position)
    with django_assert_num_queries(8):
        response = client.get(product_url(release))
    assert response.content.decode().count('class="tracklist__position"') == 10


def test_seed_page_needs_at_most_eight_queries(
    client, seed, warm_caches, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get(product_url(seed))


def test_a_sold_out_page_with_its_alert_form_needs_at_most_eight_queries(
    client, warm_caches, django_assert_max_num_queries
):
    release = make_release(stock=0)
    add_tracks(release, 4)
    with django_assert_max_num_queries(8):
        page = client.get(product_url(release)).content.decode()
    assert "Sold out" in page and "Email me when it’s back" in page


def reserve_every_copy(release):
    with transaction.atomic():
        assert stock.reserve([(release.pk, release.stock)], reference="PL-7K3QX9") is None


def test_copies_in_other_checkouts_show_as_reserved_not_out_of_stock(
    client, warm_caches, django_assert_max_num_queries
):
    release = make_release(stock=2, max_per_order=1)
    reserve_every_copy(release)

    with django_assert_max_num_queries(8):
        page = client.get(product_url(release)).content.decode()

    assert "All copies reserved" in page
    assert "All copies are in other shoppers’ checkouts and may come back." in page
    assert "Out of stock" not in page and "Sold out" not in page
    assert 'name="quantity"' not in page  # nothing to add to the cart for now


def test_reserved_copies_coming_back_are_in_stock_again(client, db):
    release = make_release(stock=2)
    reserve_every_copy(release)
    stock.release([(release.pk, 2)], reference="PL-7K3QX9")

    page = client.get(product_url(release)).content.decode()

    assert "Only 2 left" in page and "All copies reserved" not in page


def test_reserved_is_shown_in_ukrainian(client, db):
    release = make_release(stock=1)
    reserve_every_copy(release)
    page = client.get(product_url(release, "uk")).content.decode()
    assert "Усі примірники зарезервовано" in page


def test_staff_limit_per_order_is_shown(client, db):
    limited, unlimited = make_release(max_per_order=2), make_release()

    assert "Limit 2 per customer" in client.get(product_url(limited)).content.decode()
    assert "per customer" not in client.get(product_url(unlimited)).content.decode()
    assert "Не більше 2" in client.get(product_url(limited, "uk")).content.decode()
