"""What the orders app adds to the catalogue's product page: live shipping facts.

Registered as settings.PRODUCT_PAGE_EXTRAS, so the catalogue never imports orders.
"""

from django.conf import settings
from django.utils import timezone

from catalog.structured_data import ShippingOffer
from shop import page_cache

from .freshness import SHIPPING
from .shipping import free_from_in, method_summaries, shipping_config


def shipping_facts(request, release):
    """The shipping box's facts, and each method to the shop's country for the JSON-LD."""
    config = shipping_config()
    rate = request.currency
    now = timezone.now()
    # Cached pages show these dates: they hold until the next dispatch cut-off.
    page_cache.depends_on(request, SHIPPING)
    page_cache.expires_at(request, config.calendar.holds_until(now).timestamp())
    return {
        "shipping_box": {
            "methods": method_summaries(config=config, rate=rate, now=now),
            "free_method": config.free_shipping_method,
            "free_from_local": free_from_in(config.free_shipping_method, rate)
            if config.free_shipping_method
            else None,
            "currency": rate.code,
        },
        "shipping_offers": _offers_home(config, rate),
    }


def _offers_home(config, rate):
    """Each method's price and days to the shop's own country, in the shopper's currency."""
    home = config.zone_for(settings.SHOP_COUNTRY)
    if home is None:
        return []
    return [
        ShippingOffer(
            name=str(method.label),
            price=rate.convert(method.prices[home.pk]),
            currency=rate.code,
            country=settings.SHOP_COUNTRY,
            cutoff=config.calendar.cutoff,
            min_days=method.min_days,
            max_days=method.max_days,
            free_from=method.free_from,
            free_from_currency=method.free_from_rate.code if method.free_from_rate else None,
        )
        for method in config.methods
        if home.pk in method.prices
    ]
