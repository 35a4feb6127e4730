"""Whole pages from the cache, with each shopper's own details filled in on the way out.

Two shoppers without an account who ask for the same address, in the same
language and currency, see the same page but for a few holes: the CSRF token in
its forms, the header's cart count and any flash messages. A view wrapped in
`cached_page` renders its page once with a secret marker in each hole (see
shop.context_processors); the bytes are cached, and every response, the first
one included, has the markers replaced with this shopper's own values. Nothing
a shopper sends or is sent back is stored: not their cookies, messages or token.

Freshness is by version, not by time. While rendering, the view names what the
page shows with `depends_on` (families of shop.cache_keys, such as one record's
or the shipping settings'), and a page that changes with the clock says until
when it holds with `expires_at`. A cached page is served only while every family
it was built from still has the version it had before the page was rendered; a
page rendered while any family moved is not stored at all, since what it read
may be older than the versions it would be stored under.

PageCacheMiddleware answers hits before the URL is resolved; a miss goes on to the
view, whose `cached_page` decorator renders and stores the page. Each process also
keeps its recent pages' bytes, so a hit reads only versions from the shared cache.
It needs a cache every process shares (settings.PAGE_CACHE, on with REDIS_URL).
Only pages that can be shared are cached: GET or HEAD, no signed-in user, a 200
answer that sets no cookie of its own, and a query string of the parameters the
view reads (anything else would let a stranger fill the cache with variants).
"""

import functools
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language

from .cache_keys import EPOCH, cache_key, version, versions
from .cart_hint import cart_count
from .html import compact_response
from .middleware import CURRENCY_COOKIE
from .money import BASE_RATE, RATES, rate_family

# Bounds memory only: a page goes stale by its versions, not by this.
PAGE_SECONDS = 60 * 60 * 24
# Pages this process served lately, kept in its own memory as well: only their
# versions are read from the shared cache, not their bytes.
LOCAL_PAGES = 256


@dataclass
class PageRecipe:
    """What a page being rendered for the cache is made of, as its view declares."""

    families: set = field(default_factory=set)
    expires: float | None = None  # a Unix time, for pages that change with the clock
    shareable: bool = True


@dataclass(frozen=True)
class CachedPage:
    versions: dict
    expires: float | None
    content_type: str
    content: bytes


@dataclass(frozen=True)
class Holes:
    """The markers rendered in place of each shopper's own values."""

    csrf_token: str
    cart_count: str
    messages: str


@functools.cache
def holes() -> Holes:
    # Derived from the secret key: page content (a record's notes, a question)
    # cannot contain a marker, so nothing else in a page is ever replaced.
    mark = salted_hmac("shop.page_cache", "holes", algorithm="sha256").hexdigest()[:20]
    return Holes(f"hole-csrf-{mark}", f"hole-cart-{mark}", f"hole-messages-{mark}")


def rendering_for_cache(request) -> bool:
    return getattr(request, "page_recipe", None) is not None


def depends_on(request, *families):
    """The page being rendered shows data from these families."""
    if rendering_for_cache(request):
        request.page_recipe.families.update(families)


def expires_at(request, moment: float):
    """The page being rendered holds until this Unix time (e.g. a dispatch cut-off)."""
    if rendering_for_cache(request):
        recipe = request.page_recipe
        recipe.expires = moment if recipe.expires is None else min(recipe.expires, moment)


def not_shareable(request):
    """The page being rendered shows something of this shopper's own: do not store it."""
    if rendering_for_cache(request):
        request.page_recipe.shareable = False


class PageCacheMiddleware:
    """Answers for a page in the cache before the URL is resolved and the view runs.

    It sits after the middleware that reads what the holes need (language, the CSRF
    cookie, messages). An entry exists only for an address a `cached_page` view
    stored, so a hit here is exactly a hit there; a request with a session goes on
    to the view, which knows whether its user is signed in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            key = _page_key(request)
            page = _cached(key)
            if page is not None:
                return _respond(request, page.content, page.content_type)
            request.page_cache_missed = key  # the view need not look again
        return self.get_response(request)


def cached_page(*, params=()):
    """Serve the view's page from the cache when it can be shared.

    `params` are the query-string parameters the view reads; a request with any
    other is rendered afresh and not stored.
    """

    def decorator(view):
        allowed = frozenset(params)

        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not settings.PAGE_CACHE or not _shareable_request(request, allowed):
                return compact_response(view(request, *args, **kwargs))
            key = getattr(request, "page_cache_missed", None)
            if key is None:
                key = _page_key(request)
                page = _cached(key)
                if page is not None:
                    return _respond(request, page.content, page.content_type)
            return _render_and_store(request, key, view, args, kwargs)

        return wrapper

    return decorator


def _render_and_store(request, key, view, args, kwargs):
    epoch = version(EPOCH)
    # Every page shows prices and the currency switch: it depends on the offered
    # currencies, each language's default (RATES), and the rate and rounding of the
    # currency it is priced in: the chosen one, or without a choice the language's.
    priced_in = getattr(request, "currency", BASE_RATE).code
    request.page_recipe = recipe = PageRecipe(families={RATES, rate_family(priced_in)})
    try:
        response = compact_response(view(request, *args, **kwargs))
    finally:
        request.page_recipe = None
    if not _shareable_response(response, recipe) or not _currency_as_keyed(request):
        return _fill_response(request, response)
    built_from = versions(EPOCH, *recipe.families)
    # Stored only if nothing moved while the page was rendered (see the module doc).
    if built_from.pop(EPOCH) == epoch:
        timeout = PAGE_SECONDS
        if recipe.expires is not None:
            timeout = min(timeout, max(1, int(recipe.expires - time.time())))
        content_type = response.headers["Content-Type"]
        page = CachedPage(built_from, recipe.expires, content_type, response.content)
        cache.set(key, page, timeout)
        _remember_locally(key, page)
    return _fill_response(request, response)


def _shareable_request(request, allowed_params) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if not allowed_params.issuperset(request.GET):
        return False
    # A session is only read when there is one: most shoppers have none.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    return not (has_session and request.user.is_authenticated)


def _shareable_response(response, recipe) -> bool:
    return (
        recipe.shareable
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response.headers
    )


def _page_key(request) -> str:
    # The currency as the shopper's cookie names it, so that a page served from the
    # cache reads no rates at all; the rates themselves are a version (RATES). Without
    # a cookie the page is priced in its language's default, and the key has the
    # language: a Ukrainian page in hryvnias is never served to an English shopper.
    return cache_key(
        "page",
        # A new secret key means new markers: pages made with the old ones are not used.
        holes=holes().csrf_token,
        url=request.build_absolute_uri(),
        language=get_language(),
        currency=request.COOKIES.get(CURRENCY_COOKIE, ""),
    )


def _currency_as_keyed(request) -> bool:
    """Whether the page is priced in the currency its key names: a cookie naming no
    offered currency gets base prices, which are not stored under that cookie's name."""
    named = request.COOKIES.get(CURRENCY_COOKIE)
    return named is None or named == request.currency.code


_local: dict[str, CachedPage] = {}


def _cached(key) -> CachedPage | None:
    """The page under `key` if it is still fresh: from this process's memory when
    it holds a fresh copy, else from the shared cache."""
    page = _local.get(key)
    if page is not None and _still_fresh(page):
        return page
    page = cache.get(key)
    if page is not None and _still_fresh(page):
        _remember_locally(key, page)
        return page
    return None


def forget_local_pages():
    """Empty this process's copies (the shared cache is the truth; tests start clean)."""
    _local.clear()


def _remember_locally(key, page):
    _local.pop(key, None)
    _local[key] = page  # dicts keep insertion order: the oldest entry is first
    if len(_local) > LOCAL_PAGES:
        del _local[next(iter(_local))]


def _still_fresh(page: CachedPage) -> bool:
    if page.expires is not None and time.time() >= page.expires:
        return False
    return not page.versions or versions(*page.versions) == page.versions


def _fill_response(request, response):
    if not response.streaming:
        response.content = _fill(request, response.content)
    return response


def _respond(request, content: bytes, content_type: str):
    return HttpResponse(_fill(request, content), content_type=content_type)


def _fill(request, content: bytes) -> bytes:
    """The page with this shopper's values in its holes."""
    marks = holes()
    if marks.csrf_token.encode() in content:
        content = content.replace(marks.csrf_token.encode(), get_token(request).encode())
    content = content.replace(marks.cart_count.encode(), str(cart_count(request)).encode())
    if marks.messages.encode() in content:
        content = content.replace(marks.messages.encode(), _messages_html(request).encode())
    return content


def _messages_html(request) -> str:
    messages = get_messages(request)
    if not messages:
        return ""
    return render_to_string("includes/messages.html", {"messages": messages}, request=None)
