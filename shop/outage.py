"""A database outage is answered with 503, Retry-After and a friendly page, never 500.

Django turns an exception into a response at every middleware layer, so no middleware
can catch what another one raised. Two hooks cover every place the database is read:

- `OutageMiddleware.process_exception`: the view, or the template it renders.
- `server_error`, the root URLconf's handler500: a middleware (the session, the
  currency) before or after the view, or anything else that escaped.

The page is rendered from a context that needs no database, so it can always be shown.
"""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import context_processors
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _
from django.views import defaults

from .context_processors import site
from .money import BASE_RATE
from .request_log import loggable_path
from .views import wants_json

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# What both languages say when even the shop's own page cannot be rendered.
PLAIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Back in a moment</title></head>
<body><h1>Back in a moment</h1><p>Please try again in a minute. Your cart is kept.</p>
<h1 lang="uk">Скоро повернемося</h1>
<p lang="uk">Будь ласка, спробуйте ще раз за хвилину. Ваш кошик збережено.</p></body></html>
"""


def is_database_outage(exception) -> bool:
    """Whether the database could not be reached or dropped the connection.

    Django wraps the driver's errors: psycopg's OperationalError (refused connection,
    "server closed the connection unexpectedly", "the connection is closed", an
    administrator shutdown, too many clients) arrives as django.db.OperationalError.
    The driver's own classes are checked too, for code that reaches the driver directly.
    """
    return isinstance(exception, _outage_errors())


def _outage_errors():
    driver_errors = {
        error
        for alias in connections
        for error in (
            connections[alias].Database.OperationalError,
            connections[alias].Database.InterfaceError,
        )
    }
    return (OperationalError, InterfaceError, *driver_errors)


class OutageMiddleware(MiddlewareMixin):
    """Answers a view that could not reach the database with the outage page."""

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return outage_response(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: the outage page for a database outage, else Django's own 500 page."""
    exception = sys.exception()
    if exception is not None and is_database_outage(exception):
        return outage_response(request, exception)
    return defaults.server_error(request, template_name=template_name)


def outage_response(request, exception):
    """503 with Retry-After, in the language of the page asked for; logged once."""
    _log_once(request, exception)
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        response = _json(request) if _wants_json(request) else _page(request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    response._has_been_logged = True  # logged here as a warning, not again as a server error
    return response


def _log_once(request, exception):
    if getattr(request, "_outage_logged", False):
        return
    request._outage_logged = True
    first_line = (str(exception).splitlines() or [""])[0]
    log.warning(
        "Database unavailable, answered 503: %s %s (%s: %s)",
        request.method,
        loggable_path(request),
        type(exception).__name__,
        first_line,
        extra={"request_id": getattr(request, "request_id", None)},
    )


def _wants_json(request):
    """Load balancers on /healthz, and the cart's script, which asks for JSON."""
    return _is_path(request, "healthz") or wants_json(request)


def _json(request):
    body = {"status": "unavailable", "reason": "database", "message": _message()}
    return JsonResponse(body, status=503)


def _message():
    return _("The shop is briefly unavailable. Please try again in a minute.")


def _page(request):
    """The page in the shop's layout, from a context that needs no database.

    Rendered without `request`, so no context processor runs: only the ones known
    not to query are called here, and `user` (a session and a user query) is left out.
    """
    try:
        _price_without_database(request)
        context = {
            **context_processors.csrf(request),
            **context_processors.csp(request),
            **site(request),
            "request": request,
            "message": _message(),
            "checking_out": _is_checkout(request),
        }
        html = render_to_string("shop/unavailable.html", context)
    except Exception:  # never let the outage page itself fail
        log.exception("The outage page could not be rendered; sent the plain one")
        html = PLAIN_PAGE
    return HttpResponse(html, status=503)


def _price_without_database(request):
    """The shopper's currency if the rates are still known (the cache keeps the last
    ones read), else the base currency: the header must not need the database."""
    try:
        request.currency.code  # noqa: B018 - read now, while an error can be handled
    except (AttributeError, DatabaseError):  # no rates, or no currency middleware yet
        request.currency, request.offered_currencies = BASE_RATE, []


def _is_checkout(request):
    """A checkout that failed: the page can promise that nothing was charged."""
    return request.method == "POST" and _is_path(request, "orders:checkout")


def _is_path(request, name):
    try:
        return request.path_info == reverse(name)
    except NoReverseMatch:
        return False
