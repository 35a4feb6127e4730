import pytest

from catalog.models import ArtistTranslation, CollectionTranslation
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
