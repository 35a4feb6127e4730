from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from .models import ShopPage
from .page_cache import cached_page, depends_on
from .pages import footer_needs_reading, page_family, refresh_footer_slugs


@cached_page()
def shop_page(request, slug):
    """One of the shop's own pages, in the shopper's language (English where it has none)."""
    page = get_object_or_404(ShopPage.objects.published(), slug=slug)
    if footer_needs_reading():
        refresh_footer_slugs()  # the cache lost the list: put it back from here
    depends_on(request, page_family(page.slug))
    context = {
        "page": page,
        "text": page.in_language(get_language()),
        "canonical_url": request.build_absolute_uri(page.get_absolute_url()),
    }
    return render(request, "shop/page.html", context)
