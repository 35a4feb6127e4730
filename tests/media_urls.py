"""The shop's URLs with media served by the shop itself, as with DEBUG or SERVE_MEDIA
(tests run with both off)."""

from django.conf import settings
from django.urls import re_path

from shop.media import serve_media
from shop.urls import handler500
from shop.urls import urlpatterns as shop_urlpatterns

urlpatterns = [
    *shop_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
]

__all__ = ["handler500", "urlpatterns"]
