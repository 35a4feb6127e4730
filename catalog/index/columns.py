"""What browse filters and sorts on, computed by the database: shared by the SQL path
(catalog.browse) and the index build, so that both read the same values in the same order."""

from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce, ExtractYear

from ..models import ReleaseArtist

# The database orders titles and names by its own collation, so the index takes
# these orders from it rather than sorting strings in Python.
ORDERINGS = {
    "newest": ["-created", "-pk"],
    "price": ["current_price", "pk"],
    "-price": ["-current_price", "pk"],
    "title": ["title", "pk"],
    "artist": ["artist_sort", "title", "pk"],
}
NEWEST = ORDERINGS["newest"]


def with_year(queryset):
    """A column that filters share: the (original) year."""
    return queryset.annotate(
        # EXTRACT gives a numeric on PostgreSQL: cast it, so decades divide as integers.
        year=Coalesce("original_year", Cast(ExtractYear("released"), IntegerField())),
    )


def with_artist_sort(queryset):
    """The first title artist's sort name, only when sorting by artist needs it."""
    first_artist = ReleaseArtist.objects.filter(release=OuterRef("pk")).order_by("position")
    return queryset.annotate(artist_sort=Subquery(first_artist.values("artist__sort_name")[:1]))
