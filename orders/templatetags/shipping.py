from django import template

from orders.shipping import method_summaries, shipping_config

register = template.Library()


@register.inclusion_tag("orders/includes/shipping_box.html", takes_context=True)
def shipping_box(context):
    """Live shipping facts for the product page: threshold, methods and delivery dates."""
    config = shipping_config()
    free_method = config.free_shipping_method
    return {
        "methods": method_summaries(config=config, rate=context["request"].currency),
        "free_method": free_method,
        "currency": context["request"].currency.code,
    }
