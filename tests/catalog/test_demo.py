import gzip
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from catalog import stock
from catalog.demo import catalogue
from catalog.models import Artist, CoverImage, Release, Track


@pytest.fixture
def demo(db):
    call_command("load_demo_catalogue", verbosity=0)


def test_demo_catalogue_holds_the_seed_record_with_all_its_facts(demo):
    seed = Release.objects.get(catalogue_number="VNL 12204 LP")

    assert seed.full_title == "Miles Davis – Ascenseur Pour L'Echafaud"
    assert (seed.label.name, seed.format, seed.colour) == ("Ermitage", "LP", "Yellow")
    assert seed.format_descriptions == ["album", "limited", "reissue"]
    assert (seed.country.code, str(seed.released)) == ("IT", "2024-02-02")
    assert (seed.original_label.name, seed.original_year) == ("Fontana", 1958)
    assert seed.price == Decimal("23.95")
    assert [t.code for t in seed.tracks.all()] == [f"{s}{n}" for s in "AB" for n in range(1, 6)]
    assert [(c.artist.name, c.role.name) for c in seed.credits.all()] == [
        ("Miles Davis", "Trumpet"),
        ("Barney Wilen", "Tenor Saxophone"),
        ("René Urtreger", "Piano"),
        ("Pierre Michelot", "Bass"),
        ("Kenny Clarke", "Drums"),
    ]
    assert {g.name for g in seed.genres.all()} == {"Jazz", "Cool Jazz"}


def test_demo_collection_has_at_least_eighteen_published_titles(demo):
    in_collection = Release.objects.published().filter(collection__slug="new-ermitage")
    assert in_collection.count() >= 18
    assert in_collection.order_by("collection_position").first().catalogue_number == (
        "VNL 12204 LP"
    )


def test_every_demo_record_has_a_cover_tracks_and_both_languages(demo):
    for release in Release.objects.all():
        # The sleeve, its back and, for vinyl, the record out of it, for the gallery.
        pictures = list(release.images.all())
        assert len(pictures) == (3 if release.is_vinyl else 2), release
        assert all(p.rendition_widths == [240, 480, 960] for p in pictures), release
        assert release.tracks.exists(), release
        assert release.description, release
        assert release.translations.get(language="uk").description, release


def test_loading_twice_changes_nothing(demo):
    counts = [
        Release.objects.count(),
        Track.objects.count(),
        Artist.objects.count(),
        CoverImage.objects.count(),
    ]

    call_command("load_demo_catalogue", verbosity=0)

    assert [
        Release.objects.count(),
        Track.objects.count(),
        Artist.objects.count(),
        CoverImage.objects.count(),
    ] == counts
    assert counts[0] == len(catalogue.RELEASES)


def test_if_empty_leaves_an_existing_catalogue_alone(demo):
    Release.objects.filter(catalogue_number="VNL 12204 LP").update(price=Decimal("30.00"))

    call_command("load_demo_catalogue", "--if-empty", verbosity=0)

    assert Release.objects.get(catalogue_number="VNL 12204 LP").price == Decimal("30.00")


def test_demo_product_pages_render_in_both_languages(demo, client):
    for release in Release.objects.all():
        for language in ("en", "uk"):
            response = client.get(f"/{language}/records/{release.slug}/")
            assert response.status_code == 200, (release, language)


def test_demo_stock_opens_the_ledger_and_reloading_keeps_it_adding_up(demo):
    seed = Release.objects.get(catalogue_number="VNL 12204 LP")
    demo_stock = seed.stock
    assert list(seed.stock_movements.values_list("reason", "change")) == [("opening", demo_stock)]
    stock.adjust(release_id=seed.pk, change=-3)  # three copies went meanwhile

    call_command("load_demo_catalogue", verbosity=0)

    assert Release.objects.get(pk=seed.pk).stock == demo_stock
    assert stock.ledger_mismatches() == []


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_seed_page_weighs_under_60_kb_as_a_browser_downloads_it(demo, client, language):
    """HTML as sent, with the stylesheets and scripts it loads compressed as they are served
    (whitenoise and nginx's gzip_static); images are not counted."""
    page = client.get(f"/{language}/records/miles-davis-ascenseur-pour-lechafaud/").content
    assets = re.findall(rb'<(?:link rel="stylesheet" href|script src)="/static/([^"]+)"', page)
    served = {
        name.decode(): len(gzip.compress(Path(finders.find(name.decode())).read_bytes(), 9))
        for name in assets
    }

    assert {"shop/shop.css", "shop/shop.js", "shop/player.js"} <= set(served)
    assert len(page) + sum(served.values()) < 60_000, (len(page), served)
