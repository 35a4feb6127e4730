from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .middleware import CURRENCY_COOKIE
from .money import offered_rates


def bad_request(request, message):
    """A 400 page that tells the shopper, in their language, what was wrong."""
    return render(request, "shop/bad_request.html", {"message": message}, status=400)


def safe_next_url(request, fallback):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return next_url if allowed else fallback


@require_POST
def set_currency(request):
    """Remember the shopper's currency for this browser session and go back."""
    code = request.POST.get("currency", "").strip().upper()
    if code not in offered_rates():
        return bad_request(
            request, _("We do not offer that currency. Please pick one from the list.")
        )
    response = redirect(safe_next_url(request, reverse("catalog:home")))
    response.set_cookie(CURRENCY_COOKIE, code, samesite="Lax", secure=settings.HTTPS, httponly=True)
    return response
