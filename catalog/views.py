from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from .models import (
    Artist,
    ArtistTranslation,
    Collection,
    CollectionTranslation,
    Label,
    Release,
    tracks_by_side,
)
from .models.translations import localized_text

RECORDS_PER_PAGE = 24


def home(request):
    new_arrivals = Release.objects.published().with_listing_data().order_by("-created")[:8]
    return render(request, "catalog/home.html", {"new_arrivals": new_arrivals})


def release_list(request):
    releases = Release.objects.published().with_listing_data().order_by("-created", "-pk")
    page = Paginator(releases, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "catalog/release_list.html", {"page": page})


def release_detail(request, slug):
    release = get_object_or_404(Release.objects.published().for_product_page(), slug=slug)
    genres = release.genres.all()
    context = {
        "release": release,
        "sides": tracks_by_side(release.tracks.all()),
        "genres": [genre for genre in genres if not genre.is_style],
        "styles": [genre for genre in genres if genre.is_style],
        "main_artists": [credit.artist for credit in release.release_artists.all()],
    }
    return render(request, "catalog/release_detail.html", context)


def artist_detail(request, slug):
    artists = Artist.objects.annotate(
        biography_text=localized_text(ArtistTranslation.objects, "biography", get_language())
    )
    artist = get_object_or_404(artists, slug=slug)
    releases = Release.objects.published().filter(artists=artist).with_listing_data()
    return render(request, "catalog/artist_detail.html", {"artist": artist, "releases": releases})


def label_detail(request, slug):
    label = get_object_or_404(Label, slug=slug)
    releases = (
        Release.objects.published()
        .filter(label=label)
        .with_listing_data()
        .order_by("catalogue_number", "title")
    )
    return render(request, "catalog/label_detail.html", {"label": label, "releases": releases})


def collection_detail(request, slug):
    collections = Collection.objects.annotate(
        description_text=localized_text(
            CollectionTranslation.objects, "description", get_language()
        )
    )
    collection = get_object_or_404(collections, slug=slug)
    releases = (
        Release.objects.published()
        .filter(collection=collection)
        .with_listing_data()
        .order_by("collection_position", "title")
    )
    context = {"collection": collection, "releases": releases}
    return render(request, "catalog/collection_detail.html", context)
