"""Browsing the catalogue: filters from the query string, facet counts, sorting.

Every state is a plain query string (?genre=jazz&decade=1950&sort=price), so any
page can be shared and works without JavaScript. Each facet counts its values
under all the *other* filters, so a shopper sees what each choice would give.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from shop.cache_keys import cache_key
from shop.formatting import format_money
from shop.parsing import clean_text, parse_amount, parse_whole

from .freshness import listing_versions
from .models import Format, Genre, Release, ReleaseArtist
from .search import search

FACET_LIMIT = 12
FACET_CACHE_SECONDS = 300
PRICE_EDGES = [Decimal(0), Decimal(20), Decimal(25), Decimal(30), Decimal(40)]  # pounds

SORTS = {
    "newest": (_("Newest"), ["-created", "-pk"]),
    "price": (_("Price: low to high"), ["current_price", "pk"]),
    "-price": (_("Price: high to low"), ["-current_price", "pk"]),
    "title": (_("Title"), ["title", "pk"]),
    "artist": (_("Artist"), ["artist_sort", "title", "pk"]),
}
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

    @property
    def selected(self):
        return next((v for v in self.values if v.selected), None)


def annotated(queryset):
    """A column that filters share: the (original) year."""
    return queryset.annotate(
        # EXTRACT gives a numeric on PostgreSQL: cast it, so decades divide as integers.
        year=Coalesce("original_year", Cast(ExtractYear("released"), IntegerField())),
    )


def with_artist_sort(queryset):
    """The first title artist's sort name, only when sorting by artist needs it."""
    first_artist = ReleaseArtist.objects.filter(release=OuterRef("pk")).order_by("position")
    return queryset.annotate(artist_sort=Subquery(first_artist.values("artist__sort_name")[:1]))


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
        default = RELEVANCE if self.searching else "newest"
        self.sort = params.get("sort", default)
        if self.sort not in SORTS and not (self.searching and self.sort == RELEVANCE):
            self.sort = default

    def base(self):
        releases = annotated(Release.objects.published())
        return search(releases, self.query) if self.searching else releases

    def filtered(self, *, skip=None):
        releases = self.base()
        for name, value in self.filters.items():
            if name != skip:
                releases = self._apply(releases, name, value)
        return releases

    def results(self):
        releases = self.filtered().with_listing_data()
        if self.sort == RELEVANCE:
            return releases.order_by("search_rank", "-created", "-pk")
        if self.sort == "artist":
            releases = with_artist_sort(releases)
        return releases.order_by(*SORTS[self.sort][1])

    def _apply(self, releases, name, value):
        match name:
            case "genre" | "style":
                return releases.filter(genres__slug=value)
            case "format":
                return releases.filter(format=value)
            case "label":
                return releases.filter(label__slug=value)
            case "artist":
                return releases.filter(release_artists__artist__slug=value)
            case "collection":
                return releases.filter(collection__slug=value)
            case "country":
                return releases.filter(country=value.upper())
            case "decade":
                decade = parse_whole(value, low=1000, high=2990)
                if decade is None or decade % 10:
                    return releases
                return releases.filter(year__gte=decade, year__lt=decade + 10)
            case "price":
                return self._price_filter(releases, value)
            case "stock":
                return releases.filter(stock__gt=0) if value == "1" else releases
        return releases

    # Facets.

    def facets(self):
        """Facet counts, cached per state: counting 100,000 records costs hundreds of
        milliseconds. The key carries the versions of what lists are made of
        (catalog.freshness.LISTINGS), so a change to the catalogue, a price or what
        is in stock is counted at once; the timeout only bounds memory."""
        return self._cached("facets", self._count_facets)

    def total(self):
        """How many records match, cached like the facets."""
        return self._cached("total", lambda: self.filtered().count())

    @cached_property
    def listing_versions(self):
        """Read once per request: the facets and the total share them."""
        return listing_versions()

    def cache_key(self, kind):
        """Everything facets and totals depend on; the sort and the page do not change them."""
        return cache_key(
            f"catalog:{kind}",
            mode="search" if self.searching else "browse",
            query=self.query,
            filters=self.filters,
            language=get_language(),
            currency=self.rate.code,
            rate=self.rate.rate,
            versions=self.listing_versions,
        )

    def _cached(self, kind, compute):
        key = self.cache_key(kind)
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, FACET_CACHE_SECONDS)
        return value

    def _count_facets(self):
        return [
            self._genre_facet("genre", _("Genre"), styles=False),
            self._genre_facet("style", _("Style"), styles=True),
            self._field_facet("format", _("Format"), "format", dict(Format.choices)),
            self._related_facet("label", _("Label"), "label__slug", "label__name"),
            self._artist_facet(),
            self._decade_facet(),
            self._field_facet("country", _("Country"), "country", dict(countries)),
            self._related_facet(
                "collection",
                pgettext_lazy("series", "Collection"),
                "collection__slug",
                "collection__name",
            ),
            self._price_facet(),
            self._stock_facet(),
        ]

    def _genre_facet(self, name, label, *, styles):
        ids = self.filtered(skip=name).values("pk")
        rows = (
            Genre.objects.filter(parent__isnull=not styles, releases__in=ids)
            .values("slug", "name")
            .annotate(n=Count("releases"))
            .order_by("-n", "name")[:FACET_LIMIT]
        )
        return self._facet(name, label, [(r["slug"], r["name"], r["n"]) for r in rows])

    def _field_facet(self, name, label, column, labels):
        rows = (
            self.filtered(skip=name)
            .exclude(**{column: ""})
            .values(column)
            .annotate(n=Count("pk"))
            .order_by("-n")[:FACET_LIMIT]
        )
        return self._facet(
            name, label, [(r[column], str(labels.get(r[column], r[column])), r["n"]) for r in rows]
        )

    def _related_facet(self, name, label, slug, title):
        rows = (
            self.filtered(skip=name)
            .exclude(**{f"{slug}__isnull": True})
            .values(slug, title)
            .annotate(n=Count("pk"))
            .order_by("-n", title)[:FACET_LIMIT]
        )
        return self._facet(name, label, [(r[slug], r[title], r["n"]) for r in rows])

    def _artist_facet(self):
        ids = self.filtered(skip="artist").values("pk")
        rows = (
            ReleaseArtist.objects.filter(release__in=ids)
            .values("artist__slug", "artist__name")
            .annotate(n=Count("release"))
            .order_by("-n", "artist__name")[:FACET_LIMIT]
        )
        return self._facet(
            "artist", _("Artist"), [(r["artist__slug"], r["artist__name"], r["n"]) for r in rows]
        )

    def _decade_facet(self):
        rows = (
            self.filtered(skip="decade")
            .exclude(year__isnull=True)
            .annotate(decade=F("year") / 10 * 10)
            .values("decade")
            .annotate(n=Count("pk"))
            .order_by("decade")
        )
        values = [(str(r["decade"]), f"{r['decade']}s", r["n"]) for r in rows]
        return self._facet("decade", _("Decade"), values)

    def _price_facet(self):
        buckets = self._price_buckets()
        counts = self.filtered(skip="price").aggregate(
            **{
                key: Count("pk", filter=self._price_q(low, high))
                for key, (low, high, _) in buckets.items()
            }
        )
        values = [
            (key, text, counts[key]) for key, (_low, _high, text) in buckets.items() if counts[key]
        ]
        return self._facet("price", _("Price"), values)

    def _stock_facet(self):
        count = self.filtered(skip="stock").filter(stock__gt=0).count()
        return self._facet("stock", _("Availability"), [("1", str(_("In stock only")), count)])

    def _price_buckets(self):
        """Round-number price bands in the shopper's currency, keyed "low-high"."""
        edges = sorted({_round_nicely(self.rate.convert(edge)) for edge in PRICE_EDGES})
        buckets = {}
        for low, high in zip(edges, [*edges[1:], None], strict=True):
            key = f"{low}-{high or ''}"
            if high is None:
                text = _("%(amount)s and more") % {"amount": format_money(low, self.rate.code)}
            else:
                text = f"{format_money(low, self.rate.code)} – {format_money(high, self.rate.code)}"
            buckets[key] = (low, high, text)
        return buckets

    def _price_q(self, low, high):
        q = Q(current_price__gte=low / self.rate.rate)
        return q & Q(current_price__lt=high / self.rate.rate) if high is not None else q

    def _price_filter(self, releases, value):
        low_text, _dash, high_text = value.partition("-")
        low, high = parse_amount(low_text), parse_amount(high_text)
        if low is None or (high_text and high is None):
            return releases
        return releases.filter(self._price_q(low, high))

    def _facet(self, name, label, rows):
        selected = self.filters.get(name, "")
        facet = Facet(name=name, label=label)
        for value, text, count in rows:
            value = str(value)
            chosen = value.lower() == selected.lower()
            facet.values.append(
                FacetValue(
                    value, text, count, chosen, self.url(**{name: None if chosen else value})
                )
            )
        return facet

    def url(self, **changes):
        """This state's query string with some parameters changed (None removes one)."""
        params = {"q": self.query} if self.searching else {}
        params |= self.filters
        if self.sort not in ("newest", RELEVANCE):
            params["sort"] = self.sort
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return "?" + urlencode(params) if params else "?"


def _clean(value: str) -> str:
    """A filter value as typed, without control characters (PostgreSQL refuses NUL)."""
    return clean_text(value, max_length=100).strip()


def _round_nicely(amount: Decimal) -> Decimal:
    """Two significant digits: 1575.00 -> 1600, 31.75 -> 32."""
    if amount == 0:
        return Decimal(0)
    digits = amount.adjusted() - 1
    return amount.scaleb(-digits).quantize(Decimal(1)).scaleb(digits).quantize(Decimal(1))
