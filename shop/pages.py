"""The shop's own pages (shipping, returns...): what a page shows, and keeping the
cached pages that show them fresh.

Two version families (shop.cache_keys):

- `shop-page:<slug>`: one page's own text, as its page shows it;
- FOOTER: which pages are published. Every page links them in its footer, so it
  moves only when a page is published, unpublished, created or deleted.

The footer reads the published pages from the cache, never from the database, so
that no page pays a query for it (the product page has a fixed budget). The list is
written whenever staff change a page; while it is missing (a cold cache), the
footer links all six, and the next shop page view puts the real list back.
"""

from django.core.cache import cache
from django.db import transaction

from .cache_keys import bump
from .models import ShopPage

FOOTER = "shop-pages:footer"
PUBLISHED_KEY = "shop:pages:published:v1"
EVERY_SLUG = tuple(ShopPage.Slug.values)


def page_family(slug: str) -> str:
    return f"shop-page:{slug}"


def footer_slugs() -> tuple[str, ...]:
    """The published pages' slugs in footer order, as last read from the database."""
    published = cache.get(PUBLISHED_KEY)
    return EVERY_SLUG if published is None else published


def refresh_footer_slugs():
    """Read which pages are published and store it; footers move if that changed."""
    shown = footer_slugs()
    live = set(ShopPage.objects.published().values_list("slug", flat=True))
    published = tuple(slug for slug in EVERY_SLUG if slug in live)
    cache.set(PUBLISHED_KEY, published, timeout=None)
    if published != shown:
        bump(FOOTER)


def footer_needs_reading() -> bool:
    return cache.get(PUBLISHED_KEY) is None


def page_changed(sender, instance, **_signal):
    """Staff saved or deleted a page: its own page changes, and maybe every footer."""
    _refresh(instance.slug)
    # Again at commit, as catalog.freshness.changed explains.
    transaction.on_commit(lambda: _refresh(instance.slug), robust=True)


def _refresh(slug):
    bump(page_family(slug))
    refresh_footer_slugs()
