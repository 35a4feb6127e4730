"""Keeping each release's search text up to date."""

from collections import defaultdict

from django.db.models import Q

from .models import Credit, Release, ReleaseArtist, Track
from .search import document_text, headline_text


def refresh_search_text(release_ids) -> int:
    """Rebuild the search text of these releases in a few queries, whatever their number."""
    release_ids = list(release_ids)
    title_credits = ReleaseArtist.objects.filter(release_id__in=release_ids)
    artists = _grouped(title_credits.order_by("position"), "artist__name")
    # Names as spelt in other languages ("Майлз Девіс") find the record too.
    artists_translated = _translated_names(title_credits)
    tracks = _grouped(Track.objects.filter(release_id__in=release_ids), "title")
    credits = Credit.objects.filter(release_id__in=release_ids)
    personnel = _grouped(credits, "artist__name")
    personnel_translated = _translated_names(credits)
    releases = list(Release.objects.filter(pk__in=release_ids).select_related("label"))
    for release in releases:
        names = [*artists[release.pk], *artists_translated[release.pk]]
        release.search_headline = headline_text(release, names)
        release.search_text = document_text(
            release,
            artist_names=names,
            track_titles=tracks[release.pk],
            personnel=[*personnel[release.pk], *personnel_translated[release.pk]],
        )
    Release.objects.bulk_update(releases, ["search_text", "search_headline"], batch_size=1000)
    return len(releases)


def refresh_artist_search_text(artist) -> int:
    """An artist's name or its translation changed: rebuild the search text of every
    record that names them, on the title or in the personnel."""
    release_ids = Release.objects.filter(
        Q(release_artists__artist=artist) | Q(credits__artist=artist)
    ).values_list("pk", flat=True)
    return refresh_search_text(set(release_ids))


def _translated_names(links):
    """release id -> the translated names of the artists these links (credits) point to."""
    translated = links.filter(artist__translations__name__gt="").order_by("pk")
    return _grouped(translated, "artist__translations__name")


def _grouped(queryset, field):
    grouped = defaultdict(list)
    for release_id, value in queryset.values_list("release_id", field):
        grouped[release_id].append(value)
    return grouped
