"""Artists, labels, collections, genres and roles: what releases are filed under."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..genres import forget_genre_names
from ..models import (
    Artist,
    ArtistTranslation,
    Collection,
    CollectionTranslation,
    Genre,
    GenreTranslation,
    Label,
    Role,
    RoleTranslation,
)
from ..search_index import refresh_artist_search_text


class ArtistTranslationInline(admin.StackedInline):
    model = ArtistTranslation
    extra = 0
    fields = ["language", "name", "biography"]


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

    def save_related(self, request, form, formsets, change):
        """Records are found by their artists' names in every language: once the
        translations are saved, their search text follows."""
        super().save_related(request, form, formsets, change)
        refresh_artist_search_text(form.instance)


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
    list_display = ["name", "featured", "release_count"]
    list_filter = ["featured"]
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
