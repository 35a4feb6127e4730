import pytest

from catalog.models import ArtistTranslation, CollectionTranslation, Credit, Role
from tests.factories import make_artist, make_collection, make_label, make_release


def test_record_list_shows_published_records_only(client, db):
    make_release(title="Kind of Blue")
    make_release(title="Secret Draft", published=False)

    page = client.get("/en/records/").content.decode()

    assert "Kind of Blue" in page
    assert "Secret Draft" not in page


@pytest.mark.parametrize("page_param", ["0", "-1", "9999", "abc", "1.5", "%00", "1" * 400])
def test_record_list_tolerates_any_page_parameter(client, db, page_param):
    make_release()
    assert client.get("/en/records/", {"page": page_param}).status_code == 200


def test_record_list_paginates(client, db):
    for n in range(30):
        make_release(title=f"Title {n:02d}")

    first = client.get("/en/records/").content.decode()
    second = client.get("/en/records/", {"page": 2}).content.decode()

    assert first.count('class="release-card"') == 24
    assert second.count('class="release-card"') == 6
    assert "Page 2 of 2" in second


def test_artist_page_shows_biography_in_the_language_and_the_artists_records(client, db):
    miles = make_artist("Miles Davis", biography="Trumpeter.")
    ArtistTranslation.objects.create(parent=miles, language="uk", biography="Трубач.")
    make_release(title="Kind of Blue", artists=[miles])
    make_release(title="Someone Else's Record")

    english = client.get(miles.get_absolute_url()).content.decode()
    assert "Trumpeter." in english
    assert "Kind of Blue" in english
    assert "Someone Else" not in english
    assert "Трубач." in client.get(f"/uk/artists/{miles.slug}/").content.decode()


def test_a_sidemans_page_lists_the_records_they_play_on(client, db):
    """Personnel links lead somewhere: Kenny Clarke is on the seed record's credits."""
    miles, kenny = make_artist("Miles Davis"), make_artist("Kenny Clarke")
    drums, _created = Role.objects.get_or_create(name="Drums")
    ascenseur = make_release(title="Ascenseur Pour L'Echafaud", artists=[miles])
    Credit.objects.create(release=ascenseur, artist=kenny, role=drums)
    Credit.objects.create(release=ascenseur, artist=miles, role=drums)  # no double listing
    make_release(title="Klook's Own Record", artists=[kenny])
    make_release(title="Someone Else's Record")

    english = client.get(kenny.get_absolute_url()).content.decode()
    own, appears = english.split("Kenny Clarke also appears on")
    assert "Klook&#x27;s Own Record" in own
    assert "Ascenseur Pour L&#x27;Echafaud" in appears
    assert "Someone Else" not in english
    assert "No records here yet" not in english
    miles_page = client.get(miles.get_absolute_url()).content.decode()
    assert "also appears on" not in miles_page  # credited on his own record: listed once
    assert miles_page.count('class="release-card"') == 1
    ukrainian = client.get(f"/uk/artists/{kenny.slug}/").content.decode()
    assert "Kenny Clarke також звучить на платівках" in ukrainian

    only_a_sideman = make_artist("Pierre Michelot")
    Credit.objects.create(release=ascenseur, artist=only_a_sideman, role=drums)
    page = client.get(only_a_sideman.get_absolute_url()).content.decode()
    assert "Records by Pierre Michelot" not in page and "No records here yet" not in page
    assert "Ascenseur Pour L&#x27;Echafaud" in page


def test_label_page_lists_records_with_catalogue_numbers(client, db):
    label = make_label("Ermitage")
    make_release(label=label, catalogue_number="VNL 12204 LP", title="Ascenseur")

    page = client.get(label.get_absolute_url()).content.decode()

    assert "Ermitage" in page
    assert "VNL 12204 LP" in page


def test_collection_page_counts_and_orders_its_records(client, db):
    collection = make_collection()
    CollectionTranslation.objects.create(parent=collection, language="uk", description="Серія.")
    make_release(collection=collection, collection_position=2, title="Second")
    make_release(collection=collection, collection_position=1, title="First")

    page = client.get(collection.get_absolute_url()).content.decode()

    assert "2 titles" in page
    assert page.index("First") < page.index("Second")
    assert "Серія." in client.get(f"/uk/collections/{collection.slug}/").content.decode()


def test_product_page_links_to_its_collection_with_the_title_count(client, db):
    collection = make_collection("New Ermitage")
    release = make_release(collection=collection)
    make_release(collection=collection)
    make_release(collection=collection, published=False)

    page = client.get(release.get_absolute_url()).content.decode()

    assert (
        f'<a href="{collection.get_absolute_url()}">New Ermitage collection</a>: 2 titles' in page
    )


@pytest.mark.parametrize(
    "path", ["/en/artists/nobody/", "/en/labels/nobody/", "/uk/collections/x/"]
)
def test_unknown_artist_label_or_collection_is_404(client, db, path):
    assert client.get(path).status_code == 404


def test_home_page_shows_new_arrivals(client, db):
    make_release(title="Fresh Arrival")
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Fresh Arrival" in response.content.decode()
