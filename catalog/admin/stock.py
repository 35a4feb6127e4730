"""The stock ledger in the admin: every movement, read-only."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups, ViewOnly

from ..models import StockMovement


@admin.register(StockMovement)
class StockMovementAdmin(ViewOnly, StrictLookups, admin.ModelAdmin):
    list_display = ["created", "release", "change_display", "reason", "reference"]
    list_filter = ["reason", "created"]
    search_fields = ["release__title", "reference"]
    list_select_related = ["release"]
    date_hierarchy = "created"

    class Media:
        css = {"all": ["catalog/admin.css"]}

    @admin.display(description=_("change"), ordering="change")
    def change_display(self, obj):
        direction = "in" if obj.change > 0 else "out"
        return format_html(
            '<strong class="stock-change--{}">{}</strong>', direction, f"{obj.change:+d}"
        )
