"""The genre and style names, in each language, cached: a small table every page reads."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .models import Genre, GenreTranslation
from .models.translations import localized_text

CACHE_SECONDS = 300


@dataclass(frozen=True)
class GenreName:
    slug: str
    name: str
    is_style: bool


def genre_names(language) -> dict[int, GenreName]:
    key = f"catalog:genres:{language}"
    names = cache.get(key)
    if names is None:
        rows = Genre.objects.annotate(
            display_name=localized_text(GenreTranslation.objects, "name", language)
        ).values_list("pk", "slug", "display_name", "parent_id")
        names = {pk: GenreName(slug, name, parent is not None) for pk, slug, name, parent in rows}
        cache.set(key, names, CACHE_SECONDS)
    return names


def forget_genre_names():
    cache.delete_many([f"catalog:genres:{code}" for code, _name in settings.LANGUAGES])


def genres_of(release, language):
    """The release's genres and styles, by name, from its `genre_ids` annotation."""
    ids = [int(pk) for pk in (release.genre_ids or "").split(",") if pk]
    table = genre_names(language)
    if any(pk not in table for pk in ids):  # a genre added since the table was cached
        forget_genre_names()
        table = genre_names(language)
    found = sorted((table[pk] for pk in ids if pk in table), key=lambda genre: genre.name)
    return [g for g in found if not g.is_style], [g for g in found if g.is_style]
