"""Money: converting base-currency prices into the shopper's currency, always in Decimal."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save

from .cache_keys import bump
from .formatting import write_whole_units_of
from .models import Currency
from .rounding import PriceRounding, minor_unit, round_price

# The version family of the offered currencies and of each language's default one:
# every page shows the switch, and a page without a chosen currency is priced in
# its language's default.
RATES = "rates"
CACHE_KEY = "shop:currencies:v2"
# The last rates read, kept without expiry: pages a cache can serve keep working
# while the database is down, priced as they were a moment ago.
LAST_KNOWN_KEY = "shop:currencies:last-known:v2"
# Shown prices may lag a changed rate by this long on other processes; orders
# always read the rate from the database.
CACHE_SECONDS = 60


@dataclass(frozen=True)
class Rate:
    """A currency and its rate from the base currency, as used for one request or order."""

    code: str
    rate: Decimal
    rounding: str = PriceRounding.MINOR_UNIT

    def convert(self, base_amount: Decimal) -> Decimal:
        """A base-currency price in this currency, rounded by the currency's rule.

        Every price a shopper sees or pays comes from here: the page, the cart, the
        order and the amount Stripe charges cannot disagree."""
        return round_price(Decimal(base_amount) * self.rate, self.rounding, self.code)

    def exchange(self, base_amount: Decimal) -> Decimal:
        """A base-currency amount that is not a price, such as a free-shipping
        threshold, in this currency at the rate, rounded to the minor unit only."""
        return round_to_minor_unit(Decimal(base_amount) * self.rate, self.code)

    def to_base(self, amount: Decimal) -> Decimal:
        """An amount in this currency back in the base currency, for comparisons."""
        return round_to_minor_unit(Decimal(amount) / self.rate, settings.BASE_CURRENCY)


BASE_RATE = Rate(settings.BASE_CURRENCY, Decimal(1))


def round_to_minor_unit(amount: Decimal, code: str) -> Decimal:
    return amount.quantize(minor_unit(code), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Offer:
    """What shoppers can pay in: the rates by code, and each language's default code."""

    rates: dict[str, Rate]
    defaults: dict[str, str]


def offered_rates() -> dict[str, Rate]:
    """The currencies shoppers can choose, by code, from a short-lived cache."""
    return _offer().rates


def shoppers_rate(chosen: str | None, language: str | None) -> Rate:
    """The rate a shopper's prices are in: the currency they chose (the cookie), else
    their language's default, else the base currency; only offered currencies count."""
    offer = _offer()
    for code in (chosen, offer.defaults.get(language), settings.BASE_CURRENCY):
        if code in offer.rates:
            return offer.rates[code]
    return BASE_RATE


def _offer() -> Offer:
    offer = cache.get(CACHE_KEY)
    if offer is None:
        try:
            offer = _read_offer()
        except DatabaseError:
            offer = cache.get(LAST_KNOWN_KEY)
            if offer is None:
                raise
        else:
            cache.set(CACHE_KEY, offer, CACHE_SECONDS)
            cache.set(LAST_KNOWN_KEY, offer, timeout=None)
    write_whole_units_of(
        code for code, rate in offer.rates.items() if rate.rounding == PriceRounding.WHOLE_UNIT
    )
    return offer


def _read_offer() -> Offer:
    # One query: a currency's row repeats for each language it is the default of.
    rows = Currency.objects.active().values_list("code", "rate", "rounding", "default_for")
    rates, defaults = {}, {}
    for code, rate, rounding, language in rows:
        rates[code] = Rate(code, rate, rounding)
        if language is not None:
            defaults[language] = code
    rates.setdefault(settings.BASE_CURRENCY, BASE_RATE)
    return Offer(rates, defaults)


def forget_cached_rates():
    cache.delete_many([CACHE_KEY, LAST_KNOWN_KEY])


def rate_family(code: str) -> str:
    """The version family of one currency's rate: the pages priced in it depend on it."""
    return f"{RATES}:{code}"


def remember_offer(sender, instance, **_signal):
    """Before a currency is saved, note whether the list of offered currencies changes."""
    before = sender.objects.filter(pk=instance.pk).values("active", "position").first()
    instance._offer_changed = before != {"active": instance.active, "position": instance.position}


def rates_changed(sender, instance, **signal):
    """A currency was saved or deleted. Pages priced in it change; every page changes
    when the currency switch's list does (a currency added, removed or reordered)."""
    families = [rate_family(instance.code)]
    if signal.get("signal") is not post_save or getattr(instance, "_offer_changed", True):
        families.append(RATES)
    _forget_rates(families)
    # Again at commit, as catalog.freshness.changed explains.
    transaction.on_commit(lambda: _forget_rates(families), robust=True)


def _forget_rates(families):
    forget_cached_rates()
    bump(*families)


def defaults_changed(sender, instance, **signal):
    """A language's default currency was set or removed: pages without a chosen
    currency are priced differently, and every page depends on RATES."""
    _forget_rates([RATES])
    transaction.on_commit(lambda: _forget_rates([RATES]), robust=True)


def current_rate(code: str) -> Rate:
    """The rate for `code` straight from the database, for pricing an order."""
    try:
        currency = Currency.objects.active().get(code=code)
    except Currency.DoesNotExist:
        if code == settings.BASE_CURRENCY:
            return BASE_RATE
        raise
    return Rate(currency.code, currency.rate, currency.rounding)
