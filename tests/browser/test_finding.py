"""Finding a record in Chromium: the header search, then a facet, in both languages."""

import re

import pytest

from catalog.search_index import refresh_search_text
from tests.factories import make_genre, make_release, seed_release

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

WORDS = {
    "en": {"search": "Search", "results": "Search results for", "in_stock": "In stock only"},
    "uk": {"search": "Пошук", "results": "Результати пошуку", "in_stock": "Лише в наявності"},
}


@pytest.mark.parametrize("language", ["en", "uk"])
def test_shopper_searches_from_the_header_and_narrows_with_a_facet(
    live_server, page, screenshot, language
):
    words = WORDS[language]
    seed = seed_release()
    sold_out = make_release(title="Miles Ahead", stock=0, artists=[seed.artists.get()])
    sold_out.genres.set([make_genre("Big Band")])
    refresh_search_text([seed.pk, sold_out.pk])

    page.goto(f"{live_server.url}/{language}/")
    page.get_by_role("searchbox").fill("miles davis")
    page.get_by_role("search").get_by_role("button", name=words["search"]).click()

    page.wait_for_url(re.compile(rf"/{language}/search/\?q=miles"))
    assert words["results"] in page.locator("h1").inner_text()
    assert page.locator(".release-card").count() == 2
    screenshot(f"search-{language}")

    page.get_by_role("link", name=re.compile(words["in_stock"])).click()

    page.wait_for_url(re.compile(r"stock=1"))
    assert page.locator(".release-card").count() == 1
    assert page.locator(".release-card__title").inner_text() == "Ascenseur Pour L'Echafaud"
    assert page.locator(".facet__selected").count() == 1
