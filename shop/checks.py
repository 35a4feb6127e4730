from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def demo_payments_are_off(app_configs, **kwargs):
    if settings.DEMO_PAYMENTS:
        return [
            Warning(
                "Demo payments are on: orders are marked paid without taking money.",
                hint="Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET for a real shop.",
                id="shop.W001",
            )
        ]
    return []
