from django import template

from shop.formatting import format_money

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
