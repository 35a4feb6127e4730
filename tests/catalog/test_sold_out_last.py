"""Records a shopper cannot buy come last, on the list and search pages, in every order,
whether the catalogue index answers or SQL does (while the index is being built)."""

from decimal import Decimal

import pytest

from catalog import stock
from catalog.index import current_index, forget
from catalog.models import Track
from catalog.search_index import refresh_search_text
from tests.catalog.test_browse import browse, titles
from tests.catalog.test_facet_index import browse_search
from tests.catalog.test_freshness import fresh, warm
from tests.factories import make_artist, make_release

PATHS = ["index", "sql"]


@pytest.fixture(autouse=True)
def fresh_index():
    forget()
    yield
    forget()


@pytest.fixture(params=PATHS)
def path(request, monkeypatch):
    """Each test runs once over the catalogue index and once over SQL alone."""
    if request.param == "sql":
        monkeypatch.setattr("catalog.browse.current_index", lambda versions: None)
    else:
        monkeypatch.setattr("catalog.browse.current_index", _built)
    return request.param


def _built(versions):
    index = current_index(versions)
    assert index is not None, "the index did not answer"
    return index


@pytest.fixture
def racks(db):
    """Five records, two of them sold out (one with its copies in a checkout)."""
    records = [
        ("Alpha", "25.00", 0, "Zed"),
        ("Bravo", "15.00", 4, "Young"),
        ("Charlie", "35.00", 1, "Xavier"),
        ("Delta", "10.00", 0, "Adams"),
        ("Echo", "20.00", 2, "Baker"),
    ]
    made = {}
    for title, price, copies, artist in records:
        made[title] = make_release(
            title=title,
            price=Decimal(price),
            stock=copies,
            artists=[make_artist(artist, sort_name=artist)],
        )
    made["Delta"].held = 1
    made["Delta"].save(update_fields=["held"])
    refresh_search_text([r.pk for r in made.values()])
    return made


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (None, ["Echo", "Charlie", "Bravo", "Delta", "Alpha"]),  # newest
        ("price", ["Bravo", "Echo", "Charlie", "Delta", "Alpha"]),
        ("-price", ["Charlie", "Echo", "Bravo", "Alpha", "Delta"]),
        ("title", ["Bravo", "Charlie", "Echo", "Alpha", "Delta"]),
        ("artist", ["Echo", "Charlie", "Bravo", "Delta", "Alpha"]),
    ],
)
def test_every_order_puts_sold_out_records_last(client, racks, path, sort, expected):
    params = {"sort": sort} if sort else {}
    assert titles(browse(client, **params)) == expected


def test_filters_keep_sold_out_records_last(client, racks, path):
    page = browse(client, price="0-30")
    assert titles(page) == ["Echo", "Bravo", "Delta", "Alpha"]


def test_pages_follow_on_across_the_sold_out_boundary(client, db, path, monkeypatch):
    monkeypatch.setattr("catalog.views.RECORDS_PER_PAGE", 3)
    for n in range(4):
        make_release(title=f"Gone {n}", stock=0)
        make_release(title=f"Here {n}")

    pages = [titles(browse(client, page=n)) for n in (1, 2, 3)]

    assert pages == [
        ["Here 3", "Here 2", "Here 1"],
        ["Here 0", "Gone 3", "Gone 2"],
        ["Gone 1", "Gone 0"],
    ]


def test_search_keeps_its_best_matches_first_each_with_sold_out_last(client, db, path):
    miles = make_artist("Miles Davis")
    gone = make_release(title="Kind of Blue", artists=[miles], stock=0)
    here = make_release(title="Milestones", artists=[miles])
    sideman = make_release(title="Somethin' Else", artists=[make_artist("Cannonball")])
    sideman_too = make_release(title="Blue Haze Tribute", stock=0)
    Track.objects.create(release=sideman, side="A", position=1, title="Miles Davis Blues")
    Track.objects.create(release=sideman_too, side="A", position=1, title="Miles Davis Dreams")
    refresh_search_text([gone.pk, here.pk, sideman.pk, sideman_too.pk])

    # Miles Davis by name first (in stock, then sold out); then the phrase in a track.
    found = titles(browse_search("miles davis"))
    assert found == ["Milestones", "Kind of Blue", "Somethin&#x27; Else", "Blue Haze Tribute"]


def test_a_record_selling_out_drops_to_the_end_of_the_list_at_once(client, racks, path):
    warm(client, "/en/records/")

    stock.adjust(release_id=racks["Echo"].pk, change=-2)

    assert titles(fresh(client, "/en/records/")) == ["Charlie", "Bravo", "Echo", "Delta", "Alpha"]


def test_a_record_back_in_stock_rises_among_the_others_at_once(client, racks, path):
    warm(client, "/en/records/?sort=title")

    stock.adjust(release_id=racks["Alpha"].pk, change=1)

    page = fresh(client, "/en/records/?sort=title")
    assert titles(page) == ["Alpha", "Bravo", "Charlie", "Echo", "Delta"]
