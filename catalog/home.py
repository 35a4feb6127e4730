"""The home page's shelves, read in a fixed number of queries whatever their size.

A hero for the featured collection, the staff picks, new arrivals, records back
in stock lately, and tiles for the genres and styles to browse. Every shelf puts
records with nothing for sale after the others (ReleaseQuerySet.sold_out_last),
so the first records a shopper meets can be bought.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects
from django.utils import timezone

from shop.cache_keys import cache_key, versions

from .freshness import CATALOGUE
from .genres import forget_genre_names, genre_names
from .models import Collection, CollectionTranslation, Release
from .models.queries import listing_prefetches
from .models.translations import localized_text

SHELF_SIZE = 8
HERO_COVERS = 4
GENRE_TILES = 8
# "Back in stock" shows records restocked within this time.
RESTOCK_WINDOW = datetime.timedelta(days=30)
# Bounds memory only: the collection and genre counts go stale by version, not by time.
CACHE_SECONDS = 60 * 60


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


@dataclass(frozen=True)
class FeaturedCollection:
    pk: int
    name: str
    url: str
    size: int
    description: str


@dataclass
class HomeShelves:
    featured: FeaturedCollection | None
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
    """Five queries for the shelves (the collection's covers, picks, new arrivals,
    restocks), then their artists and their images, read for all shelves at once; and
    two more for the featured collection and the genre counts when the catalogue has
    changed since they were last read (see `collection_and_genres`)."""
    published = Release.objects.published().select_related("label")
    featured, genres = collection_and_genres(language)
    covers = []
    if featured is not None:
        in_collection = published.filter(collection_id=featured.pk)
        covers = list(in_collection.order_by("collection_position", "title")[:HERO_COVERS])
    since = (now or timezone.now()) - RESTOCK_WINDOW
    shelves = HomeShelves(
        featured=featured,
        featured_covers=covers,
        staff_picks=list(published.staff_picks(language)[:SHELF_SIZE]),
        new_arrivals=list(published.sold_out_last("-created", "-pk")[:SHELF_SIZE]),
        back_in_stock=list(published.back_in_stock(since)[:SHELF_SIZE]),
        genres=genres,
    )
    prefetch_related_objects(shelves.releases, *listing_prefetches())
    return shelves


def collection_and_genres(language):
    """The featured collection and the genre tiles. Counting them reads every published
    record, so they are cached until the catalogue changes (CATALOGUE), which is rare:
    sales, restocks and staff picks re-render the page without counting again."""
    key = cache_key("catalog:home", language=language, versions=versions(CATALOGUE))
    found = cache.get(key)
    if found is None:
        found = (featured_collection(language), genre_tiles(language))
        cache.set(key, found, CACHE_SECONDS)
    return found


def featured_collection(language) -> FeaturedCollection | None:
    """The collection staff marked as featured (the largest, if several are), else the
    largest one; with its size and its description in `language`."""
    # Counted per collection by a subquery: a join with GROUP BY would carry the
    # translated description through every published record.
    size = (
        Release.objects.published()
        .filter(collection=OuterRef("pk"))
        .order_by()
        .values("collection")
        .annotate(n=Count("pk"))
        .values("n")
    )
    collection = (
        Collection.objects.annotate(size=Subquery(size))
        .filter(size__gt=0)
        .annotate(
            description_text=localized_text(CollectionTranslation.objects, "description", language)
        )
        .order_by("-featured", "-size", "name")
        .first()
    )
    if collection is None:
        return None
    return FeaturedCollection(
        pk=collection.pk,
        name=collection.name,
        url=collection.get_absolute_url(),
        size=collection.size,
        description=collection.description_text,
    )


def genre_tiles(language) -> list[GenreTile]:
    """Genres first, then the largest styles, each with its number of published records
    and its name in `language` (catalog.genres, as on the product page)."""
    links = Release.genres.through.objects.filter(release__published=True)
    counts = dict(links.values_list("genre_id").annotate(n=Count("release_id")).order_by())
    names = genre_names(language)
    if any(pk not in names for pk in counts):  # a genre added since the names were cached
        forget_genre_names()
        names = genre_names(language)
    tiles = [
        GenreTile(names[pk].slug, names[pk].name, count, names[pk].is_style)
        for pk, count in counts.items()
        if pk in names
    ]
    tiles.sort(key=lambda tile: (tile.is_style, -tile.count, tile.name))
    return tiles[:GENRE_TILES]
