"""Finished Ukrainian: genre and style names, colour and notes, and artists' Ukrainian names,
each in Ukrainian on /uk/ pages and in English on /en/ ones, with a fallback to English."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from catalog.index import forget
from catalog.models import ArtistTranslation, GenreTranslation, ReleaseTranslation
from catalog.search_index import refresh_search_text
from tests.catalog.test_admin import inline_management
from tests.factories import make_artist, make_genre, make_release


@pytest.fixture(autouse=True)
def fresh_index():
    """Each test builds its own index: the database it was built from is rolled back."""
    forget()
    yield
    forget()


@pytest.fixture(params=["index", "sql"])
def search_path(request, monkeypatch):
    """Browse and search answer from the catalogue index, or from SQL while it is rebuilt."""
    if request.param == "sql":
        monkeypatch.setattr("catalog.browse.current_index", lambda versions: None)
    return request.param


@pytest.fixture
def staff_client(client, db):
    staff = User.objects.create_superuser("staff", "staff@example.com", "secret-password")
    client.force_login(staff)
    return client


@pytest.fixture
def shelf(seed):
    """The seed (Jazz › Cool Jazz), a hard bop record and a soul one, so that each facet
    has a choice; Hard Bop has a Ukrainian name, Soul-Jazz has none."""
    jazz = seed.genres.get(parent=None)
    cool = seed.genres.get(parent=jazz)
    hard_bop = make_genre("Hard Bop", parent=jazz)
    soul_jazz = make_genre("Soul-Jazz", parent=jazz)
    for genre, name in [(jazz, "Джаз"), (cool, "Кул-джаз"), (hard_bop, "Хард-боп")]:
        GenreTranslation.objects.create(parent=genre, language="uk", name=name)
    blakey = make_artist("Art Blakey", slug="art-blakey")
    moanin = make_release(title="Moanin'", artists=[blakey])
    moanin.genres.set([jazz, hard_bop, soul_jazz])
    funk_soul = make_genre("Funk / Soul")
    GenreTranslation.objects.create(parent=funk_soul, language="uk", name="Фанк / соул")
    otis_blue = make_release(title="Otis Blue")
    otis_blue.genres.set([funk_soul])
    refresh_search_text([seed.pk, moanin.pk, otis_blue.pk])
    return {"seed": seed, "cool": cool, "hard_bop": hard_bop, "soul_jazz": soul_jazz}


def page(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def facet_labels(html):
    """The names of the facet values, without their counts."""
    return re.findall(r'rel="nofollow">\s*([^<]+?) <span class="facet__count">', html)


def heading(html):
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


def found_titles(html):
    return re.findall(r'<span class="release-card__title">([^<]+)</span>', html)


# 1. Genre and style names.


def test_genre_and_style_facets_are_in_ukrainian_on_uk_pages(client, shelf, search_path):
    labels = facet_labels(page(client, "/uk/records/"))
    assert {"Джаз", "Фанк / соул", "Кул-джаз", "Хард-боп"} <= set(labels)
    assert not {"Jazz", "Funk / Soul", "Cool Jazz", "Hard Bop"} & set(labels)
    english = facet_labels(page(client, "/en/records/"))
    assert {"Jazz", "Funk / Soul", "Cool Jazz", "Hard Bop"} <= set(english)


def test_search_facets_name_genres_in_ukrainian(client, shelf, search_path):
    labels = facet_labels(page(client, "/uk/search/", q="label"))  # Moanin' and Otis Blue
    assert {"Джаз", "Фанк / соул", "Хард-боп"} <= set(labels)
    assert not {"Jazz", "Funk / Soul", "Hard Bop"} & set(labels)


def test_a_style_without_a_translation_keeps_its_english_name(client, shelf, search_path):
    assert "Soul-Jazz" in facet_labels(page(client, "/uk/records/"))


def test_a_list_filtered_by_style_is_headed_by_its_name(client, shelf):
    style = shelf["hard_bop"].slug
    ukrainian = page(client, "/uk/records/", style=style)
    assert heading(ukrainian) == "Хард-боп"
    assert "<title>Хард-боп ·" in ukrainian
    assert found_titles(ukrainian) == ["Moanin&#x27;"]
    assert heading(page(client, "/en/records/", style=style)) == "Hard Bop"
    untranslated = page(client, "/uk/records/", style=shelf["soul_jazz"].slug)
    assert heading(untranslated) == "Soul-Jazz"


def test_a_list_filtered_by_genre_or_nothing_known_is_headed_so(client, shelf):
    assert heading(page(client, "/uk/records/", genre=shelf["cool"].parent.slug)) == "Джаз"
    assert heading(page(client, "/uk/records/")) == "Усі платівки"
    assert heading(page(client, "/uk/records/", style="no-such-style")) == "Усі платівки"


def test_product_page_names_genre_and_style_in_ukrainian(client, shelf):
    html = page(client, "/uk/records/miles-davis-ascenseur-pour-lechafaud/")
    assert ">Кул-джаз</a>" in html and ">Джаз</a>" in html
    assert "Cool Jazz" not in html


def test_renamed_style_shows_on_the_next_list(client, staff_client, shelf):
    """A cached /uk/ list follows a staff edit of a style's Ukrainian name at once."""
    assert "Хард-боп" in facet_labels(page(client, "/uk/records/"))
    hard_bop = shelf["hard_bop"]
    translation = hard_bop.translations.get()
    response = staff_client.post(
        reverse("admin:catalog_genre_change", args=[hard_bop.pk]),
        {
            "name": "Hard Bop",
            "slug": hard_bop.slug,
            "parent": hard_bop.parent_id,
            **inline_management("translations", 1, initial=1),
            "translations-0-id": translation.pk,
            "translations-0-parent": hard_bop.pk,
            "translations-0-language": "uk",
            "translations-0-name": "Хард-боп (класика)",
        },
    )
    assert response.status_code == 302
    assert "Хард-боп (класика)" in facet_labels(page(client, "/uk/records/"))


def test_a_style_renamed_outside_the_admin_shows_at_once_too(client, shelf):
    url = "/uk/records/miles-davis-ascenseur-pour-lechafaud/"
    assert ">Кул-джаз</a>" in page(client, url)
    assert "Кул-джаз" in facet_labels(page(client, "/uk/records/"))
    translation = shelf["cool"].translations.get()
    translation.name = "Кул"
    translation.save()
    assert ">Кул</a>" in page(client, url)
    assert "Кул" in facet_labels(page(client, "/uk/records/"))


# 2. Colour and notes.


def test_colour_and_notes_are_shown_in_ukrainian(client, seed):
    ReleaseTranslation.objects.create(
        parent=seed, language="uk", colour="Жовтий", notes="Записано в Парижі."
    )
    ukrainian = page(client, "/uk/records/miles-davis-ascenseur-pour-lechafaud/")
    assert "Вініл, LP, Альбом, Обмежене видання, Перевидання, Жовтий" in ukrainian
    assert "Записано в Парижі." in ukrainian
    assert "Жовтий вініл" in ukrainian  # the badge beside the price
    assert "Yellow" not in ukrainian and "Le Poste Parisien" not in ukrainian
    english = page(client, "/en/records/miles-davis-ascenseur-pour-lechafaud/")
    assert "Vinyl, LP, Album, Limited Edition, Reissue, Yellow" in english
    assert "Le Poste Parisien" in english and "Жовтий" not in english


def test_colour_and_notes_fall_back_to_english(client, seed):
    """A translation with a description only keeps the English colour and notes."""
    ReleaseTranslation.objects.create(parent=seed, language="uk", description="Музика до фільму.")
    ukrainian = page(client, "/uk/records/miles-davis-ascenseur-pour-lechafaud/")
    assert "Музика до фільму." in ukrainian
    assert "Перевидання, Yellow" in ukrainian
    assert "Recorded December 4 and 5, 1957" in ukrainian


def test_translated_texts_cost_no_query(client, seed, warm_caches, django_assert_max_num_queries):
    ReleaseTranslation.objects.create(
        parent=seed, language="uk", description="Опис.", colour="Жовтий", notes="Нотатки."
    )
    with django_assert_max_num_queries(8):
        html = page(client, "/uk/records/miles-davis-ascenseur-pour-lechafaud/")
    assert "Жовтий" in html and "Нотатки." in html


def test_staff_edit_colour_and_notes_in_the_translation_inline(staff_client, seed):
    response = staff_client.get(reverse("admin:catalog_release_change", args=[seed.pk]))
    html = response.content.decode()
    for field in ["language", "description", "colour", "notes"]:
        assert f'name="translations-__prefix__-{field}"' in html, field


def test_a_saved_translation_shows_on_the_cached_page_at_once(client, seed):
    url = "/uk/records/miles-davis-ascenseur-pour-lechafaud/"
    assert "Перевидання, Yellow" in page(client, url)  # cached from here on
    translation = ReleaseTranslation.objects.create(parent=seed, language="uk", colour="Жовтий")
    assert "Перевидання, Жовтий" in page(client, url)
    translation.delete()
    assert "Перевидання, Yellow" in page(client, url)


# 3. Artists' names in Ukrainian.


@pytest.fixture
def spelt(seed):
    """The seed, with Miles Davis and his drummer spelt in Ukrainian."""
    miles = seed.artists.get()
    ArtistTranslation.objects.create(parent=miles, language="uk", name="Майлз Девіс")
    clarke = seed.credits.get(artist__name="Kenny Clarke").artist
    ArtistTranslation.objects.create(parent=clarke, language="uk", name="Кенні Кларк")
    refresh_search_text([seed.pk])
    return seed


@pytest.mark.parametrize("query", ["Девіс", "Майлз", "девіс", "ДЕВІС", "Деві", "майлз девіс"])
@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_ukrainian_spelling_finds_the_artists_records(
    client, spelt, search_path, query, language
):
    html = page(client, f"/{language}/search/", q=query)
    assert found_titles(html) == ["Ascenseur Pour L&#x27;Echafaud"], query


def test_personnel_are_found_by_their_ukrainian_names_too(client, spelt, search_path):
    assert found_titles(page(client, "/uk/search/", q="Кларк")) == [
        "Ascenseur Pour L&#x27;Echafaud"
    ]


def test_words_not_in_the_name_find_nothing(client, spelt, search_path):
    for query in ["Девісон", "евіс", "Майлз Колтрейн"]:
        assert found_titles(page(client, "/uk/search/", q=query)) == [], query


def test_cards_keep_the_name_from_the_sleeve(client, spelt):
    html = page(client, "/uk/search/", q="Девіс")
    assert '<span class="release-card__artist">Miles Davis</span>' in html
    assert "Майлз Девіс" not in html


def test_artist_page_shows_the_ukrainian_spelling_under_the_name_on_uk_pages(client, spelt):
    ukrainian = page(client, "/uk/artists/miles-davis/")
    assert "<h1>Miles Davis</h1>" in ukrainian
    assert '<p class="artist__local-name">Майлз Девіс</p>' in ukrainian
    assert "<title>Miles Davis (Майлз Девіс) ·" in ukrainian
    english = page(client, "/en/artists/miles-davis/")
    assert "Майлз Девіс" not in english


def test_artist_without_a_ukrainian_name_shows_only_the_original(client, seed):
    ArtistTranslation.objects.create(
        parent=seed.artists.get(), language="uk", biography="Трубач, що рухав джаз уперед."
    )
    html = page(client, "/uk/artists/miles-davis/")
    assert "Трубач, що рухав джаз уперед." in html
    assert "artist__local-name" not in html
    assert "<title>Miles Davis ·" in html


def artist_form(artist, *, translation=None, name="", biography=""):
    data = {
        "name": artist.name,
        "sort_name": artist.sort_name,
        "slug": artist.slug,
        "biography": artist.biography,
        **inline_management("translations", 1, initial=1 if translation else 0),
        "translations-0-parent": artist.pk,
        "translations-0-language": "uk",
        "translations-0-name": name,
        "translations-0-biography": biography,
    }
    if translation:
        data["translations-0-id"] = translation.pk
    return data


def test_staff_give_an_artist_a_ukrainian_name_and_search_finds_it_at_once(
    client, staff_client, seed, search_path
):
    refresh_search_text([seed.pk])
    assert found_titles(page(client, "/uk/search/", q="Девіс")) == []  # and cached
    miles = seed.artists.get()
    url = reverse("admin:catalog_artist_change", args=[miles.pk])

    response = staff_client.post(url, artist_form(miles, name="Майлз Девіс"))

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert miles.translations.get().name == "Майлз Девіс"
    assert found_titles(page(client, "/uk/search/", q="Девіс")) == [
        "Ascenseur Pour L&#x27;Echafaud"
    ]

    # Respelt, the old spelling no longer finds the record and the new one does.
    translation = miles.translations.get()
    response = staff_client.post(url, artist_form(miles, translation=translation, name="Майлс"))
    assert response.status_code == 302
    assert found_titles(page(client, "/uk/search/", q="Девіс")) == []
    assert found_titles(page(client, "/uk/search/", q="Майлс")) == [
        "Ascenseur Pour L&#x27;Echafaud"
    ]


def test_a_translation_with_a_name_only_is_valid_in_the_admin(staff_client, seed):
    """Neither the name nor the biography is required: either may be translated alone."""
    miles = seed.artists.get()
    url = reverse("admin:catalog_artist_change", args=[miles.pk])
    response = staff_client.post(url, artist_form(miles, biography="Трубач."))
    assert response.status_code == 302
    assert miles.translations.get().biography == "Трубач."


# The demo catalogue.


def test_demo_catalogue_is_finished_in_ukrainian(client, db, search_path):
    call_command("load_demo_catalogue", verbosity=0)

    html = page(client, "/uk/records/miles-davis-ascenseur-pour-lechafaud/")
    assert "Перевидання, Жовтий" in html
    assert "Записано 4 і 5 грудня 1957 року в Le Poste Parisien" in html
    for query, title in [
        ("Девіс", "Kind of Blue"),
        ("Колтрейн", "A Love Supreme"),
        ("Жілберту", "Getz/Gilberto"),
        ("Еванс", "Waltz for Debby"),
        ("Блейкі", "Moanin&#x27;"),
        ("П'єр Мішло", "Ascenseur Pour L&#x27;Echafaud"),
    ]:
        assert title in found_titles(page(client, "/uk/search/", q=query)), query
    labels = facet_labels(page(client, "/uk/records/"))
    assert {"Кул-джаз", "1950-ті", "1960-ті"} <= set(labels)
    assert "1950s" in facet_labels(page(client, "/en/records/"))
    artist = page(client, "/uk/artists/cannonball-adderley/")
    assert '<p class="artist__local-name">Кеннонбол Еддерлі</p>' in artist
