"""The home page: the featured collection's hero, staff picks, new arrivals, records back in
stock and genre tiles; in both languages, in a fixed number of queries, fresh at once."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalog import stock
from catalog.home import RESTOCK_WINDOW
from catalog.models import (
    CollectionTranslation,
    GenreTranslation,
    Release,
    StaffPick,
    StaffPickTranslation,
)
from tests.catalog.test_browse import titles
from tests.catalog.test_freshness import assert_cached, fresh, read, warm
from tests.conftest import warm_shared_caches
from tests.factories import add_image, make_collection, make_genre, make_release

HOME = "/en/"
LIST = "/en/records/"


def section(page, heading_id):
    """One shelf of the page, from its heading to the end of its section."""
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def shelf_titles(page, heading_id):
    return titles(section(page, heading_id))


def pick(release, position=0, note="", note_uk=""):
    chosen = StaffPick.objects.create(release=release, position=position, note=note)
    if note_uk:
        StaffPickTranslation.objects.create(parent=chosen, language="uk", note=note_uk)
    return chosen


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# The hero.


def test_the_hero_shows_the_featured_collection_and_leads_to_it(client, db):
    series = make_collection("New Ermitage")
    series.description = "Jazz and soul reissues on yellow vinyl."
    series.featured = True
    series.save()
    CollectionTranslation.objects.create(
        parent=series, language="uk", description="Перевидання джазу та соулу на жовтому вінілі."
    )
    bigger = make_collection("Bigger Series")
    for position in range(2):
        make_release(collection=series, collection_position=position)
    for _ in range(3):
        make_release(collection=bigger)

    hero = section(client.get(HOME).content.decode(), "hero-heading")
    assert "New Ermitage" in hero and "2 titles" in hero
    assert "Jazz and soul reissues on yellow vinyl." in hero
    assert f'href="{series.get_absolute_url()}">Shop the collection</a>' in hero

    hero_uk = section(client.get("/uk/").content.decode(), "hero-heading")
    assert "Перевидання джазу та соулу на жовтому вінілі." in hero_uk
    assert "Переглянути колекцію" in hero_uk and "2 назви" in hero_uk


def test_without_a_featured_collection_the_largest_is_the_hero(client, db):
    small, large = make_collection("Small Series"), make_collection("Large Series")
    make_release(collection=small)
    make_release(collection=large)
    make_release(collection=large)
    make_release(collection=large, published=False)

    hero = section(client.get(HOME).content.decode(), "hero-heading")
    assert "Large Series" in hero and "2 titles" in hero


def test_the_hero_shows_up_to_four_covers_of_the_collection(client, db):
    series = make_collection()
    for position in range(6):
        release = make_release(collection=series, collection_position=position)
        add_image(release)

    page = client.get(HOME).content.decode()
    mosaic = page[page.index('class="hero__mosaic"') : page.index("</section>")]
    assert mosaic.count("<img ") == 4
    assert 'alt=""' in mosaic  # the covers decorate; the link names the collection


def test_no_collection_no_hero(client, db):
    make_release(title="Lonely Record")
    page = client.get(HOME).content.decode()
    assert 'class="hero"' not in page and "Lonely Record" in page


# Shelves.


def test_staff_picks_come_in_the_staffs_order_with_their_notes_in_each_language(client, db):
    first = make_release(title="First Pick")
    second = make_release(title="Second Pick")
    pick(second, position=2, note="Deep grooves.", note_uk="Глибокий ґрув.")
    pick(first, position=1, note="Play it loud.")
    pick(make_release(title="Hidden Pick", published=False), position=0)
    make_release(title="Not Picked")

    page = client.get(HOME).content.decode()
    assert shelf_titles(page, "picks-heading") == ["First Pick", "Second Pick"]
    assert '<p class="release-card__note">Deep grooves.</p>' in page

    page_uk = client.get("/uk/").content.decode()
    assert "Вибір команди" in page_uk
    assert '<p class="release-card__note">Глибокий ґрув.</p>' in page_uk
    # Without a Ukrainian note, the English one rather than nothing.
    assert '<p class="release-card__note">Play it loud.</p>' in page_uk


def test_only_the_first_shelfs_first_covers_load_at_once(client, db):
    for n in range(6):
        release = make_release(title=f"Record {n}")
        add_image(release)
        pick(release, position=n)

    page = client.get(HOME).content.decode()
    picks = section(page, "picks-heading")
    covers = re.findall(r"<img [^>]+>", picks)
    assert ['loading="lazy"' in cover for cover in covers] == [False] * 4 + [True] * 2
    new_arrivals = section(page, "new-arrivals-heading")
    assert all('loading="lazy"' in c for c in re.findall(r"<img [^>]+>", new_arrivals))


def test_a_list_pages_first_two_covers_load_at_once(client, db):
    for n in range(4):
        add_image(make_release(title=f"Record {n}"))
    page = client.get(LIST).content.decode()
    covers = re.findall(r'class="release-card__link"[^>]*>\s*(<img [^>]+>)', page)
    assert ['loading="lazy"' in cover for cover in covers] == [False, False, True, True]
    assert 'fetchpriority="high"' in covers[0]


def test_no_staff_picks_no_shelf(client, db):
    make_release()
    assert 'id="picks-heading"' not in client.get(HOME).content.decode()


def test_new_arrivals_are_newest_first_with_sold_out_records_last(client, db):
    make_release(title="Oldest")
    make_release(title="Sold Out New", stock=0)
    make_release(title="Newest")

    page = client.get(HOME).content.decode()
    assert shelf_titles(page, "new-arrivals-heading") == ["Newest", "Oldest", "Sold Out New"]


def test_sold_out_staff_picks_come_after_the_others(client, db):
    pick(make_release(title="Gone", stock=0), position=0)
    pick(make_release(title="Here"), position=1)
    page = client.get(HOME).content.decode()
    assert shelf_titles(page, "picks-heading") == ["Here", "Gone"]


def test_back_in_stock_lists_recent_restocks_that_still_have_copies(client, db):
    make_release(title="Came Back Lately", restocked=days_ago(1), stock=3)
    make_release(title="Came Back Before", restocked=days_ago(10), stock=3)
    make_release(title="Sold Again", restocked=days_ago(1), stock=0)
    make_release(title="Long Ago", restocked=days_ago(RESTOCK_WINDOW.days + 1), stock=3)
    make_release(title="Never Away")

    page = client.get(HOME).content.decode()
    assert shelf_titles(page, "restocked-heading") == ["Came Back Lately", "Came Back Before"]


def test_no_restocks_no_back_in_stock_shelf(client, db):
    make_release()
    assert "Back in stock" not in client.get(HOME).content.decode()


def test_genre_tiles_count_published_records_and_open_the_filtered_list(client, db):
    jazz, soul = make_genre("Jazz"), make_genre("Soul")
    cool = make_genre("Cool Jazz", parent=jazz)
    GenreTranslation.objects.create(parent=cool, language="uk", name="Кул-джаз")
    GenreTranslation.objects.create(parent=jazz, language="uk", name="Джаз")
    for _ in range(2):
        make_release().genres.set([jazz, cool])
    make_release().genres.set([soul])
    make_release(published=False).genres.set([soul])

    tiles = section(client.get(HOME).content.decode(), "genres-heading")
    found = re.findall(
        r'href="([^"]+)">\s*<span class="genre-tile__name">([^<]+)</span>\s*'
        r'<span class="genre-tile__count">([^<]+)</span>',
        tiles,
    )
    assert found == [
        (f"/en/records/?genre={jazz.slug}", "Jazz", "2 records"),
        (f"/en/records/?genre={soul.slug}", "Soul", "1 record"),
        (f"/en/records/?style={cool.slug}", "Cool Jazz", "2 records"),
    ]
    tiles_uk = section(client.get("/uk/").content.decode(), "genres-heading")
    assert ">Джаз</span>" in tiles_uk and ">Кул-джаз</span>" in tiles_uk
    assert "2 платівки" in tiles_uk
    # Each tile opens a list holding its records.
    assert len(titles(client.get(f"/en/records/?style={cool.slug}").content.decode())) == 2


def test_the_home_page_has_a_meta_description_in_each_language(client, db):
    english = client.get(HOME).content.decode()
    ukrainian = client.get("/uk/").content.decode()
    (described,) = re.findall(r'<meta name="description" content="([^"]+)">', english)
    (described_uk,) = re.findall(r'<meta name="description" content="([^"]+)">', ukrainian)
    assert "jazz and soul records on vinyl" in described and 50 < len(described) < 200
    assert "джаз і соул на вінілі" in described_uk


def test_the_home_page_takes_a_fixed_number_of_queries_whatever_its_shelves_hold(
    client, db, warm_caches, django_assert_num_queries
):
    def fill(count):
        series = make_collection()
        genre = make_genre("Jazz")
        for n in range(count):
            release = make_release(collection=series, restocked=days_ago(1))
            release.genres.set([genre, make_genre(f"Style {n}", parent=genre)])
            add_image(release)
            pick(release, position=n, note="Good.")
        warm_shared_caches()  # genre names, as every page reads them

    fill(1)
    # The collection's covers, picks, new arrivals, restocks, their artists and images;
    # and after a change to the catalogue, the featured collection and the genre counts.
    with django_assert_num_queries(8):
        client.get(HOME)
    fill(9)
    with django_assert_num_queries(8):
        page = client.get("/uk/").content.decode()
    assert len(shelf_titles(page, "picks-heading")) == 8
    assert len(shelf_titles(page, "restocked-heading")) == 8

    # A sale leaves the catalogue as it was: the collection and genres are not counted again.
    stock.adjust(release_id=Release.objects.first().pk, change=-10)
    with django_assert_num_queries(6):
        client.get("/uk/")


# Fresh at once, and cached while nothing changes.


@pytest.fixture
def shop(db, warm_caches):
    return {
        "blue_train": make_release(title="Blue Train", slug="blue-train", stock=2),
        "otis_blue": make_release(title="Otis Blue", slug="otis-blue"),
    }


def test_a_new_staff_pick_shows_at_once_and_lists_stay_cached(client, shop):
    warm(client, HOME, LIST)

    pick(shop["blue_train"], note="Start here.")

    page = fresh(client, HOME)
    assert shelf_titles(page, "picks-heading") == ["Blue Train"]
    assert "Start here." in page
    assert_cached(client, LIST)


def test_a_staff_pick_added_in_the_admin_shows_at_once(client, admin_client, shop):
    warm(client, HOME)
    response = admin_client.post(
        reverse("admin:catalog_staffpick_add"),
        {
            "release": shop["otis_blue"].pk,
            "position": "0",
            "note": "Soul at its best.",
            "translations-TOTAL_FORMS": "1",
            "translations-INITIAL_FORMS": "0",
            "translations-0-language": "uk",
            "translations-0-note": "Соул у найкращій формі.",
        },
    )
    assert response.status_code == 302
    assert "Soul at its best." in fresh(client, HOME)
    assert "Соул у найкращій формі." in fresh(client, "/uk/")


def test_staff_see_their_picks_in_order_and_which_collection_is_featured(admin_client, shop):
    pick(shop["otis_blue"], position=2, note="Soul at its best.")
    pick(shop["blue_train"], position=1)
    page = admin_client.get(reverse("admin:catalog_staffpick_changelist")).content.decode()
    assert page.index("Blue Train") < page.index("Otis Blue")
    assert "Soul at its best." in page
    make_collection("New Ermitage")
    listing = admin_client.get(
        reverse("admin:catalog_collection_changelist") + "?featured__exact=0"
    )
    assert listing.status_code == 200 and "New Ermitage" in listing.content.decode()


def test_a_picked_record_removed_from_the_picks_leaves_the_shelf_at_once(client, shop):
    chosen = pick(shop["otis_blue"])
    warm(client, HOME)
    chosen.delete()
    assert 'id="picks-heading"' not in fresh(client, HOME)


def test_a_restock_shows_on_the_back_in_stock_shelf_at_once(client, shop):
    gone = make_release(title="Kind of Blue", stock=0)
    warm(client, HOME)

    stock.adjust(release_id=gone.pk, change=3)

    assert shelf_titles(fresh(client, HOME), "restocked-heading") == ["Kind of Blue"]


def test_a_record_selling_out_moves_to_the_end_of_its_shelves_at_once(client, shop):
    pick(shop["blue_train"], position=0)
    pick(shop["otis_blue"], position=1)
    warm(client, HOME)
    assert shelf_titles(read(client, HOME)[0], "picks-heading") == ["Blue Train", "Otis Blue"]

    stock.adjust(release_id=shop["blue_train"].pk, change=-2)

    page = fresh(client, HOME)
    assert shelf_titles(page, "picks-heading") == ["Otis Blue", "Blue Train"]
    assert shelf_titles(page, "new-arrivals-heading") == ["Otis Blue", "Blue Train"]


def test_a_newly_featured_collection_and_a_renamed_genre_show_at_once(client, shop):
    small, large = make_collection("Small Series"), make_collection("Large Series")
    jazz = make_genre("Jazz")
    shop["blue_train"].collection = small
    shop["blue_train"].save()
    shop["otis_blue"].collection = large
    shop["otis_blue"].save()
    make_release(collection=large).genres.set([jazz])
    warm(client, HOME)
    assert "Large Series" in section(read(client, HOME)[0], "hero-heading")

    small.featured = True
    small.save()
    jazz.name = "Modern Jazz"
    jazz.save()

    page = fresh(client, HOME)
    assert "Small Series" in section(page, "hero-heading")
    assert ">Modern Jazz</span>" in section(page, "genres-heading")


def test_a_restock_leaves_the_shelf_when_its_window_closes(client, shop, monkeypatch):
    almost = RESTOCK_WINDOW - datetime.timedelta(seconds=30)
    make_release(title="Came Back", restocked=timezone.now() - almost, stock=1)
    warm(client, HOME)
    assert "Came Back" in read(client, HOME)[0]

    later = timezone.now() + datetime.timedelta(minutes=1)
    monkeypatch.setattr("catalog.home.timezone.now", lambda: later)
    monkeypatch.setattr("shop.page_cache.time.time", lambda: later.timestamp())

    page = fresh(client, HOME)
    assert "Back in stock" not in page


def test_the_demo_home_page_has_its_hero_picks_restocks_and_genres(client, db):
    call_command("load_demo_catalogue", verbosity=0)
    call_command("load_demo_catalogue", verbosity=0)  # safe to run again

    page = client.get("/uk/").content.decode()
    assert "New Ermitage" in section(page, "hero-heading")
    picks = shelf_titles(page, "picks-heading")
    assert len(picks) == 6 and picks[-1] == "Waltz for Debby"  # sold out: last
    assert "Босанова" in section(page, "genres-heading")
    assert "Найлагідніша босанова" in section(page, "picks-heading")
    assert shelf_titles(page, "restocked-heading") == [
        "A Love Supreme",
        "Otis Blue / Otis Redding Sings Soul",
        "Milestones",
    ]


def test_staff_restock_marks_a_sold_out_record_back_in_stock(db):
    release = make_release(stock=0)
    stock.adjust(release_id=release.pk, change=4)
    release.refresh_from_db()
    assert release.stock == 4 and release.restocked is not None
