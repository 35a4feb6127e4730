"""No dead ends on the list pages, and the product page's gallery, badges and buy bar."""

import re

import pytest

from catalog.browse import FACET_LIMIT
from catalog.search_index import refresh_search_text
from tests.factories import add_image, make_artist, make_genre, make_release


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def facet_names(page, title):
    """The values listed under one facet's heading."""
    section = re.search(rf'facet__title">{title}</h3>(.*?)</section>', page, re.S)
    return re.findall(r'rel="nofollow">\s*([^<]+?) <span class="facet__count">', section[1])


@pytest.fixture
def many_artists(db):
    jazz, soul = make_genre("Jazz"), make_genre("Soul")
    for n in range(FACET_LIMIT + 3):
        release = make_release(title=f"Record {n}", artists=[make_artist(f"Player {n:02}")])
        release.genres.set([jazz if n % 2 else soul])


def test_a_long_facet_offers_show_all_and_show_fewer(client, many_artists):
    page = get(client, "/en/records/")
    assert len(facet_names(page, "Artist")) == FACET_LIMIT
    show_all = re.search(r'<a class="facet__more" href="([^"]+)"[^>]*>Show all artists</a>', page)
    assert show_all and show_all[1] == "?more=artist"

    everyone = get(client, "/en/records/", more="artist")
    assert len(facet_names(everyone, "Artist")) == FACET_LIMIT + 3
    assert ">Show fewer</a>" in everyone
    # Choosing an artist from the long list keeps it open.
    assert 'href="?more=artist&amp;artist=' in everyone

    ukrainian = get(client, "/uk/records/")
    assert ">Показати всіх виконавців</a>" in ukrainian


def test_an_unknown_facet_to_show_in_full_is_ignored(client, many_artists):
    page = get(client, "/en/records/", more="<script>")
    assert len(facet_names(page, "Artist")) == FACET_LIMIT
    assert "&lt;script&gt;" not in page and "<script>" not in page.split("</head>")[1]


def test_a_facet_that_cannot_narrow_the_results_is_left_out(client, db):
    genre = make_genre("Jazz")
    for n in range(3):
        make_release(title=f"Jazz {n}").genres.set([genre])
    page = get(client, "/en/records/")
    assert 'facet__title">Genre</h3>' not in page  # every record is jazz
    assert 'facet__title">Label</h3>' in page  # three labels: a choice to make

    chosen = get(client, "/en/records/", genre=genre.slug)
    assert 'facet__title">Genre</h3>' in chosen  # a chosen value can always be removed


def test_filters_button_counts_the_chosen_filters(client, many_artists):
    page = get(client, "/en/records/", decade="", artist="player-01")
    assert 'data-drawer-toggle="filters"' in page
    assert "Filters\n" in page or ">Filters<" in page or "Filters</a>" in page.replace("\n", "")
    chosen = get(client, "/uk/records/", stock="1", sort="title")
    assert "Фільтри (1)" in chosen


def test_an_empty_result_offers_ways_out_and_no_sort(client, db):
    genre = make_genre("Jazz")
    make_release(title="Blue Train").genres.set([genre])
    page = get(client, "/en/records/", genre=genre.slug, price="40-", decade="1990")
    assert 'name="sort"' not in page
    assert "No records match these filters." in page
    assert "Remove the filter Genre: Jazz" in page
    assert "Remove the filter Price: £40.00 and more" in page
    assert "Remove the filter Decade: 1990s" in page
    assert f'href="?genre={genre.slug}&amp;decade=1990"' in page  # the way back without the price
    assert "Browse all records" in page


def test_a_search_that_finds_nothing_suggests_its_words_that_do(client, db):
    coltrane = make_release(title="Blue Train", artists=[make_artist("John Coltrane")])
    refresh_search_text([coltrane.pk])
    page = get(client, "/en/search/", q="coltrane zzzzqx")
    assert 'name="sort"' not in page
    assert "Nothing matched every word of your search." in page
    assert re.search(r'href="\?q=coltrane">Search for “coltrane” alone: 1 record</a>', page)
    assert "zzzzqx” alone" not in page

    ukrainian = get(client, "/uk/search/", q="coltrane zzzzqx")
    assert "Шукати лише «coltrane»: 1 платівка" in ukrainian


def test_the_product_page_shows_a_gallery_badges_and_a_buy_bar(client, seed):
    for position in (0, 1, 2):
        add_image(seed, position=position)
    page = get(client, f"/en/records/{seed.slug}/")
    assert page.count("data-gallery-thumb") == 3
    assert page.count('loading="lazy"') >= 3  # thumbnails wait until they are near
    assert 'fetchpriority="high"' in page  # the cover does not
    badges = re.findall(r'class="edition-badge edition-badge--(\w+)">([^<]+)<', page)
    assert badges == [
        ("limited", "Limited Edition"),
        ("colour", "Yellow vinyl"),
        ("reissue", "Reissue"),
    ]
    assert "data-buy-bar hidden" in page

    ukrainian = get(client, f"/uk/records/{seed.slug}/")
    assert "Обмежене видання" in ukrainian and "Перевидання" in ukrainian


def test_a_sold_out_record_has_no_buy_bar_and_no_colour_badge_on_a_cd(client, db):
    cd = make_release(title="Kind of Blue", format="CD", colour="Blue", stock=0)
    page = get(client, f"/en/records/{cd.slug}/")
    assert "data-buy-bar" not in page
    assert "edition-badge--colour" not in page


def test_the_original_year_opens_its_decade(client, seed):
    page = get(client, f"/en/records/{seed.slug}/")
    assert f'<a href="/en/records/?decade=1950">{seed.original_year}</a>' in page
    decade = get(client, "/en/records/", decade="1950")
    assert seed.title.replace("'", "&#x27;") in decade
