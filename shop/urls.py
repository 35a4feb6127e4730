from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from catalog.sitemaps import SITEMAPS
from orders.webhooks import stripe_webhook

from . import page_views, views
from .health import healthz
from .media import serve_media
from .ratelimit import rate_limited
from .robots import robots_txt
from .sitemaps import ShopPageSitemap

# A database outage is a 503 with a friendly page wherever it strikes (see shop.outage).
handler500 = "shop.outage.server_error"

# The catalogue's sections and the shop's own pages, in one sitemap index.
SITEMAP_SECTIONS = {**SITEMAPS, "shop-pages": ShopPageSitemap}

urlpatterns = [
    # Every login counts against the client's address; django-axes locks out a user's guesses.
    path("admin/login/", rate_limited("login")(admin.site.login)),
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAP_SECTIONS}, name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAP_SECTIONS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
]

urlpatterns += i18n_patterns(
    path("currency/", views.set_currency, name="set_currency"),
    path("pages/<slug:slug>/", page_views.shop_page, name="page"),
    path("account/", include("shop.accounts.urls")),
    path("", include("orders.urls")),
    path("", include("catalog.urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve_media,  # answers byte ranges, which audio players ask for
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
