from babel.dates import format_skeleton
from django import template

from shop.formatting import babel_locale, format_money

register = template.Library()


@register.filter
def money(amount, currency="GBP"):
    """{{ order.total|money:order.currency }}: an amount already in `currency`."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency)


@register.simple_tag(takes_context=True)
def price(context, base_amount):
    """{% price release.price %}: a base-currency price in the shopper's currency."""
    rate = context["request"].currency
    return format_money(rate.convert(base_amount), rate.code)


@register.filter
def short_date(value):
    """ "Thu 27 Nov" in English, "чт, 27 лист." in Ukrainian."""
    if not value:
        return ""
    return format_skeleton("MMMEd", value, locale=babel_locale())
