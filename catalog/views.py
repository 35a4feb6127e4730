from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop import page_cache, ratelimit
from shop.parsing import clean_text

from . import questions
from .browse import SORTS, CatalogQuery
from .forms import QuestionForm, StockAlertForm
from .freshness import CATALOGUE, HOME, LISTINGS, release_family
from .genres import genres_of
from .home import home_shelves
from .models import (
    Artist,
    ArtistTranslation,
    Collection,
    CollectionTranslation,
    Label,
    Release,
    has_clips,
    tracks_by_side,
)
from .models.translations import localized_text
from .related import more_from
from .search import MAX_QUERY_LENGTH, query_words
from .structured_data import breadcrumbs_json_ld, product_json_ld

RECORDS_PER_PAGE = 24
# The query-string parameters the browse and search pages read; with any other,
# a page is rendered afresh and not cached (shop.page_cache).
BROWSE_PARAMS = (*CatalogQuery.FILTERS, "sort", "page", "more")


def shows(request, releases, *families):
    """These records (and families) are on the page: it is cached until one changes."""
    releases = list(releases)
    page_cache.depends_on(request, *families, *(release_family(r.pk) for r in releases))
    return releases


@page_cache.cached_page()
def home(request):
    shelves = home_shelves(get_language())
    # Shelves change when records do, when staff pick others, and as restocks age.
    shows(request, shelves.releases, *LISTINGS, HOME)
    if shelves.holds_until is not None:
        page_cache.expires_at(request, shelves.holds_until.timestamp())
    return render(request, "catalog/home.html", {"shelves": shelves})


@page_cache.cached_page(params=BROWSE_PARAMS)
def release_list(request):
    return render_catalog(request, CatalogQuery(request.GET, rate=request.currency))


@page_cache.cached_page(params=(*BROWSE_PARAMS, "q"))
def search_results(request):
    query = clean_text(request.GET.get("q", ""), max_length=MAX_QUERY_LENGTH).strip()
    catalog = CatalogQuery(request.GET, rate=request.currency, query=query)
    if not query_words(query):
        # Nothing to search for: invite a query, and count or cache nothing.
        if request.GET:
            page_cache.not_shareable(request)  # "?q=!!!" and the like: one page is enough
        context = {"catalog": catalog, "page": None, "facets": [], "is_search": True}
        return render(request, "catalog/browse.html", context)
    return render_catalog(request, catalog)


def render_catalog(request, catalog):
    """The browse and search pages: one template, facets beside the results."""
    paginator = Paginator(catalog.results(), RECORDS_PER_PAGE)
    paginator.count = catalog.total()  # counted once per state, not once per page
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = shows(request, page.object_list, *LISTINGS)
    if not page.object_list or not _is_canonical(request, catalog, page):
        # Typed-in variants (?sort=junk, ?page=999, a filter matching nothing) are
        # answered but not cached, so that nobody can fill the cache with them.
        page_cache.not_shareable(request)
    facets = catalog.facets()
    context = {
        "catalog": catalog,
        "page": page,
        "facets": facets,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "is_search": catalog.searching,
        # An empty result offers a way out instead of a sort order for nothing.
        "removals": [] if page.object_list else catalog.removals(facets),
    }
    return render(request, "catalog/browse.html", context)


def _is_canonical(request, catalog, page):
    """Whether the query string is exactly the one this state's own links use."""
    canonical = catalog.url(page=page.number if page.number > 1 else None)
    # "Previous" from page 2 links to page=1, the same page as none.
    given = [pair for pair in parse_qsl(request.GET.urlencode()) if pair != ("page", "1")]
    return sorted(parse_qsl(canonical[1:])) == sorted(given)


@page_cache.cached_page()
def release_detail(request, slug):
    release = get_object_or_404(Release.objects.published().for_product_page(), slug=slug)
    return render_product_page(request, release, question_form=QuestionForm())


def signed_in_email(request) -> str:
    """A signed-in shopper's email, else "". Only read with a session cookie, so that an
    anonymous page costs no session query."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or not request.user.is_authenticated:
        return ""
    return request.user.email


def render_product_page(request, release, *, question_form, alert_form=None, status=200):
    genres, styles = genres_of(release, get_language())
    sides = tracks_by_side(release.tracks.all())
    url = request.build_absolute_uri(release.get_absolute_url())
    cover = release.cover
    image_url = request.build_absolute_uri(cover.url_for_width(960)) if cover else None
    extras = product_page_extras(request, release)
    shelves = more_from(release)
    for shelf in shelves.values():
        shows(request, shelf)
    page_cache.depends_on(request, CATALOGUE, release_family(release.pk))
    breadcrumbs = product_breadcrumbs(release, genres, styles)
    context = {
        **extras,
        "release": release,
        "sides": sides,
        "has_clips": has_clips(sides),
        "canonical_url": url,
        "og_image": image_url,
        "json_ld": product_json_ld(
            release,
            url=url,
            image_url=image_url,
            rate=request.currency,
            sides=sides,
            shipping=extras.get("shipping_offers", ()),
        ),
        "genres": genres,
        "styles": styles,
        "breadcrumbs": breadcrumbs,
        "breadcrumbs_json_ld": breadcrumbs_json_ld(
            [(name, request.build_absolute_uri(link)) for name, link in breadcrumbs]
            + [(release.full_title, url)]
        ),
        "more_from": shelves,
        "question_form": question_form,
        **_stock_alert_context(request, release, alert_form),
    }
    return render(request, "catalog/release_detail.html", context, status=status)


def _stock_alert_context(request, release, alert_form):
    """A sold-out record offers "Email me when it's back": a field for guests, one
    button for signed-in shoppers (whose page is never cached)."""
    if release.stock:
        return {}
    member_email = signed_in_email(request)
    if member_email:
        page_cache.not_shareable(request)
    return {"alert_form": alert_form or StockAlertForm(), "alert_member_email": member_email}


def product_breadcrumbs(release, genres, styles):
    """Home › Jazz › Cool Jazz: each step opens the list filtered that far."""
    trail = [(_("Home"), reverse("catalog:home"))]
    filters = {}
    for name, group in (("genre", genres), ("style", styles)):
        if group:
            filters[name] = group[0].slug
            trail.append((group[0].name, f"{reverse('catalog:release_list')}?{urlencode(filters)}"))
    return trail


def product_page_extras(request, release):
    """What other apps add to the product page: settings.PRODUCT_PAGE_EXTRAS, a dotted
    path to a function (request, release) -> dict. The catalogue never imports them."""
    path = getattr(settings, "PRODUCT_PAGE_EXTRAS", "")
    return import_string(path)(request, release) if path else {}


@require_POST
def ask_question(request, slug):
    release = get_object_or_404(Release.objects.published().for_product_page(), slug=slug)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return render_product_page(request, release, question_form=form, status=400)
    ratelimit.check("question", request, email=form.cleaned_data["email"])
    if not form.is_spam:
        questions.ask_question(
            release=release,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            body=form.cleaned_data["body"],
            language=get_language(),
        )
    messages.success(request, _("Thank you! We will email you the answer and show it here."))
    return redirect(release.get_absolute_url() + "#questions")


@page_cache.cached_page()
def artist_detail(request, slug):
    artists = Artist.objects.annotate(
        biography_text=localized_text(ArtistTranslation.objects, "biography", get_language()),
        name_text=localized_text(ArtistTranslation.objects, "name", get_language()),
    )
    artist = get_object_or_404(artists, slug=slug)
    published = Release.objects.published().with_listing_data().order_by("-created", "-pk")
    # A sideman's page lists the records they are credited on, not "no records here".
    appears_on = published.filter(credits__artist=artist).exclude(artists=artist).distinct()
    context = {
        "artist": artist,
        "releases": shows(request, published.filter(artists=artist), CATALOGUE),
        "appears_on": shows(request, appears_on),
    }
    return render(request, "catalog/artist_detail.html", context)


@page_cache.cached_page()
def label_detail(request, slug):
    label = get_object_or_404(Label, slug=slug)
    releases = (
        Release.objects.published()
        .filter(label=label)
        .with_listing_data()
        .order_by("catalogue_number", "title")
    )
    releases = shows(request, releases, CATALOGUE)
    return render(request, "catalog/label_detail.html", {"label": label, "releases": releases})


@page_cache.cached_page()
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
    context = {"collection": collection, "releases": shows(request, releases, CATALOGUE)}
    return render(request, "catalog/collection_detail.html", context)
