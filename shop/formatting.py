"""Locale-aware formatting of money and dates, backed by Babel's CLDR data."""

import datetime
import functools
from decimal import Decimal

from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency
from django.conf import settings
from django.utils.translation import get_language


def babel_locale(language=None):
    """The Babel locale for a UI language, such as "uk" -> "uk_UA"."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return settings.BABEL_LOCALES.get(language, settings.BABEL_LOCALES[settings.LANGUAGE_CODE])


def format_money(amount: Decimal, currency: str, language=None) -> str:
    """ "£23.95" in English, "23,95 GBP" in Ukrainian: CLDR's form for the locale."""
    return _formatted(Decimal(amount), currency, babel_locale(language))


@functools.lru_cache(maxsize=4096)
def _formatted(amount: Decimal, currency: str, locale: str) -> str:
    # A shop shows the same few hundred prices over and over: Babel formats each once.
    return format_currency(amount, currency, locale=locale)


def format_partial_date(value: datetime.date, precision: str, language=None) -> str:
    """A date known to the day, the month or only the year, written for the locale."""
    locale = babel_locale(language)
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_skeleton("yMMMM", value, locale=locale)
    return format_date(value, "long", locale=locale)
