from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from .cart_hint import cart_count
from .page_cache import holes, rendering_for_cache


def site(request):
    """The shop's name, and the current page in every language for the switch and hreflang."""
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
            }
        )
    # x-default: the address without a language, which redirects by Accept-Language.
    prefix = f"/{get_language()}/"
    unprefixed = "/" + path.removeprefix(prefix) if path.startswith(prefix) else path
    return {
        **_shopper_values(request),
        "x_default_url": request.build_absolute_uri(unprefixed),
        "shop_name": settings.SHOP_NAME,
        "language_links": links,
        "currencies": getattr(request, "offered_currencies", []),
    }


def _shopper_values(request):
    """Each shopper's own values, or markers in their place on a page made for the
    cache (shop.page_cache fills them in per response)."""
    if rendering_for_cache(request):
        marks = holes()
        return {
            "csrf_token": marks.csrf_token,
            "cart_count": marks.cart_count,
            "messages_hole": marks.messages,
        }
    return {"cart_count": cart_count(request)}
