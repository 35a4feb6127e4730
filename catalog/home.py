"""The home page's shelves, read in a fixed number of queries whatever their size.

A hero for the featured collection, the staff picks, new arrivals, records back
in stock lately, and tiles for the genres and styles to browse. Every shelf puts
records with nothing for sale after the others (ReleaseQuerySet.sold_out_last),
so the first records a shopper meets can be bought.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Q, Value, When, prefetch_related_objects
from django.utils import timezone

from .models import Collection, CollectionTranslation, Genre, GenreTranslation, Release
from .models.queries import listing_prefetches
from .models.translations import localized_text

SHELF_SIZE = 8
HERO_COVERS = 4
GENRE_TILES = 8
# "Back in stock" shows records restocked within this time.
RESTOCK_WINDOW = datetime.timedelta(days=30)


@dataclass(frozen=True)
class GenreTile:
    slug: str
    name: str
    count: int
    is_style: bool

    @property
    def parameter(self):
        """The list filter it opens: ?genre=jazz, or ?style=cool-jazz."""
        return "style" if self.is_style else "genre"


@dataclass
class HomeShelves:
    featured: Collection | None
    featured_covers: list
    staff_picks: list
    new_arrivals: list
    back_in_stock: list
    genres: list

    @property
    def releases(self):
        """Every record the page shows, for its freshness (catalog.freshness.release_family)."""
        return [
            *self.featured_covers,
            *self.staff_picks,
            *self.new_arrivals,
            *self.back_in_stock,
        ]

    @property
    def holds_until(self):
        """When the oldest record back in stock leaves its shelf, or None."""
        if not self.back_in_stock:
            return None
        return min(release.restocked for release in self.back_in_stock) + RESTOCK_WINDOW


def home_shelves(language, *, now=None) -> HomeShelves:
    """Eight queries: the featured collection, four shelves of records, their artists
    and their images (read for all shelves at once), and the genre tiles."""
    published = Release.objects.published().select_related("label")
    featured = featured_collection(language)
    covers = []
    if featured is not None:
        in_collection = published.filter(collection=featured)
        covers = list(in_collection.order_by("collection_position", "title")[:HERO_COVERS])
    since = (now or timezone.now()) - RESTOCK_WINDOW
    shelves = HomeShelves(
        featured=featured,
        featured_covers=covers,
        staff_picks=list(published.staff_picks(language)[:SHELF_SIZE]),
        new_arrivals=list(published.sold_out_last("-created", "-pk")[:SHELF_SIZE]),
        back_in_stock=list(published.back_in_stock(since)[:SHELF_SIZE]),
        genres=genre_tiles(language),
    )
    prefetch_related_objects(shelves.releases, *listing_prefetches())
    return shelves


def featured_collection(language):
    """The collection staff marked as featured (the largest, if several are), else the
    largest one; with its size and its description in `language`."""
    return (
        Collection.objects.filter(releases__published=True)
        .annotate(
            size=Count("releases", filter=Q(releases__published=True)),
            description_text=localized_text(CollectionTranslation.objects, "description", language),
        )
        .order_by("-featured", "-size", "name")
        .first()
    )


def genre_tiles(language) -> list[GenreTile]:
    """Genres first, then the largest styles, each with its number of published records
    and its name in `language`."""
    rows = (
        Genre.objects.filter(releases__published=True)
        .annotate(
            size=Count("releases", distinct=True),
            display_name=localized_text(GenreTranslation.objects, "name", language),
            is_style=Case(When(parent__isnull=True, then=Value(0)), default=Value(1)),
        )
        .order_by("is_style", "-size", "display_name")
        .values_list("slug", "display_name", "size", "is_style")[:GENRE_TILES]
    )
    return [GenreTile(slug, name, size, bool(style)) for slug, name, size, style in rows]
