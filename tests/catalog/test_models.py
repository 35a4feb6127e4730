import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from catalog.models import Availability, Release, Track, tracks_by_side
from tests.factories import add_tracks, make_release


@pytest.mark.parametrize(
    ("stock", "availability"),
    [
        (0, Availability.OUT_OF_STOCK),
        (1, Availability.LOW_STOCK),
        (3, Availability.LOW_STOCK),
        (4, Availability.IN_STOCK),
    ],
)
def test_availability_follows_stock(db, stock, availability):
    assert make_release(stock=stock).availability == availability


def test_future_release_with_stock_is_a_pre_order(db):
    release = make_release(stock=5, released=datetime.date.today() + datetime.timedelta(days=30))
    assert release.availability == Availability.PRE_ORDER


def test_format_line_lists_medium_format_descriptions_and_colour(db):
    release = make_release(
        format="LP", format_descriptions=["album", "limited", "reissue"], colour="Yellow"
    )
    assert [str(part) for part in release.format_parts()] == [
        "Vinyl",
        "LP",
        "Album",
        "Limited Edition",
        "Reissue",
        "Yellow",
    ]


def test_a_cd_is_not_called_vinyl_and_unknown_descriptions_are_skipped(db):
    release = make_release(format="CD", format_descriptions=["album", "not-a-code"])
    assert [str(part) for part in release.format_parts()] == ["CD", "Album"]


def test_tracks_are_grouped_by_side_in_order(db):
    release = make_release()
    add_tracks(release, 2, side="B")
    add_tracks(release, 3, side="A")

    sides = tracks_by_side(release.tracks.all())

    assert [(side, [t.code for t in tracks]) for side, tracks in sides] == [
        ("A", ["A1", "A2", "A3"]),
        ("B", ["B1", "B2"]),
    ]


def test_track_duration_is_shown_as_minutes_and_seconds(db):
    track = Track(side="A", position=1, title="So What", duration=datetime.timedelta(seconds=562))
    assert track.duration_display == "9:22"
    assert Track(side="", position=3, title="x").code == "3"


def test_two_tracks_cannot_share_a_position(db):
    release = make_release()
    add_tracks(release, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Track.objects.create(release=release, side="A", position=1, title="Duplicate")


def test_sale_price_must_be_below_the_price(db):
    release = make_release(price=Decimal("20.00"))
    release.sale_price = Decimal("25.00")
    with pytest.raises(ValidationError, match="sale price must be lower"):
        release.full_clean()


def test_published_queryset_hides_drafts(db):
    live = make_release(published=True)
    make_release(published=False)
    assert list(Release.objects.published()) == [live]


def test_full_title_joins_the_title_artists(db):
    from tests.factories import make_artist

    release = make_release(
        title="Getz/Gilberto", artists=[make_artist("Stan Getz"), make_artist("João Gilberto")]
    )
    assert release.full_title == "Stan Getz & João Gilberto – Getz/Gilberto"
