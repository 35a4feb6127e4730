"""The home page's staff picks: which records, in what order, with a line on each."""

from django.contrib import admin

from ..models import StaffPick, StaffPickTranslation


class StaffPickTranslationInline(admin.TabularInline):
    model = StaffPickTranslation
    extra = 0


@admin.register(StaffPick)
class StaffPickAdmin(admin.ModelAdmin):
    list_display = ["release", "position", "note"]
    list_editable = ["position", "note"]
    list_select_related = ["release"]
    search_fields = ["release__title", "note"]
    autocomplete_fields = ["release"]
    inlines = [StaffPickTranslationInline]
