"""Cached counts never mix states, and a change to the catalogue shows at once."""

import itertools
import re
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation

from catalog import stock
from catalog.browse import CatalogQuery
from shop.cache_keys import cache_key
from shop.money import BASE_RATE, Rate
from tests.catalog.test_browse import browse, in_stock_count
from tests.factories import make_release


def count_shown(page):
    return int(re.search(r'class="browse__count">(\d+) record', page)[1])


@pytest.fixture
def three_records(db):
    for title in ["Kind of Blue", "Blue Train", "Moanin'"]:
        make_release(title=title)


def test_an_empty_search_does_not_poison_the_record_list(client, three_records):
    empty_search = client.get("/en/search/", {"q": ""})
    whitespace_search = client.get("/en/search/", {"q": "  ;-- "})

    assert "Type an artist, a title" in empty_search.content.decode()
    assert "Sort by" not in empty_search.content.decode()
    assert whitespace_search.status_code == 200
    assert count_shown(browse(client)) == 3


def test_an_empty_search_reads_no_database(client, three_records, django_assert_num_queries):
    client.get("/en/search/", {"q": ""})  # warm the shared settings
    with django_assert_num_queries(0):
        client.get("/en/search/", {"q": ""})


STATES = [
    ("browse", ""),
    ("search", ""),
    ("search", "blue"),
    ("search", "Blue"),
    ("search", "blue train"),
]
FILTERS = [{}, {"genre": "jazz"}, {"genre": "jazz", "decade": "1950"}, {"decade": "1950"}]
RATES = [BASE_RATE, Rate("EUR", Decimal("1.17")), Rate("EUR", Decimal("1.18"))]


def test_no_two_different_catalogue_states_share_a_key(db):
    keys = {}
    for (mode, query), filters, rate, language in itertools.product(
        STATES, FILTERS, RATES, ["en", "uk"]
    ):
        params = QueryDict(mutable=True)
        params.update(filters)
        searching = query if mode == "search" else None
        with translation.override(language):
            catalog = CatalogQuery(params, rate=rate, query=searching)
            for kind in ("facets", "total"):
                state = (kind, mode, query, tuple(sorted(filters.items())), rate, language)
                keys.setdefault(catalog.cache_key(kind), set()).add(state)

    assert len(keys) == len(STATES) * len(FILTERS) * len(RATES) * 2 * 2
    assert all(len(states) == 1 for states in keys.values())


def test_sort_and_page_share_the_counts_of_their_state(db):
    plain = CatalogQuery(QueryDict("genre=jazz"), rate=BASE_RATE)
    sorted_ = CatalogQuery(QueryDict("genre=jazz&sort=price&page=3"), rate=BASE_RATE)
    assert plain.cache_key("facets") == sorted_.cache_key("facets")


def test_key_parts_cannot_run_into_each_other():
    assert cache_key("x", query="a", filters="b") != cache_key("x", query="a|filters=b")
    assert cache_key("x", query="1") != cache_key("x", query=1.0)
    assert cache_key("x", a=1, b=2) == cache_key("x", b=2, a=1)
    long_and_hostile = cache_key("x", query="\x00 {{ }} ' OR 1=1 --" * 500)
    assert len(long_and_hostile) < 100 and long_and_hostile.isprintable()


def test_a_new_record_is_counted_at_once(client, three_records, django_capture_on_commit_callbacks):
    assert count_shown(browse(client)) == 3

    with django_capture_on_commit_callbacks(execute=True):
        make_release(title="Somethin' Else")

    assert count_shown(browse(client)) == 4


def test_selling_out_shows_in_the_stock_facet_at_once(
    client, db, django_capture_on_commit_callbacks
):
    record = make_release(title="Kind of Blue", stock=1)
    assert in_stock_count(browse(client)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        stock.adjust(release_id=record.pk, change=-1)

    assert in_stock_count(browse(client)) == 0


def test_publishing_from_the_admin_list_is_counted_at_once(
    admin_client, three_records, django_capture_on_commit_callbacks
):
    client = admin_client
    assert count_shown(browse(client)) == 3
    draft = make_release(title="Test Pressing", published=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/catalog/release/", {"action": "publish", "_selected_action": [draft.pk]}
        )

    assert response.status_code == 302
    assert count_shown(browse(client)) == 4
