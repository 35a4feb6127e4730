from django import template

from shop.formatting import format_money

register = template.Library()


@register.filter
def money(amount, currency="GBP"):
    """{{ release.price|money }} or {{ amount|money:"USD" }}, for the active language."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency)
