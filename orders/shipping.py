"""Shipping: zones, prices, the free-shipping threshold and delivery estimates."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from babel.numbers import get_currency_precision
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from shop.money import Rate
from shop.rounding import minor_unit

from .calendar import DispatchCalendar
from .models import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone

CACHE_KEY = "orders:shipping:v1"
CACHE_SECONDS = 60


@dataclass(frozen=True)
class Zone:
    pk: int
    name: str
    countries: frozenset
    rest_of_world: bool


@dataclass(frozen=True)
class Method:
    kind: str
    min_days: int
    max_days: int
    prices: dict  # zone pk -> base-currency price
    free_from: Decimal | None
    free_from_rate: Rate | None

    @property
    def label(self):
        return ShippingMethod.Kind(self.kind).label


@dataclass(frozen=True)
class ShippingConfig:
    zones: list
    methods: list
    calendar: DispatchCalendar

    def zone_for(self, country: str):
        for zone in self.zones:
            if country in zone.countries:
                return zone
        return next((zone for zone in self.zones if zone.rest_of_world), None)

    @property
    def free_shipping_method(self):
        return next((m for m in self.methods if m.free_from is not None), None)


@dataclass(frozen=True)
class ShippingOption:
    kind: str
    label: str
    base_price: Decimal
    price: Decimal
    currency: str
    is_free: bool
    min_days: int
    max_days: int
    arrives_from: datetime.date
    arrives_by: datetime.date


def shipping_config(*, fresh=False) -> ShippingConfig:
    """Zones, methods and the calendar: cached for pages, `fresh` for pricing an order."""
    config = None if fresh else cache.get(CACHE_KEY)
    if config is None:
        config = _load_config()
        cache.set(CACHE_KEY, config, CACHE_SECONDS)
    return config


def forget_shipping_config():
    cache.delete(CACHE_KEY)


def _load_config():
    zones = [
        Zone(z.pk, z.name, frozenset(str(c) for c in z.countries), z.rest_of_world)
        for z in ShippingZone.objects.all()
    ]
    prices = {}
    for rate in ShippingRate.objects.all():
        prices.setdefault(rate.method_id, {})[rate.zone_id] = rate.price
    methods = [
        Method(
            kind=m.kind,
            min_days=m.min_days,
            max_days=m.max_days,
            prices=prices.get(m.pk, {}),
            free_from=m.free_from,
            free_from_rate=Rate(m.free_from_currency.code, m.free_from_currency.rate)
            if m.free_from_currency
            else None,
        )
        for m in ShippingMethod.objects.filter(active=True).select_related("free_from_currency")
    ]
    dispatch = DispatchSettings.objects.first() or DispatchSettings()
    calendar = DispatchCalendar(
        cutoff=dispatch.cutoff,
        holiday_country=str(dispatch.holiday_country),
        holiday_subdivision=dispatch.holiday_subdivision,
        closures=frozenset(ClosureDay.objects.values_list("date", flat=True)),
    )
    return ShippingConfig(zones=zones, methods=methods, calendar=calendar)


def free_from_in(method: Method, rate: Rate) -> Decimal | None:
    """The free-shipping threshold in the shopper's currency: the value of the smallest
    basket that qualifies. None if the threshold is set in that currency.

    A threshold is a bound, not a price: it is exchanged at the rate to the minor unit,
    never moved by the currency's price rounding (.99 endings would state one that is
    not the real one)."""
    if method.free_from is None or method.free_from_rate.code == rate.code:
        return None
    cent = Decimal(1).scaleb(-get_currency_precision(settings.BASE_CURRENCY))
    base = (method.free_from / method.free_from_rate.rate).quantize(cent, rounding=ROUND_FLOOR)
    # Conversions round to the cent: the first qualifying basket is at most a few cents up.
    for _cent in range(3):
        if qualifies_for_free_shipping(method, base):
            break
        base += cent
    return rate.exchange(base)


def qualifies_for_free_shipping(method: Method, base_subtotal: Decimal) -> bool:
    """The subtotal, exchanged into the threshold's currency, reaches the threshold.

    The same basket qualifies whichever currency the shopper pays in: its value is
    compared, not its prices as rounded in one currency."""
    if method.free_from is None:
        return False
    return method.free_from_rate.exchange(base_subtotal) >= method.free_from


def shipping_options(*, config, country, base_subtotal, rate: Rate, now=None):
    """Every method that ships to `country`, priced in the shopper's currency."""
    zone = config.zone_for(country)
    now = now or timezone.now()
    options = []
    for method in config.methods:
        if zone is None or zone.pk not in method.prices:
            continue
        is_free = qualifies_for_free_shipping(method, base_subtotal)
        base_price = Decimal(0) if is_free else method.prices[zone.pk]
        arrives_from, arrives_by = config.calendar.delivery_window(
            now, method.min_days, method.max_days
        )
        options.append(
            ShippingOption(
                kind=method.kind,
                label=method.label,
                base_price=base_price,
                price=rate.convert(base_price),
                currency=rate.code,
                is_free=is_free,
                min_days=method.min_days,
                max_days=method.max_days,
                arrives_from=arrives_from,
                arrives_by=arrives_by,
            )
        )
    return options


def free_shipping_shortfall(*, config, base_subtotal, rate: Rate):
    """How much more, in the shopper's currency, unlocks free shipping; None if no threshold."""
    method = config.free_shipping_method
    if method is None:
        return None
    if qualifies_for_free_shipping(method, base_subtotal):
        return Decimal(0)
    threshold_in_base = method.free_from / method.free_from_rate.rate
    # A bound, like the threshold: exchanged, not rounded as a price.
    return max(rate.exchange(threshold_in_base - base_subtotal), minor_unit(rate.code))


@dataclass(frozen=True)
class MethodSummary:
    label: str
    min_days: int
    max_days: int
    cheapest: Decimal
    arrives_from: datetime.date
    arrives_by: datetime.date


def method_summaries(*, config, rate: Rate, now=None):
    """Each method's days, cheapest price and delivery window: the product page's box."""
    now = now or timezone.now()
    summaries = []
    for method in config.methods:
        if not method.prices:
            continue
        arrives_from, arrives_by = config.calendar.delivery_window(
            now, method.min_days, method.max_days
        )
        summaries.append(
            MethodSummary(
                label=method.label,
                min_days=method.min_days,
                max_days=method.max_days,
                cheapest=rate.convert(min(method.prices.values())),
                arrives_from=arrives_from,
                arrives_by=arrives_by,
            )
        )
    return summaries
