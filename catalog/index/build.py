"""Building the index's parts from the database, with plain ORM queries (PostgreSQL or SQLite).

Records are numbered 0..N-1 in the order of the "newest" sort, so a bitmap of
record numbers lists its records newest first, and numbers map back to primary
keys through one array. Orders that depend on the database's collation (titles,
artist names) and the order of names used to break ties between facet values
are read from the database, so they come out exactly as its ORDER BY would.
"""

from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from pyroaring import BitMap

from ..models import Artist, Collection, Genre, Label, Release, ReleaseArtist
from .columns import NEWEST, ORDERINGS, with_artist_sort, with_year
from .values import ValueSets
from .words import Texts, WordIndexBuilder

CHUNK = 2000


class Stale(Exception):
    """The published records changed during a build: the part would not fit the others."""


@dataclass
class Catalogue:
    """What the CATALOGUE version covers: the published records, their facet values,
    their title and artist orders and their search text."""

    pks: array  # record number -> primary key, newest first
    genres: ValueSets
    styles: ValueSets
    formats: ValueSets
    labels: ValueSets
    artists: ValueSets
    decades: ValueSets
    countries: ValueSets
    collections: ValueSets
    orders: dict  # sort -> (record numbers in that order, each record's place in it)
    text: object  # words.WordIndex over search_text
    headline: object  # words.WordIndex over search_headline (title and artists)
    texts: Texts


@dataclass
class Prices:
    """What the PRICES version covers: each record's current price, in pence."""

    pence: array
    orders: dict  # "price" and "-price", as in Catalogue.orders
    ascending_pence: array  # pence along orders["price"], for bisection


@dataclass
class Stock:
    """What the STOCK version covers: the records with copies for sale."""

    in_stock: BitMap


def build_catalogue() -> Catalogue:
    rows = _Rows().read()
    numbers = {pk: number for number, pk in enumerate(rows.pks)}
    total, columns = len(rows.pks), rows.columns
    genres, styles = _genres(numbers)
    artists = _named_values(_linked(Artist, "release_credits__release"), _artists(numbers), total)
    return Catalogue(
        pks=rows.pks,
        genres=genres,
        styles=styles,
        formats=_plain_values(columns["format"], total),
        labels=_named_values(_linked(Label, "releases"), columns["label_id"], total),
        artists=artists,
        decades=_plain_values(_decades(columns["year"]), total),
        countries=_plain_values(columns["country"], total),
        collections=_named_values(_linked(Collection, "releases"), columns["collection_id"], total),
        orders={sort: _order(sort, numbers) for sort in ("title", "artist")},
        text=rows.text.finish(),
        headline=rows.headline.finish(),
        texts=Texts.build(rows.texts),
    )


class _Rows:
    """One pass over the published records, newest first, collecting what each one has."""

    COLUMNS = ("format", "label_id", "country", "collection_id", "year")

    def __init__(self):
        self.pks = array("q")
        self.columns = {name: defaultdict(partial(array, "I")) for name in self.COLUMNS}
        self.text, self.headline, self.texts = WordIndexBuilder(), WordIndexBuilder(), []

    def read(self):
        rows = with_year(Release.objects.published()).order_by(*NEWEST)
        rows = rows.values_list("pk", *self.COLUMNS, "search_text", "search_headline")
        for number, (pk, *values, text, headline) in enumerate(rows.iterator(chunk_size=CHUNK)):
            self.pks.append(pk)
            for column, value in zip(self.columns.values(), values, strict=True):
                column[value].append(number)
            self.text.add(number, text)
            self.headline.add(number, headline)
            self.texts.append(text)
        return self


def _linked(model, link):
    """The model's rows that some published record links to."""
    return model.objects.filter(**{f"{link}__published": True}).distinct()


def build_prices(catalogue: Catalogue) -> Prices:
    rows = Release.objects.published().order_by(*NEWEST).values_list("pk", "current_price")
    pence = array("q")
    _check_records(catalogue, rows, lambda price: pence.append(int(price * 100)))
    pks = catalogue.pks
    ascending = sorted(range(len(pks)), key=lambda n: (pence[n], pks[n]))
    descending = sorted(range(len(pks)), key=lambda n: (-pence[n], pks[n]))
    return Prices(
        pence=pence,
        orders={"price": _with_places(ascending), "-price": _with_places(descending)},
        ascending_pence=array("q", (pence[n] for n in ascending)),
    )


def build_stock(catalogue: Catalogue) -> Stock:
    rows = Release.objects.published().order_by(*NEWEST).values_list("pk", "stock")
    stock = array("q")
    _check_records(catalogue, rows, stock.append)
    return Stock(in_stock=BitMap(n for n, copies in enumerate(stock) if copies > 0))


def _check_records(catalogue, rows, keep):
    """Feed each row's value to `keep`, in record order; Stale if the records differ."""
    pks = array("q")
    for pk, value in rows.iterator(chunk_size=CHUNK):
        pks.append(pk)
        keep(value)
    if pks != catalogue.pks:
        raise Stale


def _genres(numbers):
    through = Release.genres.through.objects.filter(release__published=True)
    records = defaultdict(BitMap)
    rows = through.values_list("release_id", "genre_id").iterator(chunk_size=CHUNK)
    for release_id, genre_id in rows:
        if (number := numbers.get(release_id)) is not None:  # else published since
            records[genre_id].add(number)
    genres, styles = [], []
    for tie, (pk, slug, name, parent) in enumerate(
        Genre.objects.order_by("name", "pk").values_list("pk", "slug", "name", "parent_id")
    ):
        (styles if parent else genres).append((slug, name, tie, records.get(pk, BitMap())))
    return ValueSets(genres, records=len(numbers)), ValueSets(styles, records=len(numbers))


def _artists(numbers):
    links = ReleaseArtist.objects.filter(release__published=True)
    records = defaultdict(partial(array, "I"))
    rows = links.values_list("release_id", "artist_id").iterator(chunk_size=CHUNK)
    for release_id, artist_id in rows:
        if (number := numbers.get(release_id)) is not None:  # else published since
            records[artist_id].append(number)
    return records


def _named_values(named, records, total):
    """Values keyed by slug, labelled by name, ties broken in the database's name order."""
    rows = named.order_by("name", "pk").values_list("pk", "slug", "name")
    entries = (
        (slug, name, tie, BitMap(records[pk]))
        for tie, (pk, slug, name) in enumerate(rows)
        if pk in records
    )
    return ValueSets(entries, records=total)


def _plain_values(records, total):
    """Values shown as they are (formats, countries, decades): ties broken by value."""
    keys = sorted(key for key in records if key not in (None, ""))
    entries = ((key, key, tie, BitMap(records[key])) for tie, key in enumerate(keys))
    return ValueSets(entries, records=total)


def _decades(years):
    decades = defaultdict(partial(array, "I"))
    for year, numbers in years.items():
        if year is not None:
            decades[year // 10 * 10].extend(numbers)
    return decades


def _order(sort, numbers):
    releases = Release.objects.published()
    if sort == "artist":
        releases = with_artist_sort(releases)
    rows = releases.order_by(*ORDERINGS[sort]).values_list("pk", flat=True)
    order = [numbers.get(pk) for pk in rows.iterator(chunk_size=CHUNK)]
    if len(order) != len(numbers) or None in order:
        raise Stale
    return _with_places(order)


def _with_places(order):
    """(order, places): record numbers in order, and each record's place in it."""
    places = array("I", bytes(4 * len(order)))
    for place, number in enumerate(order):
        places[number] = place
    return array("I", order), places
