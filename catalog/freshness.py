"""When the catalogue changes, cached answers about it go out of date at once.

Facet counts and totals are cached under the catalogue's version (see
shop.cache_keys). Any saved or deleted record, artist, label, genre or
collection, and any stock movement, moves the version on once the change is
committed, so no shopper is shown counts from before it.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from shop.cache_keys import bump, version

CATALOGUE = "catalogue"


def catalogue_version() -> int:
    return version(CATALOGUE)


def catalogue_changed(**_signal):
    transaction.on_commit(lambda: bump(CATALOGUE), robust=True)


def connect_signals():
    from .models import Artist, Collection, Genre, Label, Release, ReleaseArtist

    for model in (Release, ReleaseArtist, Artist, Label, Genre, Collection):
        post_save.connect(catalogue_changed, sender=model, dispatch_uid=f"fresh-{model.__name__}")
        post_delete.connect(catalogue_changed, sender=model, dispatch_uid=f"gone-{model.__name__}")
    m2m_changed.connect(
        catalogue_changed, sender=Release.genres.through, dispatch_uid="fresh-genres"
    )
