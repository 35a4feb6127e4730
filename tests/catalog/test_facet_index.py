"""The in-memory catalogue index (catalog.index) answers exactly what SQL answers, at once.

Counts and orders are checked against plain ORM queries written here, on a varied
catalogue, for many random states; then each kind of change is made the way the
shop makes it, and the next page must show it.
"""

import datetime
import pickle
import random
import re
import time
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, Value, When
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalog import stock
from catalog.browse import CatalogQuery
from catalog.index import current, current_index, forget
from catalog.index.columns import ORDERINGS, with_artist_sort, with_year
from catalog.models import Genre, Release, Track
from catalog.search import query_words
from catalog.search_index import refresh_search_text
from shop.cache_keys import cache_key
from shop.money import BASE_RATE, Rate
from tests.catalog.test_browse import browse, facet_count, in_stock_count, titles
from tests.factories import (
    add_credits,
    make_artist,
    make_collection,
    make_genre,
    make_label,
    make_release,
)

WORDS = "blue soul night train moon river harbour lantern urtreger colossus".split()
EURO = Rate("EUR", Decimal("1.17"))


@pytest.fixture(autouse=True)
def fresh_index():
    """Each test builds its own index: the database it was built from is rolled back."""
    forget()
    yield
    forget()


@pytest.fixture
def varied(db):
    """About 70 records with every kind of value, some shared, some missing, some unpublished."""
    rng = random.Random(5)
    genres = [make_genre(name) for name in ["Jazz", "Soul", "Blues", "Latin"]]
    styles = [make_genre(f"{g.name} Style {n}", parent=g) for g in genres for n in range(2)]
    labels = [make_label(f"Label {chr(65 + n)}") for n in range(6)]
    artists = [make_artist(f"Artist {chr(65 + n)}", sort_name=f"{n % 5}") for n in range(15)]
    collections = [make_collection(f"Series {n}") for n in range(3)]
    for _ in range(70):
        price = Decimal(rng.randint(1500, 4500)) / 100
        release = make_release(
            title=" ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(1, 3))),
            artists=rng.sample(artists, rng.choice([0, 1, 1, 1, 2, 3])),
            label=rng.choice(labels),
            format=rng.choice(["LP", "LP", "2xLP", '7"', "CD"]),
            country=rng.choice(["US", "GB", "FR", "", "JP"]),
            collection=rng.choice([None, None, *collections]),
            original_year=rng.choice([None, 1958, 1964, 1971, 1989, 2003]),
            released=rng.choice([None, datetime.date(1999, 5, 1), datetime.date(2024, 1, 1)]),
            price=price,
            sale_price=rng.choice([None, None, price - 5, price - Decimal("0.05")]),
            stock=rng.choice([0, 0, 1, 5]),
            published=rng.random() > 0.1,
        )
        release.genres.set(rng.sample(genres, rng.randint(0, 2)) + rng.sample(styles, 1))
        for position in range(rng.randint(0, 3)):
            title = " ".join(rng.sample(WORDS, 2)).title()
            Track.objects.create(release=release, side="A", position=position + 1, title=title)
        add_credits(release, rng.randint(0, 2))
    refresh_search_text(Release.objects.values_list("pk", flat=True))
    return {"genres": genres, "styles": styles, "labels": labels, "artists": artists}


def random_states(catalogue, rng, count):
    slugs = {
        "genre": [g.slug for g in catalogue["genres"]] + [catalogue["styles"][0].slug, "nope"],
        "style": [s.slug for s in catalogue["styles"]],
        "format": ["LP", "2xLP", '7"', "CD", "lp"],
        "label": [label.slug for label in catalogue["labels"]],
        "artist": [a.slug for a in catalogue["artists"]],
        "decade": ["1950", "1960", "1980", "1990", "2020", "19x0", "1965"],
        "country": ["us", "GB", "fr", "jp", "ua"],
        "collection": sorted(
            set(Release.objects.exclude(collection=None).values_list("collection__slug", flat=True))
        ),
        "price": ["0-20", "20-25", "25-30", "30-", "21.5-30.25", "abc-", "19.95-"],
        "stock": ["1", "1", "0"],
    }
    for _ in range(count):
        names = rng.sample(list(slugs), rng.choice([0, 1, 1, 2, 2, 3, 4]))
        params = {name: rng.choice(slugs[name]) for name in names}
        query = None
        if rng.random() < 0.4:
            query = " ".join(
                rng.choice(WORDS)[: rng.randint(2, 6)] for _ in range(rng.randint(1, 2))
            )
        yield params, query, rng.choice([BASE_RATE, EURO])


def catalog_query(params, query=None, rate=BASE_RATE, sort=None):
    query_dict = QueryDict(mutable=True)
    query_dict.update(params)
    if sort:
        query_dict["sort"] = sort
    return CatalogQuery(query_dict, rate=rate, query=query)


def browse_search(query, **params):
    response = Client().get("/en/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


# The truth, by plain ORM queries.


def plain(filters, query=None, rate=BASE_RATE, skip=None):
    """Published records passing these filters, written out one by one."""
    releases = with_year(Release.objects.published())
    for word in query_words(query) if query is not None else []:
        releases = releases.filter(search_text__contains=f" {word}")
    if query is not None and not query_words(query):
        return releases.none()
    for name, value in filters.items():
        if name != skip:
            releases = plain_filter(releases, name, value, rate)
    return releases


def plain_filter(releases, name, value, rate):
    lookups = {
        "genre": "genres__slug",
        "style": "genres__slug",
        "format": "format",
        "label": "label__slug",
        "artist": "release_artists__artist__slug",
        "collection": "collection__slug",
    }
    if name in lookups:
        return releases.filter(**{lookups[name]: value})
    if name == "country":
        return releases.filter(country=value.upper())
    if name == "decade":
        if not re.fullmatch(r"\d{4}", value) or int(value) % 10:
            return releases
        return releases.filter(year__gte=int(value), year__lt=int(value) + 10)
    if name == "stock":
        return releases.filter(stock__gt=0) if value == "1" else releases
    low, _dash, high = value.partition("-")
    if not re.fullmatch(r"[\d.]+", low) or (high and not re.fullmatch(r"[\d.]+", high)):
        return releases
    releases = releases.filter(current_price__gte=Decimal(low) / rate.rate)
    return releases.filter(current_price__lt=Decimal(high) / rate.rate) if high else releases


def true_counts(filters, query, rate, facet):
    """Each value's count for a facet, under the other filters."""
    others = plain(filters, query, rate, skip=facet)
    if facet in ("genre", "style"):
        genres = Genre.objects.filter(parent__isnull=facet == "genre").values_list(
            "slug", flat=True
        )
        counts = {slug: others.filter(genres__slug=slug).count() for slug in genres}
    elif facet == "artist":
        rows = others.values_list("release_artists__artist__slug").annotate(n=Count("pk"))
        counts = {slug: n for slug, n in rows if slug}
    elif facet == "decade":
        rows = others.exclude(year=None).values_list("year", flat=True)
        counts = {}
        for year in rows:
            counts[str(year // 10 * 10)] = counts.get(str(year // 10 * 10), 0) + 1
    elif facet == "stock":
        counts = {"1": others.filter(stock__gt=0).count()}
    else:
        column = {"label": "label__slug", "collection": "collection__slug"}.get(facet, facet)
        rows = others.values_list(column).annotate(n=Count("pk"))
        counts = {value: n for value, n in rows if value}
    return {value: n for value, n in counts.items() if n or facet == "stock"}


def shown(facet):
    return {value.value: value.count for value in facet.values}


def ordered_pks(filters, query, rate, sort):
    releases = plain(filters, query, rate)
    if sort == "artist":
        releases = with_artist_sort(releases)
    # Whatever the sort, records with no copies for sale come last.
    sold_out = Case(When(stock=0, then=Value(1)), default=Value(0))
    return list(releases.order_by(sold_out, *ORDERINGS[sort]).values_list("pk", flat=True))


def index_pks(catalog, start=0, stop=1000):
    return [release.pk for release in catalog.results()[start:stop]]


def sql_only(monkeypatch):
    monkeypatch.setattr("catalog.browse.current_index", lambda versions: None)


# Counts and orders.


def test_counts_equal_the_sql_truth_for_many_random_states(varied):
    rng = random.Random(11)
    for params, query, rate in random_states(varied, rng, 60):
        catalog = catalog_query(params, query, rate)
        assert catalog.selection is not None
        state = (params, query, rate.code)
        assert catalog.total() == plain(params, query, rate).count(), state
        for facet in catalog.facets():
            if facet.name == "price":
                continue  # bands: below, against the SQL path
            truth, counts = true_counts(params, query, rate, facet.name), shown(facet)
            assert len(counts) == min(len(truth), 12), (state, facet.name)
            assert all(truth[value] == n for value, n in counts.items()), (state, facet.name)
            left_out = [n for value, n in truth.items() if value not in counts]
            assert max(left_out, default=0) <= min(counts.values(), default=0), state


def test_facets_and_totals_equal_the_sql_path_value_for_value(varied, monkeypatch):
    rng = random.Random(12)
    states = list(random_states(varied, rng, 40))
    from_index = [(catalog_query(*s).facets(), catalog_query(*s).total()) for s in states]
    sql_only(monkeypatch)
    for state, (facets, total) in zip(states, from_index, strict=True):
        assert total == catalog_query(*state).total(), state
        expected = catalog_query(*state).facets()
        for mine, theirs in zip(facets, expected, strict=True):
            assert [(v.value, v.label, v.count, v.url) for v in mine.values] == [
                (v.value, v.label, v.count, v.url) for v in theirs.values
            ], (state, mine.name)


def test_the_artist_facet_keeps_the_twelve_largest_by_count_then_name(varied):
    facet = next(f for f in catalog_query({}).facets() if f.name == "artist")
    truth = true_counts({}, None, BASE_RATE, "artist")
    names = {a.slug: a.name for a in varied["artists"]}
    expected = sorted(truth, key=lambda slug: (-truth[slug], names[slug]))[:12]
    assert [v.value for v in facet.values] == expected


@pytest.mark.parametrize("walk", [0, 4, 10**6], ids=["sorting", "either", "walking"])
@pytest.mark.parametrize("sort", list(ORDERINGS))
def test_every_sort_orders_as_the_database_does(varied, sort, walk, monkeypatch):
    monkeypatch.setattr("catalog.index.selection.WALK_PER_MATCH", walk)
    rng = random.Random(13)
    for params, _query, rate in [({}, None, BASE_RATE), *random_states(varied, rng, 25)]:
        catalog = catalog_query(params, rate=rate, sort=sort)
        truth = ordered_pks(params, None, rate, sort)
        assert index_pks(catalog) == truth, params
        assert index_pks(catalog, 5, 9) == truth[5:9], params


@pytest.mark.parametrize(
    "query", ["blue", "soul", "blue train", "night train", "train blue", "moon moon", "ur", "z"]
)
def test_search_results_come_in_the_order_of_the_sql_search(varied, monkeypatch, query):
    for sort in ["relevance", "title", "-price"]:
        found = index_pks(catalog_query({}, query, sort=sort))
        found_later = index_pks(catalog_query({}, query, sort=sort), 3, 11)
        with monkeypatch.context() as patched:
            sql_only(patched)
            expected = index_pks(catalog_query({}, query, sort=sort))
        assert found == expected, sort
        assert found_later == expected[3:11], sort


def test_a_phrase_ranks_before_scattered_words_whatever_their_age(db):
    phrase = make_release(title="Other Songs")
    Track.objects.create(release=phrase, side="A", position=1, title="Night Train")
    scattered = make_release(title="Train Songs")  # newer, but only has the words
    Track.objects.create(release=scattered, side="A", position=1, title="Night Moves")
    headline = make_release(title="Night Train")
    refresh_search_text([scattered.pk, phrase.pk, headline.pk])

    found = titles(browse_search("night train"))
    assert found == ["Night Train", "Other Songs", "Train Songs"]


def test_query_words_match_the_start_of_a_word_only(db):
    release = make_release(title="Saxophone Colossus", artists=[make_artist("René Urtreger")])
    refresh_search_text([release.pk])
    assert titles(browse_search("urtre")) == ["Saxophone Colossus"]
    assert titles(browse_search("URTREGER coloss")) == ["Saxophone Colossus"]
    assert titles(browse_search("lossus")) == []
    assert titles(browse_search("colossusx")) == []


# Freshness: each change shows at the next request.


@pytest.fixture
def two_records(db, warm_caches):
    jazz, soul = make_genre("Jazz"), make_genre("Soul")
    blue_train = make_release(title="Blue Train", price=Decimal("24.95"), stock=1)
    otis_blue = make_release(title="Otis Blue", price=Decimal("32.00"), stock=3)
    blue_train.genres.set([jazz])
    otis_blue.genres.set([soul])
    return {"jazz": jazz, "soul": soul, "blue_train": blue_train, "otis_blue": otis_blue}


def test_a_price_change_moves_the_price_sort_and_bands_at_once(client, two_records):
    assert titles(browse(client, sort="price")) == ["Blue Train", "Otis Blue"]
    catalogue_before = current._held["catalogue"][1]
    otis = two_records["otis_blue"]
    otis.sale_price = Decimal("19.00")
    otis.save()

    assert titles(browse(client, sort="price")) == ["Otis Blue", "Blue Train"]
    assert titles(browse(client, price="0-20")) == ["Otis Blue"]
    assert current._held["catalogue"][1] is catalogue_before  # only prices were rebuilt


def test_a_record_selling_out_leaves_the_in_stock_count_at_once(client, two_records):
    assert in_stock_count(browse(client)) == 2
    catalogue_before = current._held["catalogue"][1]
    stock.adjust(release_id=two_records["blue_train"].pk, change=-1)

    assert in_stock_count(browse(client)) == 1
    assert titles(browse(client, stock="1")) == ["Otis Blue"]
    assert current._held["catalogue"][1] is catalogue_before  # only stock was rebuilt


def test_a_new_record_and_an_unpublished_one_show_at_once(client, two_records):
    assert len(titles(browse(client))) == 2
    make_release(title="Moanin")
    assert titles(browse(client)) == ["Moanin", "Otis Blue", "Blue Train"]

    otis = two_records["otis_blue"]
    otis.published = False
    otis.save()
    assert titles(browse(client)) == ["Moanin", "Blue Train"]


def test_a_genre_change_moves_the_genre_facet_and_filter_at_once(client, two_records):
    jazz, soul = two_records["jazz"], two_records["soul"]
    assert facet_count(browse(client), "Jazz") == 1
    two_records["blue_train"].genres.set([soul])

    page = browse(client)
    # Both are soul now: the genre facet would narrow nothing, so it is left out.
    assert facet_count(page, "Soul") is None and facet_count(page, "Jazz") is None
    assert titles(browse(client, genre=jazz.slug)) == []
    assert sorted(titles(browse(client, genre=soul.slug))) == ["Blue Train", "Otis Blue"]


def test_new_search_text_is_found_at_once(client, two_records):
    refresh_search_text([two_records["blue_train"].pk])
    assert titles(browse_search("blue")) == ["Blue Train"]
    Track.objects.create(release=two_records["otis_blue"], side="A", position=1, title="Blue")
    refresh_search_text([two_records["otis_blue"].pk])
    assert titles(browse_search("blue")) == ["Otis Blue", "Blue Train"]


# Queries, sharing and rebuilding.


def test_a_list_page_reads_only_its_cards_whatever_the_state(
    client, db, warm_caches, django_assert_num_queries
):
    genre = make_genre("Jazz")
    records = [make_release(title=f"Blue {n}", artists=[make_artist()]) for n in range(30)]
    for record in records:
        record.genres.set([genre])
    refresh_search_text([record.pk for record in records])
    browse(client, sort="artist")  # builds the index
    # States never seen before (a page seen before would come from the page cache).
    for params in [{}, {"genre": genre.slug, "sort": "title"}, {"stock": "1", "sort": "-price"}]:
        with django_assert_num_queries(3):  # the 24 records, their artists, their images
            page = browse(client, **params)
        assert len(titles(page)) == 24
    for params in [{}, {"sort": "price", "genre": genre.slug}]:
        with django_assert_num_queries(3):
            page = browse_search("blue", **params)
        assert len(titles(page)) == 24


def test_a_process_takes_the_index_another_one_shared(client, two_records, monkeypatch):
    shared = {}

    class Shared:
        """Another process's view of a shared cache."""

        def get(self, key):
            return pickle.loads(shared[key]) if key in shared else None

        def set(self, key, value, timeout):
            shared[key] = pickle.dumps(value)

    monkeypatch.setattr(current, "_shared_cache", Shared)
    browse(client)
    assert set(shared) == {f"catalog:index:{part}" for part in ("catalogue", "prices", "stock")}

    forget()  # another process, with nothing of its own yet
    catalog = catalog_query({})
    with CaptureQueriesContext(connection) as queries:
        assert current_index(catalog.listing_versions) is not None
    assert len(queries) == 0


def test_while_another_process_builds_the_answer_comes_from_sql(client, two_records):
    versions = catalog_query({}).listing_versions
    lock = cache_key("catalog:index:building", part="catalogue", stamp=(versions["catalogue"],))
    cache.add(lock, True)
    assert current_index(versions) is None
    assert sorted(titles(browse(client))) == ["Blue Train", "Otis Blue"]
    cache.delete(lock)
    assert current_index(versions) is not None


def test_records_published_without_a_new_version_are_picked_up_by_the_next_build(
    client, two_records
):
    browse(client)
    Release.objects.filter(pk=two_records["otis_blue"].pk).update(published=False)  # no signal
    two_records["blue_train"].sale_price = Decimal("20.00")
    two_records["blue_train"].save(update_fields=["sale_price"])  # moves PRICES only

    assert titles(browse(client)) == ["Blue Train"]  # from SQL: the prices did not fit
    assert titles(browse(client)) == ["Blue Train"]  # from a rebuilt index
    assert current_index(catalog_query({}).listing_versions) is not None


@pytest.mark.django_db(transaction=True)
def test_a_build_runs_in_the_background_while_sql_answers(client, settings, starting_data):
    """The request that finds the index missing is answered from SQL at once; the index
    is built in a thread of its own (committed data: a thread has its own connection)."""
    settings.CATALOG_INDEX_IN_BACKGROUND = True
    make_release(title="Blue Train", price=Decimal("24.95"), stock=1)
    make_release(title="Otis Blue", price=Decimal("32.00"), stock=3)
    versions = catalog_query({}).listing_versions

    assert current_index(versions) is None
    assert sorted(titles(browse(client))) == ["Blue Train", "Otis Blue"]
    for _attempt in range(100):  # bounded: ten seconds at most
        if (index := current_index(versions)) is not None:
            break
        time.sleep(0.1)
    assert index is not None
    assert sorted(titles(browse(client))) == ["Blue Train", "Otis Blue"]
