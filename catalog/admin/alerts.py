"""Back-in-stock alerts in the admin: who follows which record, read-only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups

from ..models import StockAlert


class AlertStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for the record")),
            ("unconfirmed", _("Not confirmed")),
            ("sent", _("Sent")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "waiting":
                return queryset.due()
            case "unconfirmed":
                return queryset.live().filter(confirmed__isnull=True)
            case "sent":
                return queryset.filter(notified__isnull=False)
        return queryset


@admin.register(StockAlert)
class StockAlertAdmin(StrictLookups, admin.ModelAdmin):
    list_display = ["email", "release", "language", "created", "confirmed", "notified"]
    list_filter = [AlertStateFilter, "language", "created"]
    list_select_related = ["release"]
    search_fields = ["email", "release__title"]
    date_hierarchy = "created"
    fields = ["release", "email", "language", "created", "confirmed", "notified"]

    # Shoppers subscribe and unsubscribe themselves; staff look, and may delete.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
