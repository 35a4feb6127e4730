from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from catalog.models import Release
from shop.parsing import parse_whole
from shop.ratelimit import rate_limited
from shop.views import bad_request, safe_next_url, wants_json

from .. import cart as carts
from .. import shipping
from ..errors import LIMIT_PER_ORDER, NOT_FOR_SALE, SOLD_OUT, CartError


def cart_detail(request):
    summary = carts.summarize(carts.cart_for(request), request.currency)
    country = estimate_country(request)
    config = shipping.shipping_config()
    context = {
        "summary": summary,
        "country": country,
        "countries": countries,
        "shipping_options": shipping.shipping_options(
            config=config,
            country=country,
            base_subtotal=summary.base_subtotal,
            rate=request.currency,
        ),
        "free_shipping_shortfall": shipping.free_shipping_shortfall(
            config=config, base_subtotal=summary.base_subtotal, rate=request.currency
        ),
        "free_method": config.free_shipping_method,
    }
    return render(request, "orders/cart.html", context)


def cart_drawer(request, cart, release, message, *, capped):
    summary = carts.summarize(cart, request.currency)
    shortfall = shipping.free_shipping_shortfall(
        config=shipping.shipping_config(),
        base_subtotal=summary.base_subtotal,
        rate=request.currency,
    )
    context = {
        "summary": summary,
        "item": next((i for i in summary.items if i.release.pk == release.pk), None),
        "message": message,
        "capped": capped,
        "free_shipping_shortfall": shortfall,
        "free_shipping_percent": _percent_of(summary.subtotal, shortfall),
    }
    return render_to_string("orders/includes/cart_drawer.html", context, request=request)


def _percent_of(subtotal, shortfall):
    """How far the cart is towards free shipping, 0-100, for a progress bar."""
    if not shortfall:
        return 100
    return int(100 * subtotal / (subtotal + shortfall))


def estimate_country(request):
    """The country for the cart's shipping estimate: as asked, else by language."""
    asked = request.GET.get("country", "").upper()
    if asked in countries:
        return asked
    return settings.DEFAULT_COUNTRY_BY_LANGUAGE.get(get_language(), settings.SHOP_COUNTRY)


@require_POST
@rate_limited("cart")
def cart_add(request):
    try:
        release = _release_from(request)
        quantity = carts.parse_quantity(request.POST.get("quantity", "1"))
        cart = carts.cart_for(request, create=True)
        change = carts.add_to_cart(cart=cart, release=release, quantity=quantity)
    except CartError as error:
        return _refuse(request, error)
    if change.capped:
        message = capped_message(release, change)
    else:
        message = _("%(title)s is in your cart.") % {"title": release.title}
    next_url = safe_next_url(request, reverse("orders:cart"))
    extra = {}
    if wants_json(request):
        # The script shows this in a drawer beside the page: the record, the subtotal
        # and how far free shipping is, wherever on the page "Add to cart" was pressed.
        extra["drawer"] = cart_drawer(request, cart, release, message, capped=change.capped)
    return cart_response(request, cart, message, next_url, capped=change.capped, extra=extra)


@require_POST
@rate_limited("cart")
def cart_update(request):
    try:
        release = _release_from(request, published_only=False)
        quantity = carts.parse_quantity(request.POST.get("quantity"), allow_zero=True)
        cart = carts.cart_for(request, create=True)
        change = carts.set_quantity(cart=cart, release=release, quantity=quantity)
    except CartError as error:
        return _refuse(request, error)
    if change.capped and change.quantity == 0:
        message = str(SOLD_OUT)
    elif change.capped:
        message = capped_message(release, change)
    elif change.quantity == 0:
        message = _("%(title)s was removed from your cart.") % {"title": release.title}
    else:
        message = _("Your cart was updated.")
    return cart_response(request, cart, message, reverse("orders:cart"), capped=change.capped)


def _release_from(request, *, published_only=True):
    releases = Release.objects.published() if published_only else Release.objects.all()
    try:
        return releases.get(pk=parse_whole(request.POST.get("release"), low=1))
    except Release.DoesNotExist:
        raise CartError(NOT_FOR_SALE) from None


def capped_message(release, change):
    if change.by_limit:
        return str(LIMIT_PER_ORDER % {"title": release.title, "count": change.quantity})
    quantity = change.quantity
    return ngettext(
        "Only %(count)d copy is available, so your cart holds %(count)d.",
        "Only %(count)d copies are available, so your cart holds %(count)d.",
        quantity,
    ) % {"count": quantity}


def _refuse(request, error):
    if wants_json(request):
        return JsonResponse({"message": str(error.message)}, status=400)
    return bad_request(request, error.message)


def cart_response(request, cart, message, next_url, *, capped, extra=None):
    count = carts.count_copies(cart)
    if wants_json(request):
        response = JsonResponse(
            {"message": message, "capped": capped, "count": count, **(extra or {})}
        )
    else:
        (messages.warning if capped else messages.success)(request, message)
        response = HttpResponseRedirect(next_url)
    carts.remember_cart(response, cart, count, secure=settings.HTTPS)
    return response
