"""Search: one normalised text per release, matched word by word.

Every release keeps `search_text`: its title, artists, label, catalogue number
(also written without spaces and dashes), barcode, track titles and personnel,
lower-cased and stripped of accents, with a space before every word. A query
is normalised the same way and every query word must start a word of it, so
"urtre" finds "Urtreger" but "so" does not find "Colossus".

Results are ranked: every word in the headline (title and artists) first, then
records containing the query as a phrase, then the rest; within each, records
in stock before sold-out ones, newest first. The same rules are written twice,
side by side here: `search` for SQL (PostgreSQL, where a pg_trgm GIN index
answers the LIKE lookups, and SQLite), used while the catalogue index is
rebuilt, and `IndexedSearch` over the catalogue index's word lists
(catalog.index.words), used otherwise.
"""

import re
import unicodedata
from functools import cached_property

from django.db.models import Case, IntegerField, Q, Value, When
from pyroaring import BitMap

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
_NOT_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """ "René Urtreger – VNL-12204" -> "rene urtreger vnl 12204" """
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


def compact(text: str) -> str:
    """ "VNL 12204 LP" -> "vnl12204lp": catalogue numbers typed without spaces or dashes."""
    return normalize(text).replace(" ", "")


def query_words(query: str) -> list[str]:
    return normalize(query[:MAX_QUERY_LENGTH]).split()[:MAX_WORDS]


def _spaced(text):
    # Leading and trailing spaces let " word" match the start of any word.
    return f" {text} "


def headline_text(release, artist_names) -> str:
    return _spaced(normalize(" ".join([release.title, *artist_names])))


def document_text(release, *, artist_names, track_titles, personnel) -> str:
    parts = [
        release.title,
        *artist_names,
        release.label.name,
        release.catalogue_number,
        compact(release.catalogue_number),
        release.barcode,
        *track_titles,
        *personnel,
    ]
    return _spaced(normalize(" ".join(part for part in parts if part)))


def search(queryset, query: str):
    """Releases matching every word of `query`, ranked in `search_rank` (lower first):

    0 when every word is in the title or artists, 1 when the query appears as a
    phrase (a track title, a name), 2 for the rest.
    """
    words = query_words(query)
    if not words:
        return queryset.none().annotate(search_rank=Value(2))
    matches = Q()
    in_headline = Q()
    for word in words:
        matches &= Q(search_text__contains=f" {word}")
        in_headline &= Q(search_headline__contains=f" {word}")
    phrase = Q(search_text__contains=f" {' '.join(words)} ")
    rank = Case(
        When(in_headline, then=Value(0)),
        When(phrase, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return queryset.filter(matches).annotate(search_rank=rank)


class IndexedSearch:
    """`search` over the catalogue index: record numbers, which are in newest order.

    A word's matches are the records with a word starting with it (a range of the
    sorted vocabulary). The phrase is checked only when a page reaches past the
    headline matches, and then only in the records that have every word whole.
    """

    def __init__(self, catalogue, words: list[str]):
        self.catalogue, self.words = catalogue, words
        self.matches = all_of(catalogue.text.prefixed(word) for word in words)

    @cached_property
    def in_headline(self):
        return all_of(self.catalogue.headline.prefixed(word) for word in self.words)

    def ranked(self, within: BitMap, start, stop, *, first=None) -> list[int]:
        """Record numbers from `start` to `stop` of `within`, best ranked first; within
        a rank, those in `first` (the records in stock) before the others."""
        tiers = self._tiers(within)
        if first is not None:
            tiers = (part for tier in tiers for part in (tier & first, tier - first))
        numbers = []
        offset = 0
        for tier in tiers:
            if offset + len(tier) > start:
                numbers += tier[max(start - offset, 0) : stop - offset]
            offset += len(tier)
            if offset >= stop:
                break
        return numbers

    def _tiers(self, within):
        first = within & self.in_headline
        yield first
        rest = within - first
        phrase = self._phrase(rest)
        yield phrase
        yield rest - phrase

    def _phrase(self, candidates):
        text = self.catalogue.text
        if len(self.words) == 1:
            return candidates & text.exact(self.words[0])
        candidates = all_of([candidates, *(text.exact(word) for word in self.words)])
        return self.catalogue.texts.having(f" {' '.join(self.words)} ", candidates)


def all_of(bitmaps) -> BitMap:
    """The intersection of some bitmaps, smallest first; a new bitmap, never one stored.
    Of none, nothing: a search without words finds nothing."""
    ordered = sorted(bitmaps, key=len)
    if not ordered:
        return BitMap()
    return ordered[0].intersection(*ordered[1:]) if len(ordered) > 1 else BitMap(ordered[0])
