"""More from this artist, label and collection: one query for all three shelves."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from .models import CoverImage, Release, ReleaseArtist
from .models.images import rendition_name

PER_SHELF = 4


@dataclass(frozen=True)
class RelatedRecord:
    pk: int
    title: str
    artist: str
    url: str
    price: Decimal
    thumbnail_url: str | None


def more_from(release):
    """{"artist": [...], "label": [...], "collection": [...]}, newest first, up to 4 each."""
    artist_ids = [credit.artist_id for credit in release.release_artists.all()]
    artists_records = ReleaseArtist.objects.filter(artist_id__in=artist_ids).values("release_id")
    # The candidates are a union of three indexed lookups: an OR across them would
    # make PostgreSQL scan every release.
    lookups = [Release.objects.filter(label_id=release.label_id).values("pk")]
    if release.collection_id:
        lookups.append(Release.objects.filter(collection_id=release.collection_id).values("pk"))
    candidates = artists_records.union(*lookups)
    in_collection = Q(collection_id=release.collection_id) if release.collection_id else Q(pk=None)
    shelf = Case(
        When(Q(pk__in=artists_records), then=Value(0)),
        When(in_collection, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    rows = (
        Release.objects.published()
        .filter(pk__in=candidates)
        .exclude(pk=release.pk)
        .annotate(
            shelf=shelf,
            place=Window(RowNumber(), partition_by=[shelf], order_by=[F("created").desc()]),
            first_artist=_first(ReleaseArtist, "artist__name", "position"),
            cover=_first(CoverImage, "image", "position"),
            cover_widths=_first(CoverImage, "rendition_widths", "position"),
        )
        .filter(place__lte=PER_SHELF)
        .order_by("shelf", "place")
        .values(
            "pk", "shelf", "title", "slug", "first_artist", "cover", "cover_widths", "current_price"
        )
    )
    shelves = {0: [], 1: [], 2: []}
    for row in rows:
        shelves[row["shelf"]].append(_record(row))
    return {"artist": shelves[0], "collection": shelves[1], "label": shelves[2]}


def _first(model, field, order):
    return Subquery(
        model.objects.filter(release=OuterRef("pk")).order_by(order, "pk").values(field)[:1]
    )


def _record(row):
    thumbnail = None
    if row["cover"]:
        widths = row["cover_widths"] or []
        name = rendition_name(row["cover"], 240) if 240 in widths else row["cover"]
        thumbnail = default_storage.url(name)
    return RelatedRecord(
        pk=row["pk"],
        title=row["title"],
        artist=row["first_artist"] or "",
        url=reverse("catalog:release", kwargs={"slug": row["slug"]}),
        price=row["current_price"],
        thumbnail_url=thumbnail,
    )
