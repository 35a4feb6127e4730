"""Shipping settings are cached for pages: any change to them shows at once.

Zones, methods, prices, the dispatch calendar and the currencies of free-shipping
thresholds all feed the product page's shipping box. Saving or deleting any of
them, from the admin or anywhere else, forgets the cached settings and moves the
SHIPPING version that cached product pages depend on: at once, and again when the
change commits (catalog.freshness.changed says why).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from shop.cache_keys import bump

from .shipping import forget_shipping_config

SHIPPING = "shipping"


def shipping_changed(**_signal):
    # Now and at commit, as catalog.freshness.changed explains.
    _forget_shipping()
    transaction.on_commit(_forget_shipping, robust=True)


def _forget_shipping():
    forget_shipping_config()
    bump(SHIPPING)


def connect_signals():
    from shop.models import Currency

    from .models import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone

    settings_models = (ShippingZone, ShippingMethod, ShippingRate, DispatchSettings, ClosureDay)
    for model in (*settings_models, Currency):
        uid = f"shipping-{model.__name__}"
        post_save.connect(shipping_changed, sender=model, dispatch_uid=f"fresh-{uid}")
        post_delete.connect(shipping_changed, sender=model, dispatch_uid=f"gone-{uid}")
