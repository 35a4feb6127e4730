"""Answering one browse or search state from the index: the matching records, the page of
them in the chosen order, and the counts of every facet's values."""

import heapq
import math
from bisect import bisect_left
from functools import cached_property
from itertools import islice

from pyroaring import BitMap

from ..models import Release
from ..search import IndexedSearch, all_of
from .build import Catalogue, Prices, Stock

# Walk a sort order testing membership while that visits fewer than this many
# entries per matching record; otherwise sort the matching records by their place.
WALK_PER_MATCH = 4
PRICE_BANDS_KEPT = 64


class CatalogIndex:
    """The three parts of the index, each current for its version family."""

    def __init__(self, catalogue: Catalogue, prices: Prices, stock: Stock):
        self.catalogue, self.prices, self.stock = catalogue, prices, stock
        self.everything = BitMap(range(len(catalogue.pks)))
        self._bands = {}

    @property
    def parts(self):
        return self.catalogue, self.prices, self.stock

    def records(self, name, value) -> BitMap:
        """The records passing one filter, given its parsed value (see CatalogQuery)."""
        c = self.catalogue
        match name:
            case "genre" | "style":
                found = c.genres.records_with(value)
                return found if found else c.styles.records_with(value)
            case "price":
                return self.price_band(*value)
            case "stock":
                return self.stock.in_stock
        return self.values(name).records_with(value)

    def values(self, name):
        c = self.catalogue
        return {
            "genre": c.genres,
            "style": c.styles,
            "format": c.formats,
            "label": c.labels,
            "artist": c.artists,
            "country": c.countries,
            "collection": c.collections,
            "decade": c.decades,
        }[name]

    def price_places(self, low, high) -> tuple[int, int]:
        """Where the records priced at least `low` and under `high` (None: no limit) lie in
        the "price" order. The bounds are exact Decimals in the base currency, compared
        as the database compares them."""
        prices = self.prices.ascending_pence
        start = bisect_left(prices, math.ceil(low * 100))
        stop = len(prices) if high is None else bisect_left(prices, math.ceil(high * 100))
        return start, max(start, stop)

    def price_band(self, low, high) -> BitMap:
        """The records so priced."""
        start, stop = self.price_places(low, high)
        band = self._bands.get((start, stop))
        if band is None:
            if len(self._bands) >= PRICE_BANDS_KEPT:
                self._bands.clear()
            band = self._bands[start, stop] = BitMap(self.prices.orders["price"][0][start:stop])
        return band

    def pks(self, numbers):
        return [self.catalogue.pks[n] for n in numbers]

    def ordered(self, within: BitMap, sort, start, stop, *, places=None) -> list[int]:
        """Record numbers from `start` to `stop` of `within` in this sort's order, those
        in stock first and then the sold-out ones: two parts, each in the sort's order.
        The orders themselves know nothing of stock, which changes far more often."""
        available = within & self.stock.in_stock
        parts = (available, within - available)
        return end_to_end(
            parts,
            start,
            stop,
            lambda part, first, last: self._ordered(part, sort, first, last, places=places),
        )

    def _ordered(self, within: BitMap, sort, start, stop, *, places=None) -> list[int]:
        """Record numbers from `start` to `stop` of `within` in this sort's order.

        `places`: (first, last) places in the order that hold all of `within`, when known.
        Walking the order costs about a quarter of sorting per entry, so it is tried
        when it should visit fewer than WALK_PER_MATCH entries per matching record,
        and given up for a sort if it does not find them there (when the filters
        and the order are correlated).
        """
        stop = min(stop, len(within))
        if start >= stop:
            return []
        if sort == "newest":  # record numbers are in this order
            return list(within[start:stop])
        orders = self.prices.orders if sort in self.prices.orders else self.catalogue.orders
        order, order_places = orders[sort]
        first, last = places or (0, len(order))
        span = memoryview(order)[first:last]
        budget = WALK_PER_MATCH * len(within)
        if stop * len(span) <= budget * len(within):
            found = list(islice(filter(within.__contains__, span[:budget]), start, stop))
            if len(found) == stop - start:
                return found
        return heapq.nsmallest(stop, within, key=order_places.__getitem__)[start:]


def end_to_end(parts, start, stop, page) -> list[int]:
    """Items `start` to `stop` of several bitmaps laid end to end, where
    `page(part, first, last)` gives items `first` to `last` of one part."""
    numbers, offset = [], 0
    for part in parts:
        if offset >= stop:
            break
        if offset + len(part) > start:
            numbers += page(part, max(start - offset, 0), stop - offset)
        offset += len(part)
    return numbers


class Selection:
    """One state (filters, perhaps a search) over the index."""

    def __init__(self, index: CatalogIndex, *, constraints: dict, words=None):
        self.index = index
        self.search = None if words is None else IndexedSearch(index.catalogue, words)
        self.base = index.everything if self.search is None else self.search.matches
        self.constraints = constraints
        self.filters = {name: index.records(name, value) for name, value in constraints.items()}

    @cached_property
    def matching(self) -> BitMap:
        return self.without(None)

    def without(self, skip) -> BitMap:
        """The records passing every filter but `skip`: what that facet counts."""
        if skip is not None and skip not in self.filters:
            return self.matching
        return all_of([self.base, *(r for name, r in self.filters.items() if name != skip)])

    def top(self, name, limit):
        return self.index.values(name).top(self.without(name), limit)

    def decades(self):
        return sorted(self.index.catalogue.decades.counts(self.without("decade")).items())

    def price_counts(self, bands):
        within = self.without("price")
        return [
            self.index.price_band(low, high).intersection_cardinality(within) for low, high in bands
        ]

    def in_stock(self):
        return self.index.stock.in_stock.intersection_cardinality(self.without("stock"))

    def page(self, sort, start, stop) -> list[int]:
        """Primary keys of the matching records from `start` to `stop`, in order."""
        if sort == "relevance":
            in_stock = self.index.stock.in_stock
            numbers = self.search.ranked(self.matching, start, stop, first=in_stock)
        else:
            places = self._price_places(sort)
            numbers = self.index.ordered(self.matching, sort, start, stop, places=places)
        return self.index.pks(numbers)

    def _price_places(self, sort):
        """Sorted by price within a price band, the matches lie in the band's places."""
        if sort not in ("price", "-price") or "price" not in self.constraints:
            return None
        first, last = self.index.price_places(*self.constraints["price"])
        total = len(self.index.catalogue.pks)
        return (first, last) if sort == "price" else (total - last, total - first)


class Releases:
    """The matching records in order, for a Paginator: only the page sliced out is read
    from the database, with what its cards show, in three queries."""

    def __init__(self, selection: Selection, sort):
        self.selection, self.sort = selection, sort

    def __len__(self):
        return len(self.selection.matching)

    def __getitem__(self, window):
        if not isinstance(window, slice) or window.step not in (None, 1):
            raise TypeError("Records are read a page (a slice) at a time.")
        start = window.start or 0
        stop = len(self) if window.stop is None else window.stop
        pks = self.selection.page(self.sort, start, stop)
        if not pks:
            return []
        found = Release.objects.published().filter(pk__in=pks).with_listing_data()
        by_pk = {release.pk: release for release in found}
        return [by_pk[pk] for pk in pks if pk in by_pk]
