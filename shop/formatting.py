"""Locale-aware formatting of money and dates, backed by Babel's CLDR data."""

import datetime
import functools
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.languages import get_official_languages
from babel.numbers import format_currency
from django.conf import settings
from django.utils.translation import get_language


def babel_locale(language=None):
    """The Babel locale for a UI language, such as "uk" -> "uk_UA"."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return settings.BABEL_LOCALES.get(language, settings.BABEL_LOCALES[settings.LANGUAGE_CODE])


# Currencies that staff price in whole units (shop.rounding): a whole amount in one is
# written without its minor digits, "1 257 ₴", as shops write hryvnias. shop.money
# keeps this set as it reads the offered currencies, which a request does before it
# prices anything: formatting a price must not cost a cache read of its own.
_whole_unit_currencies: frozenset[str] = frozenset()


def write_whole_units_of(codes):
    global _whole_unit_currencies
    _whole_unit_currencies = frozenset(codes)


def format_money(amount: Decimal, currency: str, language=None) -> str:
    """ "₴1,257.38" in English, "1 257,38 ₴" or "23,95 £" in Ukrainian: CLDR's pattern
    for the locale, always with a symbol (see currency_symbol)."""
    amount = Decimal(amount)
    whole = currency in _whole_unit_currencies and amount == amount.to_integral_value()
    return _formatted(amount, currency, babel_locale(language), whole)


@functools.lru_cache(maxsize=4096)
def _formatted(amount: Decimal, currency: str, locale: str, whole: bool) -> str:
    # A shop shows the same few hundred prices over and over: Babel formats each once.
    pattern = _money_pattern(currency, locale, whole)
    return format_currency(
        amount, currency, format=pattern, locale=locale, currency_digits=not whole
    )


@functools.lru_cache(maxsize=256)
def _money_pattern(currency: str, locale: str, whole: bool = False) -> str:
    """The locale's currency pattern with the symbol written in (quoted, so that Babel
    does not look it up again), and without the fraction for whole units."""
    symbol = currency_symbol(currency, locale).replace("'", "''")
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    if whole:
        pattern = pattern.replace(".00", "")
    return pattern.replace("¤", f"'{symbol}'")


@functools.lru_cache(maxsize=256)
def currency_symbol(currency: str, locale: str) -> str:
    """The symbol for `currency` in `locale`, from CLDR.

    Where the locale names a currency only by its code (Ukrainian has "GBP", British
    English "UAH"), the symbol comes from CLDR's root, which every locale inherits
    from (£, €, US$), else from the currency's own country ("₴" from Ukrainian). A
    dollar stays "US$", as British English writes it: the shop may offer other dollars.
    """
    for source in (locale, "root", *_home_locales(currency)):
        try:
            symbol = Locale.parse(source).currency_symbols.get(currency)
        except UnknownLocaleError:  # a country's language that CLDR has no locale for
            continue
        if symbol and symbol != currency:
            return symbol
    return currency


def _home_locales(currency: str) -> list[str]:
    # A national currency's code starts with its country's (ISO 4217).
    territory = currency[:2]
    languages = get_official_languages(territory, de_facto=True)
    return [f"{language}_{territory}" for language in languages]


def format_partial_date(value: datetime.date, precision: str, language=None) -> str:
    """A date known to the day, the month or only the year, written for the locale."""
    locale = babel_locale(language)
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_skeleton("yMMMM", value, locale=locale)
    return format_date(value, "long", locale=locale)
