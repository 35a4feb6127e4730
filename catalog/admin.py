from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from orders.stock_adjustments import adjust_stock

from .forms import ReleaseAdminForm
from .genres import forget_genre_names
from .images import make_renditions
from .models import (
    Artist,
    ArtistTranslation,
    Collection,
    CollectionTranslation,
    CompanyCredit,
    CoverImage,
    Credit,
    Genre,
    GenreTranslation,
    Label,
    Question,
    Release,
    ReleaseArtist,
    ReleaseTranslation,
    Role,
    RoleTranslation,
    Track,
)
from .questions import answer_question
from .search_index import refresh_search_text


def image_preview(image, size=80):
    if not image:
        return "–"
    return format_html(
        '<img src="{}" width="{}" alt="" style="border-radius:4px">', image.thumbnail_url, size
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
        from django.conf import settings

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


class TrackInline(admin.TabularInline):
    model = Track
    extra = 0
    fields = ["side", "position", "title", "duration"]


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


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
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
        (_("Price and stock"), {"fields": [("price", "sale_price"), "stock"]}),
        (_("Text"), {"fields": ["description", "notes"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("label")
            .prefetch_related("release_artists__artist", "images")
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "genres":
            kwargs["queryset"] = Genre.objects.select_related("parent")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, obj):
        return image_preview(obj.cover, 48)

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
            return super().save_model(request, obj, form, change)
        fields = [f.name for f in obj._meta.concrete_fields if not f.primary_key]
        obj.save(update_fields=[name for name in fields if name != "stock"])
        if "stock" in form.changed_data:
            shown = self._stock_shown(form, obj)
            adjust_stock(release_id=obj.pk, change=form.cleaned_data["stock"] - shown)
        obj.refresh_from_db(fields=["stock"])

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


class ArtistTranslationInline(admin.StackedInline):
    model = ArtistTranslation
    extra = 0


class ReleaseCountMixin:
    """Adds a sortable "releases" column to a changelist."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(release_count=Count("releases"))

    @admin.display(description=_("releases"), ordering="release_count")
    def release_count(self, obj):
        return obj.release_count


@admin.register(Artist)
class ArtistAdmin(ReleaseCountMixin, admin.ModelAdmin):
    list_display = ["name", "sort_name", "release_count"]
    search_fields = ["name", "sort_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ArtistTranslationInline]


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class CollectionTranslationInline(admin.StackedInline):
    model = CollectionTranslation
    extra = 0


@admin.register(Collection)
class CollectionAdmin(ReleaseCountMixin, admin.ModelAdmin):
    list_display = ["name", "release_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CollectionTranslationInline]


class GenreTranslationInline(admin.TabularInline):
    model = GenreTranslation
    extra = 0


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    list_display = ["name", "parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]
    inlines = [GenreTranslationInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        forget_genre_names()


class RoleTranslationInline(admin.TabularInline):
    model = RoleTranslation
    extra = 0


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    search_fields = ["name", "translations__name"]
    inlines = [RoleTranslationInline]


class AnsweredFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for an answer")), ("answered", _("Answered"))]

    def queryset(self, request, queryset):
        match self.value():
            case "waiting":
                return queryset.awaiting_answer()
            case "answered":
                return queryset.visible()
        return queryset


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["body_start", "release", "name", "language", "asked", "is_answered", "hidden"]
    list_filter = [AnsweredFilter, "hidden", "language"]
    list_select_related = ["release"]
    search_fields = ["body", "name", "email", "release__title"]
    autocomplete_fields = ["release"]
    readonly_fields = ["asked", "answered", "answered_by"]
    fields = [
        "release",
        ("name", "email", "language"),
        "body",
        "asked",
        "answer",
        "hidden",
        ("answered", "answered_by"),
    ]

    @admin.display(description=_("question"))
    def body_start(self, obj):
        return str(obj)

    @admin.display(description=_("answered"), boolean=True)
    def is_answered(self, obj):
        return bool(obj.answer)

    def save_model(self, request, obj, form, change):
        """A new or changed answer is stamped, and the first one emailed to the shopper."""
        super().save_model(request, obj, form, change)
        if obj.answer and "answer" in form.changed_data:
            answer_question(question=obj, answer=obj.answer, staff_user=request.user)
