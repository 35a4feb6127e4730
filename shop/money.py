"""Money: converting base-currency prices into the shopper's currency, always in Decimal."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save

from .cache_keys import bump
from .models import Currency

# The version family of the offered currencies: every page shows them in its header.
RATES = "rates"
CACHE_KEY = "shop:currencies:v1"
# The last rates read, kept without expiry: pages a cache can serve keep working
# while the database is down, priced as they were a moment ago.
LAST_KNOWN_KEY = "shop:currencies:last-known:v1"
# Shown prices may lag a changed rate by this long on other processes; orders
# always read the rate from the database.
CACHE_SECONDS = 60


@dataclass(frozen=True)
class Rate:
    """A currency and its rate from the base currency, as used for one request or order."""

    code: str
    rate: Decimal

    def convert(self, base_amount: Decimal) -> Decimal:
        """A base-currency amount in this currency, rounded to its minor unit."""
        return round_to_minor_unit(Decimal(base_amount) * self.rate, self.code)

    def to_base(self, amount: Decimal) -> Decimal:
        """An amount in this currency back in the base currency, for comparisons."""
        return round_to_minor_unit(Decimal(amount) / self.rate, settings.BASE_CURRENCY)


BASE_RATE = Rate(settings.BASE_CURRENCY, Decimal(1))


def round_to_minor_unit(amount: Decimal, code: str) -> Decimal:
    exponent = Decimal(1).scaleb(-get_currency_precision(code))
    return amount.quantize(exponent, rounding=ROUND_HALF_UP)


def offered_rates() -> dict[str, Rate]:
    """The currencies shoppers can choose, by code, from a short-lived cache."""
    rates = cache.get(CACHE_KEY)
    if rates is None:
        try:
            rates = {c.code: Rate(c.code, c.rate) for c in Currency.objects.active()}
        except DatabaseError:
            rates = cache.get(LAST_KNOWN_KEY)
            if rates is None:
                raise
            return rates
        rates.setdefault(settings.BASE_CURRENCY, BASE_RATE)
        cache.set(CACHE_KEY, rates, CACHE_SECONDS)
        cache.set(LAST_KNOWN_KEY, rates, timeout=None)
    return rates


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


def current_rate(code: str) -> Rate:
    """The rate for `code` straight from the database, for pricing an order."""
    if code == settings.BASE_CURRENCY:
        return BASE_RATE
    currency = Currency.objects.active().get(code=code)
    return Rate(currency.code, currency.rate)
