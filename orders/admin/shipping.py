"""Shipping settings in the admin: zones and prices, methods, the dispatch calendar.

Saving any of them refreshes the cached settings and pages (orders.freshness)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups

from ..models import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone


class ShippingRateInline(admin.TabularInline):
    model = ShippingRate
    extra = 0


@admin.register(ShippingZone)
class ShippingZoneAdmin(admin.ModelAdmin):
    list_display = ["name", "country_list", "rest_of_world"]
    inlines = [ShippingRateInline]

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(str(c.code) for c in obj.countries) or "–"


@admin.register(ShippingMethod)
class ShippingMethodAdmin(admin.ModelAdmin):
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
class DispatchSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cutoff", "holiday_country", "holiday_subdivision"]

    def has_add_permission(self, request):
        return not DispatchSettings.objects.exists()


@admin.register(ClosureDay)
class ClosureDayAdmin(StrictLookups, admin.ModelAdmin):
    list_display = ["date", "reason"]
    date_hierarchy = "date"
