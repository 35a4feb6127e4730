from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from . import checks  # noqa: F401 - registers the deploy checks
        from .models import Currency, DefaultCurrency
        from .money import defaults_changed, rates_changed, remember_offer

        pre_save.connect(remember_offer, sender=Currency, dispatch_uid="offer-rates")
        post_save.connect(rates_changed, sender=Currency, dispatch_uid="fresh-rates")
        post_delete.connect(rates_changed, sender=Currency, dispatch_uid="gone-rates")
        post_save.connect(defaults_changed, sender=DefaultCurrency, dispatch_uid="new-default")
        post_delete.connect(defaults_changed, sender=DefaultCurrency, dispatch_uid="no-default")

        from .models import ShopPage
        from .pages import page_changed

        post_save.connect(page_changed, sender=ShopPage, dispatch_uid="fresh-shop-page")
        post_delete.connect(page_changed, sender=ShopPage, dispatch_uid="gone-shop-page")
