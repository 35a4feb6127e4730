"""Rate limits: how often one client may do a thing, counted in the shared cache.

Each limit allows `count` attempts per `seconds`, counted per client address
and, where the request names one, per email too, so neither a new address nor
a new email resets the count. Counters are fixed windows in Django's cache:
shared by every web process when the cache is Redis, per process otherwise.

A view calls `check()` (or uses `@rate_limited`); past the limit it raises
`RateLimited`, which `RateLimitMiddleware` answers with a localized 429 page
that says when to try again.
"""

import datetime
import functools
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext_lazy, ngettext

from .cache_keys import cache_key
from .client import client_key
from .views import wants_json

TOO_OFTEN = gettext_lazy("You have done that more often than the shop allows in a short time.")


class RateLimited(Exception):
    def __init__(self, limit, retry_after):
        super().__init__(f"Rate limit {limit!r} reached; retry after {retry_after} s.")
        self.limit = limit
        self.retry_after = retry_after


def check(limit, request, *, email=""):
    """Count one attempt at `limit` by this client (and email); raise RateLimited past it."""
    count, seconds = settings.RATE_LIMITS[limit]
    now = time.time()
    window = int(now // seconds)
    who = [f"address:{client_key(request)}"]
    if email:
        who.append(f"email:{email.strip().casefold()}")
    over = [identity for identity in who if _count(limit, identity, window, seconds) > count]
    if over:
        raise RateLimited(limit, retry_after=math.ceil((window + 1) * seconds - now))


def _count(limit, identity, window, seconds):
    key = cache_key("ratelimit", limit=limit, who=identity, window=window)
    cache.add(key, 0, timeout=seconds + 1)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr: this is the window's first attempt
        cache.set(key, 1, timeout=seconds + 1)
        return 1


def rate_limited(limit, methods=("POST",)):
    """Count every `methods` request to the view against `limit`, per client address."""

    def decorator(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            if request.method in methods:
                check(limit, request)
            return view(request, *args, **kwargs)

        return limited

    return decorator


def too_many_requests(request, retry_after):
    """The 429 page: what happened, and when to try again."""
    minutes = max(1, math.ceil(retry_after / 60))
    wait = ngettext(
        "Please try again in %(minutes)d minute.",
        "Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    message = f"{TOO_OFTEN} {wait}"
    if wants_json(request):
        response = JsonResponse({"message": message}, status=429)
    else:
        response = render(request, "shop/too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "private, no-store"
    return response


class RateLimitMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception.retry_after)
        return None


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer: the same 429 page, with its cool-off as the wait."""
    cool_off = settings.AXES_COOLOFF_TIME
    return too_many_requests(request, int(cool_off.total_seconds()))


# django-axes' records of sign-ins and wrong passwords (account or email typed, address,
# browser) are kept this long, as the privacy notice says: enough to see a guessing run.
KEEP_SIGN_INS = datetime.timedelta(days=30)


def forget_old_sign_ins(*, now=None) -> int:
    """Delete django-axes' records older than KEEP_SIGN_INS; returns how many."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = (now or timezone.now()) - KEEP_SIGN_INS
    return sum(
        model.objects.filter(attempt_time__lt=cutoff).delete()[0]
        for model in (AccessLog, AccessAttempt, AccessFailureLog)
    )
