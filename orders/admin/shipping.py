"""Shipping settings in the admin: zones and prices, methods, the dispatch calendar."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups

from ..models import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone
from ..shipping import forget_shipping_config


class ShippingCacheMixin:
    """Shipping settings are cached for pages: forget them whenever staff change one."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_shipping_config()

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        forget_shipping_config()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_shipping_config()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        forget_shipping_config()


class ShippingRateInline(admin.TabularInline):
    model = ShippingRate
    extra = 0


@admin.register(ShippingZone)
class ShippingZoneAdmin(ShippingCacheMixin, admin.ModelAdmin):
    list_display = ["name", "country_list", "rest_of_world"]
    inlines = [ShippingRateInline]

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(str(c.code) for c in obj.countries) or "–"


@admin.register(ShippingMethod)
class ShippingMethodAdmin(ShippingCacheMixin, admin.ModelAdmin):
    list_display = [
        "kind",
        "min_days",
        "max_days",
        "free_from",
        "free_from_currency",
        "active",
        "position",
    ]
    list_editable = ["min_days", "max_days", "free_from", "active", "position"]


@admin.register(DispatchSettings)
class DispatchSettingsAdmin(ShippingCacheMixin, admin.ModelAdmin):
    list_display = ["__str__", "cutoff", "holiday_country", "holiday_subdivision"]

    def has_add_permission(self, request):
        return not DispatchSettings.objects.exists()


@admin.register(ClosureDay)
class ClosureDayAdmin(StrictLookups, ShippingCacheMixin, admin.ModelAdmin):
    list_display = ["date", "reason"]
    date_hierarchy = "date"
