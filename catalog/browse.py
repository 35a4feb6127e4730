"""Browsing the catalogue: filters from the query string, facet counts, sorting.

Every state is a plain query string (?genre=jazz&decade=1950&sort=price), so any
page can be shared and works without JavaScript. Each facet counts its values
under all the *other* filters, so a shopper sees what each choice would give.

Results, totals and facet counts come from the in-memory index (catalog.index),
which answers any state in milliseconds. While the index is being built or
rebuilt after a change, the same answers come from SQL, and facet counts and
totals from SQL are cached per state.

In every order, records with nothing for sale come after those a shopper can buy.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils.translation import get_language, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from shop.cache_keys import cache_key
from shop.formatting import format_money
from shop.parsing import clean_text, parse_amount, parse_whole

from .freshness import listing_versions
from .genres import genre_names_by_slug, localized_genres
from .index import Releases, Selection, current_index
from .index.columns import ORDERINGS, with_artist_sort, with_year
from .models import Format, Genre, Release, ReleaseArtist
from .models.queries import sold_out
from .search import query_words, search

FACET_LIMIT = 12
FACET_LABELS = {
    "genre": _("Genre"),
    "style": _("Style"),
    "format": _("Format"),
    "label": _("Label"),
    "artist": _("Artist"),
    "decade": _("Decade"),
    "country": _("Country"),
    "collection": pgettext_lazy("series", "Collection"),
    "price": _("Price"),
    "stock": _("Availability"),
}
# "Show all" lists a facet's values up to this many: every artist of a large shop would
# be a page of its own, and nobody scrolls past a few hundred names.
FACET_ALL_LIMIT = 300
# Facets with a "Show all" link, and its words; decades and prices are few by nature.
SHOW_ALL = {
    "genre": _("Show all genres"),
    "style": _("Show all styles"),
    "format": _("Show all formats"),
    "label": _("Show all labels"),
    "artist": _("Show all artists"),
    "country": _("Show all countries"),
    "collection": _("Show all collections"),
}
EXPANDABLE_FACETS = tuple(SHOW_ALL)
FACET_CACHE_SECONDS = 300
PRICE_EDGES = [Decimal(0), Decimal(20), Decimal(25), Decimal(30), Decimal(40)]  # pounds

SORT_LABELS = {
    "newest": _("Newest"),
    "price": _("Price: low to high"),
    "-price": _("Price: high to low"),
    "title": _("Title"),
    "artist": _("Artist"),
}
SORTS = {key: (label, ORDERINGS[key]) for key, label in SORT_LABELS.items()}
RELEVANCE = "relevance"


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    values: list = field(default_factory=list)
    more_url: str = ""  # "Show all", when values were left off
    more_label: str = ""
    fewer_url: str = ""  # "Show fewer", when all are shown

    @property
    def selected(self):
        return next((v for v in self.values if v.selected), None)

    def narrows(self, total):
        """Whether choosing a value could change the results: a facet whose one value
        holds every record (one label, one country) only takes room."""
        if len(self.values) != 1:
            return bool(self.values)
        only = self.values[0]
        return only.selected or only.count < total


class CatalogQuery:
    """A browse or search request, parsed leniently: unknown values are ignored."""

    FILTERS = [
        "genre",
        "style",
        "format",
        "label",
        "artist",
        "decade",
        "country",
        "collection",
        "price",
        "stock",
    ]

    def __init__(self, params, *, rate, query=None):
        self.params = params
        self.rate = rate
        self.searching = query is not None
        self.query = query or ""
        self.filters = {
            name: value for name in self.FILTERS if (value := _clean(params.get(name, "")))
        }
        # Each filter's value as it is compared; a value that cannot be read filters nothing.
        self.constraints = {
            name: constraint
            for name, value in self.filters.items()
            if (constraint := self._constraint(name, value)) is not None
        }
        default = RELEVANCE if self.searching else "newest"
        self.sort = params.get("sort", default)
        if self.sort not in SORTS and not (self.searching and self.sort == RELEVANCE):
            self.sort = default
        # The one facet whose values are all shown ("Show all"), if any.
        more = params.get("more", "")
        self.expanded = more if more in EXPANDABLE_FACETS else None

    @property
    def active_filter_count(self):
        """For the phone's "Filters (2)" button."""
        return len(self.filters)

    def _constraint(self, name, value):
        match name:
            case "country":
                return value.upper()
            case "decade":
                decade = parse_whole(value, low=1000, high=2990)
                return decade if decade is not None and decade % 10 == 0 else None
            case "price":
                return self._price_range(value)
            case "stock":
                return True if value == "1" else None
        return value

    def _price_range(self, value):
        """ "20-25" or "30-" in the shopper's currency -> (low, high or None) in base currency."""
        low_text, _dash, high_text = value.partition("-")
        low, high = parse_amount(low_text), parse_amount(high_text)
        if low is None or (high_text and high is None):
            return None
        return self._to_base(low), None if high is None else self._to_base(high)

    def _to_base(self, amount):
        return amount / self.rate.rate

    # Answers: from the index when it is to hand, else from SQL.

    def results(self):
        """The matching records in this state's order, for a Paginator."""
        if self.selection is None:
            return self._sql_results()
        return Releases(self.selection, self.sort)

    def total(self):
        """How many records match."""
        if self.selection is None:
            return self._cached("total", lambda: self.filtered().count())
        return len(self.selection.matching)

    def facets(self):
        """The facets worth showing, each with its values and their counts."""
        if self.selection is None:
            facets = self._cached("facets", lambda: self._count_facets(_SqlCounts(self)))
        else:
            facets = self._count_facets(self.selection)
        total = self.total()
        return [facet for facet in facets if facet.narrows(total)]

    def removals(self, facets):
        """Each chosen filter as (facet, value as shown, query string without it): the
        ways out of an empty result."""
        shown = {facet.name: facet.selected for facet in facets}
        return [
            (
                FACET_LABELS[name],
                chosen.label if (chosen := shown.get(name)) else self._label_of(name, value),
                self.url(**{name: None}),
            )
            for name, value in self.filters.items()
        ]

    def _label_of(self, name, value):
        """A chosen value's name, as its facet would show it, when the facet lists it not."""
        match name:
            case "genre" | "style":
                return genre_names_by_slug(get_language()).get(value, value)
            case "format":
                return dict(Format.choices).get(value, value)
            case "country":
                return dict(countries).get(value.upper(), value)
            case "decade":
                return _decade(value)
            case "price":
                return self._price_buckets().get(value, (None, None, value))[2]
            case "stock":
                return str(_("In stock only"))
        if self.selection is not None:
            values = self.selection.index.values(name)
            n = values.by_key.get(value)
            return values.labels[n] if n is not None else value
        return value

    def narrower_searches(self, limit=4):
        """For a search that found nothing: each of its words that finds records alone,
        as (word, query string, count)."""
        words = query_words(self.query) if self.searching else []
        if len(words) < 2:
            return []
        found = []
        for word in words[:limit]:
            alone = CatalogQuery({}, rate=self.rate, query=word)
            if count := alone.total():
                found.append((word, alone.url(), count))
        return found

    @cached_property
    def selection(self):
        """This state over the index, or None while the index is being (re)built."""
        index = current_index(self.listing_versions)
        if index is None:
            return None
        words = query_words(self.query) if self.searching else None
        return Selection(index, constraints=self.constraints, words=words)

    @cached_property
    def listing_versions(self):
        """Read once per request: the index, facets and totals share them."""
        return listing_versions()

    # SQL.

    def base(self):
        releases = with_year(Release.objects.published())
        return search(releases, self.query) if self.searching else releases

    def filtered(self, *, skip=None):
        releases = self.base()
        for name, constraint in self.constraints.items():
            if name != skip:
                releases = self._apply(releases, name, constraint)
        return releases

    def _sql_results(self):
        """Records with copies for sale come first in every sort; a search keeps its best
        matches first, each rank with its sold-out records last (as the index does)."""
        releases = self.filtered().with_listing_data()
        if self.sort == RELEVANCE:
            return releases.order_by("search_rank", sold_out(), "-created", "-pk")
        if self.sort == "artist":
            releases = with_artist_sort(releases)
        return releases.sold_out_last(*SORTS[self.sort][1])

    def _apply(self, releases, name, constraint):
        match name:
            case "genre" | "style":
                return releases.filter(genres__slug=constraint)
            case "format":
                return releases.filter(format=constraint)
            case "label":
                return releases.filter(label__slug=constraint)
            case "artist":
                return releases.filter(release_artists__artist__slug=constraint)
            case "collection":
                return releases.filter(collection__slug=constraint)
            case "country":
                return releases.filter(country=constraint)
            case "decade":
                return releases.filter(year__gte=constraint, year__lt=constraint + 10)
            case "price":
                return releases.filter(_price_q(*constraint))
            case "stock":
                return releases.filter(stock__gt=0)
        return releases

    def cache_key(self, kind):
        """Everything facets and totals depend on; the sort and the page do not change them."""
        return cache_key(
            f"catalog:{kind}",
            mode="search" if self.searching else "browse",
            query=self.query,
            filters=self.filters,
            expanded=self.expanded,
            language=get_language(),
            currency=self.rate.code,
            rate=self.rate.rate,
            versions=self.listing_versions,
        )

    def _cached(self, kind, compute):
        """Counting 100,000 records in SQL costs hundreds of milliseconds: counts are cached
        per state, under the versions of what lists are made of (catalog.freshness.LISTINGS),
        so a change to the catalogue, a price or what is in stock is counted at once; the
        timeout only bounds memory."""
        key = self.cache_key(kind)
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, FACET_CACHE_SECONDS)
        return value

    # Facets, from counts by the index (Selection) or by SQL (_SqlCounts).

    def _count_facets(self, counts):
        formats, names = dict(Format.choices), dict(countries)

        def top(name, labels=None):
            # One more than is shown tells whether to offer "Show all".
            limit = FACET_ALL_LIMIT if name == self.expanded else FACET_LIMIT + 1
            rows = counts.top(name, limit)
            return _named(rows, labels) if labels is not None else rows

        return [
            self._facet("genre", localized_genres(top("genre"), get_language())),
            self._facet("style", localized_genres(top("style"), get_language())),
            self._facet("format", top("format", formats)),
            self._facet("label", top("label")),
            self._facet("artist", top("artist")),
            self._facet("decade", [(str(d), _decade(d), n) for d, n in counts.decades()]),
            self._facet("country", top("country", names)),
            self._facet("collection", top("collection")),
            self._price_facet(counts),
            self._facet("stock", [("1", str(_("In stock only")), counts.in_stock())]),
        ]

    def _price_facet(self, counts):
        buckets = self._price_buckets()
        bands = [
            (self._to_base(low), None if high is None else self._to_base(high))
            for low, high, _text in buckets.values()
        ]
        values = [
            (key, text, count)
            for (key, (_low, _high, text)), count in zip(
                buckets.items(), counts.price_counts(bands), strict=True
            )
            if count
        ]
        return self._facet("price", values)

    def _price_buckets(self):
        """Round-number price bands in the shopper's currency, keyed "low-high"."""
        # Band edges are bounds, not prices: exchanged, not rounded by the price rule.
        edges = sorted({_round_nicely(self.rate.exchange(edge)) for edge in PRICE_EDGES})
        buckets = {}
        for low, high in zip(edges, [*edges[1:], None], strict=True):
            key = f"{low}-{high or ''}"
            if high is None:
                text = _("%(amount)s and more") % {"amount": format_money(low, self.rate.code)}
            else:
                text = f"{format_money(low, self.rate.code)} – {format_money(high, self.rate.code)}"
            buckets[key] = (low, high, text)
        return buckets

    def _facet(self, name, rows):
        selected = self.filters.get(name, "")
        facet = Facet(name=name, label=FACET_LABELS[name])
        if name == self.expanded:
            facet.fewer_url = self.url(more=None)
        elif name in EXPANDABLE_FACETS and len(rows) > FACET_LIMIT:
            rows = rows[:FACET_LIMIT]
            facet.more_url = self.url(more=name)
            facet.more_label = SHOW_ALL[name]
        for value, text, count in rows:
            value = str(value)
            chosen = value.lower() == selected.lower()
            facet.values.append(
                FacetValue(
                    value, text, count, chosen, self.url(**{name: None if chosen else value})
                )
            )
        return facet

    @property
    def genre_heading(self):
        """The chosen style's or genre's name in the page's language ("Кул-джаз"), for the
        heading and title of a list filtered by it; None for other lists."""
        names = genre_names_by_slug(get_language())
        chosen = (names.get(self.filters.get(name)) for name in ("style", "genre"))
        return next((name for name in chosen if name), None)

    def url(self, **changes):
        """This state's query string with some parameters changed (None removes one)."""
        params = {"q": self.query} if self.searching else {}
        params |= self.filters
        if self.sort not in ("newest", RELEVANCE):
            params["sort"] = self.sort
        if self.expanded:
            params["more"] = self.expanded
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return "?" + urlencode(params) if params else "?"


class _SqlCounts:
    """Facet counts by SQL: one query per facet over the state's other filters."""

    def __init__(self, catalog):
        self.catalog = catalog

    def top(self, name, limit):
        others = self.catalog.filtered(skip=name)
        match name:
            case "genre" | "style":
                return self._genres(others, styles=name == "style", limit=limit)
            case "artist":
                return self._artists(others, limit)
            case "label" | "collection":
                return self._related(others, f"{name}__slug", f"{name}__name", limit)
        return self._field(others, name, limit)

    def _genres(self, others, *, styles, limit):
        rows = (
            Genre.objects.filter(parent__isnull=not styles, releases__in=others.values("pk"))
            .values("slug", "name")
            .annotate(n=Count("releases"))
            .order_by("-n", "name")[:limit]
        )
        return [(r["slug"], r["name"], r["n"]) for r in rows]

    def _artists(self, others, limit):
        rows = (
            ReleaseArtist.objects.filter(release__in=others.values("pk"))
            .values("artist__slug", "artist__name")
            .annotate(n=Count("release"))
            .order_by("-n", "artist__name")[:limit]
        )
        return [(r["artist__slug"], r["artist__name"], r["n"]) for r in rows]

    def _related(self, others, slug, title, limit):
        rows = (
            others.exclude(**{f"{slug}__isnull": True})
            .values(slug, title)
            .annotate(n=Count("pk"))
            .order_by("-n", title)[:limit]
        )
        return [(r[slug], r[title], r["n"]) for r in rows]

    def _field(self, others, column, limit):
        rows = (
            others.exclude(**{column: ""})
            .values(column)
            .annotate(n=Count("pk"))
            .order_by("-n", column)[:limit]
        )
        return [(r[column], r[column], r["n"]) for r in rows]

    def decades(self):
        rows = (
            self.catalog.filtered(skip="decade")
            .exclude(year__isnull=True)
            .annotate(decade=F("year") / 10 * 10)
            .values("decade")
            .annotate(n=Count("pk"))
            .order_by("decade")
        )
        return [(r["decade"], r["n"]) for r in rows]

    def price_counts(self, bands):
        counts = self.catalog.filtered(skip="price").aggregate(
            **{f"band{n}": Count("pk", filter=_price_q(*band)) for n, band in enumerate(bands)}
        )
        return [counts[f"band{n}"] for n in range(len(bands))]

    def in_stock(self):
        return self.catalog.filtered(skip="stock").filter(stock__gt=0).count()


def _price_q(low, high):
    """Priced from `low` to under `high` (None: no limit), in the base currency."""
    q = Q(current_price__gte=low)
    return q & Q(current_price__lt=high) if high is not None else q


def _decade(year):
    """1950 -> "1950s", "1950-ті"."""
    return pgettext("decade", "%(year)ss") % {"year": year}


def _named(rows, names):
    """Facet rows whose values are codes (formats, countries): shown by name."""
    return [(value, str(names.get(value, value)), count) for value, _code, count in rows]


def _clean(value: str) -> str:
    """A filter value as typed, without control characters (PostgreSQL refuses NUL)."""
    return clean_text(value, max_length=100).strip()


def _round_nicely(amount: Decimal) -> Decimal:
    """Two significant digits: 1575.00 -> 1600, 31.75 -> 32."""
    if amount == 0:
        return Decimal(0)
    digits = amount.adjusted() - 1
    return amount.scaleb(-digits).quantize(Decimal(1)).scaleb(digits).quantize(Decimal(1))
