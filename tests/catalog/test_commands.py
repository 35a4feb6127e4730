"""Bulk commands write without signals, so they move the catalogue's version themselves."""

import io

from django.core.management import call_command

from catalog.freshness import CATALOGUE
from catalog.models import Release
from catalog.search_index import refresh_search_text
from shop.cache_keys import version
from tests.catalog.test_browse import browse, titles
from tests.factories import make_release


def search(client, words):
    return client.get("/en/search/", {"q": words}).content.decode()


def test_rebuilding_the_search_text_refreshes_what_shoppers_see(client, db):
    record = make_release(title="Kind of Blue", stock=5)
    refresh_search_text([record.pk])
    before = version(CATALOGUE)
    assert titles(search(client, "kind")) == ["Kind of Blue"]
    Release.objects.filter(pk=record.pk).update(title="Sketches of Spain")  # no signal

    call_command("rebuild_search_text", stdout=io.StringIO())

    assert version(CATALOGUE) != before
    assert titles(search(client, "sketches")) == ["Sketches of Spain"]


def test_generating_a_catalogue_refreshes_the_lists(client, db):
    make_release(title="Kind of Blue", stock=5)
    assert titles(browse(client)) == ["Kind of Blue"]

    call_command("generate_catalogue", releases=30, seed=3, stdout=io.StringIO())

    assert len(titles(browse(client))) == 24  # a full first page of the new records
    call_command("generate_catalogue", remove=True, stdout=io.StringIO())
    assert titles(browse(client)) == ["Kind of Blue"]
