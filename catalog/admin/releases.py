"""Editing releases: the record with its artists, images, tracks, credits and texts."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from shop.admin import StrictLookups

from .. import stock
from ..forms import ReleaseAdminForm
from ..freshness import catalogue_changed
from ..images import make_renditions
from ..models import (
    CompanyCredit,
    CoverImage,
    Credit,
    Genre,
    Release,
    ReleaseArtist,
    ReleaseTranslation,
    StockAlert,
)
from ..search_index import refresh_search_text
from .tracks import TrackInline


def _alerts_waiting():
    waiting = (
        StockAlert.objects.due()
        .filter(release=OuterRef("pk"))
        .order_by()
        .values("release")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(waiting), Value(0))


def image_preview(image, size=80):
    if not image:
        return "–"
    return format_html(
        '<img src="{}" width="{}" alt="" class="cover-thumbnail">', image.thumbnail_url, size
    )


class StockFilter(admin.SimpleListFilter):
    title = _("stock")
    parameter_name = "stock"

    def lookups(self, request, model_admin):
        return [
            ("in", _("In stock")),
            ("low", _("Only a few left")),
            ("out", _("Out of stock")),
        ]

    def queryset(self, request, queryset):

        threshold = settings.LOW_STOCK_THRESHOLD
        match self.value():
            case "in":
                return queryset.filter(stock__gt=0)
            case "low":
                return queryset.filter(stock__gt=0, stock__lte=threshold)
            case "out":
                return queryset.filter(stock=0)
        return queryset


class ReleaseArtistInline(admin.TabularInline):
    model = ReleaseArtist
    autocomplete_fields = ["artist"]
    extra = 1


class CreditInline(admin.TabularInline):
    model = Credit
    autocomplete_fields = ["artist", "role"]
    extra = 0
    fields = ["position", "artist", "role"]


class CompanyCreditInline(admin.TabularInline):
    model = CompanyCredit
    extra = 0
    fields = ["position", "role", "name"]


class CoverImageInline(admin.TabularInline):
    model = CoverImage
    extra = 1
    fields = ["preview", "image", "alt_text", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return image_preview(obj if obj.pk else None, 120)


class ReleaseTranslationInline(admin.StackedInline):
    model = ReleaseTranslation
    extra = 0
    fields = ["language", "description", "colour", "notes"]


@admin.register(Release)
class ReleaseAdmin(StrictLookups, admin.ModelAdmin):
    form = ReleaseAdminForm
    list_display = [
        "cover_thumbnail",
        "title",
        "artist_names",
        "label",
        "catalogue_number",
        "format",
        "price",
        "stock",
        "held",
        "alerts_waiting",
        "published",
    ]
    list_display_links = ["cover_thumbnail", "title"]
    list_editable = ["price", "stock"]
    list_filter = [
        "published",
        StockFilter,
        "format",
        ("genres", admin.RelatedOnlyFieldListFilter),
        ("label", admin.RelatedOnlyFieldListFilter),
        "collection",
    ]
    list_per_page = 50
    search_fields = [
        "title",
        "release_artists__artist__name",
        "catalogue_number",
        "barcode",
        "label__name",
    ]
    autocomplete_fields = ["label", "original_label", "collection"]
    readonly_fields = ["held", "alerts_waiting"]
    filter_horizontal = ["genres"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish", "unpublish"]
    save_on_top = True
    inlines = [
        ReleaseArtistInline,
        CoverImageInline,
        TrackInline,
        CreditInline,
        CompanyCreditInline,
        ReleaseTranslationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "published"]}),
        (
            _("Pressing"),
            {
                "fields": [
                    ("label", "catalogue_number"),
                    ("format", "colour"),
                    "format_descriptions",
                    ("country", "released", "released_precision"),
                    "barcode",
                ]
            },
        ),
        (_("Original release"), {"fields": [("original_label", "original_year")]}),
        (_("Classification"), {"fields": ["genres", ("collection", "collection_position")]}),
        (
            _("Price and stock"),
            {
                "fields": [
                    ("price", "sale_price"),
                    ("stock", "held"),
                    "max_per_order",
                    "alerts_waiting",
                ]
            },
        ),
        (_("Text"), {"fields": ["description", "notes"]}),
    ]

    class Media:
        css = {"all": ["catalog/admin.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("label")
            .prefetch_related("release_artists__artist", "images")
            .annotate(alerts_waiting=_alerts_waiting())
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "genres":
            kwargs["queryset"] = Genre.objects.select_related("parent")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, obj):
        return image_preview(obj.cover, 48)

    @admin.display(description=_("alerts waiting"), ordering="alerts_waiting")
    def alerts_waiting(self, obj):
        """Confirmed back-in-stock alerts to be emailed when the record is back."""
        waiting = getattr(obj, "alerts_waiting", 0)
        if not waiting:
            return 0
        query = urlencode({"release__id__exact": obj.pk, "state": "waiting"})
        url = f"{reverse('admin:catalog_stockalert_changelist')}?{query}"
        return format_html('<a href="{}">{}</a>', url, waiting)

    @admin.display(description=_("artists"))
    def artist_names(self, obj):
        return obj.artist_line

    @admin.action(description=_("Publish the selected releases"))
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish the selected releases"))
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, published):
        changed = queryset.update(published=published)
        catalogue_changed()  # update() sends no signal: move the catalogue's version here
        message = (
            ngettext("%(count)d release published.", "%(count)d releases published.", changed)
            if published
            else ngettext(
                "%(count)d release unpublished.", "%(count)d releases unpublished.", changed
            )
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    def save_related(self, request, form, formsets, change):
        """Once artists, tracks and credits are saved, the search text can be rebuilt."""
        super().save_related(request, form, formsets, change)
        refresh_search_text([form.instance.pk])

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "stock":
            # The form posts back the stock it showed, so an edit is applied as a
            # difference and never undoes copies reserved while staff were typing.
            field.show_hidden_initial = True
        return field

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            stock.record_opening([(obj.pk, obj.stock)])
            return
        # Stock and held copies change only through the ledger, never from a stale form.
        fields = [
            f.name
            for f in obj._meta.concrete_fields
            if not (f.primary_key or f.generated or f.name in ("stock", "held"))
        ]
        obj.save(update_fields=fields)
        if "stock" in form.changed_data:
            shown = self._stock_shown(form, obj)
            stock.adjust(release_id=obj.pk, change=form.cleaned_data["stock"] - shown)
        obj.refresh_from_db(fields=["stock", "held"])

    @staticmethod
    def _stock_shown(form, obj):
        """The stock figure the form displayed, else the current one."""
        try:
            shown = form.fields["stock"].to_python(form.data.get(form["stock"].html_initial_name))
        except ValidationError:
            shown = None
        if shown is None:
            shown = Release.objects.values_list("stock", flat=True).get(pk=obj.pk)
        return shown

    def save_formset(self, request, form, formset, change):
        """Make renditions for every cover image that was added or replaced."""
        super().save_formset(request, form, formset, change)
        if formset.model is not CoverImage:
            return
        for image_form in formset.forms:
            cover = image_form.instance
            if cover.pk and "image" in image_form.changed_data:
                make_renditions(cover)
