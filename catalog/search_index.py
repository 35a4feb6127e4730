"""Keeping each release's search text up to date."""

from collections import defaultdict

from .models import Credit, Release, ReleaseArtist, Track
from .search import document_text, headline_text


def refresh_search_text(release_ids) -> int:
    """Rebuild the search text of these releases in a few queries, whatever their number."""
    release_ids = list(release_ids)
    artists = _grouped(
        ReleaseArtist.objects.filter(release_id__in=release_ids).order_by("position"),
        "artist__name",
    )
    tracks = _grouped(Track.objects.filter(release_id__in=release_ids), "title")
    personnel = _grouped(Credit.objects.filter(release_id__in=release_ids), "artist__name")
    releases = list(Release.objects.filter(pk__in=release_ids).select_related("label"))
    for release in releases:
        names = artists[release.pk]
        release.search_headline = headline_text(release, names)
        release.search_text = document_text(
            release,
            artist_names=names,
            track_titles=tracks[release.pk],
            personnel=personnel[release.pk],
        )
    Release.objects.bulk_update(releases, ["search_text", "search_headline"], batch_size=1000)
    return len(releases)


def _grouped(queryset, field):
    grouped = defaultdict(list)
    for release_id, value in queryset.values_list("release_id", field):
        grouped[release_id].append(value)
    return grouped
