from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .middleware import CURRENCY_COOKIE
from .money import offered_rates
from .parsing import local_path


def wants_json(request):
    """Whether the caller is a script that asked for JSON, like the cart's add button."""
    return "application/json" in request.headers.get("Accept", "")


def bad_request(request, message):
    """A 400 page that tells the shopper, in their language, what was wrong."""
    return render(request, "shop/bad_request.html", {"message": message}, status=400)


def safe_next_url(request, fallback):
    """Where to go back to: the `next` parameter if it is a path on this site, else `fallback`.

    Always a path, so callers redirect to it as a URL and never resolve it as a name.
    """
    next_url = request.POST.get("next") or request.GET.get("next")
    return local_path(next_url, host=request.get_host()) or fallback


@require_POST
def set_currency(request):
    """Remember the shopper's currency for this browser session and go back."""
    code = request.POST.get("currency", "").strip().upper()
    if code not in offered_rates():
        return bad_request(
            request, _("We do not offer that currency. Please pick one from the list.")
        )
    response = HttpResponseRedirect(safe_next_url(request, reverse("catalog:home")))
    response.set_cookie(CURRENCY_COOKIE, code, samesite="Lax", secure=settings.HTTPS, httponly=True)
    return response
