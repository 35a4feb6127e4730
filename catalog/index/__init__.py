"""An in-memory index of the published catalogue: browse, facet counts and search
without counting rows in the database.

Design
------
Published records are numbered 0..N-1 newest first (catalog.index.build). For
every facet value (each genre, style, format, label, title artist, decade,
country, collection) the index keeps a compressed bitmap (pyroaring) of the
records that have it. A state's matching records are the intersection of its
filters' bitmaps; each facet counts its values within the intersection of the
*other* filters, by the intersection cardinality of each value's bitmap, largest
values first, stopping as soon as no further value could reach the top 12; a
facet with thousands of values (artists) counts a small selection record by
record instead (catalog.index.values).

Search keeps the words of every record's search text and headline in a sorted
vocabulary, so a query word's prefix matches are one bisected range of it and
their records a union of bitmaps (catalog.index.words). Relevance tiers are the
same as in SQL: all words in the headline, then the query as a phrase (checked in
the record's text, kept as UTF-8 bytes), then the rest.

Sorting: record numbers are in "newest" order, so that order is the bitmap's own.
For title, artist and both price orders the index keeps the order, read from the
database so that collation and ties come out exactly as its ORDER BY, and each
record's place in it. A large result walks the order and tests membership; a
small one, or one the walk does not find early (filters correlated with the
order), is sorted by place. Only the page's 24 primary keys go to the database,
which reads those rows with what their cards show.

Staying current
---------------
The index has three parts, each stamped with the versions it was built from
(catalog.freshness): the catalogue (CATALOGUE), prices (CATALOGUE, PRICES) and
stock (CATALOGUE, STOCK). When a version moves, only the parts that depend on it
are rebuilt: a sale that empties a shelf rebuilds the in-stock bitmap (one
query), a price change the price arrays (one query), an edit to the catalogue
everything. How parts are shared between processes and guarded against a
thundering herd is described in catalog.index.current. Until a part is to hand,
browse answers from SQL (catalog.browse), so a page is never answered from data
older than its versions.

Size and cost (2 vCPUs, PostgreSQL 15; method and figures in bench/RESULTS.md)
-------------
At 100,000 records (about 1 M tracks and credits) a process holds about 50 MB of
index (21 MB of it the search text kept to check phrases), 38 MB serialized. The
parts build in 3.2 s (catalogue), 0.23 s (prices) and 0.07 s (stock). Answering
a new state takes about 1-6 ms of index work, and a whole page 18 ms at p95.
Memory and build time grow linearly: 1,000,000 records hold 435 MB and build in
33 s, and a new state's page still takes 37 ms at p95.
"""

from .current import current_index, forget
from .selection import CatalogIndex, Releases, Selection

__all__ = ["CatalogIndex", "Releases", "Selection", "current_index", "forget"]
