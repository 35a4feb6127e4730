from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .money import offered_rates, shoppers_rate

CURRENCY_COOKIE = "currency"


class CurrencyMiddleware:
    """Sets request.currency: the shopper's chosen currency, else their language's
    default (set by staff), else the base currency.

    Both it and request.offered_currencies are read from the rates on first use, so a
    page served whole from the cache (shop.page_cache) never reads the rates at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(CURRENCY_COOKIE)
        # Read when first used, in the view, once the URL's language is active.
        request.currency = SimpleLazyObject(lambda: shoppers_rate(chosen, get_language()))
        request.offered_currencies = SimpleLazyObject(lambda: list(offered_rates()))
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Sends the Permissions-Policy header from settings.PERMISSIONS_POLICY.

    The setting maps each browser feature to the origins allowed to use it; an empty
    list denies the feature to every page, the shop's own included.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
