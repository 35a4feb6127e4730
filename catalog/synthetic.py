"""A large synthetic catalogue for benchmarks: deterministic, bulk-inserted, never demo data.

Every generated row is marked (slugs start with "gen-"), so it can be removed again.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from . import stock
from .models import (
    Artist,
    Collection,
    Credit,
    Format,
    Genre,
    Label,
    Release,
    ReleaseArtist,
    Role,
    Track,
)
from .search import compact, normalize

PREFIX = "gen-"
BATCH = 5000
WORDS = (
    "blue night train soul moon river song street city fire dream rain smoke velvet gold "
    "midnight sunday morning autumn winter summer spring harlem paris tokyo lagoon mirror "
    "shadow silver echo quiet loud sweet bitter cool hot modal bop groove swing ballad "
    "voyage island garden window door road bridge harbour tower lantern candle ember"
).split()
FIRST = "Art Bill Cecil Dizzy Ella Freddie Grant Horace Ike June Kenny Lou Max Nina Ornette".split()
LAST = "Adams Brown Carter Davis Evans Foster Green Hill Jones King Lewis Moore Nash Owens".split()
ROLES = ["Trumpet", "Tenor Saxophone", "Piano", "Bass", "Drums", "Guitar", "Vocals", "Organ"]
COUNTRIES = "US GB IT FR DE JP NL UA SE ES".split()
FORMATS = [
    Format.LP,
    Format.LP,
    Format.LP,
    Format.DOUBLE_LP,
    Format.SEVEN_INCH,
    Format.TWELVE_INCH,
    Format.CD,
]


def remove_synthetic():
    """Delete every generated row."""
    with transaction.atomic():
        Release.objects.filter(slug__startswith=PREFIX).delete()
        Artist.objects.filter(slug__startswith=PREFIX).delete()
        Label.objects.filter(slug__startswith=PREFIX).delete()
        Collection.objects.filter(slug__startswith=PREFIX).delete()
        Genre.objects.filter(slug__startswith=PREFIX, parent__isnull=False).delete()
        Genre.objects.filter(slug__startswith=PREFIX).delete()


def generate(*, releases=100_000, seed=1, tracks_per_release=7, credits_per_release=3, log=print):
    """Insert `releases` published releases with their tracks, credits and genres."""
    rng = random.Random(seed)
    labels = _bulk(
        Label, [Label(name=f"{_title(rng)} Records", slug=f"{PREFIX}label-{n}") for n in range(500)]
    )
    artists = _bulk(
        Artist,
        [
            Artist(
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
                sort_name="",
                slug=f"{PREFIX}artist-{n}",
            )
            for n in range(20_000)
        ],
    )
    collections = _bulk(
        Collection,
        [Collection(name=f"{_title(rng)} Series", slug=f"{PREFIX}series-{n}") for n in range(50)],
    )
    genres, styles = _genres()
    roles = [Role.objects.get_or_create(name=name)[0] for name in ROLES]
    log(f"{len(labels)} labels, {len(artists)} artists, {len(collections)} collections")
    for start in range(0, releases, BATCH):
        count = min(BATCH, releases - start)
        with transaction.atomic():
            _release_batch(
                rng,
                start,
                count,
                labels,
                artists,
                collections,
                genres,
                styles,
                roles,
                tracks_per_release,
                credits_per_release,
            )
        log(f"{start + count} releases")


def _bulk(model, objects):
    """Insert generated rows; returns their (pk, name) pairs."""
    model.objects.bulk_create(objects, batch_size=BATCH)
    generated = model.objects.filter(slug__startswith=PREFIX).order_by("pk")
    return list(generated.values_list("pk", "name"))


def _genres():
    parents = []
    children = {}
    for n, name in enumerate(["Jazz", "Funk / Soul", "Blues", "Latin", "Electronic", "Rock"]):
        genre, _ = Genre.objects.get_or_create(slug=f"{PREFIX}genre-{n}", defaults={"name": name})
        parents.append(genre)
        children[genre.pk] = [
            Genre.objects.get_or_create(
                slug=f"{PREFIX}style-{n}-{m}",
                defaults={"name": f"{name} Style {m}", "parent": genre},
            )[0]
            for m in range(5)
        ]
    return parents, children


def _title(rng):
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(1, 3)))


def _release_batch(
    rng, start, count, labels, artists, collections, genres, styles, roles, tracks_per, credits_per
):
    rows, plan = [], []
    for n in range(start, start + count):
        label_id, label_name = rng.choice(labels)
        title = _title(rng)
        main = rng.sample(artists, rng.choice([1, 1, 1, 2]))
        track_titles = [_title(rng) for _ in range(tracks_per)]
        personnel = rng.sample(artists, credits_per)
        catalogue_number = f"{label_name[:3].upper()} {10000 + n}"
        year = rng.randint(1950, 2024)
        release = Release(
            title=title,
            slug=f"{PREFIX}{n}",
            label_id=label_id,
            catalogue_number=catalogue_number,
            format=rng.choice(FORMATS),
            format_descriptions=["album", "reissue"],
            country=rng.choice(COUNTRIES),
            released=datetime.date(rng.randint(2000, 2025), rng.randint(1, 12), 1),
            released_precision="month",
            original_year=year,
            collection_id=rng.choice(collections)[0] if rng.random() < 0.2 else None,
            price=Decimal(rng.randint(1500, 4500)) / 100,
            stock=rng.choice([0, 1, 2, 5, 10, 20]),
            published=True,
            description="",
        )
        release.search_headline = f" {normalize(' '.join([title, *[a[1] for a in main]]))} "
        release.search_text = (
            " "
            + normalize(
                " ".join(
                    [
                        title,
                        *[a[1] for a in main],
                        label_name,
                        catalogue_number,
                        compact(catalogue_number),
                        *track_titles,
                        *[a[1] for a in personnel],
                    ]
                )
            )
            + " "
        )
        rows.append(release)
        genre = rng.choice(genres)
        plan.append((main, track_titles, personnel, genre, rng.choice(styles[genre.pk])))
    Release.objects.bulk_create(rows, batch_size=BATCH)
    ids = dict(Release.objects.filter(slug__in=[r.slug for r in rows]).values_list("slug", "pk"))
    stock.record_opening((ids[release.slug], release.stock) for release in rows)
    _children(rng, rows, ids, plan, roles)


def _children(rng, rows, ids, plan, roles):
    release_artists, tracks, credits, links = [], [], [], []
    through = Release.genres.through
    for release, (main, track_titles, personnel, genre, style) in zip(rows, plan, strict=True):
        pk = ids[release.slug]
        release_artists += [
            ReleaseArtist(release_id=pk, artist_id=a[0], position=i) for i, a in enumerate(main)
        ]
        half = (len(track_titles) + 1) // 2
        tracks += [
            Track(
                release_id=pk,
                side="A" if i < half else "B",
                position=(i if i < half else i - half) + 1,
                title=t,
            )
            for i, t in enumerate(track_titles)
        ]
        credits += [
            Credit(release_id=pk, artist_id=a[0], role=rng.choice(roles), position=i)
            for i, a in enumerate(personnel)
        ]
        links += [
            through(release_id=pk, genre_id=genre.pk),
            through(release_id=pk, genre_id=style.pk),
        ]
    ReleaseArtist.objects.bulk_create(release_artists, batch_size=BATCH)
    Track.objects.bulk_create(tracks, batch_size=BATCH)
    Credit.objects.bulk_create(credits, batch_size=BATCH)
    through.objects.bulk_create(links, batch_size=BATCH)
