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


@register(deploy=True)
def caches_are_shared(app_configs, **kwargs):
    if not settings.REDIS_URL:
        return [
            Warning(
                "No shared cache: each process keeps its own, so whole pages are not "
                "cached, counts may lag between workers and rate limits multiply.",
                hint="Set REDIS_URL so that every web and task process shares one cache.",
                id="shop.W002",
            )
        ]
    return []
