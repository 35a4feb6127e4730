from django.contrib import admin

from ..models import HoldingLimits


@admin.register(HoldingLimits)
class HoldingLimitsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "copies_per_customer"]

    def has_add_permission(self, request):
        return not HoldingLimits.objects.exists()
