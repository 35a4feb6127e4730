"""Loads the demo catalogue into the database. Safe to run again: it updates in place."""

import datetime
import hashlib
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify

from catalog import stock
from catalog.clips import clip_duration
from catalog.images import make_renditions
from catalog.models import (
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
    Release,
    ReleaseArtist,
    ReleaseTranslation,
    Role,
    RoleTranslation,
    Track,
    tracks_by_side,
)
from catalog.search_index import refresh_search_text
from shop.models import Currency, DefaultCurrency

from . import catalogue, shelves, tones, ukrainian
from .covers import draw_cover
from .photos import draw_back, draw_vinyl

UKRAINIAN = "uk"
DEFAULT_CURRENCIES = {"en": "GBP", "uk": "UAH"}


@transaction.atomic
def load_demo_catalogue() -> int:
    """Create or update every demo record; returns how many releases were loaded."""
    labels = {slug: _label(slug, name) for slug, name in catalogue.LABELS.items()}
    genres = _genres()
    roles = {name: _role(name, name_uk) for name, name_uk in catalogue.ROLES.items()}
    artists = {slug: _artist(slug, fields) for slug, fields in catalogue.ARTISTS.items()}
    collections = {slug: _collection(slug, f) for slug, f in catalogue.COLLECTIONS.items()}
    loaded = []
    for data in catalogue.RELEASES:
        release = _release(data, labels=labels, genres=genres, collections=collections)
        _artists_of(release, [artists[slug] for slug in data["artists"]])
        _tracks_of(release, data["tracks"])
        _credits_of(release, [(artists[slug], roles[role]) for slug, role in data["credits"]])
        _companies_of(release, data.get("companies", []))
        _cover_of(release)
        loaded.append(release.pk)
    refresh_search_text(loaded)
    shelves.load_home_shelves()
    _default_currencies()
    return len(loaded)


def _default_currencies():
    """Each language's default currency, unless staff have chosen one already:
    hryvnias on Ukrainian pages and pounds on English for shoppers who choose none."""
    offered = set(Currency.objects.active().values_list("code", flat=True))
    for language, code in DEFAULT_CURRENCIES.items():
        if code in offered:
            DefaultCurrency.objects.get_or_create(language=language, defaults={"currency_id": code})


def _translate(model, parent, **fields):
    """Set the Ukrainian translation row, or remove it when the text is empty."""
    if any(fields.values()):
        model.objects.update_or_create(parent=parent, language=UKRAINIAN, defaults=fields)
    else:
        model.objects.filter(parent=parent, language=UKRAINIAN).delete()


def _label(slug, name):
    label, _created = Label.objects.update_or_create(slug=slug, defaults={"name": name})
    return label


def _genres():
    genres = {}
    # Top-level genres first, so that styles can point at them.
    for slug, (name, name_uk, parent) in sorted(
        catalogue.GENRES.items(), key=lambda item: item[1][2] is not None
    ):
        genre, _created = Genre.objects.update_or_create(
            slug=slug, defaults={"name": name, "parent": genres.get(parent)}
        )
        _translate(GenreTranslation, genre, name=name_uk)
        genres[slug] = genre
    return genres


def _role(name, name_uk):
    role, _created = Role.objects.get_or_create(name=name)
    _translate(RoleTranslation, role, name=name_uk)
    return role


def _artist(slug, fields):
    artist, _created = Artist.objects.update_or_create(
        slug=slug,
        defaults={
            "name": fields["name"],
            "sort_name": fields.get("sort_name", ""),
            "biography": fields.get("biography", ""),
        },
    )
    _translate(
        ArtistTranslation,
        artist,
        name=ukrainian.ARTIST_NAMES.get(slug, ""),
        biography=fields.get("biography_uk", ""),
    )
    return artist


def _collection(slug, fields):
    collection, _created = Collection.objects.update_or_create(
        slug=slug, defaults={"name": fields["name"], "description": fields.get("description", "")}
    )
    _translate(CollectionTranslation, collection, description=fields.get("description_uk", ""))
    return collection


def _release(data, *, labels, genres, collections):
    released = data.get("released")
    fields = {
        "title": data["title"],
        "label": labels[data["label"]],
        "catalogue_number": data.get("catalogue_number", ""),
        "format": data["format"],
        "format_descriptions": data.get("format_descriptions", []),
        "colour": data.get("colour", ""),
        "country": data.get("country", ""),
        "released": datetime.date.fromisoformat(released) if released else None,
        "released_precision": data.get("released_precision", "day"),
        "original_label": labels.get(data.get("original_label")),
        "original_year": data.get("original_year"),
        "collection": collections.get(data.get("collection")),
        "collection_position": data.get("collection_position"),
        "barcode": data.get("barcode", ""),
        "notes": data.get("notes", ""),
        "description": data.get("description", ""),
        "price": Decimal(data["price"]),
        "published": True,
    }
    release, created = Release.objects.update_or_create(
        slug=data["slug"], defaults=fields, create_defaults=fields | {"stock": data["stock"]}
    )
    _stock_of(release, data["stock"], created=created)
    release.genres.set([genres[slug] for slug in data.get("genres", [])])
    _translate(
        ReleaseTranslation,
        release,
        description=data.get("description_uk", ""),
        colour=ukrainian.COLOURS.get(data.get("colour", ""), ""),
        notes=ukrainian.NOTES.get(data["slug"], ""),
    )
    return release


def _stock_of(release, copies, *, created):
    """A new release opens its stock ledger; on a re-run, stock goes back to the demo figure."""
    if created:
        stock.record_opening([(release.pk, copies)])
    elif release.stock != copies:
        stock.adjust(release_id=release.pk, change=copies - release.stock)
        release.refresh_from_db(fields=["stock"])


def _artists_of(release, artists):
    release.release_artists.all().delete()
    ReleaseArtist.objects.bulk_create(
        ReleaseArtist(release=release, artist=artist, position=n)
        for n, artist in enumerate(artists)
    )


def _tracks_of(release, sides):
    release.tracks.all().delete()
    tracks = [
        _track(release, side, position, entry)
        for side, entries in sides.items()
        for position, entry in enumerate(entries, start=1)
    ]
    if release.slug in catalogue.WITH_CLIPS:
        for track in tracks:
            _clip_of(track)
    Track.objects.bulk_create(tracks)


def _clip_of(track):
    """A synthetic tone clip (catalog.demo.tones), written once under a name of its own."""
    seed = f"{tones.VERSION} {track.release.slug} {track.code}"
    digest = hashlib.sha256(seed.encode()).hexdigest()[:8]
    name = f"clips/{slugify(f'{track.release.slug} {track.code}')}-{digest}.wav"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(tones.arpeggio_wav(seed)))
    track.clip.name = name
    with default_storage.open(name) as clip:
        track.clip_duration = clip_duration(clip)


def _track(release, side, position, entry):
    title, duration = (entry, None) if isinstance(entry, str) else entry
    if duration:
        minutes, seconds = duration.split(":")
        duration = datetime.timedelta(minutes=int(minutes), seconds=int(seconds))
    return Track(release=release, side=side, position=position, title=title, duration=duration)


def _credits_of(release, credits):
    release.credits.all().delete()
    Credit.objects.bulk_create(
        Credit(release=release, artist=artist, role=role, position=n)
        for n, (artist, role) in enumerate(credits)
    )


def _companies_of(release, companies):
    release.company_credits.all().delete()
    CompanyCredit.objects.bulk_create(
        CompanyCredit(release=release, role=role, name=name, position=n)
        for n, (role, name) in enumerate(companies)
    )


def _cover_of(release):
    """Draw a sleeve, its back and the vinyl for a release that has no image yet."""
    if release.images.exists():
        return
    sides = [
        (side or "CD", [track.title for track in tracks])
        for side, tracks in tracks_by_side(release.tracks.order_by("side", "position"))
    ]
    pictures = [
        draw_cover(slug=release.slug, artist=release.artist_line, title=release.title),
        draw_back(artist=release.artist_line, title=release.title, sides=sides),
    ]
    if release.is_vinyl:
        pictures.append(draw_vinyl(title=release.title, colour=release.colour))
    # No descriptions: one would be in English on Ukrainian pages too, and the
    # gallery names each photo in the shopper's language without one.
    for position, artwork in enumerate(pictures):
        image = CoverImage(release=release, alt_text="", position=position)
        image.image.save(f"{release.slug}.jpg", ContentFile(artwork), save=True)
        make_renditions(image)
