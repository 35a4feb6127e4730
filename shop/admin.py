from django.contrib import admin

from .models import Currency
from .money import forget_cached_rates


@admin.register(Currency)
class CurrencyAdmin(admin.ModelAdmin):
    list_display = ["code", "rate", "rate_set", "active", "position"]
    list_editable = ["rate", "active", "position"]
    readonly_fields = ["rate_set"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_cached_rates()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_cached_rates()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        forget_cached_rates()
