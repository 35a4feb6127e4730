"""When the catalogue changes, cached answers about it go out of date at once, and no more.

Cached pages, facet counts and totals carry the versions of the families they
were built from (see shop.cache_keys), and a change moves only the families it
touches, once it is committed:

- `release:<pk>`: one record as shown anywhere: its product page, and every card
  of it on a list, the home page or another record's "more from" shelf.
- PRICES: some record's price or sale price. Price filters, price counts and
  sorting by price change with it.
- STOCK: some record went out of stock or came back. "In stock only" and its
  count change with it; a sale that leaves copies on the shelf moves only its
  record's version.
- CATALOGUE: everything else a list is made of: which records are published,
  their titles, artists, labels, genres, formats, years, collections and
  search text. Rare, and it refreshes every list.
- HOME: what only the home page shows, the staff picks and their notes.

So a busy shop's sales and stock edits re-render only the pages that show the
records concerned, and the rest is still served from the cache.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from shop.cache_keys import bump, versions

from .models.translations import Translation

CATALOGUE = "catalogue"
PRICES = "catalogue:prices"
STOCK = "catalogue:stock"
HOME = "catalogue:home"
# What every list, facet count and total depends on.
LISTINGS = (CATALOGUE, PRICES, STOCK)
# The names of genres and styles in each language (catalog.genres); CATALOGUE moves too.
GENRE_NAMES = "catalogue:genre-names"

PRICE_FIELDS = frozenset({"price", "sale_price"})
# Fields that show on the record's own page and cards, and nowhere else:
# changing them moves only the record's version (and PRICES for prices).
RECORD_ONLY_FIELDS = PRICE_FIELDS | {
    "stock",
    "held",
    "restocked",
    "description",
    "notes",
    "colour",
    "format_descriptions",
    "released_precision",
    "original_label",
    "max_per_order",
    "updated",
}


# A track's audio clip: played on its record's page only, never listed or searched.
CLIP_FIELDS = frozenset({"clip", "clip_duration"})


def release_family(pk) -> str:
    return f"release:{pk}"


def listing_versions() -> dict[str, int]:
    return versions(*LISTINGS)


def changed(*families):
    """Move these families' versions now, and again once the current transaction commits.

    Now, so that this process's own next read, still inside the transaction, is not
    served from the cache; again at commit, so that a page another process renders
    from the data before the commit is never stored under a version after it.
    """
    bump(*families)
    transaction.on_commit(lambda: bump(*families), robust=True)


def catalogue_changed(**_signal):
    changed(CATALOGUE)


def genre_names_changed(**_signal):
    changed(GENRE_NAMES)


def stock_changed(stock: dict[int, tuple[int, int]]):
    """Stock moved for these records (id -> (before, after)). Each record's version
    moves; STOCK moves only if one of them ran out or came back."""
    families = [release_family(pk) for pk in stock]
    if any((before == 0) != (after == 0) for before, after in stock.values()):
        families.append(STOCK)
    changed(*families)


def home_changed(**_signal):
    changed(HOME)


def record_changed(*pks):
    """Something shown about these records changed (e.g. copies held for checkouts)."""
    changed(*(release_family(pk) for pk in pks))


def _remember_changed_fields(sender, instance, update_fields=None, **_signal):
    """Before a record (or track) is saved, note which of its fields differ from the database."""
    if instance._state.adding or instance.pk is None:
        instance._fields_changed = None  # a new record: everything changed
        return
    fields = (
        [sender._meta.get_field(name) for name in update_fields]
        if update_fields
        else [f for f in sender._meta.concrete_fields if not f.generated]
    )
    # Compared by column (label_id, not the Label), reported by field name.
    before = (
        sender._base_manager.filter(pk=instance.pk).values(*(f.attname for f in fields)).first()
    )
    if before is None:
        instance._fields_changed = None
        return
    instance._fields_changed = {
        f.name for f in fields if before[f.attname] != getattr(instance, f.attname)
    }


def _release_saved(sender, instance, **_signal):
    fields = getattr(instance, "_fields_changed", None)
    families = [release_family(instance.pk)]
    if fields is None or fields - RECORD_ONLY_FIELDS:
        families.append(CATALOGUE)
    if fields is None or fields & PRICE_FIELDS:
        families.append(PRICES)
    if fields is None or "stock" in fields:
        families.append(STOCK)
    changed(*families)


def _release_deleted(sender, instance, **_signal):
    changed(release_family(instance.pk), *LISTINGS)


def _track_saved(sender, instance, **_signal):
    fields = getattr(instance, "_fields_changed", None)
    if fields is not None and fields <= CLIP_FIELDS:
        changed(release_family(instance.release_id))
    else:
        changed(CATALOGUE)


def _part_of_record_changed(sender, instance, **_signal):
    """A cover, translation or question shows on one record's page and cards only."""
    pk = instance.parent_id if isinstance(instance, Translation) else instance.release_id
    changed(release_family(pk))


def connect_signals():
    from .models import (
        Artist,
        ArtistTranslation,
        Collection,
        CollectionTranslation,
        CompanyCredit,
        CoverImage,
        Credit,
        Genre,
        GenreTranslation,
        Label,
        Question,
        Release,
        ReleaseArtist,
        ReleaseTranslation,
        Role,
        RoleTranslation,
        StaffPick,
        StaffPickTranslation,
        Track,
    )

    pre_save.connect(_remember_changed_fields, sender=Release, dispatch_uid="fresh-release-diff")
    post_save.connect(_release_saved, sender=Release, dispatch_uid="fresh-release")
    post_delete.connect(_release_deleted, sender=Release, dispatch_uid="gone-release")
    for model in (CoverImage, ReleaseTranslation, Question):
        uid = model.__name__
        post_save.connect(_part_of_record_changed, sender=model, dispatch_uid=f"fresh-{uid}")
        post_delete.connect(_part_of_record_changed, sender=model, dispatch_uid=f"gone-{uid}")
    # Names, credits and tracks: shown on lists, counted in facets, found by search.
    structural = (
        ReleaseArtist,
        Artist,
        ArtistTranslation,
        Label,
        Genre,
        GenreTranslation,
        Collection,
        CollectionTranslation,
        Credit,
        CompanyCredit,
        Role,
        RoleTranslation,
    )
    for model in structural:
        uid = model.__name__
        post_save.connect(catalogue_changed, sender=model, dispatch_uid=f"fresh-{uid}")
        post_delete.connect(catalogue_changed, sender=model, dispatch_uid=f"gone-{uid}")
    # Tracks are found by search, except their clips, which only their record's page plays.
    pre_save.connect(_remember_changed_fields, sender=Track, dispatch_uid="fresh-track-diff")
    post_save.connect(_track_saved, sender=Track, dispatch_uid="fresh-Track")
    post_delete.connect(catalogue_changed, sender=Track, dispatch_uid="gone-Track")
    m2m_changed.connect(
        catalogue_changed, sender=Release.genres.through, dispatch_uid="fresh-genres"
    )
    # Staff picks show on the home page only: the lists and the index keep their version.
    for model in (StaffPick, StaffPickTranslation):
        uid = model.__name__
        post_save.connect(home_changed, sender=model, dispatch_uid=f"fresh-{uid}")
        post_delete.connect(home_changed, sender=model, dispatch_uid=f"gone-{uid}")
    # A genre's name, in any language: the cached table of names is read afresh.
    for model in (Genre, GenreTranslation):
        uid = model.__name__
        post_save.connect(genre_names_changed, sender=model, dispatch_uid=f"names-{uid}")
        post_delete.connect(genre_names_changed, sender=model, dispatch_uid=f"names-gone-{uid}")
