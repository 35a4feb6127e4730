"""The genre and style names, in each language, cached: a small table every page reads.

The table is cached under the version of GENRE_NAMES (catalog.freshness), which every
change to a genre or its translation moves: a renamed style shows at once on lists
and product pages, however it was renamed."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from shop.cache_keys import version

from .freshness import GENRE_NAMES
from .models import Genre, GenreTranslation
from .models.translations import localized_text

CACHE_SECONDS = 300


@dataclass(frozen=True)
class GenreName:
    slug: str
    name: str
    is_style: bool


def genre_names(language) -> dict[int, GenreName]:
    key = f"catalog:genres:{language}:{version(GENRE_NAMES)}"
    names = cache.get(key)
    if names is None:
        rows = Genre.objects.annotate(
            display_name=localized_text(GenreTranslation.objects, "name", language)
        ).values_list("pk", "slug", "display_name", "parent_id")
        names = {pk: GenreName(slug, name, parent is not None) for pk, slug, name, parent in rows}
        cache.set(key, names, CACHE_SECONDS)
    return names


def genre_names_by_slug(language) -> dict[str, str]:
    """Slug -> name in `language`: for lists, whose filters name genres by slug."""
    return {genre.slug: genre.name for genre in genre_names(language).values()}


def localized_genres(rows, language):
    """Facet rows (slug, name, count) with each name in `language`."""
    names = genre_names_by_slug(language)
    if any(slug not in names for slug, _name, _count in rows):  # added since it was cached
        forget_genre_names()
        names = genre_names_by_slug(language)
    return [(slug, names.get(slug, name), count) for slug, name, count in rows]


def forget_genre_names():
    current = version(GENRE_NAMES)
    cache.delete_many([f"catalog:genres:{code}:{current}" for code, _name in settings.LANGUAGES])


def genres_of(release, language):
    """The release's genres and styles, by name, from its `genre_ids` annotation."""
    ids = [int(pk) for pk in (release.genre_ids or "").split(",") if pk]
    if not ids:
        return [], []
    table = genre_names(language)
    if any(pk not in table for pk in ids):  # a genre added since the table was cached
        forget_genre_names()
        table = genre_names(language)
    found = sorted((table[pk] for pk in ids if pk in table), key=lambda genre: genre.name)
    return [g for g in found if not g.is_style], [g for g in found if g.is_style]
