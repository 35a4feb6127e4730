"""Search: one normalised text per release, matched word by word.

Every release keeps `search_text`: its title, artists, label, catalogue number
(also written without spaces and dashes), barcode, track titles and personnel,
lower-cased and stripped of accents, with a space before every word. A query
is normalised the same way and every query word must start a word of it, so
"urtre" finds "Urtreger" but "so" does not find "Colossus". The same Python
normalisation serves PostgreSQL, where a pg_trgm GIN index answers the LIKE
lookups, and SQLite.
"""

import re
import unicodedata

from django.db.models import Case, IntegerField, Q, Value, When

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
