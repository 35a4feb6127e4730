from django.utils import timezone

from tests.factories import make_collection, make_genre, make_release


def test_home_shows_new_arrivals_featured_collection_restocks_and_genres(client, db):
    jazz = make_genre("Jazz")
    series = make_collection("New Ermitage")
    first = make_release(title="First In Series", collection=series, collection_position=1)
    first.genres.set([jazz])
    make_release(title="Fresh Arrival")
    make_release(title="Came Back", restocked=timezone.now(), stock=3)
    make_release(title="Still Gone", restocked=timezone.now(), stock=0)

    page = client.get("/en/").content.decode()

    assert "Fresh Arrival" in page
    assert "New Ermitage collection: 1 title" in page
    assert "Back in stock" in page and "Came Back" in page
    assert page.count("Still Gone") == 1  # a new arrival, but not back in stock
    assert f'href="/en/records/?genre={jazz.slug}"' in page


def test_home_without_any_records_still_renders(client, db):
    response = client.get("/uk/")
    assert response.status_code == 200
    assert "Новинки" in response.content.decode()


def test_staff_restock_marks_a_sold_out_record_back_in_stock(db):
    from catalog.stock import adjust as adjust_stock

    release = make_release(stock=0)
    adjust_stock(release_id=release.pk, change=4)
    release.refresh_from_db()
    assert release.stock == 4 and release.restocked is not None
