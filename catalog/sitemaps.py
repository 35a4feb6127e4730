"""The sitemap: every published record, artist, label and collection, in each language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Artist, Collection, Label, Release


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 20000  # URLs per sitemap page, per language


class ReleaseSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Release.objects.published().only("slug", "updated").order_by("pk")

    def lastmod(self, release):
        return release.updated


class ArtistSitemap(I18nSitemap):
    def items(self):
        return (
            Artist.objects.filter(releases__published=True).distinct().only("slug").order_by("pk")
        )


class LabelSitemap(I18nSitemap):
    def items(self):
        return Label.objects.filter(releases__published=True).distinct().only("slug").order_by("pk")


class CollectionSitemap(I18nSitemap):
    def items(self):
        return (
            Collection.objects.filter(releases__published=True)
            .distinct()
            .only("slug")
            .order_by("pk")
        )


class PageSitemap(I18nSitemap):
    priority = 1.0

    def items(self):
        return ["catalog:home", "catalog:release_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "records": ReleaseSitemap,
    "artists": ArtistSitemap,
    "labels": LabelSitemap,
    "collections": CollectionSitemap,
}
