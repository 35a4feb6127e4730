from django.contrib.sitemaps import Sitemap

from .models import ShopPage


class ShopPageSitemap(Sitemap):
    """The published shop pages, in each language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return ShopPage.objects.published().only("slug", "updated").order_by("pk")

    def lastmod(self, page):
        return page.updated
