"""Wishlists, for staff: which records members are waiting to buy, to know what to reorder."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups, ViewOnly

from ..models import WishlistItem


@admin.register(WishlistItem)
class WishlistItemAdmin(ViewOnly, StrictLookups, admin.ModelAdmin):
    """A member's list is theirs to change; staff only read it."""

    list_display = ["release", "customer_email", "added"]
    list_filter = ["added"]
    list_select_related = ["release", "customer"]
    search_fields = ["release__title", "release__catalogue_number", "customer__email"]
    date_hierarchy = "added"
    readonly_fields = ["release", "customer", "added"]

    @admin.display(description=_("customer"), ordering="customer__email")
    def customer_email(self, obj):
        return obj.customer.email
